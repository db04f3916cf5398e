/// An earlier schedule laid over the units of a (possibly changed) instance:
/// where each unit was, so that `carousel repair` can keep what still works
/// and count what it changes (minimal perturbation).
///
/// The change of one unit — one group's attendance at one session — costs
/// nothing when it is where it was, and otherwise `weights.attendance` (a
/// changed attendance: what the people told count), plus `weights.time` when
/// it starts at another slot (day or period), plus `weights.room` in another
/// room, plus `weights.staff` per staff member replaced, added or taken away
/// (the more of its old session's staff no longer in its session and of
/// its session's staff who were not in the old one), plus
/// `weights.activity` for another activity (a `oneOf` pick changed: the
/// group loses one attendance and gains another); a unit of several groups
/// (a `together` cohort) costs that once per group. So the cost is the
/// attendances `ScheduleDiff` counts as changed, times
/// `weights.attendance`, plus the smaller changes: the fewest changed
/// attendances come first, and among as many, the smallest changes. Units
/// with no place in the old schedule (a class added since) cost nothing:
/// any place is new.
public struct Reference: Sendable {
    /// The cost of each kind of change to one unit.
    public struct Weights: Sendable, Equatable {
        public var attendance: Int32 = 8
        public var activity: Int32 = 8
        public var time: Int32 = 4
        public var room: Int32 = 2
        public var staff: Int32 = 1

        public init() {}
    }

    /// Old start slot of each unit, or -1 when the unit had none.
    public private(set) var slot: [Int32]
    /// Old activity of each unit, or -1.
    public private(set) var activity: [Int32]
    /// Old room of each unit, or -1.
    public private(set) var room: [Int32]
    /// Old staff of each unit's session.
    public private(set) var staff: [[Int32]]
    /// How many groups each unit holds (several for a `together` cohort).
    public private(set) var groupCount: [Int32]
    /// For each session of the old schedule, the units matched to it.
    public private(set) var unitsOfSession: [[Int]]
    public var weights = Weights()

    /// Matches every session of `old` to units of `table`: each listed group
    /// takes one of its units that may attend the activity that day (a
    /// direct or daily unit before a `oneOf` pick), a `together` session its
    /// cohort unit. Groups the changed problem no longer gives a unit for
    /// that activity are left out (their attendance is gone).
    public init(_ old: Schedule, table: UnitTable, instance I: CompiledInstance) {
        let U = table.units.count
        slot = Array(repeating: -1, count: U)
        room = Array(repeating: -1, count: U)
        activity = Array(repeating: -1, count: U)
        staff = Array(repeating: [], count: U)
        groupCount = table.units.map { Int32($0.groups.count) }
        unitsOfSession = []
        var taken = [Bool](repeating: false, count: U)
        for session in old.sessions {
            let a = session.activity, d = session.day
            let t = Int32(I.slot(day: Int(d), period: Int(session.start)))
            var units: [Int] = []
            func claim(_ u: Int) {
                taken[u] = true
                units.append(u)
                slot[u] = t
                room[u] = session.room
                activity[u] = session.activity
                staff[u] = session.staff
            }
            if I.together[Int(a)] {
                let candidates = session.groups.flatMap { table.unitsOfGroup[Int($0)] }.map(Int.init)
                if let u = candidates.first(where: { u in
                    let unit = table.units[u]
                    return !taken[u] && unit.kind == .cohort && unit.activities == [a]
                        && I.unitAllows(unit, activity: Int(a), at: I.slot(day: Int(d), period: Int(session.start)))
                }) {
                    claim(u)
                }
            } else {
                for g in session.groups {
                    let mine = table.unitsOfGroup[Int(g)].map(Int.init).filter { u in
                        let unit = table.units[u]
                        return !taken[u] && unit.kind != .cohort && unit.activities.contains(a)
                            && I.unitAllows(unit, activity: Int(a), at: I.slot(day: Int(d), period: Int(session.start)))
                            && I.yearAllowed(group: Int(g), activity: Int(a))
                    }
                    // The most specific unit first: pinned to the day, then fewest activities.
                    if let u = mine.min(by: { x, y in
                        let ux = table.units[x], uy = table.units[y]
                        return (ux.day < 0 ? 1 : 0, ux.activities.count, x) < (
                            uy.day < 0 ? 1 : 0, uy.activities.count, y
                        )
                    }) {
                        claim(u)
                    }
                }
            }
            unitsOfSession.append(units)
        }
    }

    /// Whether unit u had a place in the old schedule.
    @inline(__always) public func has(_ u: Int) -> Bool { slot[u] >= 0 }

    /// The cost of unit u now being in a session of activity a at slot t in
    /// room r with `sessionStaff`.
    @inline(__always)
    public func cost(unit u: Int, activity a: Int32, slot t: Int32, room r: Int32, staff sessionStaff: [Int32])
        -> Int32
    {
        guard slot[u] >= 0 else { return 0 }
        var c: Int32 = 0
        if activity[u] != a { c += weights.activity }
        if slot[u] != t { c += weights.time }
        if room[u] != r { c += weights.room }
        var gone: Int32 = 0, came: Int32 = 0
        for st in staff[u] where !sessionStaff.contains(st) { gone += 1 }
        for st in sessionStaff where !staff[u].contains(st) { came += 1 }
        c += max(gone, came) * weights.staff
        return c == 0 ? 0 : (c + weights.attendance) * groupCount[u]
    }

    /// The cost of unit u being in session s of `state`, as it is there.
    @inline(__always)
    func cost(unit u: Int, inSession s: Int, of state: PartialSchedule) -> Int32 {
        cost(
            unit: u, activity: state.sessionActivity[s], slot: state.sessionSlot[s], room: state.sessionRoom[s],
            staff: state.sessionStaff[s])
    }

    /// The change of session s of `state`: the cost of each of its units
    /// there (0 for a session that is not alive).
    @inline(__always)
    func change(ofSession s: Int, in state: PartialSchedule) -> Int32 {
        guard state.sessionAlive[s] else { return 0 }
        var change: Int32 = 0
        for u in state.sessionUnits[s] { change += cost(unit: Int(u), inSession: s, of: state) }
        return change
    }
}
