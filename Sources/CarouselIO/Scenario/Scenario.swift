import CarouselModel
import CarouselSolver
import Foundation

/// A what-if scenario: a named list of changes to a base problem
/// (`docs/scenarios.md`). Changes apply in order to the base problem's JSON,
/// and the result is decoded like any problem file, so every rule of the
/// format still holds.
///
/// ```json
/// {"format": "carousel-scenario/1", "name": "Lab 2 closed on Tuesday",
///  "base": "stem-week.json",
///  "changes": [{"close": "lab-s2", "when": ["tue"]},
///              {"absent": "ms-shaw", "when": ["thu 13:00-15:00"]}]}
/// ```
public struct Scenario: Sendable {
    public var name: String
    /// The scenario file.
    public var file: String
    /// The base problem the file names (resolved against its folder), if any.
    public var base: String?
    var changes: [JSONValue]

    static let topKeys = ["format", "name", "description", "base", "changes"]
    static let kinds = ["rooms", "staff", "activities", "groups", "fixed"]
    static let changeKeys = [
        "add", "remove", "edit", "close", "absent", "when", "scaleSizes", "copyGroups", "scaleGroups",
        "groups", "school", "times", "set", "weights", "late", "day",
    ]

    /// Reads a scenario file (structure only; ids are checked when applied).
    public static func read(contentsOf path: String) throws(InputError) -> Scenario {
        let root = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(path), file: path)
        guard let top = root.object else {
            throw InputError(
                file: path, location: root.location, path: "",
                message: "expected a scenario object with \"changes\", got \(root.kindName)")
        }
        for entry in top.entries where !topKeys.contains(entry.key) {
            throw InputError(
                file: path, location: entry.keyLocation, path: entry.key, message: "unknown key \"\(entry.key)\"",
                hint: Suggestion.hint(for: entry.key, among: topKeys, kind: "key"))
        }
        if let format = top["format"], format.string != "carousel-scenario/1" {
            throw InputError(
                file: path, location: format.location, path: "format", message: "expected \"carousel-scenario/1\"")
        }
        guard let changes = top["changes"]?.array else {
            throw InputError(
                file: path, location: top["changes"]?.location ?? root.location, path: "changes",
                message: "expected a list of changes")
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var base: String?
        if let b = top["base"] {
            guard let text = b.string else {
                throw InputError(
                    file: path, location: b.location, path: "base",
                    message: "expected the base problem's path, got \(b.kindName)")
            }
            base =
                text.hasPrefix("/")
                ? text : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(text).path
        }
        return Scenario(name: top["name"]?.string ?? stem, file: path, base: base, changes: changes)
    }

    /// Applies the changes to `base` (the base problem file's JSON, from
    /// `baseFile`) and decodes the result.
    public func apply(to base: JSONValue, baseFile: String) throws(InputError) -> Problem {
        var editor = try ScenarioEditor(root: base, baseFile: baseFile, scenarioFile: file)
        for (i, change) in changes.enumerated() { try editor.apply(change, path: "changes[\(i)]") }
        return try ProblemDecoder.decode(editor.root, file: "\(file) (applied to \(baseFile))")
    }
}

/// Applies scenario changes to a problem's JSON tree, with `InputError`s
/// that point into the scenario file.
struct ScenarioEditor {
    var root: JSONValue
    let baseFile: String
    let scenarioFile: String

    init(root: JSONValue, baseFile: String, scenarioFile: String) throws(InputError) {
        guard root.object != nil else {
            throw InputError(file: baseFile, location: root.location, path: "", message: "expected a problem object")
        }
        self.root = root
        self.baseFile = baseFile
        self.scenarioFile = scenarioFile
    }

    func error(_ value: JSONValue, _ path: String, _ message: String, hint: String? = nil) -> InputError {
        InputError(file: scenarioFile, location: value.location, path: path, message: message, hint: hint)
    }

    // MARK: - The tree

    func list(_ kind: String) -> [JSONValue] { root.object?[kind]?.array ?? [] }

    mutating func setList(_ kind: String, _ items: [JSONValue]) {
        root.set(kind, JSONValue(.array(items), at: root.location))
    }

