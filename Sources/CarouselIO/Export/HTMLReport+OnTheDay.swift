import CarouselModel
import CarouselSolver

/// The report's pages for the day itself (docs/exports.md): catering and
/// fire registers, the arrivals and departures board, the wet-weather plans
/// with their differences marked, a one-page sheet per room and staff member
/// and day, an A5 card per class, and the one-page "changes since the
/// printed version" sheet.
extension HTMLReport {
    /// The parts `export --as html --pages` can print on their own.
    public enum Pages: String, CaseIterable, Sendable {
        case catering, arrivals
        case rain = "plan-b"
        case sheets = "day-sheets"
        case cards
    }

    /// Print pages: A5 cards and A4 day sheets, each on a page of its own.
    static let onTheDayStyle = """
        .rt { border-collapse: collapse; margin: .3rem 0 .8rem; font-size: .85rem; }
        .rt caption { text-align: left; font-weight: 600; padding: .2rem 0; }
        .rt th, .rt td { text-align: left; padding: .2rem .45rem; border-bottom: 1px solid #e3e8ef; vertical-align: top; }
        .rt .n { text-align: right; font-variant-numeric: tabular-nums; }
        .rt tr:last-child td { font-weight: 600; }
        .arrivals .rt tr:last-child td, .sheet .rt tr:last-child td, .card .rt tr:last-child td, .wet .rt tr:last-child td { font-weight: normal; }
        .chg { background: #fff1c2; }
        .chg td:first-child::before { content: "changed: "; font-weight: 600; }
        .gone { text-decoration: line-through; color: #7a8596; }
        .rain { border-left: 4px solid #4e79a7; padding: .2rem .8rem; margin: .8rem 0; }
        .rain h3 { margin-top: .2rem; }
        .card h2 { font-size: 1.4rem; }
        .card .rt, .sheet .rt { width: 100%; }
        .sheet .rt { font-size: .8rem; }
        @page card { size: A5; margin: 10mm; }
        @page sheet { size: A4; margin: 12mm; }
        @media print {
          .card { page: card; break-before: page; page-break-before: always; break-inside: avoid; page-break-inside: avoid; }
          .card .rt { font-size: 9pt; }
          .sheet { page: sheet; break-before: page; page-break-before: always; break-inside: avoid; page-break-inside: avoid; }
          .sheet .rt { font-size: 8pt; }
          .changes { break-inside: avoid; page-break-inside: avoid; font-size: 9pt; }
        }

        """

    /// The on-the-day pages of `pages`, in their order.
    static func onTheDay(_ view: TimetableView, pages: [Pages], rain: [WetWeatherFile.Day], provenance: Provenance?)
        -> String
    {
        var out = ""
        for page in pages {
            switch page {
            case .catering: out += catering(view)
            case .arrivals: out += arrivals(view)
            case .rain: for plan in rain { out += wetDay(view, plan) }
            case .sheets: out += daySheets(view, provenance: provenance)
            case .cards: out += cards(view)
            }
        }
        return out
    }

    /// The links of the on-the-day pages in the toolbar.
    static func onTheDayLinks(_ view: TimetableView, pages: [Pages], rain: [WetWeatherFile.Day]) -> [String] {
        let p = view.problem
        return pages.compactMap { page in
            switch page {
            case .catering: link("catering", "Catering")
            case .arrivals: p.calendar.days.indices.first.map { link("arrivals-\($0)", "Arrivals") }
            case .rain: rain.first.map { link("plan-b-\($0.day)", "Plan B") }
            case .sheets: link("sheets", "Day sheets")
            case .cards: link("cards", "Class cards")
            }
        }
    }

