import CarouselModel

/// A problem being generated, built entity by entity in file order (calendar,
/// sites, rooms, staff, activities, groups, then what refers to them): each
/// `add` returns the entity's index, so later entities refer to earlier ones
/// by index as the model does; ids are made readable and unique on the way.
struct ProblemDraft {
    var calendar: EventCalendar
    var sites: [Site]?
    var rooms: [Room] = []
    var staff: [StaffMember] = []
    var activities: [Activity] = []
    var groups: [Group] = []
    var formations: [TeamFormation] = []
    var fixed: [FixedSession] = []
    var spacing: [Spacing] = []
    var continuityRoles: Set<String>?
    var weights = Weights()
    private var taken: [String: Set<String>] = [:]

    init(days: [EventCalendar.Day], periods: [EventCalendar.Period]) {
        calendar = EventCalendar(days: days, periods: periods)
    }

    /// A period from clock texts (`"09:30"`).
    static func period(_ id: String, _ name: String?, _ start: String, _ end: String, isBreak: Bool = false)
        -> EventCalendar.Period
    {
        EventCalendar.Period(id: id, name: name, start: clock(start), end: clock(end), isBreak: isBreak)
    }

    /// Minutes after midnight of `HH:MM` (a generator's own constant text).
    static func clock(_ text: String) -> Minutes {
        guard let minutes = TimeRange.parseClock(text) else { preconditionFailure("bad clock text \(text)") }
        return minutes
    }

    /// `"13:15-15:15"` on day `day` (nil: every day); nil `window` is the whole day.
    static func range(day: Int?, _ window: String? = nil) -> TimeRange {
        guard let window else { return TimeRange(day: day, window: nil) }
        let ends = window.split(separator: "-").map { clock(String($0)) }
        return TimeRange(day: day, window: ends[0]...ends[1])
    }

    /// `text` as an id (lower case, words joined by dashes, apostrophes
    /// dropped), with `-2`, `-3`… when the kind already has it.
    mutating func uniqueID(_ text: String, kind: String) -> String {
        let base = Self.slug(text)
        var id = base, n = 1
        while taken[kind, default: []].contains(id) {
            n += 1
            id = "\(base)-\(n)"
        }
        taken[kind, default: []].insert(id)
        return id
    }

    /// `"St Mary's CE Primary"` → `"st-marys-ce-primary"`.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased() where c != "'" && c != "’" {
            if c.isASCII && (c.isLetter || c.isNumber) {
                if dash && !out.isEmpty { out.append("-") }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "x" : out
    }

    @discardableResult mutating func add(_ room: Room) -> Int {
        rooms.append(room)
        return rooms.count - 1
    }

    @discardableResult mutating func add(_ member: StaffMember) -> Int {
        staff.append(member)
        return staff.count - 1
    }

    @discardableResult mutating func add(_ activity: Activity) -> Int {
        activities.append(activity)
        return activities.count - 1
    }

    @discardableResult mutating func add(_ group: Group) -> Int {
        groups.append(group)
        return groups.count - 1
    }

    /// Adds the rooms `room(n)` makes (n = 1, 2, …) until they seat `seats`
    /// in all and, unless `exactly`, number at least `count`. With `exactly`
    /// the last room is cut to the seats still wanted, so that they seat no
    /// more than `seats` (an over-constrained problem's room supply).
    @discardableResult
    mutating func addRooms(
        seating seats: Int, atLeast count: Int = 0, exactly: Bool, _ room: (_ n: Int) -> Room
    ) -> [Int] {
        var added: [Int] = [], seated = 0
        while seated < seats || (!exactly && added.count < count) {
            var next = room(added.count + 1)
            if exactly { next.capacity = min(next.capacity ?? seats, seats - seated) }
            seated += next.capacity ?? seats
            added.append(add(next))
        }
        return added
    }

    /// Every day of the calendar whose index passes `keep`, as whole-day ranges
    /// (a `visit` or `available` list), or with `window` on each.
    func days(where keep: (Int) -> Bool, window: String? = nil) -> [TimeRange] {
        calendar.days.indices.filter(keep).map { Self.range(day: $0, window) }
    }

    /// The problem, named `Generated <what> (seed N)` and described by its
    /// kind and parameters.
    func problem(_ what: String, kind: GeneratorKind, _ parameters: GeneratorParameters) -> Problem {
        Problem(
            name: "Generated \(what) (seed \(parameters.seed))",
            description:
                "Synthetic problem from carousel generate --kind \(kind.rawValue) --scale \(parameters.scale) --tightness \(parameters.tightness) --seed \(parameters.seed): \(kind.summary).",
            calendar: calendar, rooms: rooms, staff: staff, activities: activities,
            groups: groups, fixed: fixed, weights: weights, sites: sites, formations: formations, spacing: spacing,
            continuityRoles: continuityRoles)
    }
}