    func ids(_ kind: String) -> [String] { list(kind).compactMap { $0.object?["id"]?.string } }

    /// The index of the entity with this id, or an error with a did-you-mean.
    func index(of id: JSONValue, in kind: String, path: String) throws(InputError) -> Int {
        guard let text = id.string else { throw error(id, path, "expected an id string, got \(id.kindName)") }
        guard let i = list(kind).firstIndex(where: { $0.object?["id"]?.string == text }) else {
            throw error(
                id, path, "unknown \(Self.singular(kind)) \"\(text)\"",
                hint: Suggestion.hint(for: text, among: ids(kind), kind: Self.singular(kind)))
        }
        return i
    }

    static func singular(_ kind: String) -> String {
        [
            "rooms": "room", "staff": "staff member", "activities": "activity", "groups": "group",
            "fixed": "fixed session",
        ][kind] ?? kind
    }

    func kindList(_ value: JSONValue, path: String, allowed: [String] = Scenario.kinds) throws(InputError) -> [(
        kind: String, value: JSONValue, path: String
    )] {
        guard let object = value.object else {
            throw error(value, path, "expected an object keyed by \(allowed.joined(separator: ", "))")
        }
        var out: [(String, JSONValue, String)] = []
        for entry in object.entries {
            guard allowed.contains(entry.key) else {
                throw InputError(
                    file: scenarioFile, location: entry.keyLocation, path: "\(path).\(entry.key)",
                    message: "unknown kind \"\(entry.key)\"; expected \(allowed.joined(separator: ", "))",
                    hint: Suggestion.hint(for: entry.key, among: allowed, kind: "kind"))
            }
            out.append((entry.key, entry.value, "\(path).\(entry.key)"))
        }
        return out
    }

    // MARK: - Changes

    mutating func apply(_ change: JSONValue, path: String) throws(InputError) {
        guard let object = change.object, let verb = object.entries.first else {
            throw error(change, path, "expected a change object such as {\"close\": ROOM, \"when\": [...]}")
        }
        for entry in object.entries where !Scenario.changeKeys.contains(entry.key) {
            throw InputError(
                file: scenarioFile, location: entry.keyLocation, path: "\(path).\(entry.key)",
                message: "unknown key \"\(entry.key)\"",
                hint: Suggestion.hint(for: entry.key, among: Scenario.changeKeys, kind: "key"))
        }
        let here = "\(path).\(verb.key)"
        switch verb.key {
        case "add": try add(verb.value, path: here)
        case "remove": try remove(verb.value, path: here)
        case "edit": try edit(verb.value, path: here)
        case "close": try close(verb.value, when: object["when"], path: here)
        case "absent": try absent(verb.value, when: object["when"], path: here)
        case "scaleSizes": try scaleSizes(verb.value, object, path: here)
        case "copyGroups": try copyGroups(verb.value, object, path: here)
        case "scaleGroups": try scaleGroups(verb.value, path: here)
        case "weights": try weights(verb.value, path: here)
        case "late": try late(verb.value, object, path: here)
        default:
            throw InputError(
                file: scenarioFile, location: verb.keyLocation, path: here,
                message:
                    "a change starts with one of add, remove, edit, close, absent, late, scaleSizes, copyGroups, scaleGroups, weights",
                hint: Suggestion.hint(
                    for: verb.key,
                    among: [
                        "add", "remove", "edit", "close", "absent", "late", "scaleSizes", "copyGroups", "scaleGroups",
                        "weights",
                    ], kind: "change"))
        }
    }

    /// `{"add": {"groups": [ {...}, … ], "rooms": [...]}}`: new entities, as in a problem file.
    mutating func add(_ value: JSONValue, path: String) throws(InputError) {
        for (kind, items, p) in try kindList(value, path: path) {
            guard let new = items.array else { throw error(items, p, "expected a list of \(kind)") }
            setList(kind, list(kind) + new)
        }
    }

