/// A visiting class or cohort (spec section 5).
public struct Group: Sendable {
    /// One entry of `attend`.
    public enum AttendItem: Sendable, Equatable {
        /// `times` distinct sessions of `activity` (exactly one per visit day
        /// when `daily`); `minDays` asks softly for that many distinct days.
        case activity(activity: Int, times: Int, daily: Bool, minDays: Int?)
        /// `count` distinct activities from `choices`, once each; `prefer`
        /// ranks wishes best first.
        case oneOf(choices: [Int], count: Int, prefer: [Int]?)
    }

    public var id: String
    public var name: String?
    /// nil: a school of its own (for `mixSchools`).
    public var school: String?
    public var year: Int?
    public var size: Int
    /// nil means on site all the time.
    public var visit: [TimeRange]?
    public var needs: Set<String>
    public var attend: [AttendItem]
    /// Carousel addition: false when the group stands for a set of sessions
    /// that must not clash (a curriculum, a cohort) rather than for pupils:
    /// it takes no seats, so its size counts towards no capacity or staff
    /// ratio. Default true.
    public var seats: Bool
    /// Carousel addition: group-level soft terms that do not count for this
    /// group (`preference`, `idleGap`, `siteChange`, `spread`, `isolated`).
    public var exempt: Set<Weights.Term>

    /// The soft terms `exempt` may name.
    public static let exemptableTerms: [Weights.Term] = [.preference, .idleGap, .siteChange, .spread, .isolated]

    public init(id: String, name: String? = nil, school: String? = nil, year: Int? = nil, size: Int,
                visit: [TimeRange]? = nil, needs: Set<String> = [], attend: [AttendItem] = [], seats: Bool = true,
                exempt: Set<Weights.Term> = []) {
        self.id = id
        self.name = name
        self.school = school
        self.year = year
        self.size = size
        self.visit = visit
        self.needs = needs
        self.attend = attend
        self.seats = seats
        self.exempt = exempt
    }
}
