import CarouselModel
import CarouselSolver

/// The ITC-2007 curriculum-based course timetabling format (track 3, `.ctt`)
/// as described in the competition's technical report (Di Gaspero, McCollum,
/// Schaerf 2007), and its translation to a Carousel problem whose soft score
/// equals the competition's penalty:
///
/// | ITC-2007 | Carousel |
/// |---|---|
/// | course (lectures, teacher, min working days, students) | a `together` activity with a staff row `{"ids": [teacher]}`, and a group of the course's students (`size` = students) attending it `times` = lectures with `minDays` |
/// | curriculum | a group with `seats: false` attending every course of the curriculum (so they never clash) |
/// | unavailability | the activity's `window` (the periods that remain) |
/// | room capacity (1 per student over) | `overCapacity: 1` |
/// | min working days (5 per day short) | `spread: 5` |
/// | curriculum compactness (2 per isolated lecture) | `isolated: 2`, course groups `exempt` from it |
/// | room stability (1 per extra room) | `roomStability: 1` |
///
/// The extended format (`.ectt`; Bonutti, De Cesco, Di Gaspero and Schaerf,
/// "Benchmarking curriculum-based course timetabling", Annals of Operations
/// Research 194, 2012), in which later benchmark sets (DDS, Udine,
/// EasyAcademy, Erlangen) are published, is read too, by the ITC-2007 rules
/// (the formulation UD2): its room constraints — rooms a course may not use
/// — are kept as a hard rule (the course's activity leaves them out of its
/// `rooms`); what only the later formulations score (the daily lecture
/// limits of `Min_Max_Daily_Lectures`, a course's double lectures, a room's
/// site) is read, checked and left out.
///
/// Periods become back-to-back periods from 08:00 — an hour each, or where
/// more than 16 make a day, `periodMinutes` each, so that the day ends by
/// midnight — days `d0`, `d1`, …, periods `p0`, `p1`, … (the competition's
/// 0-based numbers).
public struct CurriculumTimetabling: Sendable {
    public struct Course: Sendable {
        public var id: String
        public var teacher: String
        public var lectures: Int
        public var minDays: Int
        public var students: Int
    }
    public struct Curriculum: Sendable {
        public var id: String
        public var courses: [String]
    }

    public var name: String
    public var days: Int
    public var periodsPerDay: Int
    public var courses: [Course]
    public var rooms: [(id: String, capacity: Int)]
    public var curricula: [Curriculum]
    /// (course, day, period) pairs the course cannot use.
    public var unavailable: [(course: String, day: Int, period: Int)]
    /// (course, room) pairs: rooms the course may not use (the extended
    /// format's `ROOM_CONSTRAINTS`; none in a `.ctt` file).
    public var unsuitable: [(course: String, room: String)] = []

    /// Reads and parses a `.ctt` or `.ectt` file.
    public static func read(contentsOf path: String) throws(InputError) -> CurriculumTimetabling {
        let bytes = try ProblemDecoder.readFile(path)
        let file = StandardInput.name(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(
                file: file, location: nil, path: "", message: "not UTF-8 text; expected an ITC-2007 .ctt or .ectt file")
        }
        return try parse(text, file: file)
    }

    /// Most periods a day: each is given at least a minute between 08:00
    /// and 24:00.
    public static let maxPeriodsPerDay = 960

    /// The length of a period in minutes: an hour where 16 or fewer make a
    /// day, else as long as `periodsPerDay` periods from 08:00 to 24:00
    /// allow (whole minutes).
    public static func periodMinutes(periodsPerDay: Int) -> Int {
        periodsPerDay <= 16 ? 60 : 960 / periodsPerDay
    }