    /// `{"remove": {"rooms": ["lab-s2"], …}}`: entities and every reference to them.
    mutating func remove(_ value: JSONValue, path: String) throws(InputError) {
        for (kind, items, p) in try kindList(value, path: path, allowed: ["rooms", "staff", "activities", "groups"]) {
            guard let idValues = items.array else { throw error(items, p, "expected a list of ids") }
            var gone: [String] = []
            for (i, id) in idValues.enumerated() {
                _ = try index(of: id, in: kind, path: "\(p)[\(i)]")
                gone.append(id.string!)
            }
            removeEntities(kind, Set(gone))
        }
    }

    /// Drops entities of `kind` with these ids, and what refers to them:
    /// activities' `rooms` entries, staff rows' `ids`, fixed sessions of a
    /// removed activity or room, or left with none of their groups (others
    /// just lose the group or staff), a removed activity's attend items and
    /// `oneOf`/`prefer` entries.
    mutating func removeEntities(_ kind: String, _ ids: Set<String>) {
        setList(kind, list(kind).filter { !ids.contains($0.object?["id"]?.string ?? "") })
        func strip(_ v: inout JSONValue, _ key: String) {
            guard let items = v.object?[key]?.array else { return }
            v.set(key, JSONValue(.array(items.filter { !ids.contains($0.string ?? "") }), at: v.location))
        }
        switch kind {
        case "rooms":
            setList(
                "activities",
                list("activities").map { a in
                    var a = a
                    strip(&a, "rooms")
                    return a
                })
            setList("fixed", list("fixed").filter { !ids.contains($0.object?["room"]?.string ?? "") })
        case "staff":
            setList(
                "activities",
                list("activities").map { a in
                    var a = a
                    if let rows = a.object?["staff"]?.array {
                        a.set(
                            "staff",
                            JSONValue(
                                .array(
                                    rows.map { r in
                                        var r = r
                                        strip(&r, "ids")
                                        return r
                                    }), at: a.location))
                    }
                    return a
                })
            setList(
                "fixed",
                list("fixed").map { f in
                    var f = f
                    strip(&f, "staff")
                    return f
                })
        case "groups":
            // A fixed session that loses all its groups goes too: it was there for them.
            setList(
                "fixed",
                list("fixed").compactMap { f in
                    var f = f
                    let had = f.object?["groups"]?.array?.isEmpty == false
                    strip(&f, "groups")
                    return had && f.object?["groups"]?.array?.isEmpty == true ? nil : f
                })
        case "activities":
            setList("fixed", list("fixed").filter { !ids.contains($0.object?["activity"]?.string ?? "") })
            setList(
                "groups",
                list("groups").map { g in
                    var g = g
                    guard let items = g.object?["attend"]?.array else { return g }
                    var kept: [JSONValue] = []
                    for var item in items {
                        if ids.contains(item.object?["activity"]?.string ?? "") { continue }
                        if let choices = item.object?["oneOf"]?.array {
                            strip(&item, "oneOf")
                            strip(&item, "prefer")
                            let left = choices.filter { !ids.contains($0.string ?? "") }.count
                            if left == 0 { continue }
                            if let count = item.object?["count"]?.number?.integer, count > left {
                                item.set("count", JSONValue(.number(JSONNumber(text: String(left))), at: item.location))
                            }
                        }
                        kept.append(item)
                    }
                    g.set("attend", JSONValue(.array(kept), at: g.location))
                    return g
                })
        default:
            break
        }
    }

    /// `{"edit": {"rooms": {"lab-s1": {"capacity": 20}}}}`: sets keys of an
    /// entity (`null` removes a key).
    mutating func edit(_ value: JSONValue, path: String) throws(InputError) {
        for (kind, patches, p) in try kindList(value, path: path, allowed: ["rooms", "staff", "activities", "groups"]) {
            guard let byID = patches.object else { throw error(patches, p, "expected an object: id → the keys to set") }
            var items = list(kind)
            for entry in byID.entries {
                let idValue = JSONValue(.string(entry.key), at: entry.keyLocation)
                let i = try index(of: idValue, in: kind, path: "\(p).\(entry.key)")
                guard entry.value.object != nil else {
                    throw error(entry.value, "\(p).\(entry.key)", "expected an object of keys to set")
                }
                if entry.value.object?["id"] != nil {
                    throw error(
                        entry.value, "\(p).\(entry.key).id",
                        "an id cannot be edited; remove the entity and add a new one")
                }
                items[i].merge(entry.value)
            }
            setList(kind, items)
        }
    }

