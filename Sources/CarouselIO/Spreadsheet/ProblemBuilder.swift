import CarouselModel

/// Turns read sheets into a problem document (spec sections 0–8), checking
/// each cell's form on the way and remembering, for every JSON path it
/// writes, the sheet row and column it came from.
struct ProblemBuilder {
    /// Where part of the document came from: a sheet, a row, a column.
    struct Source {
        var file: String
        var line: Int?
        var header: String?
    }

    let sheets: [SheetKind: Sheet]
    /// JSON path (`groups[3].attend[1]`) → where it came from.
    private(set) var sources: [String: Source] = [:]
    private var days: [(id: String, name: String?)] = []
    private var features: Set<String> = []
    private var roles: Set<String> = []
    private var skills: Set<String> = []

    init(sheets: [SheetKind: Sheet]) { self.sheets = sheets }

    /// The whole document.
    mutating func document() throws(InputError) -> JSONOutput {
        var top: [(String, JSONOutput)] = [("format", .string("carousel/1"))]
        let settings = try readSettings()
        top += settings.texts
        top.append(("calendar", .object([("days", try readDays()), ("periods", try readPeriods())])))
        top.append(("rooms", try readRooms()))
        top.append(("staff", try readStaff()))
        top.append(("activities", try readActivities()))
        top.append(("groups", try readClasses()))
        top.append(("fixed", try readFixed()))
        if !settings.weights.isEmpty { top.append(("weights", .object(settings.weights))) }
        return .object(top)
    }

    /// `error`, from decoding the document, moved to the sheet cell its JSON
    /// path came from (the longest recorded prefix of the path).
    func located(_ error: InputError) -> InputError {
        var path = Substring(error.path)
        while !path.isEmpty {
            if let source = sources[String(path)] {
                return InputError(file: source.file, location: source.line.map { SourcePosition(line: $0, column: 0) },
                                  path: source.header.map { "column \"\($0)\"" } ?? "", message: error.message, hint: error.hint)
            }
            path = path.last == "]" ? path[..<(path.lastIndex(of: "[") ?? path.startIndex)]
                                    : path[..<(path.lastIndex(of: ".") ?? path.startIndex)]
        }
        return error
    }

    // MARK: - Helpers

    /// Records that `path` came from `cell`.
    private mutating func note(_ path: String, _ cell: Cell) {
        sources[path] = Source(file: cell.file, line: cell.line, header: cell.header)
    }

    /// An object being built for one row at `path`.
    private struct Entity {
        let path: String
        var entries: [(String, JSONOutput)] = []
    }

    /// Adds `key: value` to `entity`, noting that it came from `cell`.
    private mutating func put(_ entity: inout Entity, _ key: String, _ value: JSONOutput, from cell: Cell) {
        entity.entries.append((key, value))
        note("\(entity.path).\(key)", cell)
    }

    /// Starts the object for `row` at `path` with its unique id.
    private mutating func entity(_ path: String, _ sheet: Sheet, _ row: Sheet.Row, idColumn: String = "id",
                                 seen: inout [String: Int]) throws(InputError) -> Entity {
        sources[path] = Source(file: sheet.file, line: row.line)
        var e = Entity(path: path)
        let cell = try sheet.required(row, idColumn)
        let id = try cell.id()
        if let line = seen[id] {
            throw cell.error("\"\(id)\" is already the id of the \(sheet.kind.noun) on line \(line)")
        }
        seen[id] = row.line
        put(&e, "id", .string(id), from: cell)
        if let name = sheet.cell(row, "name") { put(&e, "name", .string(name.text), from: name) }
        return e
    }

    private func strings(_ items: [String]) -> JSONOutput { .array(items.map { .string($0) }) }

    /// The day id that `word` names: an id, or a day's id or name in any case.
    private func dayID(_ word: String) -> String? {
        if days.contains(where: { $0.id == word }) { return word }
        let lower = word.lowercased()
        return days.first { $0.id.lowercased() == lower || $0.name?.lowercased() == lower }?.id
    }

