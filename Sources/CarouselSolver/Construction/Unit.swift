import CarouselModel

/// One thing the search must place: a group's attendance at one session of an
/// activity (or, for a `together` activity, one session for its whole cohort).
///
/// Attend items expand to units: `times: n` gives n units, `daily` one unit
/// per visit day (pinned to that day), `oneOf … count: n` gives n units that
/// must choose distinct activities from the list.
public struct Unit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A session of one named activity.
        case direct
        /// A distinct pick from a `oneOf` list (item index within the group).
        case choice(item: Int32)
        /// A together activity's session holding every group of its cohort.
        case cohort
    }

    public var kind: Kind
    /// The group (for cohort units: the first cohort group).
    public var group: Int32
    /// Candidate activities (one for direct and cohort units).
    public var activities: [Int32]
    /// Day the unit must be on, or -1.
    public var day: Int32
    /// Groups in a cohort unit; `[group]` otherwise.
    public var groups: [Int32]
    /// Σ sizes of `groups`.
    public var pupils: Int32
}

/// All units of an instance, with lookup tables the search needs.
public struct UnitTable: Sendable {
    public var units: [Unit]
    /// Units of each group (cohort units appear under every cohort group).
    public var unitsOfGroup: [[Int32]]
    /// Units that may be placed on each day.
    public var unitsOfDay: [[Int32]]
    /// Problems found while expanding (a together activity whose attendees
    /// disagree on how often), reported by `carousel check`.
    public var notes: [String]

    public init(_ I: CompiledInstance) {
        units = []
        unitsOfGroup = Array(repeating: [], count: I.groupCount)
        unitsOfDay = Array(repeating: [], count: I.dayCount)
        notes = []
        // Together activities: one cohort unit per required session.
        var cohortOf = [[Int32]](repeating: [], count: I.activityCount)
        for g in 0..<I.groupCount {
            for dem in I.direct[g] where I.together[Int(dem.activity)] && (dem.daily || dem.times > 0) {
                cohortOf[Int(dem.activity)].append(Int32(g))
            }
        }
        for a in 0..<I.activityCount where I.together[a] && !cohortOf[a].isEmpty {
            let cohort = cohortOf[a]
            let pupils = Int32(clamping: cohort.reduce(0) { $0 + Int(I.groupSize[Int($1)]) })
            let demands = cohort.map { g in I.direct[Int(g)].first { Int($0.activity) == a }! }
            if demands.contains(where: \.daily) && !demands.allSatisfy(\.daily) {
                notes.append("together activity \(I.activityID(a)): some of its groups attend it daily and others not, but every group must attend every session")
            }
            if demands.contains(where: \.daily) {
                var days: [Int32] = []
                for d in 0..<I.dayCount where cohort.contains(where: { I.groupVisitsDay.contains(Int($0), d) }) {
                    days.append(Int32(d))
                }
                for d in days {
                    add(Unit(kind: .cohort, group: cohort[0], activities: [Int32(a)], day: d, groups: cohort, pupils: pupils), I)
                }
            } else {
                let counts = Set(demands.map(\.times))
                if counts.count > 1 {
                    notes.append("together activity \(I.activityID(a)): its groups ask for different numbers of sessions (\(counts.sorted().map(String.init).joined(separator: ", "))), but every group must attend every session")
                }
                for _ in 0..<Int(counts.max() ?? 0) {
                    add(Unit(kind: .cohort, group: cohort[0], activities: [Int32(a)], day: -1, groups: cohort, pupils: pupils), I)
                }
            }
        }
        for g in 0..<I.groupCount {
            let size = I.groupSize[g]
            let directActs = Set(I.direct[g].map(\.activity))
            for dem in I.direct[g] where !I.together[Int(dem.activity)] {
                if dem.daily {
                    for d in 0..<I.dayCount where I.groupVisitsDay.contains(g, d) {
                        add(Unit(kind: .direct, group: Int32(g), activities: [dem.activity], day: Int32(d), groups: [Int32(g)], pupils: size), I)
                    }
                } else {
                    for _ in 0..<Int(dem.times) {
                        add(Unit(kind: .direct, group: Int32(g), activities: [dem.activity], day: -1, groups: [Int32(g)], pupils: size), I)
                    }
                }
            }
            for (k, item) in I.choice[g].enumerated() {
                // A choice may not repeat a direct activity, and a together
                // activity's sessions belong to its cohort.
                let options = item.choices.filter { !directActs.contains($0) && !I.together[Int($0)] }
                for _ in 0..<Int(item.count) {
                    add(Unit(kind: .choice(item: Int32(k)), group: Int32(g), activities: options, day: -1, groups: [Int32(g)], pupils: size), I)
                }
            }
        }
    }

    private mutating func add(_ unit: Unit, _ I: CompiledInstance) {
        let u = Int32(units.count)
        units.append(unit)
        for g in unit.groups { unitsOfGroup[Int(g)].append(u) }
        for d in 0..<I.dayCount where unit.day == -1 ? unit.groups.allSatisfy({ I.groupVisitsDay.contains(Int($0), d) }) : unit.day == Int32(d) {
            unitsOfDay[d].append(u)
        }
    }
}
