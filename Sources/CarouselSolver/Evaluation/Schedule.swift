/// One session of a schedule in index form (spec section 9).
public struct ScheduledSession: Sendable, Hashable {
    public var activity: Int32
    public var day: Int32
    /// Index of the start period in the calendar's period list.
    public var start: Int32
    public var room: Int32
    public var groups: [Int32]
    public var staff: [Int32]

    public init(activity: Int32, day: Int32, start: Int32, room: Int32, groups: [Int32], staff: [Int32]) {
        self.activity = activity
        self.day = day
        self.start = start
        self.room = room
        self.groups = groups
        self.staff = staff
    }
}

/// A schedule in index form: the sessions, in output order.
public struct Schedule: Sendable, Equatable {
    public var sessions: [ScheduledSession]

    public init(sessions: [ScheduledSession] = []) { self.sessions = sessions }
}
