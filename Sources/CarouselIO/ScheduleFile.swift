import CarouselModel
import CarouselSolver

/// Reading and writing schedule files (spec sections 9 and 16).
public enum ScheduleFile {
    /// A schedule read from a file: the sessions that name known entities, and
    /// a `[format]` violation for every entry that does not (unknown ids,
    /// groups or staff listed twice), as `check.py` reports them.
    public struct Loaded: Sendable {
        public var schedule: Schedule
        public var formatViolations: [Violation]
        /// The event the file says it was made for (its `"problem"`), if any.
        public var problemName: String? = nil
        /// Entries in its `sessions` list, and those that name only what
        /// the problem has.
        public var entries = 0
        public var matchingEntries = 0
        /// The file's wet-weather plans (`planB`, written by `solve
        /// --plan-b`), unread: `WetWeatherFile.read` reads them.
        public var planB: JSONValue? = nil

        /// An error when the schedule was evidently made for another
        /// problem: none of its sessions fits this one, or it names another
        /// event and fewer than half of its sessions fit. (A schedule whose
        /// event was renamed since, or that lost a room in a change, still
        /// passes: `repair` exists for that.) `file` and `problemFile` name
        /// the two files in the message.
        public func mismatch(with problem: Problem, file: String, problemFile: String) -> InputError? {
            guard entries > 0 else { return nil }
            let otherEvent = problemName.map { $0 != problem.name } ?? false
            guard matchingEntries == 0 || (otherEvent && matchingEntries * 2 < entries) else { return nil }
            let made = problemName.map { "was made for \"\($0)\"" } ?? "does not say which problem it was made for"
            let this = problem.name.isEmpty ? problemFile : "\"\(problem.name)\" (\(problemFile))"
            let example = formatViolations.first.map { ", e.g. \($0.message)" } ?? ""
            return InputError(
                file: file, location: nil, path: "",
                message:
                    "this schedule \(made), not for \(this): \(entries - matchingEntries) of its \(entries) sessions name activities, days, rooms, groups or staff that \(problemFile) does not have\(example)",
                hint: "give the schedule made for \(problemFile), or the problem this one was made for")
        }

        /// The instance the schedule's indices refer to: the problem's own,
        /// or, when the problem forms teams (spec section 11), the problem
        /// with the schedule's teams appended to its groups.
        public var instance: CompiledInstance
    }

    /// Reads the schedule at `path` for `instance`. Throws only when the file
    /// is not a JSON object with a `sessions` list.
    public static func read(contentsOf path: String, for instance: CompiledInstance) throws(InputError) -> Loaded {
        let file = StandardInput.name(of: path)
        let root = try ProblemDecoder.parseJSON(
            try ProblemDecoder.readFile(path), file: file, maxValues: JSONParser.scheduleMaxValues)
        return try decode(root, file: file, for: instance)
    }

