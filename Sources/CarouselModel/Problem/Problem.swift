/// A decoded, validated problem file (spec sections 0–8): what the organiser
/// said, with every reference resolved to an index into the lists here.
///
/// Invariants established by `ProblemDecoder`: ids are unique within their
/// kind; every index points into its list; periods increase in time and do not
/// overlap; sizes and durations are positive.
public struct Problem: Sendable {
    public var name: String
    public var description: String?
    public var calendar: EventCalendar
    public var rooms: [Room]
    public var staff: [StaffMember]
    public var activities: [Activity]
    public var groups: [Group]
    public var fixed: [FixedSession]
    public var weights: Weights

    public init(name: String, description: String? = nil, calendar: EventCalendar, rooms: [Room], staff: [StaffMember],
                activities: [Activity], groups: [Group], fixed: [FixedSession] = [], weights: Weights = Weights()) {
        self.name = name
        self.description = description
        self.calendar = calendar
        self.rooms = rooms
        self.staff = staff
        self.activities = activities
        self.groups = groups
        self.fixed = fixed
        self.weights = weights
    }
}

/// A time of day in minutes after midnight.
public typealias Minutes = Int

extension Minutes {
    /// `HH:MM`.
    public var clockText: String {
        let h = self / 60, m = self % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
