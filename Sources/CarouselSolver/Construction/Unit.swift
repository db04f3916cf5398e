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
    /// Row of `CompiledInstance.withinSlots` its session must lie in (an
    /// item with `within`, spec section 12, or a fixed session that may
    /// change room only), or -1.
    public var within: Int32 = -1
    /// The fixed session with `move` (spec section 14) this unit stands for,
    /// or -1: it takes that activity, opens a session with that session's
    /// staff, and shares a session only with the other units of the entry.
    public var fixedEntry: Int32 = -1
}

extension CompiledInstance {
    /// Whether unit `unit` may hold activity `a` starting at slot `t` as far
    /// as its own item goes: on its day when it has one (`daily`), and
    /// wholly inside its item's `within` ranges when it has them.
    @inline(__always)
    public func unitAllows(_ unit: Unit, activity a: Int, at t: Int) -> Bool {
        (unit.day < 0 || t / periodCount == Int(unit.day)) && inside(within: unit.within, activity: a, at: t)
    }
}

/// All units of an instance, with lookup tables the search needs.
public struct UnitTable: Sendable {
    public var units: [Unit]
    /// Units of each group (cohort units appear under every cohort group).
    public var unitsOfGroup: [[Int32]]
    /// Units that may be placed on each day.
    public var unitsOfDay: [[Int32]]
    /// Units bound to each fixed session with `move` (empty for the others).
    public var unitsOfEntry: [[Int32]]
    /// Problems found while expanding (a together activity whose attendees
    /// disagree on how often), reported by `carousel check`.
    public var notes: [String]

    public init(_ I: CompiledInstance) {
        units = []
        unitsOfGroup = Array(repeating: [], count: I.groupCount)
        unitsOfDay = Array(repeating: [], count: I.dayCount)
        unitsOfEntry = Array(repeating: [], count: I.fixed.count)
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
                notes.append(
                    "together activity \(I.activityID(a)): some of its groups attend it daily and others not, but every group must attend every session"
                )
            }
            if demands.contains(where: \.daily) {
                var days: [Int32] = []
                for d in 0..<I.dayCount where cohort.contains(where: { I.groupVisitsDay.contains(Int($0), d) }) {
                    days.append(Int32(d))
                }
                for d in days {
                    add(
                        Unit(
                            kind: .cohort, group: cohort[0], activities: [Int32(a)], day: d, groups: cohort,
                            pupils: pupils), I)
                }
            } else {
                let counts = Set(demands.map(\.times))
                if counts.count > 1 {
                    notes.append(
                        "together activity \(I.activityID(a)): its groups ask for different numbers of sessions (\(counts.sorted().map(String.init).joined(separator: ", "))), but every group must attend every session"
                    )
                }
                for _ in 0..<Int(counts.max() ?? 0) {
                    add(
                        Unit(
                            kind: .cohort, group: cohort[0], activities: [Int32(a)], day: -1, groups: cohort,
                            pupils: pupils), I)
                }
            }
        }
        for g in 0..<I.groupCount {
            let size = I.groupSize[g]
            let directActs = Set(I.direct[g].map(\.activity))
            for dem in I.direct[g] where !I.together[Int(dem.activity)] {
                if dem.daily {
                    for d in 0..<I.dayCount where I.asksDaily(group: g, day: d, within: dem.within) {
                        add(
                            Unit(
                                kind: .direct, group: Int32(g), activities: [dem.activity], day: Int32(d),
                                groups: [Int32(g)],
                                pupils: size, within: dem.within), I)
                    }
                } else {
                    for _ in 0..<Int(dem.times) {
                        add(
                            Unit(
                                kind: .direct, group: Int32(g), activities: [dem.activity], day: -1, groups: [Int32(g)],
                                pupils: size, within: dem.within), I)
                    }
                }
            }
            for (k, item) in I.choice[g].enumerated() {
                // A choice may not repeat a direct activity, and a together
                // activity's sessions belong to its cohort.
                let options = item.choices.filter { !directActs.contains($0) && !I.together[Int($0)] }
                for _ in 0..<Int(item.count) {
                    add(
                        Unit(
                            kind: .choice(item: Int32(k)), group: Int32(g), activities: options, day: -1,
                            groups: [Int32(g)],
                            pupils: size, within: item.within), I)
                }
            }
        }
        bindMovingFixedSessions(I)
        for u in units.indices { index(Int32(u), I) }
    }

    private mutating func add(_ unit: Unit, _ I: CompiledInstance) {
        units.append(unit)
    }

    /// Lists unit u under its groups and the days it may take.
    private mutating func index(_ u: Int32, _ I: CompiledInstance) {
        let unit = units[Int(u)]
        for g in unit.groups { unitsOfGroup[Int(g)].append(u) }
        for d in 0..<I.dayCount
        where unit.day == -1 ? unit.groups.allSatisfy({ I.groupVisitsDay.contains(Int($0), d) }) : unit.day == Int32(d)
        {
            if unit.within >= 0
                && !I.withinSlots.containsAny(Int(unit.within), from: d * I.periodCount, count: I.periodCount)
            {
                continue
            }
            unitsOfDay[d].append(u)
        }
    }

    /// Binds a unit of each group of every fixed session with `move` (spec
    /// section 14) to it — the cohort for a together activity — preferring
    /// direct units with the fewest activities, on the entry's day when the
    /// unit has one. A bound unit takes the entry's activity; with
    /// `move: "room"` it must be held exactly at the written start.
    private mutating func bindMovingFixedSessions(_ I: CompiledInstance) {
        guard I.fixed.contains(where: { $0.move != nil }) else { return }
        var ownUnits = [[Int]](repeating: [], count: I.groupCount)
        for u in units.indices where units[u].kind != .cohort { ownUnits[Int(units[u].group)].append(u) }
        for (f, entry) in I.fixed.enumerated() where entry.move != nil {
            let a = Int32(entry.activity), t = I.slot(day: entry.day, period: entry.start)
            func candidate(_ u: Int) -> Bool {
                let unit = units[u]
                guard unit.fixedEntry < 0, unit.activities.contains(a), unit.day < 0 || Int(unit.day) == entry.day
                else { return false }
                return entry.move == .any || I.inside(within: unit.within, activity: Int(a), at: t)
            }
            var chosen: [Int] = []
            if I.together[Int(a)] {
                if let u = units.indices.first(where: { units[$0].kind == .cohort && candidate($0) }) { chosen = [u] }
            } else {
                for g in entry.groups {
                    let mine = ownUnits[g].filter(candidate)
                    if let u = mine.min(by: { (units[$0].activities.count, $0) < (units[$1].activities.count, $1) }) {
                        chosen.append(u)
                    }
                }
            }
            for u in chosen {
                units[u].fixedEntry = Int32(f)
                units[u].activities = [a]
                if I.fixedWithin[f] >= 0 { units[u].within = I.fixedWithin[f] }
                unitsOfEntry[f].append(Int32(u))
            }
        }
    }
}
