/// Carousel additions for running the day itself (docs/format.md, "On the
/// day"): the entrances coaches use, the coaches themselves, what each
/// group brings to lunch, and what happens to outdoor activities when it
/// rains. Every one is optional and defaulted; a file without them means
/// what it meant before.

/// An entrance or drop-off point where coaches arrive (`gates[]`).
public struct Gate: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// The site the gate is at (a listed site, or a room's site), by id.
    public var site: String
    /// Most coaches that may arrive at the gate within one clock quarter
    /// hour (09:00–09:15, 09:15–09:30, …); nil: no limit. A hard rule.
    public var capacity: Int?

    public init(id: String, name: String? = nil, site: String = "main", capacity: Int? = nil) {
        self.id = id
        self.name = name
        self.site = site
        self.capacity = capacity
    }
}

/// How schools travel (`coaches`): the seats in one coach and when coaches
/// come and go around a school's sessions.
public struct CoachPlan: Sendable, Equatable {
    /// Seats in one coach, for pupils and accompanying adults alike.
    public var seats: Int
    /// Minutes before a school's first session that its coaches arrive.
    public var arriveBefore: Int
    /// Minutes after a school's last session that its coaches leave.
    public var leaveAfter: Int

    public static let defaultArriveBefore = 15
    public static let defaultLeaveAfter = 10

    public init(seats: Int, arriveBefore: Int = Self.defaultArriveBefore, leaveAfter: Int = Self.defaultLeaveAfter) {
        self.seats = seats
        self.arriveBefore = arriveBefore
        self.leaveAfter = leaveAfter
    }

    /// Coaches for `people` (pupils and adults): ⌈people / seats⌉.
    public func coaches(people: Int) -> Int { people <= 0 ? 0 : (people + seats - 1) / seats }
}

/// How many pupils of a group have one dietary need (`dietary`), as the
/// file lists them.
public struct DietaryCount: Sendable, Equatable {
    /// The need as written: `vegetarian`, `halal`, `nut allergy`.
    public var need: String
    public var count: Int

    public init(need: String, count: Int) {
        self.need = need
        self.count = count
    }
}

extension Activity {
    /// What an `outdoor` activity becomes on a wet day (`wetWeather`).
    public enum WetWeather: Sendable, Equatable {
        /// Held as usual, in one of these indoor rooms (room indices).
        case rooms([Int])
        /// Replaced by another (indoor) activity, by index.
        case activity(Int)
    }
}