    /// A list of time ranges, with day names turned into day ids
    /// (`Monday 09:00-12:00` → `mon 09:00-12:00`); the decoder reads them.
    private func ranges(_ cell: Cell) -> JSONOutput {
        .array(cell.list.map { item in
            let words = item.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            guard let first = words.first, let id = dayID(String(first)) else { return .string(item) }
            return .string(words.count == 2 ? "\(id) \(words[1])" : id)
        })
    }

    /// A clock time as spreadsheets may write it (`09:30:00`) in the
    /// `HH:MM` form problem files use.
    private func clock(_ cell: Cell) -> JSONOutput {
        let parts = cell.text.split(separator: ":", omittingEmptySubsequences: false)
        return .string(parts.count == 3 && parts[2] == "00" ? "\(parts[0]):\(parts[1])" : cell.text)
    }

    /// Checks that every name in `names` is one of `known` (features of
    /// rooms, roles or skills of staff), with a "did you mean".
    private func require(_ names: [String], in known: Set<String>, _ what: String, of holders: String, cell: Cell) throws(InputError) {
        for name in names where !known.contains(name) {
            let sorted = known.sorted()
            let listing = sorted.isEmpty ? "" : sorted.count <= 12 ? "; known: \(sorted.joined(separator: ", "))" : ""
            throw cell.error("no \(holders) has \(what) \"\(name)\"\(listing)", hint: Suggestion.hint(for: name, among: sorted))
        }
    }

    // MARK: - Sheets

    private mutating func readSettings() throws(InputError) -> (texts: [(String, JSONOutput)], weights: [(String, JSONOutput)]) {
        guard let sheet = sheets[.settings] else { return ([], []) }
        let texts = ["name", "description"]
        let terms = Weights.Term.allCases.map(\.rawValue)
        // `idleGap` is written `idle gap` in a sheet (either matches).
        let names = texts + terms.map { term in
            term.reduce(into: "") { s, c in s += c.isUppercase ? " " + c.lowercased() : String(c) }
        }
        var seen: [String: Int] = [:]
        var result: (texts: [(String, JSONOutput)], weights: [(String, JSONOutput)]) = ([], [])
        for row in sheet.rows {
            let setting = try sheet.required(row, "setting")
            guard let index = names.firstIndex(where: { SheetKind.key($0) == SheetKind.key(setting.text) }) else {
                throw setting.error("unknown setting \"\(setting.text)\"; expected one of \(names.joined(separator: ", "))",
                                    hint: Suggestion.hint(for: setting.text, among: names))
            }
            let name = (texts + terms)[index]
            if let line = seen[name] { throw setting.error("\"\(names[index])\" is already set on line \(line)") }
            seen[name] = row.line
            let value = sheet.cell(row, "value")
            if texts.contains(name) {
                guard let value else { continue }
                result.texts.append((name, .string(value.text)))
                note(name, value)
            } else if name == Weights.Term.overCapacity.rawValue {
                guard let value, value.text.lowercased() != "hard" else { continue }
                let v = Cell(file: value.file, line: value.line, header: value.header,
                             expected: "\"hard\" or a cost per pupil over a room's capacity (a number ≥ 0)", text: value.text)
                result.weights.append((name, .number(try v.weight())))
                note("weights.\(name)", value)
            } else {
                guard let value else { continue }
                let v = Cell(file: value.file, line: value.line, header: value.header, expected: "a weight (a number ≥ 0)", text: value.text)
                result.weights.append((name, .number(try v.weight())))
                note("weights.\(name)", value)
            }
        }
        return result
    }

