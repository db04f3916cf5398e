import Foundation

/// Decodes and validates a problem file (spec sections 0–8) into a `Problem`.
///
/// Decoding stops at the first error, which is thrown as a one-line
/// `InputError`. Beyond the format itself it checks what makes a file
/// meaningless: duplicate ids, unknown references (with "did you mean"),
/// unreadable or overlapping times, empty windows, sizes and durations that
/// cannot be, a `years` range with min > max.
public struct ProblemDecoder {
    /// Files larger than this are refused before parsing (the largest
    /// generated week, 100,000 visitors, is about 3 MB).
    public static let maxFileSize = 64 << 20
    /// Most time slots (days × periods) a calendar may have: each day lists
    /// its periods, so a few kilobytes of days and periods could otherwise
    /// ask for gigabytes. A year of 30-period days is 10,980.
    public static let maxSlots = 1_000_000

    static let topKeys = [
        "format", "name", "description", "calendar", "rooms", "staff", "activities", "groups", "fixed", "weights",
        "sites", "teams", "spacing", "continuityRoles", "gates", "coaches",
    ]
    static let calendarKeys = ["days", "periods"]
    static let dayKeys = ["id", "name", "date", "periods"]
    static let periodKeys = ["id", "name", "start", "end", "break"]
    static let roomKeys = ["id", "name", "capacity", "features", "site", "unavailable", "url"]
    static let staffKeys = [
        "id", "name", "role", "skills", "available", "maxPerDay", "max", "preferredMaxPerDay",
        "maxConsecutive", "home",
    ]
    static let activityKeys = [
        "id", "name", "duration", "capacity", "maxGroups", "roomFeatures", "rooms", "years", "window",
        "maxPerDay", "maxSessions", "together", "staff", "outdoor", "wetWeather", "equipment",
    ]
    static let rowKeys = ["role", "skills", "count", "perPupils", "ids"]
    static let groupKeys = [
        "id", "name", "school", "year", "size", "visit", "needs", "attend", "seats", "exempt",
        "home", "pool", "pupils", "sameStaff", "adults", "dietary", "gate",
    ]
    static let attendKeys = ["activity", "times", "daily", "minDays", "oneOf", "count", "prefer", "within"]
    static let fixedKeys = ["activity", "day", "start", "room", "groups", "staff", "move"]
    /// The `format` values understood.
    static let formats = ["carousel/1", "carousel/2"]

    let file: String
    var dayIndex: [String: Int] = [:]
    var periodIndex: [String: Int] = [:]
    var roomIndex: [String: Int] = [:]
    var staffIndex: [String: Int] = [:]
    var activityIndex: [String: Int] = [:]
    var groupIndex: [String: Int] = [:]
    var siteIndex: [String: Int] = [:]
    var gateIndex: [String: Int] = [:]
    /// Whether the file gives a `sites` list (version 2).
    var hasSiteList = false
    /// Without a `sites` list: the sites rooms name (a `home` may name one).
    var implicitSites: Set<String> = ["main"]
    var calendar = EventCalendar(days: [], periods: [])
    /// Computed once from the calendar (each activity and attend item
    /// checks against them).
    var longest: (length: Int, day: String) = (0, "")
    var nonBreakSlots = 0

    init(file: String) { self.file = file }

    /// Reads and decodes the file at `path` (`-`: standard input).
    public static func decode(contentsOf path: String) throws(InputError) -> Problem {
        try decode(bytes: try readFile(path), file: StandardInput.name(of: path))
    }

    /// Decodes a problem from bytes; `file` names it in errors.
    public static func decode(bytes: [UInt8], file: String) throws(InputError) -> Problem {
        let root = try parseJSON(bytes, file: file)
        var decoder = ProblemDecoder(file: file)
        return try decoder.problem(root)
    }

    /// Decodes a problem from a parsed JSON tree (a scenario's result);
    /// `file` names it in errors.
    public static func decode(_ root: JSONValue, file: String) throws(InputError) -> Problem {
        var decoder = ProblemDecoder(file: file)
        return try decoder.problem(root)
    }