    /// Parses `.ctt` or `.ectt` text (told apart by the header: the
    /// extended format has `Min_Max_Daily_Lectures`); errors name the file
    /// and line.
    public static func parse(_ text: String, file: String) throws(InputError) -> CurriculumTimetabling {
        var lines = Self.lines(of: text).map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.last == "" { lines.removeLast() }
        var i = 0
        func fail(_ message: String, line: Int? = nil) -> InputError {
            let n = line ?? i
            return InputError(file: file, location: SourcePosition(line: n + 1, column: 1), path: "", message: message)
        }
        func header(_ key: String) throws(InputError) -> String {
            while i < lines.count && lines[i].isEmpty { i += 1 }
            guard i < lines.count, lines[i].hasPrefix(key + ":") else {
                throw fail(
                    "expected \"\(key): …\"\(i < lines.count ? ", got \"\(lines[i].prefix(40))\"" : " before the end of the file")"
                )
            }
            defer { i += 1 }
            return lines[i].dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        func number(_ key: String) throws(InputError) -> Int {
            let text = try header(key)
            guard let n = Int(text), n >= 0 else {
                throw fail("\(key) must be a whole number ≥ 0, got \"\(text)\"", line: i - 1)
            }
            return n
        }
        /// Reads `count` entries of `fields` fields (-1: at least 2); with
        /// `unique`, no two entries may share their first field (an id).
        func section(
            _ title: String, _ count: Int, fields: Int, unique: Bool = true,
            _ body: ([String], Int) throws(InputError) -> Void
        ) throws(InputError) {
            while i < lines.count && lines[i].isEmpty { i += 1 }
            // (A section of no entries may be left out.)
            if count == 0 && (i == lines.count || lines[i] != title) { return }
            guard i < lines.count, lines[i] == title else { throw fail("expected the section \"\(title)\"") }
            i += 1
            var read = 0
            var firstLine: [String: Int] = [:]
            while read < count {
                guard i < lines.count else {
                    throw fail("\(title) lists \(read) entries; the header promised \(count)")
                }
                if lines[i].isEmpty {
                    i += 1
                    continue
                }
                let parts = Self.fields(of: lines[i]).map(String.init)
                guard fields < 0 ? parts.count >= 2 : parts.count == fields else {
                    throw fail(
                        "\(title) entry has \(parts.count) fields, expected \(fields < 0 ? "at least 2" : String(fields))"
                    )
                }
                if unique {
                    if let first = firstLine[parts[0]] {
                        throw fail("\(parts[0]) is listed twice in \(title) (first on line \(first + 1))")
                    }
                    firstLine[parts[0]] = i
                }
                try body(parts, i)
                read += 1
                i += 1
            }
        }
        let name = try header("Name")
        let courseCount = try number("Courses"), roomCount = try number("Rooms"), days = try number("Days")
        let periods = try number("Periods_per_day"), curriculumCount = try number("Curricula")
        while i < lines.count && lines[i].isEmpty { i += 1 }
        let extended = i < lines.count && lines[i].hasPrefix("Min_Max_Daily_Lectures:")
        if extended {
            let limits = Self.fields(of: try header("Min_Max_Daily_Lectures"))
            guard limits.count == 2, let low = Int(limits[0]), let high = Int(limits[1]), low >= 0, high >= 0 else {
                throw fail("Min_Max_Daily_Lectures must be two whole numbers ≥ 0", line: i - 1)
            }
        }
        let constraints = try number(extended ? "UnavailabilityConstraints" : "Constraints")
        let roomConstraints = try extended ? number("RoomConstraints") : 0
        guard days > 0, periods > 0 else { throw fail("Days and Periods_per_day must be at least 1") }
        guard periods <= maxPeriodsPerDay else {
            throw fail(
                "Periods_per_day is \(periods); the import gives each period at least a minute between 08:00 and 24:00, so at most \(maxPeriodsPerDay) fit in a day"
            )
        }
        guard days <= ProblemDecoder.maxSlots / periods else {
            throw fail(
                "Days × Periods_per_day = \(days) × \(periods) time slots; at most \(ProblemDecoder.maxSlots) are supported"
            )
        }
        /// An id Carousel can use (`Identifier`), else an error on `line`.
        func id(_ text: String, _ line: Int) throws(InputError) -> String {
            if let problem = Identifier.problem(with: text) { throw fail(problem, line: line) }
            return text
        }
        var out = CurriculumTimetabling(
            name: name, days: days, periodsPerDay: periods, courses: [], rooms: [], curricula: [], unavailable: [])
        func int(_ s: String, _ what: String, _ line: Int) throws(InputError) -> Int {
            guard let n = Int(s), n >= 0 else {
                throw fail("\(what) must be a whole number ≥ 0, got \"\(s)\"", line: line)
            }
            return n
        }
        try section("COURSES:", courseCount, fields: extended ? 6 : 5) { (f, line) throws(InputError) in
            if extended, f[5] != "0" && f[5] != "1" {
                throw fail("double lectures must be 0 or 1, got \"\(f[5])\"", line: line)
            }
            out.courses.append(
                Course(
                    id: try id(f[0], line), teacher: try id(f[1], line), lectures: try int(f[2], "lectures", line),
                    minDays: try int(f[3], "minimum working days", line), students: try int(f[4], "students", line)))
        }
        try section("ROOMS:", roomCount, fields: extended ? 3 : 2) { (f, line) throws(InputError) in
            if extended { _ = try int(f[2], "site", line) }
            out.rooms.append((try id(f[0], line), try int(f[1], "capacity", line)))
        }
        let courseIDs = Set(out.courses.map(\.id))
        try section("CURRICULA:", curriculumCount, fields: -1) { (f, line) throws(InputError) in
            let n = try int(f[1], "number of courses", line)
            guard f.count == n + 2 else {
                throw fail("curriculum \(f[0]) promises \(n) courses and lists \(f.count - 2)", line: line)
            }
            var listed = Set<String>()
            for c in f.dropFirst(2) {
                guard courseIDs.contains(c) else {
                    throw fail("curriculum \(f[0]) lists unknown course \"\(c)\"", line: line)
                }
                guard listed.insert(c).inserted else {
                    throw fail("curriculum \(f[0]) lists course \"\(c)\" twice", line: line)
                }
            }
            out.curricula.append(Curriculum(id: try id(f[0], line), courses: Array(f.dropFirst(2))))
        }
        try section("UNAVAILABILITY_CONSTRAINTS:", constraints, fields: 3, unique: false) {
            (f, line) throws(InputError) in
            guard courseIDs.contains(f[0]) else { throw fail("unknown course \"\(f[0])\"", line: line) }
            let d = try int(f[1], "day", line), p = try int(f[2], "period", line)
            guard d < days, p < periods else {
                throw fail("day \(d) period \(p) is outside the \(days) × \(periods) grid", line: line)
            }
            out.unavailable.append((f[0], d, p))
        }
        if extended {
            let roomIDs = Set(out.rooms.map(\.id))
            try section("ROOM_CONSTRAINTS:", roomConstraints, fields: 2, unique: false) {
                (f, line) throws(InputError) in
                guard courseIDs.contains(f[0]) else { throw fail("unknown course \"\(f[0])\"", line: line) }
                guard roomIDs.contains(f[1]) else { throw fail("unknown room \"\(f[1])\"", line: line) }
                out.unsuitable.append((f[0], f[1]))
            }
        }
        return out
    }

