/// A session the organiser has already placed (spec section 6).
public struct FixedSession: Sendable {
    /// How far a fixed session may move when the event needs its room
    /// (spec section 14).
    public enum Move: String, Sendable, CaseIterable {
        /// Same day and start, any room that meets every rule.
        case room
        /// Any day, start and room that meet every rule.
        case any
    }

    public var activity: Int
    public var day: Int
    /// Index of the start period.
    public var start: Int
    public var room: Int
    /// Groups and staff that must be in it; the solver may add more.
    public var groups: [Int]
    public var staff: [Int]
    /// nil: the session stays exactly as written (v1 rule 8).
    public var move: Move?

    public init(
        activity: Int, day: Int, start: Int, room: Int, groups: [Int] = [], staff: [Int] = [], move: Move? = nil
    ) {
        self.activity = activity
        self.day = day
        self.start = start
        self.room = room
        self.groups = groups
        self.staff = staff
        self.move = move
    }
}
