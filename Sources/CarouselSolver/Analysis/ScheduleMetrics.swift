/// Headline figures of a (possibly partial) schedule, for comparing
/// scenarios side by side.
public struct ScheduleMetrics: Sendable {
    /// Groups with every attendance placed, and their pupils.
    public var groupsServed: Int
    public var groups: Int
    public var pupilsServed: Int
    public var pupils: Int
    /// Booked room-periods over the room-periods that could be booked
    /// (non-break periods of each day when the room is not unavailable).
    public var roomUse: Double
    /// Staff time in sessions, in hours (a session's clock time per staff member).
    public var staffHours: Double
    public var sessions: Int

    /// The figures of a search state: a group is served when all its units are placed.
    public init(_ state: PartialSchedule) {
        var served = [Bool](repeating: true, count: state.instance.groupCount)
        for (u, unit) in state.table.units.enumerated() where state.unitSession[u] < 0 {
            for g in unit.groups { served[Int(g)] = false }
        }
        self.init(state.schedule, instance: state.instance, served: served)
    }

    /// The figures of `schedule`, with `served[g]` saying whether group g has
    /// every attendance.
    public init(_ schedule: Schedule, instance I: CompiledInstance, served: [Bool]) {
        groups = I.groupCount
        groupsServed = served.filter { $0 }.count
        pupils = (0..<I.groupCount).reduce(0) { $0 + Int(I.groupSize[$1]) }
        pupilsServed = (0..<I.groupCount).reduce(0) { $0 + (served[$1] ? Int(I.groupSize[$1]) : 0) }
        var open = 0
        for r in 0..<I.roomCount {
            for t in 0..<I.slotCount where I.position[t] >= 0 && !I.roomUnavailable.contains(r, t) { open += 1 }
        }
        var booked = 0, minutes = 0
        sessions = schedule.sessions.count
        for s in schedule.sessions {
            let k = Int(I.duration[Int(s.activity)]), p = Int(s.start)
            booked += k
            minutes += s.staff.count * Int(I.periodEnd[p + k - 1] - I.periodStart[p])
        }
        roomUse = open == 0 ? 0 : Double(booked) / Double(open)
        staffHours = Double(minutes) / 60
    }
}