    /// `{"close": "lab-s1", "when": ["tue 13:00-15:00"]}`: the room is unavailable then too.
    mutating func close(_ room: JSONValue, when: JSONValue?, path: String) throws(InputError) {
        let i = try index(of: room, in: "rooms", path: path)
        let ranges = try whenList(when, path: path)
        var rooms = list("rooms")
        let old = rooms[i].object?["unavailable"]?.array ?? []
        rooms[i].set("unavailable", JSONValue(.array(old + ranges), at: room.location))
        setList("rooms", rooms)
    }

    func whenList(_ when: JSONValue?, path: String) throws(InputError) -> [JSONValue] {
        guard let when else {
            throw InputError(
                file: scenarioFile, location: nil, path: path,
                message: "missing \"when\": a list of time ranges such as [\"tue\"] or [\"tue 13:00-15:00\"]")
        }
        guard let list = when.array, !list.isEmpty else {
            throw error(when, path, "\"when\" must be a non-empty list of time ranges")
        }
        return list
    }

    /// `{"absent": "ms-shaw", "when": ["thu"]}`: the staff member is not
    /// available in any period that overlaps these ranges. Their
    /// `available` list is rewritten as the periods that remain.
    mutating func absent(_ member: JSONValue, when: JSONValue?, path: String) throws(InputError) {
        let i = try index(of: member, in: "staff", path: path)
        let whenValues = try whenList(when, path: path)
        let current = try ProblemDecoder.decode(root, file: "\(scenarioFile) (applied to \(baseFile))")
        let calendar = current.calendar
        let blocked = try ProblemDecoder.timeRanges(
            whenValues, calendar: calendar, file: scenarioFile, path: "\(path).when")
        var free = Set<Int>()
        let P = calendar.periods.count
        for (d, p) in calendar.periods(
            coveredBy: current.staff[i].available ?? [TimeRange(day: nil, window: nil)], touching: false)
        {
            free.insert(d * P + p)
        }
        for (d, p) in calendar.periods(coveredBy: blocked, touching: true) { free.remove(d * P + p) }
        var staff = list("staff")
        staff[i].set(
            "available",
            JSONValue(
                .array(Self.ranges(free, calendar: calendar).map { JSONValue(.string($0), at: member.location) }),
                at: member.location))
        setList("staff", staff)
    }

