import CarouselModel

/// Forms the mixed teams of every formation (spec section 11) before the
/// schedule is built: how many teams, and how many pupils (and which, when
/// a pool lists them) each takes from each pool.
///
/// For each formation it takes the fewest teams the counting conditions
/// allow (sizes within `[min, max]`, every `require` entry's supply, enough
/// schools to give every team `minSchools`), with sizes as equal as they can
/// be; fewer teams need fewer sessions, as long as the teams sharing a
/// session still fit its room (`teamsShareSessions`; else one more team is
/// tried, up to a few more). A greedy start (requirements first,
/// then each seat from a school the team lacks, the fullest pool first) is
/// improved by exchanging pupils between teams: first until every team meets
/// `minSchools` and `require`, then towards teams whose schools are evenly
/// mixed (fewest pairs of team-mates from one school). When no exchange
/// reaches zero violations it tries one more team, up to a few more, and
/// keeps the best; what remains is reported by `Evaluator` as rule 10.
///
/// Deterministic for a given seed. Teams are then groups for every other
/// rule (`Problem.addingTeams`).
public struct TeamBuilder {
    /// The result for one formation.
    public struct Formed: Sendable {
        public var teams: [Team]
        /// Team-level rule 10 violations left (0 when every team is valid).
        public var violations: Int
    }

    let problem: Problem
    var random: SeededRandom

    public init(_ problem: Problem, seed: UInt64) {
        self.problem = problem
        random = SeededRandom(seed: seed ^ 0x7EA3_5EED)
    }

    /// Forms the teams of every formation, numbered `ID-1`, `ID-2`, … by
    /// formation (an id that would clash with a group gets a `t` suffix).
    public static func formTeams(_ problem: Problem, seed: UInt64) -> [Team] {
        var builder = TeamBuilder(problem, seed: seed)
        return problem.formations.indices.flatMap { builder.form($0).teams }
    }

    /// Forms the teams of formation `f`.
    public mutating func form(_ f: Int) -> Formed {
        let formation = problem.formations[f]
        let layout = Layout(problem, formation)
        let total = layout.sizes.reduce(0, +)
        guard total > 0 else { return Formed(teams: [], violations: 0) }
        // The team counts worth trying: from the fewest the sizes allow to
        // the most the sizes, requirements and `minSchools` allow.
        let counting = TeamCounting(problem, formation)
        let least = max(1, counting.fewest)
        let most = max(1, formation.minSchools > 0 ? min(counting.most, total / formation.minSchools) : counting.most)
        var best: (counts: [[Int]], violations: Int, shares: Bool)?
        // The places the teams' sessions may take, the same for every count
        // (found once, with the first valid teams).
        var places: [SessionPlaces]?
        var k = least
        while k <= max(least, most) && k <= least + 4 {
            let counts = improve(layout, start: greedy(layout, teams: k))
            let v = layout.violations(counts)
            // Valid teams whose sessions cannot hold them at these sizes
            // are kept only until one more team makes sizes that fit.
            var shares = false
            if v == 0 {
                let formed = teams(for: f, layout: layout, counts: counts)
                let shared = places ?? Self.sessionPlaces(problem, formation: f, teams: formed)
                places = shared
                shares = Self.teamsShareSessions(sizes: formed.map(\.size), places: shared)
            }
            if best == nil || v < best!.violations || (v == best!.violations && shares && !best!.shares) {
                best = (counts, v, shares)
            }
            if v == 0 && shares { break }
            k += 1
        }
        return Formed(teams: teams(for: f, layout: layout, counts: best!.counts), violations: best!.violations)
    }

    // MARK: Greedy start

    /// Team sizes as equal as they can be, then requirement seats, then each
    /// remaining seat from a school the team lacks (fullest pool first).
    func greedy(_ L: Layout, teams k: Int) -> [[Int]] {
        let total = L.sizes.reduce(0, +)
        let target = (0..<k).map { total / k + ($0 < total % k ? 1 : 0) }
        var left = L.sizes
        var counts = [[Int]](repeating: [Int](repeating: 0, count: L.sizes.count), count: k)
        for req in L.require {
            for t in 0..<k {
                while req.pools.reduce(0, { $0 + counts[t][$1] }) < req.min,
                    counts[t].reduce(0, +) < target[t],
                    let p = req.pools.filter({ left[$0] > 0 }).max(by: { left[$0] < left[$1] })
                {
                    counts[t][p] += 1
                    left[p] -= 1
                }
            }
        }
        var seatsLeft = true
        while seatsLeft {
            seatsLeft = false
            for t in 0..<k where counts[t].reduce(0, +) < target[t] {
                let present = Set(L.sizes.indices.filter { counts[t][$0] > 0 }.map { L.school[$0] })
                let open = L.sizes.indices.filter { left[$0] > 0 }
                guard
                    let p = open.max(by: { a, b in
                        let na = present.contains(L.school[a]) ? 0 : 1, nb = present.contains(L.school[b]) ? 0 : 1
                        return (na, left[a]) < (nb, left[b])
                    })
                else { continue }
                counts[t][p] += 1
                left[p] -= 1
                seatsLeft = true
            }
        }
        // Pupils left over (target sizes add up to the total, so none are,
        // unless requirements took more than one team's share): the smallest teams take them.
        for p in L.sizes.indices {
            while left[p] > 0 {
                let t = (0..<k).min { counts[$0].reduce(0, +) < counts[$1].reduce(0, +) }!
                counts[t][p] += 1
                left[p] -= 1
            }
        }
        return counts
    }

