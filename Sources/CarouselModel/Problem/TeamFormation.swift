/// How to form mixed teams from pool groups (spec section 11): the problem's
/// `teams` list holds formations; the teams themselves are formed by the
/// solver and listed in the schedule file (`Team`).
public struct TeamFormation: Sendable {
    /// At least `min` members of a team come from these pools.
    public struct Requirement: Sendable, Equatable {
        /// Pool group indices (all of them pools of this formation).
        public var pools: [Int]
        public var min: Int

        public init(pools: [Int], min: Int = 1) {
            self.pools = pools
            self.min = min
        }
    }

    public var id: String
    public var name: String?
    /// Group indices of the pools split into this formation's teams.
    public var pools: [Int]
    /// Members per team, `[min, max]`; `max` nil means no maximum.
    public var minSize: Int
    public var maxSize: Int?
    /// Members come from at least this many schools (a pool without a
    /// school counts as one of its own).
    public var minSchools: Int
    public var require: [Requirement]
    /// What every team of the formation does, as a group would say it.
    public var visit: [TimeRange]?
    public var needs: Set<String>
    public var attend: [Group.AttendItem]

    public init(
        id: String, name: String? = nil, pools: [Int], minSize: Int = 1, maxSize: Int? = nil,
        minSchools: Int = 1, require: [Requirement] = [], visit: [TimeRange]? = nil,
        needs: Set<String> = [], attend: [Group.AttendItem] = []
    ) {
        self.id = id
        self.name = name
        self.pools = pools
        self.minSize = minSize
        self.maxSize = maxSize
        self.minSchools = minSchools
        self.require = require
        self.visit = visit
        self.needs = needs
        self.attend = attend
    }
}

/// One team formed for a formation (spec sections 11 and 16): how many
/// pupils, and when the pool lists them which ones, come from each pool.
public struct Team: Sendable, Equatable {
    public var id: String
    /// Index into `Problem.formations`.
    public var formation: Int
    /// Pupils from each pool (pool group index → count).
    public var members: [Int: Int]
    /// Names of the pupils from pools that list them (pool index → names).
    public var pupils: [Int: [String]]

    public init(id: String, formation: Int, members: [Int: Int], pupils: [Int: [String]] = [:]) {
        self.id = id
        self.formation = formation
        self.members = members
        self.pupils = pupils
    }

    /// Σ members.
    public var size: Int { members.values.reduce(0, +) }
}

extension Problem {
    /// The problem without the team groups `addingTeams` appended.
    public var withoutTeams: Problem {
        var p = self
        p.groups.removeAll { $0.team != nil }
        return p
    }

    /// The teams among the groups (those `addingTeams` appended).
    public var teams: [Team] {
        groups.compactMap { g in
            g.team.map { Team(id: g.id, formation: $0.formation, members: $0.members, pupils: $0.pupils) }
        }
    }

    /// The problem with `teams` appended to its groups, each a group for
    /// every other rule and term (spec section 11): its size is the sum of
    /// its members; its visit, needs and attend items are the formation's;
    /// it has no school, home or `sameStaff`; its years are those of the
    /// pools it has members from (`Group.team`).
    public func addingTeams(_ teams: [Team]) -> Problem {
        var p = self
        for team in teams {
            let f = formations[team.formation]
            var group = Group(
                id: team.id, name: nil, school: nil, year: nil, size: team.size, visit: f.visit,
                needs: f.needs, attend: f.attend)
            let years = team.members.filter { $0.value > 0 }.keys.sorted().map { groups[$0].year }
            group.team = Group.TeamInfo(
                formation: team.formation, members: team.members, pupils: team.pupils, years: years)
            p.groups.append(group)
        }
        return p
    }
}
