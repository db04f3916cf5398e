/// A session the organiser has already placed (spec section 6).
public struct FixedSession: Sendable {
    public var activity: Int
    public var day: Int
    /// Index of the start period.
    public var start: Int
    public var room: Int
    /// Groups and staff that must be in it; the solver may add more.
    public var groups: [Int]
    public var staff: [Int]

    public init(activity: Int, day: Int, start: Int, room: Int, groups: [Int] = [], staff: [Int] = []) {
        self.activity = activity
        self.day = day
        self.start = start
        self.room = room
        self.groups = groups
        self.staff = staff
    }
}
