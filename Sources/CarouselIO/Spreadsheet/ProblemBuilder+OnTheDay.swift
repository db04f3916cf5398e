import CarouselModel

/// The on-the-day additions (docs/format.md, "On the day") in the sheets:
/// `gates.csv`, the coach settings, a class's adults, dietary counts and
/// gate, an activity's outdoor flag, wet-weather fallback and equipment.
/// The decoder checks the ids and ranges; its errors come back to the cell.
extension ProblemBuilder {
    /// The settings that make the top-level `coaches` object, by the key
    /// each sets in it.
    static let coachSettings: [(setting: String, key: String, range: ClosedRange<Int>, expected: String)] = [
        ("coachSeats", "seats", 1...1_000, "the seats in one coach, a whole number"),
        ("coachArriveBefore", "arriveBefore", 0...240, "minutes a party's coaches arrive before its first session"),
        ("coachLeaveAfter", "leaveAfter", 0...240, "minutes a party's coaches leave after its last session"),
    ]

    /// The coach settings' value cells (setting key → cell) as the
    /// `coaches` object, or nil when none is set.
    func coaches(_ cells: [(setting: String, cell: Cell)]) throws(InputError) -> JSONOutput? {
        guard let first = cells.first else { return nil }
        note("coaches", first.cell)
        var entries: [(String, JSONOutput)] = []
        for spec in Self.coachSettings {
            guard let c = cells.first(where: { $0.setting == spec.setting })?.cell else { continue }
            let value = Cell(file: c.file, line: c.line, header: c.header, expected: spec.expected, text: c.text)
            entries.append((spec.key, .int(try value.int(spec.range))))
            note("coaches.\(spec.key)", c)
        }
        return .object(entries)
    }

    /// The gates sheet: entrances or drop-off points, each at a site, with
    /// the most coaches it takes in a quarter hour.
    func readGates() throws(InputError) -> JSONOutput {
        try entities(.gates, at: "gates") { e, sheet, row throws(InputError) in
            if let c = sheet.cell(row, "site") { e.put("site", .string(c.text), from: c) }
            if let c = sheet.cell(row, "capacity") { e.put("capacity", .int(try c.int(1...1_000)), from: c) }
        }
    }

    /// A class row's `adults`, `dietary` and `gate`.
    func readOnTheDay(ofClass e: inout Entity, _ sheet: Sheet, _ row: Sheet.Row) throws(InputError) {
        if let c = sheet.cell(row, "adults") { e.put("adults", .int(try c.int(0...10_000)), from: c) }
        if let c = sheet.cell(row, "dietary") {
            e.put("dietary", .object(try c.dietary().map { ($0.need, .int($0.count)) }), from: c)
        }
        if let c = sheet.cell(row, "gate") { e.put("gate", .string(try c.id()), from: c) }
    }

    /// An activity row's `outdoor`, `wetWeather` (from `wet weather rooms`
    /// or `wet weather activity`) and `equipment`.
    func readOnTheDay(ofActivity e: inout Entity, _ sheet: Sheet, _ row: Sheet.Row) throws(InputError) {
        if let c = sheet.cell(row, "outdoor"), try c.yesNo() { e.put("outdoor", .bool(true), from: c) }
        let rooms = sheet.cell(row, "wet weather rooms"), activity = sheet.cell(row, "wet weather activity")
        if let rooms, activity != nil {
            throw rooms.error(
                "give the wet-weather rooms or the wet-weather activity, not both; clear one of the two cells")
        }
        if let rooms {
            e.put("wetWeather", .object([("rooms", strings(rooms.list))]), from: rooms)
            note("\(e.path).wetWeather.rooms", rooms)
        }
        if let activity {
            e.put("wetWeather", .object([("activity", .string(try activity.id()))]), from: activity)
            note("\(e.path).wetWeather.activity", activity)
        }
        if let c = sheet.cell(row, "equipment") { e.put("equipment", strings(c.items), from: c) }
    }
}

extension Cell {
    /// Items separated by `;` only (an item may hold commas: "32 headsets,
    /// charged"), trimmed, empty ones dropped.
    var items: [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A `dietary` cell: `vegetarian 3; nut allergy 1` (also `halal: 2`),
    /// a need's name then its number of pupils, in the order given.
    func dietary() throws(InputError) -> [(need: String, count: Int)] {
        var out: [(need: String, count: Int)] = []
        for item in items {
            var words = item.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2, let count = Int(words.removeLast()) else {
                throw error(
                    "cannot read \"\(item)\"; expected a dietary need and its number of pupils, e.g. \"vegetarian 3; nut allergy 1\""
                )
            }
            var need = words.joined(separator: " ")
            if need.hasSuffix(":") { need.removeLast() }
            guard !need.isEmpty else { throw error("cannot read \"\(item)\"; the need has no name") }
            guard count >= 0 else { throw error("cannot read \"\(item)\"; a count of pupils is 0 or more") }
            if out.contains(where: { $0.need == need }) { throw error("\"\(need)\" is given twice") }
            out.append((need, count))
        }
        return out
    }
}