    /// The lines of a text file, whatever ends them: a Windows "\r\n" (one
    /// `Character` in Swift, so never split at "\n" alone), "\n" or "\r";
    /// a byte order mark before the first line is dropped.
    static func lines(of text: String) -> [Substring] {
        let body = text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text)
        return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// The fields of a line: what spaces and tabs separate.
    static func fields<Line: StringProtocol>(of line: Line) -> [Line.SubSequence] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// Each course's index by its id.
    private var courseIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: courses.enumerated().map { ($1.id, $0) })
    }

    /// Each room's index by its id.
    private var roomIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: rooms.enumerated().map { ($1.id, $0) })
    }

    /// The Carousel problem (see the table above). Without `windows`, the
    /// courses' unavailability is left out: the same size, for checking it
    /// before the O(courses × days × periods) work of the windows.
    public func problem(windows withWindows: Bool = true) -> Problem {
        let minutes = Self.periodMinutes(periodsPerDay: periodsPerDay)
        let periods = (0..<periodsPerDay).map { p in
            EventCalendar.Period(id: "p\(p)", start: 480 + minutes * p, end: 480 + minutes * (p + 1))
        }
        let dayList = (0..<days).map { EventCalendar.Day(id: "d\($0)", periods: Array(0..<periodsPerDay)) }
        let teachers = Array(Set(courses.map(\.teacher))).sorted()
        let staff = teachers.map { StaffMember(id: $0, role: "teacher") }
        var activities: [Activity] = []
        var groups: [Group] = []
        var blockedSlots: [String: Set<Int>] = [:]
        for u in unavailable where withWindows {
            blockedSlots[u.course, default: []].insert(u.day * periodsPerDay + u.period)
        }
        let roomIndex = self.roomIndex
        var unsuitableRooms: [String: Set<Int>] = [:]
        for pair in unsuitable { unsuitableRooms[pair.course, default: []].insert(roomIndex[pair.room]!) }
        for (k, c) in courses.enumerated() {
            let blocked = blockedSlots[c.id] ?? []
            var window: [TimeRange]?
            if !blocked.isEmpty {
                var ranges: [TimeRange] = []
                for d in 0..<days {
                    var p = 0
                    while p < periodsPerDay {
                        guard !blocked.contains(d * periodsPerDay + p) else {
                            p += 1
                            continue
                        }
                        var q = p
                        while q + 1 < periodsPerDay && !blocked.contains(d * periodsPerDay + q + 1) { q += 1 }
                        ranges.append(TimeRange(day: d, window: periods[p].start...periods[q].end))
                        p = q + 1
                    }
                }
                window = ranges
            }
            let teacher = teachers.firstIndex(of: c.teacher)!
            // The rooms it may use, where the extended format rules some out.
            let allowed = unsuitableRooms[c.id].map { ruledOut in rooms.indices.filter { !ruledOut.contains($0) } }
            activities.append(
                Activity(
                    id: c.id, duration: 1, rooms: allowed, window: window, together: true,
                    staff: [.init(ids: [teacher], count: 1)]))
            groups.append(
                Group(
                    id: c.id, name: "Students of \(c.id)", size: max(1, c.students),
                    attend: [.activity(activity: k, times: c.lectures, daily: false, minDays: c.minDays)],
                    seats: c.students > 0, exempt: [.isolated]))
        }
        let index = courseIndex
        for q in curricula {
            // A curriculum id may equal a course id; groups share one id space.
            let id = index[q.id] != nil ? "curriculum-\(q.id)" : q.id
            groups.append(
                Group(
                    id: id, name: "Curriculum \(q.id)", size: 1,
                    attend: q.courses.compactMap { c in
                        index[c].map {
                            .activity(activity: $0, times: courses[$0].lectures, daily: false, minDays: nil)
                        }
                    },
                    seats: false))
        }
        var weights = Weights()
        weights[.preference] = 0
        weights[.idleGap] = 0
        weights[.siteChange] = 0
        weights[.spread] = 5
        weights[.isolated] = 2
        weights[.roomStability] = 1
        weights.overCapacity = 1
        return Problem(
            name: name,
            description: "ITC-2007 curriculum-based course timetabling instance \(name), imported by carousel.",
            calendar: EventCalendar(days: dayList, periods: periods),
            rooms: rooms.map { Room(id: $0.id, capacity: $0.capacity) }, staff: staff, activities: activities,
            groups: groups, weights: weights)
    }

    /// A solution scored by the competition's rules, straight from the
    /// instance and the solution's lines, independently of Carousel's model
    /// and evaluator (as the competition's validator does).
    public struct Assessment: Sendable, Equatable {
        /// Lectures a course lacks (each course must have all of its lectures).
        public var missingLectures = 0
        /// Pairs of lectures at one period sharing a course, a curriculum or a teacher.
        public var conflicts = 0
        /// Lectures at a period their course cannot use.
        public var unavailable = 0
        /// Lectures beyond the first in one room at one period.
        public var roomOccupancy = 0
        /// Lectures in a room their course may not use (the extended
        /// format's room constraints).
        public var unsuitableRooms = 0
        /// Students over the room's capacity, summed over lectures (weight 1).
        public var roomCapacity = 0
        /// Days short of each course's minimum working days (weight 5).
        public var minWorkingDays = 0
        /// Curriculum lectures with no lecture of the curriculum next to them on that day (weight 2).
        public var isolatedLectures = 0
        /// Rooms a course uses beyond its first (weight 1).
        public var roomStability = 0

        /// Hard violations, as the competition's validator counts them.
        public var hard: Int { missingLectures + conflicts + unavailable + roomOccupancy + unsuitableRooms }
        /// The competition's penalty.
        public var penalty: Int { roomCapacity + 5 * minWorkingDays + 2 * isolatedLectures + roomStability }
    }

    /// Scores a solution (`course room day period` lines) by the
    /// competition's rules. Errors name the solution file and line.
    public func assess(solution text: String, file: String) throws(InputError) -> Assessment {
        let courseIndex = self.courseIndex, roomIndex = self.roomIndex
        var lectures: [(course: Int, room: Int, day: Int, period: Int)] = []
        for (n, line) in Self.lines(of: text).enumerated() {
            let f = Self.fields(of: line)
            if f.isEmpty { continue }
            func fail(_ message: String) -> InputError {
                InputError(file: file, location: SourcePosition(line: n + 1, column: 1), path: "", message: message)
            }
            guard f.count == 4 else { throw fail("expected \"course room day period\", got \"\(line.prefix(40))\"") }
            guard let c = courseIndex[String(f[0])] else { throw fail("unknown course \"\(f[0])\"") }
            guard let r = roomIndex[String(f[1])] else { throw fail("unknown room \"\(f[1])\"") }
            guard let d = Int(f[2]), let p = Int(f[3]), (0..<days).contains(d), (0..<periodsPerDay).contains(p) else {
                throw fail("day \(f[2]) period \(f[3]) is outside the \(days) × \(periodsPerDay) grid")
            }
            lectures.append((c, r, d, p))
        }
        var a = Assessment()
        let slots = days * periodsPerDay
        let blocked = Set(unavailable.map { courseIndex[$0.course]! * slots + $0.day * periodsPerDay + $0.period })
        let ruledOut = Set(unsuitable.map { courseIndex[$0.course]! * rooms.count + roomIndex[$0.room]! })
        var curriculaOf = [[Int]](repeating: [], count: courses.count)
        for (q, curriculum) in curricula.enumerated() {
            for c in curriculum.courses { curriculaOf[courseIndex[c]!].append(q) }
        }
        var perCourse = [[(room: Int, day: Int, period: Int)]](repeating: [], count: courses.count)
        var roomUse = [Int](repeating: 0, count: rooms.count * slots)
        for l in lectures {
            perCourse[l.course].append((l.room, l.day, l.period))
            let slot = l.day * periodsPerDay + l.period
            if blocked.contains(l.course * slots + slot) { a.unavailable += 1 }
            if ruledOut.contains(l.course * rooms.count + l.room) { a.unsuitableRooms += 1 }
            roomUse[l.room * slots + slot] += 1
            if roomUse[l.room * slots + slot] > 1 { a.roomOccupancy += 1 }
            a.roomCapacity += max(0, courses[l.course].students - rooms[l.room].capacity)
        }
        for (i, x) in lectures.enumerated() {
            for y in lectures[(i + 1)...] where x.day == y.day && x.period == y.period {
                let shared =
                    x.course == y.course || courses[x.course].teacher == courses[y.course].teacher
                    || curriculaOf[x.course].contains(where: curriculaOf[y.course].contains)
                if shared { a.conflicts += 1 }
            }
        }
        for (c, course) in courses.enumerated() {
            a.missingLectures += max(0, course.lectures - perCourse[c].count)
            a.minWorkingDays += max(0, course.minDays - Set(perCourse[c].map(\.day)).count)
            a.roomStability += max(0, Set(perCourse[c].map(\.room)).count - 1)
        }
        for curriculum in curricula {
            var busy = Set<Int>()
            let mine = curriculum.courses.flatMap { perCourse[courseIndex[$0]!] }
            for l in mine { busy.insert(l.day * periodsPerDay + l.period) }
            for l in mine {
                let before = l.period > 0 && busy.contains(l.day * periodsPerDay + l.period - 1)
                let after = l.period + 1 < periodsPerDay && busy.contains(l.day * periodsPerDay + l.period + 1)
                if !before && !after { a.isolatedLectures += 1 }
            }
        }
        return a
    }

    /// The competition's solution format: one line per lecture,
    /// `course room day period`.
    public static func solution(_ schedule: Schedule, instance I: CompiledInstance) -> String {
        var lines: [String] = []
        for s in schedule.sessions.sorted(by: { ($0.activity, $0.day, $0.start) < ($1.activity, $1.day, $1.start) }) {
            lines.append(
                "\(I.activityID(Int(s.activity))) \(I.roomID(Int(s.room))) \(I.dayID(Int(s.day)).dropFirst()) \(I.periodID(Int(s.start)).dropFirst())"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