    /// `{"late": 40, "school": "…", "day": "tue"}`: the selected groups (a
    /// school's, `"groups": [ids]`, or all) arrive that many minutes after
    /// their visit began on that day (on every day they visit, without
    /// `day`): the periods that start before then leave their `visit`,
    /// which is rewritten as the periods that remain.
    mutating func late(_ minutes: JSONValue, _ object: JSONObject, path: String) throws(InputError) {
        let delay = Int(try number(minutes, path: path, in: 1...1_440).rounded())
        let current = try ProblemDecoder.decode(root, file: "\(scenarioFile) (applied to \(baseFile))")
        let calendar = current.calendar, P = calendar.periods.count
        var days = Array(calendar.days.indices)
        if let dv = object["day"] {
            let ids = calendar.days.map(\.id)
            guard let id = dv.string, let d = ids.firstIndex(of: id) else {
                throw error(
                    dv, "\(path.dropLast(".late".count)).day",
                    "unknown day \(dv.string.map { "\"\($0)\"" } ?? dv.kindName)",
                    hint: dv.string.flatMap { Suggestion.hint(for: $0, among: ids, kind: "day") })
            }
            days = [d]
        }
        var groups = list("groups")
        for g in try selectedGroups(object, path: path) {
            let visited = calendar.periods(
                coveredBy: current.groups[g].visit ?? [TimeRange(day: nil, window: nil)], touching: false)
            var slots = Set(visited.map { $0.day * P + $0.period })
            for d in days {
                let mine = visited.filter { $0.day == d && !calendar.periods[$0.period].isBreak }
                guard let first = mine.map({ calendar.periods[$0.period].start }).min() else { continue }
                for (_, p) in mine where calendar.periods[p].start < first + delay { slots.remove(d * P + p) }
            }
            groups[g].set(
                "visit",
                JSONValue(
                    .array(Self.ranges(slots, calendar: calendar).map { JSONValue(.string($0), at: minutes.location) }),
                    at: minutes.location))
        }
        setList("groups", groups)
    }

    /// Time-range strings covering exactly the non-break periods in `slots`:
    /// a whole day as `"tue"`, else runs of consecutive periods (breaks
    /// inside a run do not end it) as `"tue 09:00-12:00"`.
    static func ranges(_ slots: Set<Int>, calendar: EventCalendar) -> [String] {
        let P = calendar.periods.count
        var out: [String] = []
        for (d, day) in calendar.days.enumerated() {
            let open = day.periods.filter { !calendar.periods[$0].isBreak }
            let mine = open.filter { slots.contains(d * P + $0) }
            guard !mine.isEmpty else { continue }
            if mine.count == open.count {
                out.append(day.id)
                continue
            }
            var runStart: Int?, runEnd = 0
            for p in open {
                if slots.contains(d * P + p) {
                    if runStart == nil { runStart = p }
                    runEnd = p
                } else if let s = runStart {
                    out.append(
                        "\(day.id) \(calendar.periods[s].start.clockText)-\(calendar.periods[runEnd].end.clockText)")
                    runStart = nil
                }
            }
            if let s = runStart {
                out.append("\(day.id) \(calendar.periods[s].start.clockText)-\(calendar.periods[runEnd].end.clockText)")
            }
        }
        return out
    }

    /// The groups a change selects: `"groups": [ids]`, `"school": NAME`, or all.
    func selectedGroups(_ object: JSONObject, path: String) throws(InputError) -> [Int] {
        if let list = object["groups"] {
            guard let ids = list.array else { throw error(list, "\(path).groups", "expected a list of group ids") }
            var out: [Int] = []
            for (k, id) in ids.enumerated() {
                out.append(try index(of: id, in: "groups", path: "\(path).groups[\(k)]"))
            }
            return out
        }
        if let school = object["school"] {
            let schools = Set(list("groups").compactMap { $0.object?["school"]?.string })
            guard let name = school.string, schools.contains(name) else {
                throw error(
                    school, "\(path).school",
                    "no group has school \(school.string.map { "\"\($0)\"" } ?? school.kindName)",
                    hint: school.string.flatMap { Suggestion.hint(for: $0, among: schools.sorted(), kind: "school") })
            }
            let groups = list("groups")
            return groups.indices.filter { groups[$0].object?["school"]?.string == name }
        }
        return Array(list("groups").indices)
    }

    func number(_ value: JSONValue, path: String, in range: ClosedRange<Double>) throws(InputError) -> Double {
        guard let x = value.number?.double, x.isFinite, range.contains(x) else {
            throw error(
                value, path,
                "expected a number from \(ScheduleSummary.number(range.lowerBound)) to \(ScheduleSummary.number(range.upperBound))"
            )
        }
        return x
    }

    /// `{"scaleSizes": 1.1, "school": "…"}`: every selected group's size × factor (rounded, at least 1).
    mutating func scaleSizes(_ factor: JSONValue, _ object: JSONObject, path: String) throws(InputError) {
        let f = try number(factor, path: path, in: 0...100)
        var groups = list("groups")
        for i in try selectedGroups(object, path: path) {
            let size = groups[i].object?["size"]?.number?.double ?? 0
            let new = max(1, Int((size * f).rounded()))
            groups[i].set("size", JSONValue(.number(JSONNumber(text: String(new))), at: factor.location))
        }
        setList("groups", groups)
    }

    /// `{"copyGroups": 2, "school": "St Mary's", "set": {"school": "New School", "visit": ["wed"]}}`:
    /// that many copies of each selected group (ids get `-copy1`, `-copy2`, …), with `set` applied.
    mutating func copyGroups(_ times: JSONValue, _ object: JSONObject, path: String) throws(InputError) {
        let n = Int(try number(times, path: path, in: 1...1000))
        let selected = try selectedGroups(object, path: path)
        if let patch = object["set"], patch.object == nil {
            throw error(patch, "\(path).set", "expected an object of keys to set")
        }
        var groups = list("groups")
        try requireRoom(for: n * selected.count, besides: groups.count, at: times, path: path)
        var ids = Set(groups.compactMap { $0.object?["id"]?.string })
        for k in 1...n {
            for i in selected { groups.append(copy(of: groups[i], number: k, patch: object["set"], ids: &ids)) }
        }
        setList("groups", groups)
    }

    /// Most groups a scenario may make (the 100,000-visitor generated week
    /// has 3,715): copies are made in memory before the problem's size is
    /// checked.
    static let maxGroups = 100_000

    func requireRoom(for copies: Int, besides count: Int, at value: JSONValue, path: String) throws(InputError) {
        guard count + copies > Self.maxGroups else { return }
        throw error(
            value, path,
            "\(count) groups and \(copies) copies would make \(count + copies); a scenario may make at most \(Self.maxGroups)"
        )
    }

    /// A copy of a group with a fresh id (not in `ids`, to which it is
    /// added) and name, `patch` applied.
    func copy(of group: JSONValue, number k: Int, patch: JSONValue?, ids: inout Set<String>) -> JSONValue {
        var g = group
        let id = group.object?["id"]?.string ?? "group"
        var newID = "\(id)-copy\(k)"
        while ids.contains(newID) { newID += "x" }
        ids.insert(newID)
        g.set("id", JSONValue(.string(newID), at: group.location))
        if let name = group.object?["name"]?.string {
            g.set("name", JSONValue(.string("\(name) (copy \(k))"), at: group.location))
        }
        if let patch { g.merge(patch) }
        return g
    }

    /// `{"scaleGroups": 1.25}`: about that many times as many classes —
    /// copies of the groups in turn, or (below 1) the last groups removed.
    mutating func scaleGroups(_ factor: JSONValue, path: String) throws(InputError) {
        let f = try number(factor, path: path, in: 0...10)
        var groups = list("groups")
        let n = groups.count
        let target = Int((Double(n) * f).rounded())
        if target < n {
            removeEntities("groups", Set(groups[target...].compactMap { $0.object?["id"]?.string }))
            return
        }
        try requireRoom(for: target - n, besides: n, at: factor, path: path)
        var ids = Set(groups.compactMap { $0.object?["id"]?.string })
        for k in 0..<(target - n) { groups.append(copy(of: groups[k % n], number: k / n + 1, patch: nil, ids: &ids)) }
        setList("groups", groups)
    }

    /// `{"weights": {"preference": 10}}`: sets soft-term weights.
    mutating func weights(_ value: JSONValue, path: String) throws(InputError) {
        guard value.object != nil else { throw error(value, path, "expected an object of weights") }
        var w = root.object?["weights"] ?? JSONValue(.object(JSONObject(entries: [])), at: value.location)
        w.merge(value)
        root.set("weights", w)
    }
}

extension JSONValue {
    /// Sets `key` of an object (appending it when new); no effect on other kinds.
    mutating func set(_ key: String, _ value: JSONValue) {
        guard case .object(var object) = kind else { return }
        if let i = object.entries.firstIndex(where: { $0.key == key }) {
            object.entries[i].value = value
        } else {
            object.entries.append(.init(key: key, keyLocation: value.location, value: value))
        }
        kind = .object(object)
    }

    /// Merges an object's keys into this object (JSON merge patch, one level:
    /// `null` removes the key).
    mutating func merge(_ patch: JSONValue) {
        guard case .object(var object) = kind, let changes = patch.object else { return }
        for entry in changes.entries {
            if entry.value.isNull {
                object.entries.removeAll { $0.key == entry.key }
            } else if let i = object.entries.firstIndex(where: { $0.key == entry.key }) {
                object.entries[i].value = entry.value
            } else {
                object.entries.append(entry)
            }
        }
        kind = .object(object)
    }
}