    private mutating func readDays() throws(InputError) -> JSONOutput {
        let sheet = sheets[.days]!
        guard !sheet.rows.isEmpty else {
            throw InputError(file: sheet.file, location: nil, path: "", message: "no days; add one row per day of the event below the header")
        }
        sources["calendar.days"] = Source(file: sheet.file)
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("calendar.days[\(i)]", sheet, row, seen: &seen)
            if let date = sheet.cell(row, "date") { put(&e, "date", .string(date.text), from: date) }
            if let periods = sheet.cell(row, "periods") { put(&e, "periods", strings(periods.list), from: periods) }
            days.append((id: sheet.cell(row, "id")!.text, name: sheet.cell(row, "name")?.text))
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readPeriods() throws(InputError) -> JSONOutput {
        let sheet = sheets[.periods]!
        guard !sheet.rows.isEmpty else {
            throw InputError(file: sheet.file, location: nil, path: "", message: "no periods; add one row per period (and break) of a day, in time order, below the header")
        }
        sources["calendar.periods"] = Source(file: sheet.file)
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("calendar.periods[\(i)]", sheet, row, seen: &seen)
            for key in ["start", "end"] {
                let cell = try sheet.required(row, key)
                put(&e, key, clock(cell), from: cell)
            }
            if let b = sheet.cell(row, "break"), try b.yesNo() { put(&e, "break", .bool(true), from: b) }
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readRooms() throws(InputError) -> JSONOutput {
        let sheet = sheets[.rooms]!
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("rooms[\(i)]", sheet, row, seen: &seen)
            if let c = sheet.cell(row, "capacity") { put(&e, "capacity", .int(try c.int(0...1_000_000_000)), from: c) }
            if let c = sheet.cell(row, "features") {
                features.formUnion(c.list)
                put(&e, "features", strings(c.list), from: c)
            }
            if let c = sheet.cell(row, "site") { put(&e, "site", .string(c.text), from: c) }
            if let c = sheet.cell(row, "unavailable") { put(&e, "unavailable", ranges(c), from: c) }
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readStaff() throws(InputError) -> JSONOutput {
        guard let sheet = sheets[.staff] else { return .array([]) }
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("staff[\(i)]", sheet, row, seen: &seen)
            if let c = sheet.cell(row, "role") {
                roles.insert(c.text)
                put(&e, "role", .string(c.text), from: c)
            }
            if let c = sheet.cell(row, "skills") {
                skills.formUnion(c.list)
                put(&e, "skills", strings(c.list), from: c)
            }
            if let c = sheet.cell(row, "available") { put(&e, "available", ranges(c), from: c) }
            for (column, key) in [("max per day", "maxPerDay"), ("max", "max"), ("preferred max per day", "preferredMaxPerDay")] {
                if let c = sheet.cell(row, column) { put(&e, key, .int(try c.int(0...1_000_000_000)), from: c) }
            }
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readActivities() throws(InputError) -> JSONOutput {
        let sheet = sheets[.activities]!
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("activities[\(i)]", sheet, row, seen: &seen)
            for (column, key, least) in [("duration", "duration", 1), ("capacity", "capacity", 0), ("max groups", "maxGroups", 1)] {
                if let c = sheet.cell(row, column) { put(&e, key, .int(try c.int(least...1_000_000_000)), from: c) }
            }
            if let c = sheet.cell(row, "room features") {
                try require(c.list, in: features, "feature", of: "room", cell: c)
                put(&e, "roomFeatures", strings(c.list), from: c)
            }
            if let c = sheet.cell(row, "rooms") { put(&e, "rooms", strings(c.list), from: c) }
            if let c = sheet.cell(row, "years") {
                let years = try c.years()
                put(&e, "years", .array([.int(years.lowerBound), .int(years.upperBound)]), from: c)
            }
            if let c = sheet.cell(row, "window") { put(&e, "window", ranges(c), from: c) }
            for (column, key) in [("max per day", "maxPerDay"), ("max sessions", "maxSessions")] {
                if let c = sheet.cell(row, column) { put(&e, key, .int(try c.int(0...1_000_000_000)), from: c) }
            }
            if let c = sheet.cell(row, "together"), try c.yesNo() { put(&e, "together", .bool(true), from: c) }
            if let c = sheet.cell(row, "staff") {
                var rows: [JSONOutput] = []
                for r in try c.staffRows() {
                    var o: [(String, JSONOutput)] = []
                    if let role = r.role {
                        try require([role], in: roles, "role", of: "staff member", cell: c)
                        o.append(("role", .string(role)))
                    }
                    if !r.skills.isEmpty {
                        try require(r.skills, in: skills, "skill", of: "staff member", cell: c)
                        o.append(("skills", strings(r.skills)))
                    }
                    if !r.ids.isEmpty { o.append(("ids", strings(r.ids))) }
                    o.append(("count", .int(r.count)))
                    if let p = r.perPupils { o.append(("perPupils", .int(p))) }
                    rows.append(.object(o))
                }
                put(&e, "staff", .array(rows), from: c)
            }
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readClasses() throws(InputError) -> JSONOutput {
        let sheet = sheets[.classes]!
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = try entity("groups[\(i)]", sheet, row, seen: &seen)
            if let c = sheet.cell(row, "school") { put(&e, "school", .string(c.text), from: c) }
            if let c = sheet.cell(row, "year") { put(&e, "year", .int(try c.int(-5...100)), from: c) }
            let size = try sheet.required(row, "size")
            put(&e, "size", .int(try size.int(1...100_000)), from: size)
            if let c = sheet.cell(row, "visit") { put(&e, "visit", ranges(c), from: c) }
            if let c = sheet.cell(row, "needs") {
                try require(c.list, in: features, "feature", of: "room", cell: c)
                put(&e, "needs", strings(c.list), from: c)
            }
            var attend: [JSONOutput] = []
            if let c = sheet.cell(row, "attend") {
                for item in try c.attendItems() {
                    var o: [(String, JSONOutput)] = [("activity", .string(item.activity))]
                    if item.daily { o.append(("daily", .bool(true))) }
                    if let t = item.times { o.append(("times", .int(t))) }
                    if let d = item.minDays { o.append(("minDays", .int(d))) }
                    note("groups[\(i)].attend[\(attend.count)]", c)
                    attend.append(.object(o))
                }
            }
            for set in sheet.sets {
                let choose = sheet.cell(row, "choose", set: set), prefer = sheet.cell(row, "prefer", set: set)
                guard let choices = sheet.cell(row, "choices", set: set) else {
                    if let choose { throw choose.error("there are no choices in this row to choose from") }
                    if let prefer { throw prefer.error("there are no choices in this row to prefer among") }
                    continue
                }
                let path = "groups[\(i)].attend[\(attend.count)]"
                note(path, choices)
                note("\(path).oneOf", choices)
                var o: [(String, JSONOutput)] = [("oneOf", strings(choices.list))]
                if let choose {
                    let n = try choose.int(1...1_000_000_000)
                    guard n <= choices.list.count else {
                        throw choose.unexpected("at most \(choices.list.count), the number of choices")
                    }
                    o.append(("count", .int(n)))
                    note("\(path).count", choose)
                }
                if let prefer {
                    for p in prefer.list where !choices.list.contains(p) {
                        throw prefer.error("\"\(p)\" is not one of the choices (\(choices.list.joined(separator: "; ")))",
                                           hint: Suggestion.hint(for: p, among: choices.list))
                    }
                    o.append(("prefer", strings(prefer.list)))
                    note("\(path).prefer", prefer)
                }
                attend.append(.object(o))
            }
            e.entries.append(("attend", .array(attend)))
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    private mutating func readFixed() throws(InputError) -> JSONOutput {
        guard let sheet = sheets[.fixed] else { return .array([]) }
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = Entity(path: "fixed[\(i)]")
            sources[e.path] = Source(file: sheet.file, line: row.line)
            for key in ["activity", "room"] {
                let c = try sheet.required(row, key)
                put(&e, key, .string(c.text), from: c)
            }
            let day = try sheet.required(row, "day")
            put(&e, "day", .string(dayID(day.text) ?? day.text), from: day)
            let start = try sheet.required(row, "start")
            put(&e, "start", clock(start), from: start)
            if let c = sheet.cell(row, "classes") { put(&e, "groups", strings(c.list), from: c) }
            if let c = sheet.cell(row, "staff") { put(&e, "staff", strings(c.list), from: c) }
            out.append(.object(e.entries))
        }
        return .array(out)
    }
}
