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

    public init(id: String, name: String? = nil, school: String? = nil, year: Int? = nil, size: Int,
                visit: [TimeRange]? = nil, needs: Set<String> = [], attend: [AttendItem] = []) {
        self.id = id
        self.name = name
        self.school = school
        self.year = year
        self.size = size
        self.visit = visit
        self.needs = needs
        self.attend = attend
    }
}
