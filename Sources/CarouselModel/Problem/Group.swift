/// A visiting class or cohort (spec section 5).
public struct Group: Sendable {
    /// One entry of `attend`.
    public enum AttendItem: Sendable, Equatable {
        /// `times` distinct sessions of `activity` (exactly one per visit day
        /// when `daily`); `minDays` asks softly for that many distinct days.
        /// With `within` (spec section 12), only sessions wholly inside those
        /// ranges count for the item.
        case activity(activity: Int, times: Int, daily: Bool, minDays: Int?, within: [TimeRange]? = nil)
        /// `count` distinct activities from `choices`, once each; `prefer`
        /// ranks wishes best first. With `within`, the chosen activities'
        /// sessions lie inside those ranges.
        case oneOf(choices: [Int], count: Int, prefer: [Int]?, within: [TimeRange]? = nil)

        /// The item's `within` ranges (spec section 12), if any.
        public var within: [TimeRange]? {
            switch self {
            case .activity(_, _, _, _, let within): within
            case .oneOf(_, _, _, let within): within
            }
        }
    }

    /// What makes a group a team formed by the solver (spec section 11).
    public struct TeamInfo: Sendable, Equatable {
        /// Index into `Problem.formations`.
        public var formation: Int
        /// Pupils from each pool (pool group index → count).
        public var members: [Int: Int]
        /// Names of its pupils from pools that list them (pool index → names).
        public var pupils: [Int: [String]]
        /// The years of the pools the team has members from (nil for a pool
        /// without a year, which bars the team from activities with `years`).
        public var years: [Int?]

        public init(formation: Int, members: [Int: Int], pupils: [Int: [String]], years: [Int?]) {
            self.formation = formation
            self.members = members
            self.pupils = pupils
            self.years = years
        }
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
    /// The site the group comes from (spec section 10; soft `travel`), by id.
    public var home: String?
    /// A pool of pupils that the solver splits into teams (spec section 11):
    /// it attends nothing and appears in no session itself.
    public var pool: Bool
    /// The pool's pupils by name (exactly `size` distinct names), if given.
    public var pupils: [String]?
    /// Rule 11: the group sees the same continuity-role staff every time.
    public var sameStaff: Bool
    /// Set for a team formed by the solver (`Problem.addingTeams`).
    public var team: TeamInfo?
    /// Carousel addition: teachers and helpers who come with the group (for
    /// coaches, catering and fire registers; they take no seat in sessions).
    public var adults: Int = 0
    /// Carousel addition: pupils with each dietary need, as listed.
    public var dietary: [DietaryCount] = []
    /// Carousel addition: the gate the group's coach uses (index into
    /// `Problem.gates`); nil: the first gate listed.
    public var gate: Int?

    /// The soft terms `exempt` may name.
    public static let exemptableTerms: [Weights.Term] = [.preference, .idleGap, .siteChange, .spread, .isolated]

    public init(
        id: String, name: String? = nil, school: String? = nil, year: Int? = nil, size: Int,
        visit: [TimeRange]? = nil, needs: Set<String> = [], attend: [AttendItem] = [], seats: Bool = true,
        exempt: Set<Weights.Term> = [], home: String? = nil, pool: Bool = false, pupils: [String]? = nil,
        sameStaff: Bool = false, team: TeamInfo? = nil
    ) {
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
        self.home = home
        self.pool = pool
        self.pupils = pupils
        self.sameStaff = sameStaff
        self.team = team
    }
}
