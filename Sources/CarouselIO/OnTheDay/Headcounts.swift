import CarouselModel

/// Numbers for the kitchen and the fire registers (docs/exports.md,
/// "Catering and headcounts"), counted from a schedule:
///
/// - **per day**, by school: the pupils (`size`) and accompanying `adults`
///   of the groups with a session that day, their `dietary` counts, and the
///   staff with a session that day;
/// - **per meal sitting**: the sessions of a meal activity (its id or name
///   holds "lunch", "meal", "dinner" or "breakfast") that start together on
///   a day are one sitting; by school, the pupils, adults and dietary counts
///   of their groups; staff: those of the meal sessions, and every staff
///   member working that day who is free for the whole sitting and has not
///   eaten at an earlier sitting that day;
/// - **per room and period** (fire registers): for every non-break period a
///   session covers, its pupils, its groups' adults and its staff.
///
/// Adults go where their group goes. O(S · (k + P)) for S sessions of k
/// groups and staff over P periods.
public struct Headcounts: Sendable {
    /// People in one place or meal.
    public struct Count: Sendable, Equatable {
        public var pupils = 0
        public var adults = 0
        public var staff = 0
        /// Per dietary need (`Headcounts.needs`), the pupils with it.
        public var dietary: [Int]
        public var total: Int { pupils + adults + staff }

        init(needs: Int) { dietary = Array(repeating: 0, count: needs) }
    }

    /// One school's count.
    public struct SchoolCount: Sendable, Equatable {
        public var school: String
        public var groups: [Int]
        public var count: Count
    }

    /// A day, or one meal sitting of a day.
    public struct Gathering: Sendable {
        public var day: Int
        /// Nil for the whole day; else the sitting's start and end (minutes)
        /// and its rooms.
        public var sitting: (start: Minutes, end: Minutes, rooms: [Int])? {
            start.map { ($0, end ?? $0, rooms) }
        }
        var start: Minutes?
        var end: Minutes?
        var rooms: [Int] = []
        /// By school, in the order schools first appear in the problem.
        public var schools: [SchoolCount]
        /// Staff members counted here.
        public var staff: [Int]
        /// The sum over schools, with the staff.
        public var total: Count
    }

    /// The people in one room in one period.
    public struct RoomPeriod: Sendable, Equatable {
        public var day: Int
        public var period: Int
        public var room: Int
        public var groups: [Int]
        public var count: Count
    }

    /// Every dietary need named by some group, in order of first mention.
    public let needs: [String]
    public let days: [Gathering]
    public let sittings: [Gathering]
    /// Ordered by day, period, room; only places with someone in them.
    public let rooms: [RoomPeriod]

    /// Whether an activity is a meal (its id or name holds one of the words).
    public static func isMeal(_ activity: Activity) -> Bool {
        let text = (activity.id + " " + (activity.name ?? "")).lowercased()
        return ["lunch", "meal", "dinner", "breakfast"].contains { text.contains($0) }
    }

    public init(_ view: TimetableView) {
        let p = view.problem, cal = p.calendar
        var needs: [String] = []
        for group in p.groups {
            for entry in group.dietary where !needs.contains(entry.need) { needs.append(entry.need) }
        }
        self.needs = needs
        let needIndex = Dictionary(uniqueKeysWithValues: needs.enumerated().map { ($1, $0) })
        let schoolOrder = Self.schoolOrder(view)

        func add(_ g: Int, to count: inout Count) {
            count.pupils += p.groups[g].size
            count.adults += p.groups[g].adults
            for entry in p.groups[g].dietary { count.dietary[needIndex[entry.need]!] += entry.count }
        }
        func gathering(day d: Int, groups: Set<Int>, staff: [Int]) -> Gathering {
            var bySchool: [String: SchoolCount] = [:]
            var total = Count(needs: needs.count)
            for g in groups.sorted() {
                let school = view.schoolName(g)
                var entry =
                    bySchool[school] ?? SchoolCount(school: school, groups: [], count: Count(needs: needs.count))
                entry.groups.append(g)
                add(g, to: &entry.count)
                add(g, to: &total)
                bySchool[school] = entry
            }
            total.staff = staff.count
            let schools = bySchool.values.sorted {
                (schoolOrder[$0.school] ?? 0, $0.school) < (schoolOrder[$1.school] ?? 0, $1.school)
            }
            return Gathering(day: d, schools: schools, staff: staff, total: total)
        }

        var days: [Gathering] = [], sittings: [Gathering] = []
        for d in cal.days.indices {
            let today = view.sessions.filter { $0.day == d }
            guard !today.isEmpty else { continue }
            let staffToday = Set(today.flatMap(\.staff)).sorted()
            days.append(gathering(day: d, groups: Set(today.flatMap(\.groups)), staff: staffToday))
            // Meal sittings: meal sessions starting together.
            let meals = today.filter { Self.isMeal(p.activities[$0.activity]) }
            var eaten = Set<Int>()
            for start in Set(meals.map(\.start)).sorted() {
                let here = meals.filter { $0.start == start }
                let end = here.map(\.end).max()!
                var staff = Set(here.flatMap(\.staff))
                for st in staffToday where !eaten.contains(st) && !staff.contains(st) {
                    let busy = today.contains { s in s.staff.contains(st) && s.start < end && start < s.end }
                    if !busy { staff.insert(st) }
                }
                eaten.formUnion(staff)
                var sitting = gathering(day: d, groups: Set(here.flatMap(\.groups)), staff: staff.sorted())
                sitting.start = start
                sitting.end = end
                sitting.rooms = Set(here.map(\.room)).sorted()
                sittings.append(sitting)
            }
        }
        self.days = days
        self.sittings = sittings

        var rooms: [RoomPeriod] = []
        for s in view.sessions {
            for q in s.periods where !cal.periods[q].isBreak {
                var count = Count(needs: needs.count)
                for g in s.groups { add(g, to: &count) }
                count.staff = s.staff.count
                if let i = rooms.lastIndex(where: { $0.day == s.day && $0.period == q && $0.room == s.room }) {
                    rooms[i].groups += s.groups
                    rooms[i].count.pupils += count.pupils
                    rooms[i].count.adults += count.adults
                    rooms[i].count.staff += count.staff
                } else {
                    rooms.append(RoomPeriod(day: s.day, period: q, room: s.room, groups: s.groups, count: count))
                }
            }
        }
        self.rooms = rooms.sorted { ($0.day, $0.period, $0.room) < ($1.day, $1.period, $1.room) }
    }