    public static func decode(_ root: JSONValue, file: String, for base: CompiledInstance) throws(InputError) -> Loaded
    {
        guard let top = root.object else {
            throw InputError(
                file: file, location: root.location, path: "",
                message: "expected a schedule object with a \"sessions\" list, got \(root.kindName)")
        }
        guard let list = top["sessions"]?.array else {
            throw InputError(
                file: file, location: top["sessions"]?.location ?? root.location, path: "sessions",
                message: "expected a list of sessions")
        }
        var out = Loaded(schedule: Schedule(), formatViolations: [], instance: base)
        out.problemName = top["problem"]?.string
        out.planB = top["planB"]
        out.entries = list.count
        if !base.problem.formations.isEmpty {
            let problem = base.problem.withoutTeams
            let (teams, violations) = TeamList.read(top["teams"], problem: problem)
            out.formatViolations = violations
            out.instance = CompiledInstance(problem.addingTeams(teams))
        }
        let I = out.instance
        let p = I.problem
        let activities = index(p.activities.map(\.id)), days = index(p.calendar.days.map(\.id))
        let rooms = index(p.rooms.map(\.id)), groups = index(p.groups.map(\.id)), staff = index(p.staff.map(\.id))
        for (i, v) in list.enumerated() {
            let tag = "sessions[\(i)]"
            guard let s = v.object else {
                out.formatViolations.append(Violation(.malformedEntry, "\(tag): not an object"))
                continue
            }
            var bad: [String] = []
            func lookup(_ key: String, _ table: [String: Int], _ kind: String) -> Int? {
                let text = s[key]?.string
                if let text, let i = table[text] { return i }
                bad.append("unknown \(kind) \(text.map { "\"\($0)\"" } ?? "(missing)")")
                return nil
            }
            let a = lookup("activity", activities, "activity"), d = lookup("day", days, "day")
            let startText = s["start"]?.string
            let start = startText.flatMap { p.calendar.periodIndex(idOrStart: $0) }
            if start == nil { bad.append("unknown start period \(startText.map { "\"\($0)\"" } ?? "(missing)")") }
            let r = lookup("room", rooms, "room")
            func ids(_ key: String, _ table: [String: Int], _ kind: String) -> [Int32] {
                guard let raw = s[key] else { return [] }
                guard let items = raw.array else {
                    bad.append("\(key) is not a list")
                    return []
                }
                var out: [Int32] = []
                for item in items {
                    guard let text = item.string, let k = table[text] else {
                        bad.append("unknown \(kind) \(item.string.map { "\"\($0)\"" } ?? item.kindName)")
                        continue
                    }
                    if out.contains(Int32(k)) {
                        bad.append("\(kind) \(text) listed twice")
                    } else {
                        out.append(Int32(k))
                    }
                }
                return out
            }
            let gs = ids("groups", groups, "group"), ss = ids("staff", staff, "staff")
            let name =
                "\(s["activity"]?.string ?? "?")@\(s["day"]?.string ?? "?") \(startText ?? "?") in \(s["room"]?.string ?? "?")"
            for b in bad { out.formatViolations.append(Violation(.malformedEntry, "\(tag) \(name): \(b)")) }
            if bad.isEmpty { out.matchingEntries += 1 }
            guard let a, let d, let start, let r else { continue }
            out.schedule.sessions.append(
                ScheduledSession(
                    activity: Int32(a), day: Int32(d), start: Int32(start), room: Int32(r),
                    groups: gs, staff: ss))
        }
        return out
    }

    /// A schedule of instance `from` read as one of instance `to` (a
    /// scenario's changed problem), matching entities by id; entries that
    /// name what `to` no longer has are dropped as `[format]` violations.
    public static func translate(_ schedule: Schedule, from: CompiledInstance, to: CompiledInstance) -> Loaded {
        var top: [(String, JSONOutput)] = [("sessions", sessionsJSON(schedule, instance: from))]
        if !from.problem.formations.isEmpty { top.append(("teams", TeamList.json(from.problem))) }
        let text = JSONOutput.object(top).rendered()
        // The rendered text is well-formed by construction.
        guard let root = try? ProblemDecoder.parseJSON(Array(text.utf8), file: "schedule"),
            let loaded = try? decode(root, file: "schedule", for: to)
        else {
            return Loaded(schedule: Schedule(), formatViolations: [], instance: to)
        }
        return loaded
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, id) in ids.enumerated() where out[id] == nil { out[id] = i }
        return out
    }

    /// The schedule file's JSON: sessions sorted by day, start, room, with
    /// clock times for readers, and the score as this writer computed it.
    public static func render(
        _ schedule: Schedule, instance I: CompiledInstance, evaluation: Evaluation,
        extra: [(String, JSONOutput)] = []
    ) -> String {
        var terms: [(String, JSONOutput)] = []
        for term in Weights.Term.allCases { terms.append((term.rawValue, .number(evaluation.weighted(term)))) }
        let v2 = I.problem.usesVersion2
        var top: [(String, JSONOutput)] = [
            ("format", .string(v2 ? "carousel-schedule/2" : "carousel-schedule/1")),
            ("problem", .string(I.problem.name)),
        ]
        if !I.problem.formations.isEmpty { top.append(("teams", TeamList.json(I.problem))) }
        top += [
            ("sessions", sessionsJSON(schedule, instance: I)),
            (
                "score",
                .object([
                    ("hard", .int(evaluation.hard)), ("soft", .number(evaluation.soft)), ("terms", .object(terms)),
                ])
            ),
        ]
        top.append(contentsOf: extra)
        return JSONOutput.object(top).rendered()
    }

    /// The `sessions` list of a schedule file: sorted by day, start, room,
    /// activity, with clock times for readers.
    static func sessionsJSON(_ schedule: Schedule, instance I: CompiledInstance) -> JSONOutput {
        let sorted = schedule.sessions.sorted {
            ($0.day, $0.start, $0.room, $0.activity) < ($1.day, $1.start, $1.room, $1.activity)
        }
        let sessions: [JSONOutput] = sorted.map { s in
            let p0 = Int(s.start), p1 = p0 + Int(I.duration[Int(s.activity)]) - 1
            return .object([
                ("activity", .string(I.activityID(Int(s.activity)))),
                ("day", .string(I.dayID(Int(s.day)))),
                ("start", .string(I.periodID(p0))),
                ("room", .string(I.roomID(Int(s.room)))),
                ("groups", .array(s.groups.map { .string(I.groupID(Int($0))) })),
                ("staff", .array(s.staff.map { .string(I.staffID(Int($0))) })),
                (
                    "time",
                    .string(
                        "\(Int(I.periodStart[p0]).clockText)-\(Int(I.periodEnd[min(p1, I.periodCount - 1)]).clockText)")
                ),
            ])
        }
        return .array(sessions)
    }
}
