import CarouselModel

/// Turns read sheets into a problem document (spec sections 0–8, and the
/// version 2 additions of sections 10–14 in `ProblemBuilder+Version2`), checking
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
    let sources = SourceMap()
    /// Days (id, name), and the room features, staff roles and skills and
    /// activity ids the sheets name, for day names in time ranges and
    /// "did you mean".
    let days: [(id: String, name: String?)]
    let features: Set<String>
    let roles: Set<String>
    let skills: Set<String>
    let activities: Set<String>
    /// Site ids of the sites sheet, in order.
    let sites: [String]

    init(sheets: [SheetKind: Sheet]) {
        self.sheets = sheets
        func cells(_ kind: SheetKind, _ column: String) -> [Cell?] {
            guard let sheet = sheets[kind] else { return [] }
            return sheet.rows.map { sheet.cell($0, column) }
        }
        days = zip(cells(.days, "id"), cells(.days, "name")).compactMap { id, name in id.map { ($0.text, name?.text) } }
        features = Set(cells(.rooms, "features").flatMap { $0?.list ?? [] })
        roles = Set(cells(.staff, "role").compactMap { $0?.text })
        skills = Set(cells(.staff, "skills").flatMap { $0?.list ?? [] })
        activities = Set(cells(.activities, "id").compactMap { $0?.text })
        sites = cells(.sites, "id").compactMap { $0?.text }
    }

    /// JSON paths and where they came from (a class, so that building the
    /// document needs no mutation of the builder).
    final class SourceMap {
        var paths: [String: Source] = [:]
    }

    /// The whole document.
    func document() throws(InputError) -> JSONOutput {
        var top: [(String, JSONOutput)] = [("format", .string("carousel/2"))]
        let settings = try readSettings()
        top += settings.texts
        top.append(("calendar", .object([("days", try readDays()), ("periods", try readPeriods())])))
        if sheets[.sites] != nil { top.append(("sites", try readSites())) }
        if sheets[.gates] != nil { top.append(("gates", try readGates())) }
        if let coaches = settings.coaches { top.append(("coaches", coaches)) }
        top.append(("rooms", try readRooms()))
        top.append(("staff", try readStaff()))
        top.append(("activities", try readActivities()))
        let pupils = try readPupils()
        let classes = try readClasses(pupils: pupils)
        top.append(("groups", classes.groups))
        let teams = try readTeams(pools: classes.pools.map(\.id))
        try requireFormations(pools: classes.pools, listed: teams.pools, pupils: pupils)
        if !teams.formations.isEmpty { top.append(("teams", .array(teams.formations))) }
        top.append(("fixed", try readFixed()))
        if sheets[.spacing] != nil { top.append(("spacing", try readSpacing())) }
        top += settings.lists
        if !settings.weights.isEmpty { top.append(("weights", .object(settings.weights))) }
        return .object(top)
    }

    /// `error`, from decoding the document, moved to the sheet cell its JSON
    /// path came from (the longest recorded prefix of the path); a JSON path
    /// the message names (`shares tue p1 with groups[3].attend[0]`) becomes
    /// the sheet and line it came from (`classes.csv:5`).
    func located(_ error: InputError) -> InputError {
        let message = error.message.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard word.contains("["), let source = source(of: word) else { return String(word) }
            return "\(source.file)\(source.line.map { ":\($0)" } ?? "")"
        }.joined(separator: " ")
        guard let source = source(of: Substring(error.path)) else { return error }
        return InputError(
            file: source.file, location: source.line.map { SourcePosition(line: $0, column: 0) },
            path: source.header.map { "column \"\($0)\"" } ?? "", message: message, hint: error.hint)
    }

    /// Where the JSON `path` (or its longest recorded prefix) came from.
    func source(of path: Substring) -> Source? {
        var path = path
        while !path.isEmpty {
            if let source = sources.paths[String(path)] { return source }
            path =
                path.last == "]"
                ? path[..<(path.lastIndex(of: "[") ?? path.startIndex)]
                : path[..<(path.lastIndex(of: ".") ?? path.startIndex)]
        }
        return nil
    }

    // MARK: - Helpers

    /// An object being built for one row at `path`; every key added notes
    /// the cell it came from.
    struct Entity {
        let path: String
        let sources: SourceMap
        var entries: [(String, JSONOutput)] = []

        mutating func put(_ key: String, _ value: JSONOutput, from cell: Cell) {
            entries.append((key, value))
            sources.paths["\(path).\(key)"] = Source(file: cell.file, line: cell.line, header: cell.header)
        }
    }

    /// Records that `path` came from `cell`.
    func note(_ path: String, _ cell: Cell) {
        sources.paths[path] = Source(file: cell.file, line: cell.line, header: cell.header)
    }

    /// Records that `path` came from a whole sheet.
    func note(_ path: String, file: String) {
        sources.paths[path] = Source(file: file)
    }

    /// Throws `message` for the `kind` sheet when it has no rows.
    private func requireRows(_ kind: SheetKind, _ message: String) throws(InputError) {
        let sheet = sheets[kind]!
        if sheet.rows.isEmpty { throw InputError(file: sheet.file, location: nil, path: "", message: message) }
    }

    /// One object per row of the `kind` sheet (none when it is absent), at
    /// `key[i]`: its unique `id` and `name` when `named`, then what `body`
    /// adds.
    func entities(
        _ kind: SheetKind, at key: String, named: Bool = true,
        _ body: (inout Entity, Sheet, Sheet.Row) throws(InputError) -> Void
    ) throws(InputError) -> JSONOutput {
        guard let sheet = sheets[kind] else { return .array([]) }
        var seen: [String: Int] = [:]
        var out: [JSONOutput] = []
        for (i, row) in sheet.rows.enumerated() {
            var e = Entity(path: "\(key)[\(i)]", sources: sources)
            sources.paths[e.path] = Source(file: sheet.file, line: row.line)
            if named {
                let cell = try sheet.required(row, "id")
                let id = try cell.id()
                if let line = seen[id] {
                    throw cell.error("\"\(id)\" is already the id of the \(sheet.kind.noun) on line \(line)")
                }
                seen[id] = row.line
                e.put("id", .string(id), from: cell)
                if let name = sheet.cell(row, "name") { e.put("name", .string(name.text), from: name) }
            }
            try body(&e, sheet, row)
            out.append(.object(e.entries))
        }
        return .array(out)
    }

    func strings(_ items: [String]) -> JSONOutput { .array(items.map { .string($0) }) }

    /// The day id that `word` names: an id, or a day's id or name in any case.
    func dayID(_ word: String) -> String? {
        if days.contains(where: { $0.id == word }) { return word }
        let lower = word.lowercased()
        return days.first { $0.id.lowercased() == lower || $0.name?.lowercased() == lower }?.id
    }

    /// A list of time ranges, with day names turned into day ids
    /// (`Monday 09:00-12:00` → `mon 09:00-12:00`) and spans of days
    /// written out (`sep16 to oct21`, every day from the first to the last
    /// in the days sheet's order, optionally with a window after them); the
    /// decoder reads the ranges.
    func ranges(_ cell: Cell) throws(InputError) -> JSONOutput {
        try ranges(cell.list, cell: cell)
    }

    /// The time ranges `items` (of `cell`), as `ranges(_:)` reads them.
    func ranges(_ items: [String], cell: Cell) throws(InputError) -> JSONOutput {
        var out: [JSONOutput] = []
        for item in items {
            let words = item.split(whereSeparator: \.isWhitespace).map(String.init)
            if (3...4).contains(words.count), words[1].lowercased() == "to" {
                let ids = days.map(\.id)
                var ends: [Int] = []
                for word in [words[0], words[2]] {
                    guard let id = dayID(word), let d = ids.firstIndex(of: id) else {
                        throw cell.error(
                            "unknown day \"\(word)\" in \"\(item)\"; the days are \(ListText.joined(ids))",
                            hint: Suggestion.hint(for: word, among: ids, kind: "day"))
                    }
                    ends.append(d)
                }
                guard ends[0] <= ends[1] else {
                    throw cell.error(
                        "\"\(item)\": \(ids[ends[0]]) comes after \(ids[ends[1]]) in days.csv; give the earlier day first"
                    )
                }
                let window = words.count == 4 ? " " + words[3] : ""
                out += ids[ends[0]...ends[1]].map { .string($0 + window) }
                continue
            }
            let parts = item.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            guard let first = parts.first, let id = dayID(String(first)) else {
                out.append(.string(item))
                continue
            }
            out.append(.string(parts.count == 2 ? "\(id) \(parts[1])" : id))
        }
        return .array(out)
    }

    /// A clock time as spreadsheets may write it (`09:30:00`) in the
    /// `HH:MM` form problem files use.
    func clock(_ cell: Cell) -> JSONOutput {
        let parts = cell.text.split(separator: ":", omittingEmptySubsequences: false)
        return .string(parts.count == 3 && parts[2] == "00" ? "\(parts[0]):\(parts[1])" : cell.text)
    }

    /// Checks that every name in `names` is one of `known` (features of
    /// rooms, roles or skills of staff), with a "did you mean".
    func require(_ names: [String], in known: Set<String>, _ what: String, of holders: String, cell: Cell)
        throws(InputError)
    {
        for name in names where !known.contains(name) {
            let sorted = known.sorted()
            let listing = sorted.isEmpty ? "" : sorted.count <= 12 ? "; known: \(sorted.joined(separator: ", "))" : ""
            throw cell.error(
                "no \(holders) has \(what) \"\(name)\"\(listing)", hint: Suggestion.hint(for: name, among: sorted))
        }
    }

    // MARK: - Sheets

    /// The settings sheet: the event's name and description, lists
    /// (`continuity roles`, checked against the staff sheet's roles) and
    /// weights.
    private func readSettings() throws(InputError) -> (
        texts: [(String, JSONOutput)], lists: [(String, JSONOutput)],
        weights: [(String, JSONOutput)], coaches: JSONOutput?
    ) {
        guard let sheet = sheets[.settings] else { return ([], [], [], nil) }
        let texts = ["name", "description"], lists = ["continuityRoles"]
        let coachKeys = Self.coachSettings.map(\.setting)
        let terms = Weights.Term.allCases.map(\.rawValue)
        // `idleGap` is written `idle gap` in a sheet (either matches).
        let keys = texts + lists + coachKeys + terms
        let names = keys.map { key in
            key.reduce(into: "") { s, c in s += c.isUppercase ? " " + c.lowercased() : String(c) }
        }
        var seen: [String: Int] = [:]
        var result: (texts: [(String, JSONOutput)], lists: [(String, JSONOutput)], weights: [(String, JSONOutput)]) = (
            [], [], []
        )
        var coachCells: [(setting: String, cell: Cell)] = []
        for row in sheet.rows {
            let setting = try sheet.required(row, "setting")
            guard let index = names.firstIndex(where: { SheetKind.key($0) == SheetKind.key(setting.text) }) else {
                throw setting.error(
                    "unknown setting \"\(setting.text)\"; expected one of \(names.joined(separator: ", "))",
                    hint: Suggestion.hint(for: setting.text, among: names))
            }
            let name = keys[index]
            if let line = seen[name] { throw setting.error("\"\(names[index])\" is already set on line \(line)") }
            seen[name] = row.line
            guard let value = sheet.cell(row, "value") else { continue }
            if texts.contains(name) {
                result.texts.append((name, .string(value.text)))
                note(name, value)
                continue
            }
            if coachKeys.contains(name) {
                coachCells.append((name, value))
                continue
            }
            if lists.contains(name) {
                // The roles whose people should stay the same for a class.
                try require(value.list, in: roles, "role", of: "staff member", cell: value)
                result.lists.append((name, strings(value.list)))
                note(name, value)
                continue
            }
            let overCapacity = name == Weights.Term.overCapacity.rawValue
            if overCapacity && value.text.lowercased() == "hard" { continue }
            let weight = Cell(
                file: value.file, line: value.line, header: value.header,
                expected: overCapacity
                    ? "\"hard\" or a cost per pupil over a room's capacity (a number ≥ 0)" : "a weight (a number ≥ 0)",
                text: value.text)
            result.weights.append((name, .number(try weight.weight())))
            note("weights.\(name)", value)
        }
        return (result.texts, result.lists, result.weights, try coaches(coachCells))
    }

    private func readDays() throws(InputError) -> JSONOutput {
        try requireRows(.days, "no days; add one row per day of the event below the header")
        note("calendar.days", file: sheets[.days]!.file)
        return try entities(.days, at: "calendar.days") { e, sheet, row throws(InputError) in
            if let c = sheet.cell(row, "date") { e.put("date", .string(c.text), from: c) }
            if let c = sheet.cell(row, "periods") { e.put("periods", strings(c.list), from: c) }
        }
    }

    private func readPeriods() throws(InputError) -> JSONOutput {
        try requireRows(
            .periods, "no periods; add one row per period (and break) of a day, in time order, below the header")
        note("calendar.periods", file: sheets[.periods]!.file)
        return try entities(.periods, at: "calendar.periods") { e, sheet, row throws(InputError) in
            for key in ["start", "end"] {
                let c = try sheet.required(row, key)
                e.put(key, clock(c), from: c)
            }
            if let c = sheet.cell(row, "break"), try c.yesNo() { e.put("break", .bool(true), from: c) }
        }
    }

    private func readRooms() throws(InputError) -> JSONOutput {
        try entities(.rooms, at: "rooms") { e, sheet, row throws(InputError) in
            if let c = sheet.cell(row, "capacity") { e.put("capacity", .int(try c.int(0...1_000_000_000)), from: c) }
            if let c = sheet.cell(row, "features") { e.put("features", strings(c.list), from: c) }
            if let c = sheet.cell(row, "site") { e.put("site", .string(c.text), from: c) }
            if let c = sheet.cell(row, "unavailable") { e.put("unavailable", try ranges(c), from: c) }
            if let c = sheet.cell(row, "url") { e.put("url", .string(c.text), from: c) }
        }
    }

    private func readStaff() throws(InputError) -> JSONOutput {
        try entities(.staff, at: "staff") { e, sheet, row throws(InputError) in
            if let c = sheet.cell(row, "role") { e.put("role", .string(c.text), from: c) }
            if let c = sheet.cell(row, "skills") { e.put("skills", strings(c.list), from: c) }
            if let c = sheet.cell(row, "available") { e.put("available", try ranges(c), from: c) }
            for (column, key) in [
                ("max per day", "maxPerDay"), ("max", "max"), ("preferred max per day", "preferredMaxPerDay"),
            ] {
                if let c = sheet.cell(row, column) { e.put(key, .int(try c.int(0...1_000_000_000)), from: c) }
            }
            if let c = sheet.cell(row, "max consecutive") {
                e.put("maxConsecutive", .int(try c.int(1...1_000_000_000)), from: c)
            }
            if let c = sheet.cell(row, "home") { e.put("home", .string(c.text), from: c) }
        }
    }

    private func readActivities() throws(InputError) -> JSONOutput {
        try entities(.activities, at: "activities") { e, sheet, row throws(InputError) in
            for (column, key, least) in [
                ("duration", "duration", 1), ("capacity", "capacity", 0), ("max groups", "maxGroups", 1),
            ] {
                if let c = sheet.cell(row, column) { e.put(key, .int(try c.int(least...1_000_000_000)), from: c) }
            }
            if let c = sheet.cell(row, "room features") {
                try require(c.list, in: features, "feature", of: "room", cell: c)
                e.put("roomFeatures", strings(c.list), from: c)
            }
            if let c = sheet.cell(row, "rooms") { e.put("rooms", strings(c.list), from: c) }
            if let c = sheet.cell(row, "years") {
                let years = try c.years()
                e.put("years", .array([.int(years.lowerBound), .int(years.upperBound)]), from: c)
            }
            if let c = sheet.cell(row, "window") { e.put("window", try ranges(c), from: c) }
            for (column, key) in [("max per day", "maxPerDay"), ("max sessions", "maxSessions")] {
                if let c = sheet.cell(row, column) { e.put(key, .int(try c.int(0...1_000_000_000)), from: c) }
            }
            if let c = sheet.cell(row, "together"), try c.yesNo() { e.put("together", .bool(true), from: c) }
            if let c = sheet.cell(row, "staff") { e.put("staff", .array(try staffRows(c)), from: c) }
            try readOnTheDay(ofActivity: &e, sheet, row)
        }
    }

    /// The staff rows of an activity, their roles and skills checked
    /// against the staff sheet.
    private func staffRows(_ c: Cell) throws(InputError) -> [JSONOutput] {
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
        return rows
    }

    /// The classes sheet, and the pool classes (id → the cell that makes
    /// it one). A pool takes its pupils' names from the pupils sheet, and
    /// its size from their number when its size cell is empty.
    private func readClasses(pupils: [String: [Cell]]) throws(InputError) -> (
        groups: JSONOutput, pools: [(id: String, cell: Cell)]
    ) {
        var pools: [(id: String, cell: Cell)] = []
        let groups = try entities(.classes, at: "groups") { e, sheet, row throws(InputError) in
            let id = try sheet.required(row, "id").text
            if let c = sheet.cell(row, "school") { e.put("school", .string(c.text), from: c) }
            if let c = sheet.cell(row, "year") { e.put("year", .int(try c.int(-5...100)), from: c) }
            var pool: Cell?
            if let c = sheet.cell(row, "pool"), try c.yesNo() { pool = c }
            let names = pool == nil ? nil : pupils[id]
            if let names, sheet.cell(row, "size") == nil {
                e.put("size", .int(names.count), from: try sheet.required(row, "id"))
            } else {
                let size = try sheet.required(row, "size")
                let n = try size.int(1...100_000)
                if let names, names.count != n {
                    throw size.error(
                        "size \(n), but pupils.csv lists \(names.count) pupil\(names.count == 1 ? "" : "s") for \"\(id)\"; give the number of names, or leave the size empty to count them"
                    )
                }
                e.put("size", .int(n), from: size)
            }
            if let c = sheet.cell(row, "visit") { e.put("visit", try ranges(c), from: c) }
            if let c = sheet.cell(row, "needs") {
                try require(c.list, in: features, "feature", of: "room", cell: c)
                e.put("needs", strings(c.list), from: c)
            }
            if let c = sheet.cell(row, "home") { e.put("home", .string(c.text), from: c) }
            if let c = sheet.cell(row, "same staff"), try c.yesNo() { e.put("sameStaff", .bool(true), from: c) }
            try readOnTheDay(ofClass: &e, sheet, row)
            if let pool {
                e.put("pool", .bool(true), from: pool)
                pools.append((id, pool))
                if let names {
                    e.put("pupils", strings(names.map(\.text)), from: pool)
                    for (k, name) in names.enumerated() { note("\(e.path).pupils[\(k)]", name) }
                }
                for column in ["attend", "choices"] {
                    if let c = sheet.cell(row, column) {
                        throw c.error(
                            "\"\(id)\" is a pool: its pupils attend through the teams formed from it (the attend column of teams.csv); leave this empty"
                        )
                    }
                }
            }
            e.entries.append(("attend", .array(try attend(sheet, row, at: e.path + ".attend"))))
        }
        return (groups, pools)
    }

    /// A class's (or a team formation's) attend items: those of its `attend`
    /// cell, then one per set of `choices` / `choose` / `prefer` / `within`
    /// columns.
    func attend(_ sheet: Sheet, _ row: Sheet.Row, at path: String) throws(InputError) -> [JSONOutput] {
        var attend: [JSONOutput] = []
        if let c = sheet.cell(row, "attend") {
            for item in try c.attendItems() {
                var o: [(String, JSONOutput)] = [("activity", .string(item.activity))]
                if item.daily { o.append(("daily", .bool(true))) }
                if let t = item.times { o.append(("times", .int(t))) }
                if let d = item.minDays { o.append(("minDays", .int(d))) }
                if let within = item.within { o.append(("within", try ranges(within, cell: c))) }
                note("\(path)[\(attend.count)]", c)
                attend.append(.object(o))
            }
        }
        for set in sheet.sets {
            let choose = sheet.cell(row, "choose", set: set), prefer = sheet.cell(row, "prefer", set: set)
            let within = sheet.cell(row, "within", set: set)
            guard let choices = sheet.cell(row, "choices", set: set) else {
                if let choose { throw choose.error("there are no choices in this row to choose from") }
                if let prefer { throw prefer.error("there are no choices in this row to prefer among") }
                if let within {
                    throw within.error(
                        "there are no choices in this row for these ranges to hold; for an activity of the attend column, write \"ACTIVITY within …\" there"
                    )
                }
                continue
            }
            let item = "\(path)[\(attend.count)]"
            note(item, choices)
            var o: [(String, JSONOutput)] = [("oneOf", strings(choices.list))]
            if let choose {
                let n = try choose.int(1...1_000_000_000)
                guard n <= choices.list.count else {
                    throw choose.unexpected("at most \(choices.list.count), the number of choices")
                }
                o.append(("count", .int(n)))
                note("\(item).count", choose)
            }
            if let prefer {
                // An unknown choice is reported first, by the decoder.
                for p in prefer.list where !choices.list.contains(p) && choices.list.allSatisfy(activities.contains) {
                    throw prefer.error(
                        "\"\(p)\" is not one of the choices (\(choices.list.joined(separator: "; ")))",
                        hint: Suggestion.hint(for: p, among: choices.list))
                }
                o.append(("prefer", strings(prefer.list)))
                note("\(item).prefer", prefer)
            }
            if let within {
                o.append(("within", try ranges(within)))
                note("\(item).within", within)
            }
            attend.append(.object(o))
        }
        return attend
    }

    private func readFixed() throws(InputError) -> JSONOutput {
        try entities(.fixed, at: "fixed", named: false) { e, sheet, row throws(InputError) in
            for key in ["activity", "day", "start", "room"] {
                let c = try sheet.required(row, key)
                e.put(
                    key, key == "day" ? .string(dayID(c.text) ?? c.text) : key == "start" ? clock(c) : .string(c.text),
                    from: c)
            }
            if let c = sheet.cell(row, "classes") { e.put("groups", strings(c.list), from: c) }
            if let c = sheet.cell(row, "staff") { e.put("staff", strings(c.list), from: c) }
            if let c = sheet.cell(row, "move"), let move = try c.move() {
                e.put("move", .string(move.rawValue), from: c)
            }
        }
    }
}
