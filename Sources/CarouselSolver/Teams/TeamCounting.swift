import CarouselModel

/// Whether a formation's pools can make teams at all (spec section 11),
/// by counting: some number of teams k with every size in `[min, max]`,
/// every `require` entry's pools able to give each team its minimum, and
/// the pools' schools able to give each team `minSchools` schools (a school
/// with n pupils is in at most n teams).
struct TeamCounting {
    let total: Int
    let minSize: Int
    let maxSize: Int
    let minSchools: Int
    /// Pupils per school.
    let schools: [Int]
    /// (supply, min, pool ids) per requirement.
    let require: [(supply: Int, min: Int, pools: String)]

    init(_ problem: Problem, _ f: TeamFormation) {
        total = f.pools.reduce(0) { $0 + problem.groups[$1].size }
        minSize = f.minSize
        maxSize = f.maxSize ?? Int.max
        minSchools = f.minSchools
        var bySchool: [String: Int] = [:]
        for g in f.pools {
            bySchool[problem.groups[g].school ?? "\u{0}" + problem.groups[g].id, default: 0] += problem.groups[g].size
        }
        schools = Array(bySchool.values)
        require = f.require.map { q in
            (
                q.pools.reduce(0) { $0 + problem.groups[$1].size }, q.min,
                q.pools.map { problem.groups[$0].id }.joined(separator: " or ")
            )
        }
    }

    /// The fewest teams that sizes of at most `maxSize` allow.
    var fewest: Int { maxSize == Int.max ? 1 : (total + maxSize - 1) / maxSize }

    /// The most teams that sizes of at least `minSize` allow.
    var mostBySize: Int { minSize == 0 ? total : total / minSize }

    /// The most teams that the sizes and every requirement's supply allow
    /// (each team takes at least `min` of a requirement's pupils).
    var most: Int {
        require.reduce(mostBySize) { most, q in q.min > 0 ? min(most, q.supply / q.min) : most }
    }

    /// Teams that can each have `minSchools` schools when there are k.
    func schoolsAllow(_ k: Int) -> Bool { schools.reduce(0) { $0 + min($1, k) } >= k * minSchools }

    /// Why no teams can be formed, or nil when the counting allows some.
    var obstacle: String? {
        guard total > 0 else { return nil }
        let range = maxSize == Int.max ? "at least \(minSize)" : "\(minSize)-\(maxSize)"
        if minSchools > maxSize {
            return "a team of at most \(maxSize) cannot have members from \(minSchools) schools"
        }
        if let q = require.first(where: { $0.min > maxSize }) {
            return "a team of at most \(maxSize) cannot have \(q.min) from \(q.pools)"
        }
        let fewest = fewest
        let most = mostBySize
        if fewest > most {
            return
                "its \(total) pupils cannot be split into teams of \(range): \(most) team\(most == 1 ? "" : "s") hold at most \(most * maxSize), and \(fewest) need at least \(fewest * minSize)"
        }
        var upper = most
        for q in require where q.min > 0 && q.supply / q.min < upper {
            upper = q.supply / q.min
            if upper < fewest {
                return
                    "its \(total) pupils in teams of \(range) make at least \(fewest) teams, but every team needs \(q.min) from \(q.pools), whose \(q.supply) pupil\(q.supply == 1 ? " is" : "s are") enough for \(upper)"
            }
        }
        if minSchools > 1, !(fewest...upper).contains(where: schoolsAllow) {
            let best = (1...max(1, upper)).last(where: schoolsAllow) ?? 0
            return
                "its \(total) pupils in teams of \(range) make at least \(fewest) teams, but its pools' \(schools.count) schools can give members from \(minSchools) schools to at most \(best) team\(best == 1 ? "" : "s")"
        }
        return nil
    }
}
