import CarouselModel

/// Places on a map in kilometres and the minutes between them, for
/// generated sites' `travel` tables: roads are taken as 1.3 times the
/// straight line; a trip short enough to walk (at 12 minutes a kilometre,
/// up to `walkLimit` minutes) is walked, a longer one driven (`driveBase`
/// minutes to load and park, plus `drivePerKm`).
struct SiteMap {
    struct Place {
        var id: String
        var name: String
        var x: Double
        var y: Double
    }

    var walkLimit = 0
    var driveBase = 6.0
    var drivePerKm = 1.5
    var places: [Place] = []

    /// Road kilometres between places `a` and `b`.
    func roadKm(_ a: Int, _ b: Int) -> Double {
        let dx = places[a].x - places[b].x, dy = places[a].y - places[b].y
        return (dx * dx + dy * dy).squareRoot() * 1.3
    }

    /// Minutes between places `a` and `b`, walked or driven.
    func minutes(_ a: Int, _ b: Int) -> Int {
        let km = roadKm(a, b)
        let walk = Int((km * 12).rounded())
        return walk <= walkLimit ? walk : Int((driveBase + km * drivePerKm).rounded())
    }

    /// Whether the trip between `a` and `b` is walked.
    func isWalk(_ a: Int, _ b: Int) -> Bool { Int((roadKm(a, b) * 12).rounded()) <= walkLimit }

    /// The sites, each with a travel entry for every later place (so every
    /// pair is given once), marked as hosts when `host` says so, with shares.
    func sites(host: (Int) -> Bool = { _ in false }, share: (Int) -> Double = { _ in 1 }) -> [Site] {
        places.indices.map { i in
            var travel: [Int: Int] = [:]
            for j in (i + 1)..<places.count { travel[j] = minutes(i, j) }
            return Site(
                id: places[i].id, name: places[i].name, travel: travel, host: host(i), share: host(i) ? share(i) : 1)
        }
    }
}