    /// A view holding tables, each in a `.day` block so the filter can hide rows.
    static func tablesView(
        id: String, kind: String, title: String, facts: String?, tables: [ReportTable], classes: String = ""
    ) -> String {
        var out =
            "<section class=\"view\(classes.isEmpty ? "" : " " + classes)\" id=\"\(id)\" data-key=\"\(escape(TimetableView.folded("\(kind) \(title)")))\">\n"
        out += "<p class=\"kind\">\(escape(kind))</p>\n<h2>\(escape(title))</h2>\n"
        if let facts { out += "<p class=\"facts\">\(escape(facts))</p>\n" }
        if tables.isEmpty { out += "<p class=\"none\">Nothing to list.</p>\n" }
        for table in tables { out += "<div class=\"day\">\(table.html)</div>\n" }
        return out + "</section>\n"
    }

    /// Catering per day and sitting, and the fire registers per day.
    static func catering(_ view: TimetableView) -> String {
        let counts = Headcounts(view)
        let note =
            counts.needs.isEmpty
            ? "No group lists dietary needs."
            : "Dietary columns count pupils: " + counts.needs.joined(separator: ", ") + "."
        var out = tablesView(
            id: "catering", kind: "catering", title: "Catering and headcounts", facts: note,
            tables: counts.cateringTables(view))
        for (k, table) in counts.fireRegisterTables(view).enumerated() {
            out += tablesView(
                id: "fire-\(counts.days[k].day)", kind: "fire register", title: table.title, facts: nil, tables: [table]
            )
        }
        return out
    }

    /// The arrivals and departures board of each day, conflicts first.
    static func arrivals(_ view: TimetableView) -> String {
        let board = ArrivalsBoard(view)
        let tables = board.tables(view)
        var out = ""
        for d in view.problem.calendar.days.indices {
            let title = view.dayTitle(d)
            let today = tables.filter { $0.title.hasPrefix(title + ":") }
            guard !today.isEmpty else { continue }
            let conflicts = board.conflicts.filter { $0.day == d }.map { c in
                "\(ArrivalsBoard.gateName(c.gate, problem: view.problem)) takes \(c.capacity) coaches a quarter hour; "
                    + "\(c.coaches) arrive \(c.from.clockText)-\((c.from + Int(ArrivalTable.quarter)).clockText): "
                    + c.schools.joined(separator: ", ")
            }
            out += tablesView(
                id: "arrivals-\(d)", kind: "arrivals and departures", title: title,
                facts: conflicts.isEmpty ? nil : "Over capacity: " + conflicts.joined(separator: "; "), tables: today,
                classes: "arrivals")
        }
        return out
    }