    // MARK: Exchanges

    /// Hill climbing over exchanges of two pupils from different pools
    /// between two teams (sizes stay), on (violations, same-school pairs).
    mutating func improve(_ L: Layout, start: [[Int]]) -> [[Int]] {
        var counts = start
        let k = counts.count, P = L.sizes.count
        guard k > 1, P > 1 else { return counts }
        var cost = (0..<k).map { L.teamCost(counts[$0]) }
        let budget = 20_000 + 400 * L.sizes.reduce(0, +)
        var sinceBetter = 0
        for _ in 0..<budget {
            if sinceBetter > 4_000 && cost.allSatisfy({ $0.violations == 0 }) { break }
            let a = random.below(k), b = random.below(k)
            guard a != b else { continue }
            let p = random.below(P), q = random.below(P)
            guard p != q, counts[a][p] > 0, counts[b][q] > 0 else { continue }
            counts[a][p] -= 1
            counts[a][q] += 1
            counts[b][q] -= 1
            counts[b][p] += 1
            let ca = L.teamCost(counts[a]), cb = L.teamCost(counts[b])
            let before = cost[a] + cost[b], after = ca + cb
            if after <= before {
                if after < before { sinceBetter = 0 } else { sinceBetter += 1 }
                cost[a] = ca
                cost[b] = cb
            } else {
                counts[a][p] += 1
                counts[a][q] -= 1
                counts[b][q] += 1
                counts[b][p] -= 1
                sinceBetter += 1
            }
        }
        return counts
    }

    // MARK: Output

    func teams(for f: Int, layout L: Layout, counts: [[Int]]) -> [Team] {
        let formation = problem.formations[f]
        let taken = Set(problem.groups.map(\.id))
        var nextName = [Int](repeating: 0, count: L.sizes.count)
        return counts.enumerated().map { t, row in
            var id = "\(formation.id)-\(t + 1)"
            while taken.contains(id) { id += "t" }
            var members: [Int: Int] = [:]
            var pupils: [Int: [String]] = [:]
            for (k, n) in row.enumerated() where n > 0 {
                let g = formation.pools[k]
                members[g] = n
                if let names = problem.groups[g].pupils {
                    pupils[g] = Array(names[nextName[k]..<(nextName[k] + n)])
                    nextName[k] += n
                }
            }
            return Team(id: id, formation: f, members: members, pupils: pupils)
        }
    }
}

extension Problem {
    /// The problem with the teams of every formation formed (`TeamBuilder`,
    /// seed 1, so that solving again keeps the teams) and appended to its
    /// groups; the problem itself when it has no formations.
    public func withFormedTeams() -> Problem {
        formations.isEmpty ? self : addingTeams(TeamBuilder.formTeams(self, seed: 1))
    }
}

extension TeamBuilder {
    /// One formation's pools in dense form.
    struct Layout {
        /// Per pool (in the formation's order): pupils, and school index
        /// (a pool without a school is a school of its own).
        var sizes: [Int]
        var school: [Int]
        var schoolCount: Int
        var minSize: Int
        var maxSize: Int
        var minSchools: Int
        /// Requirements with pools as positions in `sizes`.
        var require: [(pools: [Int], min: Int)]

        init(_ problem: Problem, _ f: TeamFormation) {
            sizes = f.pools.map { problem.groups[$0].size }
            var index: [String: Int] = [:]
            school = f.pools.enumerated().map { k, g in
                guard let s = problem.groups[g].school else { return -1 - k }
                if let i = index[s] { return i }
                index[s] = index.count
                return index.count - 1
            }
            let named = index.count
            school = school.map { $0 >= 0 ? $0 : named + (-1 - $0) }
            schoolCount = Set(school).count
            minSize = f.minSize
            maxSize = f.maxSize ?? Int.max
            minSchools = f.minSchools
            require = f.require.map { q in (q.pools.compactMap { f.pools.firstIndex(of: $0) }, q.min) }
        }

        /// (violations, same-school pairs) of one team.
        func teamCost(_ row: [Int]) -> Cost {
            var perSchool = [Int](repeating: 0, count: schoolCount)
            for (p, n) in row.enumerated() { perSchool[school[p]] += n }
            var v = max(0, minSchools - perSchool.filter { $0 > 0 }.count)
            for req in require { v += max(0, req.min - req.pools.reduce(0) { $0 + row[$1] }) }
            let size = row.reduce(0, +)
            if size < minSize || size > maxSize { v += 1 }
            return Cost(violations: v, pairs: perSchool.reduce(0) { $0 + $1 * ($1 - 1) / 2 })
        }

        func violations(_ counts: [[Int]]) -> Int { counts.reduce(0) { $0 + teamCost($1).violations } }
    }

    /// A team's cost, violations first.
    struct Cost: Comparable {
        var violations: Int
        var pairs: Int

        static func + (a: Cost, b: Cost) -> Cost {
            Cost(violations: a.violations + b.violations, pairs: a.pairs + b.pairs)
        }
        static func < (a: Cost, b: Cost) -> Bool { (a.violations, a.pairs) < (b.violations, b.pairs) }
    }
}