    /// Schools in the order their first group appears in the problem.
    static func schoolOrder(_ view: TimetableView) -> [String: Int] {
        var order: [String: Int] = [:]
        for g in view.problem.groups.indices where order[view.schoolName(g)] == nil {
            order[view.schoolName(g)] = order.count
        }
        return order
    }

    // MARK: Tables

    /// Per day and per sitting, a table by school: groups, pupils, adults,
    /// staff, the dietary counts — a column per need, or with `oneColumn`
    /// (for terminals) one column listing them — and the total, then a
    /// staff row and a total row.
    public func cateringTables(_ view: TimetableView, oneColumn: Bool = false) -> [ReportTable] {
        let headers = ["school", "groups", "pupils", "adults", "staff"] + (oneColumn ? ["dietary"] : needs) + ["total"]
        func dietary(_ c: Count) -> [String] {
            guard oneColumn else { return c.dietary.map(String.init) }
            return [zip(needs, c.dietary).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")]
        }
        let blank = oneColumn ? [""] : needs.map { _ in "" }
        func table(_ g: Gathering) -> ReportTable {
            var title = view.dayTitle(g.day) + ": "
            if let sitting = g.sitting {
                title +=
                    "sitting \(sitting.start.clockText)-\(sitting.end.clockText) in "
                    + sitting.rooms.map(view.roomName).joined(separator: ", ")
            } else {
                title += "on site all day"
            }
            var rows = g.schools.map { s in
                [s.school, "\(s.groups.count)", "\(s.count.pupils)", "\(s.count.adults)", ""] + dietary(s.count) + [
                    "\(s.count.total)"
                ]
            }
            rows.append(["staff", "", "", "", "\(g.total.staff)"] + blank + ["\(g.total.staff)"])
            rows.append(
                [
                    "total", "\(g.schools.reduce(0) { $0 + $1.groups.count })", "\(g.total.pupils)",
                    "\(g.total.adults)", "\(g.total.staff)",
                ]
                    + dietary(g.total) + ["\(g.total.total)"])
            let numeric = Set(1..<headers.count).subtracting(oneColumn ? [5] : [])
            return ReportTable(title: title, headers: headers, rows: rows, numeric: numeric)
        }
        return days.map(table) + sittings.map(table)
    }

    /// Per day, every room and period with someone in it: pupils, adults,
    /// staff, total and the groups (fire registers).
    public func fireRegisterTables(_ view: TimetableView) -> [ReportTable] {
        let cal = view.problem.calendar
        return days.map { day in
            let rows = rooms.filter { $0.day == day.day }.map { e in
                let period = cal.periods[e.period]
                return [
                    view.roomName(e.room), "\(period.start.clockText)-\(period.end.clockText)", "\(e.count.pupils)",
                    "\(e.count.adults)",
                    "\(e.count.staff)", "\(e.count.total)", e.groups.map(view.groupName).joined(separator: ", "),
                ]
            }
            return ReportTable(
                title: view.dayTitle(day.day) + ": people per room and period",
                headers: ["room", "period", "pupils", "adults", "staff", "total", "groups"], rows: rows,
                numeric: [2, 3, 4, 5])
        }
    }
}