    /// Reads time-range strings (`"tue"`, `"tue 09:30-12:00"`,
    /// `"09:30-12:00"`) against `calendar`; `path` and the values'
    /// positions locate errors in `file`.
    public static func timeRanges(_ values: [JSONValue], calendar: EventCalendar, file: String, path: String)
        throws(InputError) -> [TimeRange]
    {
        var decoder = ProblemDecoder(file: file)
        decoder.calendar = calendar
        for (i, day) in calendar.days.enumerated() { decoder.dayIndex[day.id] = i }
        var out: [TimeRange] = []
        for (i, v) in values.enumerated() {
            guard let text = v.string else {
                throw InputError(
                    file: file, location: v.location, path: "\(path)[\(i)]",
                    message: "expected a time range string, got \(v.kindName)")
            }
            out.append(try decoder.timeRange(text, item: v, path: "\(path)[\(i)]"))
        }
        return out
    }

    /// Reads a whole file (`-`: standard input), with errors in the
    /// `InputError` form.
    public static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        if path == StandardInput.path {
            let bytes = try StandardInput.read(limit: maxFileSize)
            guard bytes.count <= maxFileSize else {
                throw InputError(
                    file: StandardInput.displayName, location: nil, path: "",
                    message: "larger than \(maxFileSize >> 20) MiB; is this a problem file?")
            }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, location: nil, path: "", message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputError(file: path, location: nil, path: "", message: "is a directory; expected a JSON file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, location: nil, path: "", message: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw InputError(
                file: path, location: nil, path: "", message: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maxFileSize else {
            throw InputError(
                file: path, location: nil, path: "",
                message: "larger than \(maxFileSize >> 20) MiB; is this a problem file?")
        }
        return [UInt8](data)
    }

    /// Parses JSON with comments, turning syntax errors into `InputError`s.
    public static func parseJSON(
        _ bytes: [UInt8], file: String, maxValues: Int = JSONParser.maxValues
    ) throws(InputError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes, maxValues: maxValues)
        } catch {
            throw InputError(file: file, location: error.location, path: "", message: error.message)
        }
    }

    // MARK: - Top level

    mutating func problem(_ root: JSONValue) throws(InputError) -> Problem {
        let top = try ObjectReader(root, path: "", file: file, allowed: Self.topKeys)
        if let format = try top.string("format"), !Self.formats.contains(format) {
            throw top.error(
                "format", "unsupported format \"\(format)\"; expected \"carousel/1\" or \"carousel/2\"",
                hint: Suggestion.hint(for: format, among: Self.formats))
        }
        guard let cal = top.value("calendar") else { throw top.error(nil, "missing \"calendar\" (days and periods)") }
        calendar = try decodeCalendar(cal)
        longest = longestRun()
        nonBreakSlots = calendar.days.reduce(0) { $0 + $1.periods.filter { !calendar.periods[$0].isBreak }.count }
        let sites = try decodeSites(top)
        hasSiteList = sites != nil
        let rooms = try Self.each(top, "rooms", Self.roomKeys) { r throws(InputError) in try decodeRoom(r, sites: sites)
        }
        implicitSites.formUnion(rooms.map(\.site))
        let gates = try decodeGates(top)
        let coaches = try decodeCoaches(top)
        let staff = try Self.each(top, "staff", Self.staffKeys) { r throws(InputError) in try decodeStaff(r) }
        var activities = try Self.each(top, "activities", Self.activityKeys) { r throws(InputError) in
            try decodeActivity(r)
        }
        try decodeWetWeather(top, activities: &activities, rooms: rooms)
        let groups = try Self.each(top, "groups", Self.groupKeys) { r throws(InputError) in
            try decodeGroup(r, activities: activities)
        }
        let formations = try decodeFormations(top, groups: groups, activities: activities)
        let fixed = try Self.each(top, "fixed", Self.fixedKeys) { r throws(InputError) in
            try decodeFixed(r, activities: activities, groups: groups)
        }
        let spacing = try decodeSpacing(top, activities: activities)
        let continuityRoles = try decodeContinuityRoles(top)
        let weights = try decodeWeights(top)
        var problem = Problem(
            name: try top.string("name") ?? "", description: try top.string("description"), calendar: calendar,
            rooms: rooms, staff: staff, activities: activities, groups: groups, fixed: fixed, weights: weights,
            sites: sites, formations: formations, spacing: spacing, continuityRoles: continuityRoles)
        problem.gates = gates
        problem.coaches = coaches
        return problem
    }

    /// Decodes every object of the list `key`, in order.
    static func each<T>(
        _ top: ObjectReader, _ key: String, _ allowed: [String],
        _ body: (ObjectReader) throws(InputError) -> T
    ) throws(InputError) -> [T] {
        var out: [T] = []
        for (i, item) in (try top.list(key) ?? []).enumerated() {
            out.append(try body(try ObjectReader(item, path: "\(key)[\(i)]", file: top.file, allowed: allowed)))
        }
        return out
    }

    // MARK: - References

    /// Resolves an id of `kind` from `table`, with a "did you mean" hint.
    func resolve(_ id: String, in table: [String: Int], kind: String, at item: JSONValue, path: String)
        throws(InputError) -> Int
    {
        if let i = table[id] { return i }
        let known = table.sorted { $0.value < $1.value }.map(\.key)
        let listing = known.count <= 8 ? "; known: \(known.joined(separator: ", "))" : ""
        throw InputError(
            file: file, location: item.location, path: path,
            message: "unknown \(kind) \"\(id)\"\(known.isEmpty ? "; there are no \(kind)s" : listing)",
            hint: Suggestion.hint(for: id, among: known))
    }

    func resolveList(_ r: ObjectReader, _ key: String, in table: [String: Int], kind: String) throws(InputError)
        -> [Int]?
    {
        guard let items = try r.strings(key) else { return nil }
        var out: [Int] = []
        for s in items {
            let i = try resolve(s.value, in: table, kind: kind, at: s.item, path: s.path)
            if out.contains(i) {
                throw InputError(
                    file: file, location: s.item.location, path: s.path,
                    message: "\(kind) \"\(s.value)\" is listed twice")
            }
            out.append(i)
        }
        return out
    }

    // MARK: - Calendar and time ranges

    mutating func decodeCalendar(_ value: JSONValue) throws(InputError) -> EventCalendar {
        let cal = try ObjectReader(value, path: "calendar", file: file, allowed: Self.calendarKeys)
        guard let periodValues = try cal.list("periods"), !periodValues.isEmpty else {
            throw cal.error(cal.has("periods") ? "periods" : nil, "needs at least one period")
        }
        var periods: [EventCalendar.Period] = []
        for (i, pv) in periodValues.enumerated() {
            let p = try ObjectReader(pv, path: "calendar.periods[\(i)]", file: file, allowed: Self.periodKeys)
            let id = try p.id(unique: periodIndex)
            let start = try clock(p, "start"), end = try clock(p, "end")
            guard end > start else {
                throw p.error("end", "period ends at \(end.clockText), not after its start \(start.clockText)")
            }
            if let last = periods.last, start < last.end {
                throw p.error(
                    "start",
                    "period \"\(id)\" starts at \(start.clockText), before the previous period \"\(last.id)\" ends (\(last.end.clockText)); periods must not overlap and must increase in time"
                )
            }
            periodIndex[id] = i
            periods.append(
                .init(id: id, name: try p.string("name"), start: start, end: end, isBreak: try p.bool("break") ?? false)
            )
        }
        guard periods.contains(where: { !$0.isBreak }) else {
            throw cal.error("periods", "every period is a break; sessions need at least one non-break period")
        }
        guard let dayValues = try cal.list("days"), !dayValues.isEmpty else {
            throw cal.error(cal.has("days") ? "days" : nil, "needs at least one day")
        }
        let (slots, overflow) = dayValues.count.multipliedReportingOverflow(by: periods.count)
        if overflow || slots > Self.maxSlots {
            throw cal.error(
                "days",
                "\(dayValues.count) days × \(periods.count) periods = \(overflow ? "too many" : String(slots)) time slots; at most \(Self.maxSlots) are supported"
            )
        }
        var days: [EventCalendar.Day] = []
        for (i, dv) in dayValues.enumerated() {
            let d = try ObjectReader(dv, path: "calendar.days[\(i)]", file: file, allowed: Self.dayKeys)
            let id = try d.id(unique: dayIndex)
            if id.contains(" ") || TimeRange.parseWindow(Substring(id)) != nil {
                throw d.error("id", "day id \"\(id)\" cannot contain spaces or look like a time window")
            }
            let date = try d.string("date")
            if let date, !Self.isISODate(date) {
                throw d.error("date", "expected a date YYYY-MM-DD, got \"\(date)\"")
            }
            var dayPeriods = Array(periods.indices)
            if let list = try resolveList(d, "periods", in: periodIndex, kind: "period") {
                dayPeriods = list.sorted()
            }
            dayIndex[id] = i
            days.append(.init(id: id, name: try d.string("name"), date: date, periods: dayPeriods))
        }
        return EventCalendar(days: days, periods: periods)
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y > 0, (1...12).contains(m)
        else { return false }
        let daysIn = [
            31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        return (1...daysIn[m - 1]).contains(d)
    }

    func clock(_ r: ObjectReader, _ key: String) throws(InputError) -> Minutes {
        let s = try r.requiredString(key, what: "a time HH:MM")
        guard let t = TimeRange.parseClock(s.trimmingCharacters(in: .whitespaces)) else {
            throw r.error(key, "expected a time HH:MM (24-hour clock), got \"\(s)\"")
        }
        return t
    }

    /// A list of time ranges (`"tue"`, `"tue 09:30-12:00"`, `"09:30-12:00"`).
    func ranges(_ r: ObjectReader, _ key: String) throws(InputError) -> [TimeRange]? {
        guard let items = try r.strings(key) else { return nil }
        var out: [TimeRange] = []
        for s in items { out.append(try timeRange(s.value, item: s.item, path: s.path)) }
        return out
    }

    func timeRange(_ text: String, item: JSONValue, path: String) throws(InputError) -> TimeRange {
        let t = Substring(text).trimmingSpaces
        if let d = dayIndex[String(t)] { return TimeRange(day: d, window: nil) }
        func window(_ w: Substring) throws(InputError) -> ClosedRange<Minutes>? {
            guard let (a, b) = TimeRange.parseWindow(w) else { return nil }
            guard b > a else {
                throw InputError(
                    file: file, location: item.location, path: path,
                    message: "time range \"\(text)\" ends at \(b.clockText), not after it starts (\(a.clockText))")
            }
            return a...b
        }
        if let w = try window(t) { return TimeRange(day: nil, window: w) }
        let parts = t.split(separator: " ", maxSplits: 1)
        if parts.count == 2, let d = dayIndex[String(parts[0])] {
            if let w = try window(parts[1].trimmingSpaces) { return TimeRange(day: d, window: w) }
            throw InputError(
                file: file, location: item.location, path: path,
                message: "cannot read the window \"\(parts[1])\" in \"\(text)\"; expected HH:MM-HH:MM")
        }
        let head = parts.first.map(String.init) ?? ""
        throw InputError(
            file: file, location: item.location, path: path,
            message:
                "cannot read time range \"\(text)\"; expected \"DAY\", \"DAY HH:MM-HH:MM\" or \"HH:MM-HH:MM\" (days: \(ListText.joined(calendar.days.map(\.id))))",
            hint: Suggestion.hint(for: head, among: calendar.days.map(\.id), kind: "day"))
    }

    // MARK: - Rooms, staff, activities

    mutating func decodeRoom(_ r: ObjectReader, sites: [Site]?) throws(InputError) -> Room {
        let id = try r.id(unique: roomIndex)
        roomIndex[id] = roomIndex.count
        let site = try roomSite(r, sites: sites)
        return Room(
            id: id, name: try r.string("name"), capacity: try r.int("capacity", minimum: 0),
            features: try r.stringSet("features"), site: site,
            unavailable: try ranges(r, "unavailable") ?? [], url: try meetingAddress(r))
    }

    /// A room's `url`: a non-empty string without spaces or control characters.
    func meetingAddress(_ r: ObjectReader) throws(InputError) -> String? {
        guard let url = try r.string("url") else { return nil }
        guard !url.isEmpty,
            !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw r.error(
                "url",
                "expected a meeting address without spaces, such as \"https://meet.example.org/panel-1\", got \"\(url)\""
            )
        }
        return url
    }

    mutating func decodeStaff(_ r: ObjectReader) throws(InputError) -> StaffMember {
        let id = try r.id(unique: staffIndex)
        staffIndex[id] = staffIndex.count
        var member = StaffMember(
            id: id, name: try r.string("name"), role: try r.string("role"),
            skills: try r.stringSet("skills"), available: try ranges(r, "available"),
            maxPerDay: try r.int("maxPerDay", minimum: 0), max: try r.int("max", minimum: 0),
            preferredMaxPerDay: try r.int("preferredMaxPerDay", minimum: 0))
        member.maxConsecutive = try r.int("maxConsecutive", minimum: 1)
        member.home = try siteReference(r, "home")
        return member
    }

    mutating func decodeActivity(_ r: ObjectReader) throws(InputError) -> Activity {
        let id = try r.id(unique: activityIndex)
        activityIndex[id] = activityIndex.count
        let duration = try r.int("duration", minimum: 1) ?? 1
        if duration > longest.length {
            throw r.error(
                "duration",
                "duration \(duration) periods is longer than any day allows (at most \(longest.length) consecutive non-break periods, on \(longest.day))"
            )
        }
        var years: ClosedRange<Int>?
        if let yv = r.value("years"), !yv.isNull {
            guard let ys = yv.array, ys.count == 2 else {
                throw r.error("years", "expected [min, max], e.g. [3, 6]")
            }
            let lo = try ObjectReader.int(
                ys[0], path: r.childPath("years") + "[0]", file: file, minimum: -5, maximum: 100)
            let hi = try ObjectReader.int(
                ys[1], path: r.childPath("years") + "[1]", file: file, minimum: -5, maximum: 100)
            guard lo <= hi else { throw r.error("years", "years [\(lo), \(hi)] has min > max") }
            years = lo...hi
        }
        var rows: [Activity.StaffRow] = []
        for (j, rv) in (try r.list("staff") ?? []).enumerated() {
            let row = try ObjectReader(rv, path: r.childPath("staff") + "[\(j)]", file: file, allowed: Self.rowKeys)
            let ids = try resolveList(row, "ids", in: staffIndex, kind: "staff member")
            rows.append(
                .init(
                    role: try row.string("role"), skills: try row.stringSet("skills"), ids: ids.map(Set.init),
                    count: try row.int("count", minimum: 0) ?? 0, perPupils: try row.int("perPupils", minimum: 1)))
        }
        let together = try r.bool("together") ?? false
        var activity = Activity(
            id: id, name: try r.string("name"), duration: duration, capacity: try r.int("capacity", minimum: 0),
            maxGroups: try r.int("maxGroups", minimum: 1), roomFeatures: try r.stringSet("roomFeatures"),
            rooms: try resolveList(r, "rooms", in: roomIndex, kind: "room"), years: years,
            window: try ranges(r, "window"), maxPerDay: try r.int("maxPerDay", minimum: 0),
            maxSessions: try r.int("maxSessions", minimum: 0), together: together, staff: rows)
        try decodeSetUp(r, into: &activity)
        return activity
    }

    /// The most consecutive non-break periods on any day, and that day.
    func longestRun() -> (length: Int, day: String) {
        var best = (0, calendar.days.first?.id ?? "")
        for day in calendar.days {
            var run = 0
            var prev = -2
            for p in day.periods {
                if calendar.periods[p].isBreak {
                    run = 0
                } else {
                    run = (p == prev + 1) ? run + 1 : 1
                }
                prev = p
                if run > best.0 { best = (run, day.id) }
            }
        }
        return best
    }

    // MARK: - Groups

    mutating func decodeGroup(_ r: ObjectReader, activities: [Activity]) throws(InputError) -> Group {
        let id = try r.id(unique: groupIndex)
        groupIndex[id] = groupIndex.count
        guard r.has("size") else { throw r.error(nil, "missing \"size\" (number of pupils, at least 1)") }
        let size = try r.int("size", minimum: 1, maximum: 100_000) ?? 1
        var year: Int?
        if let yv = r.value("year"), !yv.isNull {
            year = try ObjectReader.int(yv, path: r.childPath("year"), file: file, minimum: -5, maximum: 100)
        }
        let items = try decodeAttend(r, activities: activities)
        var exempt: Set<Weights.Term> = []
        for s in try r.strings("exempt") ?? [] {
            guard let term = Weights.Term(rawValue: s.value), Group.exemptableTerms.contains(term) else {
                let names = Group.exemptableTerms.map(\.rawValue)
                throw InputError(
                    file: file, location: s.item.location, path: s.path,
                    message:
                        "\"\(s.value)\" is not a group-level soft term; expected one of \(names.joined(separator: ", "))",
                    hint: Suggestion.hint(for: s.value, among: names))
            }
            exempt.insert(term)
        }
        let pool = try r.bool("pool") ?? false
        let pupils = try decodePupils(r, pool: pool, size: size)
        if pool && !items.isEmpty {
            throw r.error(
                "attend",
                "pool group \"\(id)\" has attend items: a pool's pupils attend through the teams formed from it (teams[].attend)"
            )
        }
        var group = Group(
            id: id, name: try r.string("name"), school: try r.string("school"), year: year, size: size,
            visit: try ranges(r, "visit"), needs: try r.stringSet("needs"), attend: items,
            seats: try r.bool("seats") ?? true, exempt: exempt, home: try siteReference(r, "home"), pool: pool,
            pupils: pupils, sameStaff: try r.bool("sameStaff") ?? false)
        try decodeVisitors(r, into: &group)
        return group
    }

    /// The `attend` list of a group or a team formation (spec sections 5 and
    /// 12). Items of one activity either all lack `within` (their times add
    /// up, and a daily item must be the only one) or all have one, no two
    /// sharing a non-break period.
    func decodeAttend(_ r: ObjectReader, activities: [Activity]) throws(InputError) -> [Group.AttendItem] {
        var items: [Group.AttendItem] = []
        var dailyActivities: Set<Int> = []
        var directActivities: Set<Int> = []
        /// Per activity, the periods of each of its items with `within`, and that item's path.
        var withinItems: [Int: [(periods: Set<Int>, path: String)]] = [:]
        let slots = nonBreakSlots
        for (j, iv) in (try r.list("attend") ?? []).enumerated() {
            let it = try ObjectReader(iv, path: r.childPath("attend") + "[\(j)]", file: file, allowed: Self.attendKeys)
            let within = try ranges(it, "within")
            if it.has("oneOf") {
                if it.has("activity") { throw it.error("activity", "give either \"activity\" or \"oneOf\", not both") }
                for k in ["times", "daily", "minDays"] where it.has(k) {
                    throw it.error(
                        k, "\"\(k)\" is not allowed with \"oneOf\" (it belongs to an {\"activity\": …} item)")
                }
                guard let choices = try resolveList(it, "oneOf", in: activityIndex, kind: "activity") else {
                    throw it.error("oneOf", "expected a list of activity ids")
                }
                let count = try it.int("count", minimum: 0) ?? 1
                if count > choices.count {
                    throw it.error(
                        "count", "count \(count) is more than the \(choices.count) activities listed in oneOf")
                }
                var prefer: [Int]?
                if let p = try resolveList(it, "prefer", in: activityIndex, kind: "activity") {
                    for (k, a) in p.enumerated() where !choices.contains(a) {
                        throw InputError(
                            file: file, location: it.value("prefer")?.array?[k].location,
                            path: it.childPath("prefer") + "[\(k)]",
                            message: "prefer lists \"\(activities[a].id)\", which is not one of the oneOf choices")
                    }
                    prefer = p
                }
                items.append(.oneOf(choices: choices, count: count, prefer: prefer, within: within))
                continue
            }
            for k in ["count", "prefer"] where it.has(k) {
                throw it.error(k, "\"\(k)\" is only allowed with \"oneOf\"")
            }
            guard let av = it.value("activity") else {
                throw it.error(nil, "an attend item needs \"activity\" or \"oneOf\"")
            }
            guard let name = av.string else {
                throw it.error("activity", "expected an activity id (a string), got \(av.kindName)")
            }
            let a = try resolve(name, in: activityIndex, kind: "activity", at: av, path: it.childPath("activity"))
            let daily = try it.bool("daily") ?? false
            if daily && it.has("times") {
                throw it.error(
                    "times", "\"times\" is not allowed with \"daily\" (daily means exactly once on every visit day)")
            }
            if let within {
                if directActivities.contains(a) && withinItems[a] == nil {
                    throw it.error(
                        "within",
                        "activity \"\(name)\" has another item in this group without \"within\"; two items of one activity need \"within\" ranges that share no period (give both a \"within\")"
                    )
                }
                let periods = withinPeriods(within)
                for other in withinItems[a] ?? [] {
                    if let shared = periods.intersection(other.periods).min() {
                        let P = calendar.periods.count
                        throw it.error(
                            "within",
                            "shares \(calendar.slotName(day: shared / P, period: shared % P)) with \(other.path) (activity \"\(name)\"); two items of one activity need ranges that share no period"
                        )
                    }
                }
                withinItems[a, default: []].append((periods, it.path))
            } else if withinItems[a] != nil {
                throw it.error(
                    "activity",
                    "activity \"\(name)\" has another item in this group with \"within\"; two items of one activity need \"within\" ranges that share no period (give both a \"within\")"
                )
            } else if dailyActivities.contains(a) || (daily && directActivities.contains(a)) {
                throw it.error(
                    "activity",
                    dailyActivities.contains(a)
                        ? "activity \"\(name)\" already has a daily item in this group"
                        : "activity \"\(name)\" already has an item in this group; a daily item must be its only one")
            }
            if daily { dailyActivities.insert(a) }
            directActivities.insert(a)
            let times = try it.int("times", minimum: 0) ?? 1
            if times > slots {
                throw it.error("times", "times \(times) is more than the \(slots) non-break periods the calendar holds")
            }
            items.append(
                .activity(
                    activity: a, times: times, daily: daily, minDays: try it.int("minDays", minimum: 0),
                    within: within))
        }
        return items
    }

    /// The non-break (day, period) pairs inside the union of `ranges`, as
    /// `day × periodCount + period`.
    func withinPeriods(_ ranges: [TimeRange]) -> Set<Int> {
        let P = calendar.periods.count
        return Set(
            calendar.periods(coveredBy: ranges, touching: false)
                .filter { !calendar.periods[$0.period].isBreak }
                .map { $0.day * P + $0.period })
    }

    // MARK: - Fixed sessions and weights

    func decodeFixed(_ r: ObjectReader, activities: [Activity], groups: [Group]) throws(InputError) -> FixedSession {
        func ref(_ key: String, _ table: [String: Int], _ kind: String) throws(InputError) -> Int {
            let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            guard let v = r.value(key) else { throw r.error(nil, "missing \"\(key)\" (\(article) \(kind) id)") }
            guard let s = v.string else {
                throw r.error(key, "expected \(article) \(kind) id (a string), got \(v.kindName)")
            }
            return try resolve(s, in: table, kind: kind, at: v, path: r.childPath(key))
        }
        let a = try ref("activity", activityIndex, "activity")
        let d = try ref("day", dayIndex, "day")
        let startText = try r.requiredString("start", what: "a period id or start time HH:MM")
        guard let p = calendar.periodIndex(idOrStart: startText) else {
            throw r.error(
                "start", "unknown period or start time \"\(startText)\"",
                hint: Suggestion.hint(for: startText, among: calendar.periods.map(\.id)))
        }
        let room = try ref("room", roomIndex, "room")
        let members = try resolveList(r, "groups", in: groupIndex, kind: "group") ?? []
        for (k, g) in members.enumerated() where groups[g].pool {
            throw InputError(
                file: file, location: r.value("groups")?.array?[k].location, path: r.childPath("groups") + "[\(k)]",
                message:
                    "pool group \"\(groups[g].id)\" cannot be in a fixed session (a pool appears in no session; its pupils attend through teams)"
            )
        }
        var move: FixedSession.Move?
        if let text = try r.string("move") {
            guard let m = FixedSession.Move(rawValue: text) else {
                let known = FixedSession.Move.allCases.map(\.rawValue)
                throw r.error(
                    "move",
                    "expected \"room\" (same day and start, any room) or \"any\" (any day, start and room), got \"\(text)\"",
                    hint: Suggestion.hint(for: text, among: known))
            }
            move = m
        }
        return FixedSession(
            activity: a, day: d, start: p, room: room, groups: members,
            staff: try resolveList(r, "staff", in: staffIndex, kind: "staff member") ?? [], move: move)
    }

    func decodeWeights(_ top: ObjectReader) throws(InputError) -> Weights {
        var weights = Weights()
        guard let wv = top.value("weights") else { return weights }
        let w = try ObjectReader(wv, path: "weights", file: file, allowed: Weights.Term.allCases.map(\.rawValue))
        for entry in w.object.entries {
            let term = Weights.Term(rawValue: entry.key)!
            if entry.value.isNull {
                guard term.definition.null != nil else {
                    let nullable = Weights.Term.allCases.filter { $0.definition.null != nil }.map(\.rawValue)
                    throw w.error(
                        entry.key, "only \(nullable.joined(separator: ", ")) may be null; expected a number ≥ 0")
                }
                weights.setNull(term)
                continue
            }
            let orNull = term.definition.null != nil ? " or null" : ""
            guard let n = entry.value.number else {
                throw w.error(entry.key, "expected a number ≥ 0\(orNull), got \(entry.value.kindName)")
            }
            guard n.double >= 0 else { throw w.error(entry.key, "expected a number ≥ 0\(orNull), got \(n.text)") }
            guard n.double.isFinite, n.double <= 1e9 else {
                throw w.error(entry.key, "expected a number ≤ 1000000000\(orNull), got \(n.text)")
            }
            weights[term] = n.double
        }
        return weights
    }
}