    /// A wet day: every session of that day in the wet plan, those that
    /// differ from the dry schedule marked, and the dry ones that are gone.
    static func wetDay(_ view: TimetableView, _ plan: WetWeatherFile.Day) -> String {
        let wet = TimetableView(instance: plan.instance, schedule: plan.schedule)
        let d = plan.day
        func key(_ s: TimetableView.Session) -> String {
            "\(s.activity) \(s.day) \(s.periods.lowerBound) \(s.room) \(s.groups.sorted()) \(s.staff.sorted())"
        }
        let dry = Set(view.sessions.filter { $0.day >= d }.map(key))
        let kept = Set(wet.sessions.filter { $0.day >= d }.map(key))
        let changed = wet.sessions.filter { $0.day >= d && !dry.contains(key($0)) }.count
        let title = "If it rains on " + (view.problem.calendar.days[d].name ?? view.problem.calendar.days[d].id)
        var out =
            "<section class=\"view wet\" id=\"plan-b-\(d)\" data-key=\"\(escape(TimetableView.folded("plan b rain wet " + title)))\">\n"
        out += "<p class=\"kind\">plan B</p>\n<h2>\(escape(title))</h2>\n"
        out +=
            "<p class=\"facts\">\(changed) session\(changed == 1 ? "" : "s") differ from the dry timetable (marked); sessions struck through are not held.</p>\n"
        out +=
            "<div class=\"day\"><table class=\"rt\"><thead><tr><th>Time</th><th>Room</th><th>Activity</th><th>Groups</th><th>Staff</th></tr></thead><tbody>\n"
        for s in wet.sessions where s.day == d {
            out +=
                "<tr\(dry.contains(key(s)) ? "" : " class=\"chg\"")><td>\(wet.timeText(s))</td><td>\(escape(wet.roomName(s.room)))</td>"
                + "<td>\(escape(wet.activityName(s.activity)))</td><td>\(escape(s.groups.map(wet.groupName).joined(separator: ", ")))</td>"
                + "<td>\(escape(s.staff.map(wet.staffName).joined(separator: ", ")))</td></tr>\n"
        }
        for s in view.sessions where s.day == d && !kept.contains(key(s)) {
            out +=
                "<tr class=\"gone\"><td>\(view.timeText(s))</td><td>\(escape(view.roomName(s.room)))</td><td>\(escape(view.activityName(s.activity)))</td>"
                + "<td>\(escape(s.groups.map(view.groupName).joined(separator: ", ")))</td><td>\(escape(s.staff.map(view.staffName).joined(separator: ", ")))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    /// Each wet day's messages (`ChangeMessages` from the dry schedule).
    static func rainMessages(_ view: TimetableView, rain: [WetWeatherFile.Day]) -> [(
        day: Int, messages: ChangeMessages
    )] {
        let dry = Schedule(sessions: view.scheduleSessions(from: 0))
        return rain.map { ($0.day, ChangeMessages(old: dry, new: $0.schedule, instance: $0.instance)) }
    }

    /// What a school's letter says for rain: per wet day it comes on, its
    /// classes' changes (or that nothing changes for them).
    static func rainNote(
        _ view: TimetableView, school entity: TimetableView.Entity, rain: [(day: Int, messages: ChangeMessages)]
    ) -> String {
        let days = Set(entity.sessions.map { view.sessions[$0].day })
        let rain = rain.filter { days.contains($0.day) }
        guard entity.dimension == .school, !rain.isEmpty else { return "" }
        var out = "<div class=\"rain\"><h3>If it rains</h3>\n"
        for (d, messages) in rain {
            let mine = messages.schools.first { $0.to == entity.title }?.lines ?? []
            let day = view.problem.calendar.days[d].name ?? view.problem.calendar.days[d].id
            out +=
                "<p><b>If it rains on \(escape(day)):</b> " + (mine.isEmpty ? "no change for your classes." : "")
                + "</p>\n"
            if !mine.isEmpty { out += "<ul>" + mine.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n" }
        }
        return out + "</div>\n"
    }

    /// One page per room and staff member per day they are used.
    static func daySheets(_ view: TimetableView, provenance: Provenance?) -> String {
        var out =
            "<section class=\"view\" id=\"sheets\" data-key=\"day sheets\"><p class=\"kind\">day sheets</p><h2>Day sheets</h2>"
            + "<p class=\"facts\">One page per room and per staff member for each day they are used.</p></section>\n"
        for (dimension, kind) in [(TimetableView.Dimension.room, "room day sheet"), (.staff, "staff day sheet")] {
            for entity in view.entities(dimension) {
                for d in view.problem.calendar.days.indices {
                    guard let table = DaySheets.table(view, entity, day: d) else { continue }
                    var facts: String?
                    if let r = entity.index, dimension == .room {
                        let room = view.problem.rooms[r]
                        facts = (["site \(room.site)"] + (room.capacity.map { ["capacity \($0)"] } ?? [])).joined(
                            separator: " · ")
                    } else if let m = entity.index {
                        facts = "id \(view.problem.staff[m].id)" + (view.problem.staff[m].role.map { " · \($0)" } ?? "")
                    }
                    var page = tablesView(
                        id: "sheet-\(dimension.rawValue)-\(entity.fileStem)-\(d)", kind: kind, title: table.title,
                        facts: facts, tables: [table], classes: "sheet")
                    if let provenance {
                        page = page.replacingOccurrences(
                            of: "</section>\n", with: "<p class=\"made\">\(escape(provenance.text))</p>\n</section>\n")
                    }
                    out += page
                }
            }
        }
        return out
    }

    /// One A5 card per class: its rotation in order.
    static func cards(_ view: TimetableView) -> String {
        var out =
            "<section class=\"view\" id=\"cards\" data-key=\"class cards rotation\"><p class=\"kind\">class cards</p><h2>Class cards</h2>"
            + "<p class=\"facts\">One A5 card per class: where it goes, in order.</p></section>\n"
        for (g, group) in view.problem.groups.enumerated() {
            let order = Rotations.order(of: g, in: view)
            guard !order.isEmpty else { continue }
            let rows = order.enumerated().map { k, i in
                let s = view.sessions[i]
                return [
                    "\(k + 1)",
                    "\(view.problem.calendar.days[s.day].name ?? view.problem.calendar.days[s.day].id) \(view.timeText(s))",
                    view.activityName(s.activity), view.roomName(s.room),
                ]
            }
            let table = ReportTable(
                title: "Rotation", headers: ["#", "when", "activity", "room"], rows: rows, numeric: [0])
            let facts =
                [view.schoolName(g)] + (group.year.map { ["Year \($0)"] } ?? []) + ["\(group.size) pupils"]
                + (group.adults > 0 ? ["\(group.adults) adults"] : [])
            out += tablesView(
                id: "card-\(g)", kind: "class card", title: view.groupName(g), facts: facts.joined(separator: " · "),
                tables: [table], classes: "card")
        }
        return out
    }

    /// The one-page "changes since the printed version" sheet: the messages
    /// to schools, rooms and staff (`ChangeMessages`).
    public static func changesSheet(_ messages: ChangeMessages, title: String, provenance: Provenance?) -> String {
        var body =
            "<section class=\"view changes\" id=\"changes\" data-key=\"changes\">\n<p class=\"kind\">changes since the printed version</p>\n"
        body += "<h2>\(escape(title)): changes since the printed version</h2>\n"
        if messages.isEmpty { body += "<p>Nothing changed: the printed timetables stand.</p>\n" }
        for (heading, list) in [("Schools", messages.schools), ("Rooms", messages.rooms), ("Staff", messages.staff)]
        where !list.isEmpty {
            body += "<div class=\"day\"><h3>\(heading)</h3><table class=\"rt\"><tbody>\n"
            for m in list {
                body +=
                    "<tr><th>\(escape(m.to))</th><td>" + m.lines.map(escape).joined(separator: "<br>") + "</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
        }
        if let provenance { body += "<p class=\"made\">\(escape(provenance.text))</p>\n" }
        return page(title: title + ": changes", body: body + "</section>\n")
    }

    /// A page holding `body` with the report's styles and script.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)\(onTheDayStyle)</style>
        </head>
        <body>
        <header class="toolbar"><h1>\(escape(title))</h1><input id="filter" type="search" placeholder="Filter" aria-label="Filter the views"><span id="count"></span></header>
        <main>
        \(body)</main>
        <script>
        \(script)</script>
        </body>
        </html>

        """
    }

    /// Only the on-the-day pages of `pages`, as a page of their own
    /// (`export --as html --pages cards`).
    public static func renderPages(
        _ view: TimetableView, pages: [Pages], rain: [WetWeatherFile.Day], provenance: Provenance?
    ) -> String {
        page(title: view.problem.name, body: onTheDay(view, pages: pages, rain: rain, provenance: provenance))
    }
}

extension TimetableView {
    /// The sessions of days `d` and after, as schedule sessions.
    func scheduleSessions(from d: Int) -> [ScheduledSession] {
        sessions.filter { $0.day >= d }.map {
            ScheduledSession(
                activity: Int32($0.activity), day: Int32($0.day), start: Int32($0.periods.lowerBound),
                room: Int32($0.room),
                groups: $0.groups.map { Int32($0) }, staff: $0.staff.map { Int32($0) })
        }
    }
}
