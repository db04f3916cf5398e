/// A teacher, technician or student mentor (spec section 3).
public struct StaffMember: Sendable {
    public var id: String
    public var name: String?
    public var role: String?
    public var skills: Set<String>
    /// nil means always available; otherwise the periods wholly inside the union.
    public var available: [TimeRange]?
    /// Most sessions on one day, in all, and the soft per-day preference.
    public var maxPerDay: Int?
    public var max: Int?
    public var preferredMaxPerDay: Int?
    /// Carousel addition: most periods in a row this staff member may spend
    /// in sessions (a break or a free period ends a run); nil: no limit.
    public var maxConsecutive: Int?
    /// The site the staff member starts from (spec section 10; soft `travel`), by id.
    public var home: String?

    public init(
        id: String, name: String? = nil, role: String? = nil, skills: Set<String> = [],
        available: [TimeRange]? = nil, maxPerDay: Int? = nil, max: Int? = nil, preferredMaxPerDay: Int? = nil,
        maxConsecutive: Int? = nil, home: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.skills = skills
        self.available = available
        self.maxPerDay = maxPerDay
        self.max = max
        self.preferredMaxPerDay = preferredMaxPerDay
        self.maxConsecutive = maxConsecutive
        self.home = home
    }
}
