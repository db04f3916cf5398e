import CarouselModel

/// Sites in dense form (spec sections 10, 13 and 15): travel minutes between
/// every two sites, which are online, which host and with what share, and
/// where each group and staff member comes from.
///
/// Site indices follow the file's `sites` list when it has one; without it
/// (version 1) they are the distinct room sites in order of first use, every
/// travel time is 0 and nothing is online or a host.
public struct SiteTable: Sendable {
    public let count: Int
    public let names: [String]
    /// `travel[a * count + b]`: minutes from a to b (spec section 10's travel(a, b)).
    public let travel: [Int32]
    /// Whether any two sites are a positive travel time apart (rule 9 can bite).
    public let hasTravel: Bool
    /// Whether travel is a metric (travel(a, c) ≤ travel(a, b) + travel(b, c)
    /// for every three sites): then taking a session out of a day never
    /// breaks rule 9 for the sessions around it. An online site between two
    /// far-apart sites makes it false.
    public let removalIsSafe: Bool
    public let online: [Bool]
    public let host: [Bool]
    /// Each host's share of hosting (only hosts' are used).
    public let share: [Double]
    /// Whether any site is a host (soft `hostBalance` counts).
    public let hasHosts: Bool
    /// Home site per group and per staff member, or -1.
    public let groupHome: [Int32]
    public let staffHome: [Int32]

    /// Builds the table and each room's site index (returned in `roomSite`).
    init(_ problem: Problem, roomSite: inout [Int32]) {
        var index: [String: Int32] = [:]
        var names: [String] = []
        if let sites = problem.sites {
            names = sites.map(\.id)
            for (i, s) in sites.enumerated() { index[s.id] = Int32(i) }
        }
        roomSite = problem.rooms.map { room in
            if let i = index[room.site] { return i }
            index[room.site] = Int32(names.count)
            names.append(room.site)
            return Int32(names.count - 1)
        }
        let S = names.count
        count = S
        self.names = names
        var travel = [Int32](repeating: 0, count: S * S)
        if problem.sites != nil {
            for a in 0..<S {
                for b in 0..<S {
                    travel[a * S + b] = Int32(clamping: problem.travelMinutes(from: names[a], to: names[b]))
                }
            }
        }
        self.travel = travel
        hasTravel = travel.contains { $0 > 0 }
        var metric = true
        if hasTravel {
            outer: for a in 0..<S {
                for b in 0..<S {
                    for c in 0..<S where travel[a * S + c] > travel[a * S + b] + travel[b * S + c] {
                        metric = false
                        break outer
                    }
                }
            }
        }
        removalIsSafe = metric
        let listed = problem.sites ?? []
        online = (0..<S).map { $0 < listed.count && listed[$0].online }
        host = (0..<S).map { $0 < listed.count && listed[$0].host }
        share = (0..<S).map { $0 < listed.count ? listed[$0].share : 1 }
        hasHosts = host.contains(true)
        groupHome = problem.groups.map { g in g.home.flatMap { index[$0] } ?? -1 }
        staffHome = problem.staff.map { s in s.home.flatMap { index[$0] } ?? -1 }
    }

    /// Minutes from site a to site b.
    @inline(__always)
    public func minutes(_ a: Int, _ b: Int) -> Int32 { travel[a &* count &+ b] }
}
