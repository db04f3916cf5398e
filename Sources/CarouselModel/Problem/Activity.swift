/// A workshop, show, lesson, lunch sitting or assembly (spec section 4).
public struct Activity: Sendable {
    /// One staffing row: `count + ceil(pupils / perPupils)` distinct staff
    /// who match `role`, all `skills` and, when given, `ids`.
    public struct StaffRow: Sendable {
        public var role: String?
        public var skills: Set<String>
        /// Staff indices; nil means anyone matching role and skills.
        public var ids: Set<Int>?
        public var count: Int
        public var perPupils: Int?

        public init(
            role: String? = nil, skills: Set<String> = [], ids: Set<Int>? = nil, count: Int = 0, perPupils: Int? = nil
        ) {
            self.role = role
            self.skills = skills
            self.ids = ids
            self.count = count
            self.perPupils = perPupils
        }

        /// Staff needed for a session of `pupils` pupils.
        public func needed(pupils: Int) -> Int {
            guard let perPupils else { return count }
            return count + (pupils + perPupils - 1) / perPupils
        }

        /// Whether staff member `member` (at index `index`) may fill this row.
        public func matches(_ member: StaffMember, index: Int) -> Bool {
            if let role, member.role != role { return false }
            if !skills.isSubset(of: member.skills) { return false }
            if let ids, !ids.contains(index) { return false }
            return true
        }
    }

    public var id: String
    public var name: String?
    /// Consecutive non-break periods a session occupies (≥ 1).
    public var duration: Int
    /// Most pupils in one session; nil means only the room limits it.
    public var capacity: Int?
    /// Most groups in one session (default 1; unlimited for `together`).
    public var maxGroups: Int
    public var roomFeatures: Set<String>
    /// Room indices allowed; nil means any room with the features.
    public var rooms: [Int]?
    public var years: ClosedRange<Int>?
    /// Every session lies wholly inside one of these; nil means anywhere.
    public var window: [TimeRange]?
    public var maxPerDay: Int?
    public var maxSessions: Int?
    public var together: Bool
    public var staff: [StaffRow]
    /// Carousel addition: held outdoors, so a wet day needs `wetWeather`.
    public var outdoor = false
    /// Carousel addition: the indoor fallback of an `outdoor` activity.
    public var wetWeather: WetWeather?
    /// Carousel addition: what to set up for a session (listed on day sheets).
    public var equipment: [String] = []

    public init(
        id: String, name: String? = nil, duration: Int = 1, capacity: Int? = nil, maxGroups: Int? = nil,
        roomFeatures: Set<String> = [], rooms: [Int]? = nil, years: ClosedRange<Int>? = nil,
        window: [TimeRange]? = nil, maxPerDay: Int? = nil, maxSessions: Int? = nil, together: Bool = false,
        staff: [StaffRow] = []
    ) {
        self.id = id
        self.name = name
        self.duration = duration
        self.capacity = capacity
        self.maxGroups = maxGroups ?? (together ? Int(Int32.max) : 1)
        self.roomFeatures = roomFeatures
        self.rooms = rooms
        self.years = years
        self.window = window
        self.maxPerDay = maxPerDay
        self.maxSessions = maxSessions
        self.together = together
        self.staff = staff
    }
}
