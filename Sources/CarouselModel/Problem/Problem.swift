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
    /// The sites with travel times, online and host marks (spec section 10);
    /// nil when the file gives no `sites` list (version 1: rooms name their
    /// sites, and every travel time is 0).
    public var sites: [Site]?
    /// How to form mixed teams from pools (spec section 11; the file's `teams`).
    public var formations: [TeamFormation]
    /// Rule 12 entries (spec section 13).
    public var spacing: [Spacing]
    /// The roles whose people should stay the same for a group (spec section
    /// 12); nil means every staff member, with or without a role.
    public var continuityRoles: Set<String>?
    /// Carousel addition: entrances where coaches arrive, in file order (the
    /// first is every group's default).
    public var gates: [Gate] = []
    /// Carousel addition: coach seats and timing; nil when not given.
    public var coaches: CoachPlan?

    public init(
        name: String, description: String? = nil, calendar: EventCalendar, rooms: [Room], staff: [StaffMember],
        activities: [Activity], groups: [Group], fixed: [FixedSession] = [], weights: Weights = Weights(),
        sites: [Site]? = nil, formations: [TeamFormation] = [], spacing: [Spacing] = [],
        continuityRoles: Set<String>? = nil
    ) {
        self.name = name
        self.description = description
        self.calendar = calendar
        self.rooms = rooms
        self.staff = staff
        self.activities = activities
        self.groups = groups
        self.fixed = fixed
        self.weights = weights
        self.sites = sites
        self.formations = formations
        self.spacing = spacing
        self.continuityRoles = continuityRoles
    }

    /// Whether the file uses anything of format version 2 (spec sections
    /// 10–16), so that its schedule is written as `carousel-schedule/2`.
    public var usesVersion2: Bool {
        sites != nil || !formations.isEmpty || !spacing.isEmpty || continuityRoles != nil
            || groups.contains { $0.home != nil || $0.pool || $0.sameStaff || $0.attend.contains { $0.within != nil } }
            || staff.contains { $0.home != nil } || fixed.contains { $0.move != nil }
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
