import CarouselModel

/// The version 2 sheets (spec sections 10–13): sites with travel times,
/// pupils of pool classes, team formations and spacing rules. The columns
/// version 2 adds to the other sheets (`home`, `same staff`, `pool`,
/// `within`, `move`, `continuity roles`) are read with those sheets.
extension ProblemBuilder {
    /// The sites sheet: travel times to other sites of the sheet, online and
    /// host marks, hosting shares (only for hosts).
    func readSites() throws(InputError) -> JSONOutput {
        try entities(.sites, at: "sites") { e, sheet, row throws(InputError) in
            let id = try sheet.required(row, "id").text
            if let c = sheet.cell(row, "travel") {
                var minutes: [(String, JSONOutput)] = []
                for entry in try c.travel() {
                    guard sites.contains(entry.site) else {
                        throw c.error(
                            "unknown site \"\(entry.site)\"; the sites are \(ListText.joined(sites))",
                            hint: Suggestion.hint(for: entry.site, among: sites))
                    }
                    guard entry.site != id else {
                        throw c.error("travel from \"\(id)\" to itself is always 0; leave \"\(id)\" out")
                    }
                    minutes.append((entry.site, .int(entry.minutes)))
                }
                e.put("travel", .object(minutes), from: c)
            }
            if let c = sheet.cell(row, "online"), try c.yesNo() { e.put("online", .bool(true), from: c) }
            var host = false
            if let c = sheet.cell(row, "host"), try c.yesNo() {
                e.put("host", .bool(true), from: c)
                host = true
            }
            if let c = sheet.cell(row, "share") {
                let share = try c.share()
                guard host else { throw c.error("a share of hosting needs \"yes\" in the host column of this row") }
                e.put("share", .number(share), from: c)
            }
        }
    }

    /// The pupils sheet: the names of each pool's pupils (pool id → the
    /// name cells, in order). A name is listed once per pool.
    func readPupils() throws(InputError) -> [String: [Cell]] {
        guard let sheet = sheets[.pupils] else { return [:] }
        var out: [String: [Cell]] = [:]
        for row in sheet.rows {
            let pool = try sheet.required(row, "pool")
            let id = try pool.id()
            let name = try sheet.required(row, "name")
            if let same = out[id]?.first(where: { $0.text == name.text }) {
                throw name.error("\"\(name.text)\" is already listed for pool \"\(id)\" on line \(same.line)")
            }
            out[id, default: []].append(name)
        }
        return out
    }

    /// The teams sheet: one formation per row, with its pools (`pools`: the
    /// pool classes), team size, schools, requirements and what its teams
    /// attend; and the pools the rows list.
    func readTeams(pools poolClasses: [String]) throws(InputError) -> (formations: [JSONOutput], pools: Set<String>) {
        var listed: Set<String> = []
        let classIDs = sheets[.classes].map { sheet in sheet.rows.compactMap { sheet.cell($0, "id")?.text } } ?? []
        let formations = try entities(.teams, at: "teams") { e, sheet, row throws(InputError) in
            let pools = try sheet.required(row, "pools")
            for p in pools.list where !poolClasses.contains(p) && classIDs.contains(p) {
                throw pools.error(
                    "class \"\(p)\" is not a pool; write yes in its pool column in classes.csv to form teams from its pupils"
                )
            }
            listed.formUnion(pools.list)
            e.put("pools", strings(pools.list), from: pools)
            if let c = sheet.cell(row, "size") {
                let size = try c.teamSize()
                e.put("size", .array([.int(size.lowerBound), .int(size.upperBound)]), from: c)
            }
            if let c = sheet.cell(row, "min schools") { e.put("minSchools", .int(try c.int(0...100_000)), from: c) }
            if let c = sheet.cell(row, "require") {
                var entries: [JSONOutput] = []
                for q in try c.requirements() {
                    for p in q.pools where !pools.list.contains(p) {
                        throw c.error(
                            "\"\(p)\" is not one of this row's pools (\(pools.list.joined(separator: "; ")))",
                            hint: Suggestion.hint(for: p, among: pools.list))
                    }
                    entries.append(.object([("pools", strings(q.pools)), ("min", .int(q.min))]))
                }
                e.put("require", .array(entries), from: c)
            }
            if let c = sheet.cell(row, "visit") { e.put("visit", try ranges(c), from: c) }
            if let c = sheet.cell(row, "needs") {
                try require(c.list, in: features, "feature", of: "room", cell: c)
                e.put("needs", strings(c.list), from: c)
            }
            e.entries.append(("attend", .array(try attend(sheet, row, at: e.path + ".attend"))))
        }
        guard case .array(let list) = formations else { return ([], listed) }
        return (list, listed)
    }

    /// Every pool class is in some formation, and every pool of the pupils
    /// sheet is a pool class.
    func requireFormations(pools: [(id: String, cell: Cell)], listed: Set<String>, pupils: [String: [Cell]])
        throws(InputError)
    {
        let poolIDs = pools.map(\.id)
        let classIDs = sheets[.classes].map { sheet in sheet.rows.compactMap { sheet.cell($0, "id")?.text } } ?? []
        let pupilsSheet = sheets[.pupils]
        for row in pupilsSheet?.rows ?? [] {
            guard let cell = pupilsSheet?.cell(row, "pool"), !poolIDs.contains(cell.text) else { continue }
            if classIDs.contains(cell.text) {
                throw cell.error(
                    "class \"\(cell.text)\" is not a pool; write yes in its pool column in classes.csv to form teams from its pupils"
                )
            }
            throw cell.error(
                "unknown pool \"\(cell.text)\"; \(poolIDs.isEmpty ? "no class in classes.csv is a pool" : "the pools are \(ListText.joined(poolIDs))")",
                hint: Suggestion.hint(for: cell.text, among: poolIDs))
        }
        for pool in pools where !listed.contains(pool.id) {
            throw pool.cell.error("\"\(pool.id)\" is a pool, but no row of teams.csv lists it in its pools column")
        }
    }

    /// The spacing sheet: sessions of a row's activities start at least
    /// `min days` apart.
    func readSpacing() throws(InputError) -> JSONOutput {
        try entities(.spacing, at: "spacing", named: false) { e, sheet, row throws(InputError) in
            let activities = try sheet.required(row, "activities")
            e.put("activities", strings(activities.list), from: activities)
            let days = try sheet.required(row, "min days")
            e.put("minDays", .int(try days.int(0...100_000)), from: days)
        }
    }
}
