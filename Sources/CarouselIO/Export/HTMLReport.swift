import CarouselModel
import CarouselSolver

/// The whole schedule as one self-contained HTML page: a summary dashboard
/// (score, wishes granted, room use, staff load, drawn as inline SVG), a
/// master grid per day (rooms × periods, cells coloured by activity), and a
/// timetable per school, group, room and staff member.
///
/// The page needs nothing from the network: styles, script and charts are
/// inline. A filter box hides the views and rows that do not contain the
/// typed text; printing puts each view on its own page (a school's letter, a
/// room's door sheet, a mentor's rota) without the toolbar. All text from the
/// problem is escaped. When the script has run without error it appends an
/// element with id `script-ok` (tests look for it).
///
/// Size is linear in sessions × (groups + staff + 2): about 0.5 MB for STEM
/// Week (267 sessions, 164 views).
public enum HTMLReport {
    /// The page. O(S · k + R · D · P) for S sessions of k groups and staff,
    /// R rooms, D days and P periods. With `provenance`, the footer and every
    /// timetable (each printed page) say when and from what it was made.
    /// `pages` adds the on-the-day pages (`HTMLReport+OnTheDay`), and `rain`
    /// the wet-weather plans, each school's letter saying what changes.
    public static func render(
        _ view: TimetableView, evaluation: Evaluation, provenance: Provenance? = nil,
        pages: [Pages] = [], rain: [WetWeatherFile.Day] = []
    ) -> String {
        let p = view.problem
        let dayStems = TimetableView.fileStems(p.calendar.days.map(\.id), fallback: "day")
        let kinds: [(TimetableView.Dimension, String, [TimetableView.Entity])] =
            [
                (.school, "Schools", view.entities(.school)), (.group, "Groups", view.entities(.group)),
                (.room, "Rooms", view.entities(.room)), (.staff, "Staff", view.entities(.staff)),
            ] + (p.sites == nil ? [] : [(.site, "Sites", view.entities(.site).filter { !$0.sessions.isEmpty })])
        let lists = listingViews(view, provenance: provenance)
        // A day without sessions gets no grid (a year's calendar has hundreds).
        let gridDays = p.calendar.days.indices.filter { d in view.sessions.contains { $0.day == d } }
        var nav = [link("summary", "Summary")]
        if let first = gridDays.first { nav.append(link("grid-" + dayStems[first], "Grid")) }
        for (dimension, title, list) in kinds where !list.isEmpty {
            nav.append(link("\(dimension.rawValue)-\(list[0].fileStem)", title))
        }
        nav += lists.links
        nav += onTheDayLinks(view, pages: pages, rain: rain)
        let rainMessages = rainMessages(view, rain: rain)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(p.name)): timetables</title>
            <style>
            \(style)\(onTheDayStyle)\(activityStyles(count: p.activities.count))</style>
            </head>
            <body>
            <header class="toolbar">
            <h1>\(escape(p.name))</h1>
            <input id="filter" type="search" placeholder="Filter: school, group, room, staff or activity" aria-label="Filter the views">
            <span id="count"></span>
            <nav>\(nav.joined(separator: " "))</nav>
            </header>
            <main>

            """
        out += summary(view, evaluation: evaluation)
        for d in gridDays { out += grid(view, day: d, id: "grid-" + dayStems[d]) }
        for (_, _, list) in kinds {
            for entity in list {
                out += timetable(
                    view, entity, provenance: provenance, note: rainNote(view, school: entity, rain: rainMessages))
            }
        }
        out += lists.html
        out += onTheDay(view, pages: pages, rain: rain, provenance: provenance)
        out += """
            </main>
            <footer>\(escape(provenance.map { $0.text + "." } ?? "Made by Carousel from the schedule of \(p.name)."))</footer>
            <script>
            \(script)</script>
            </body>
            </html>

            """
        return out
    }

    // MARK: Views

    /// One entity's timetable: a heading, facts, and a table per day.
    static func timetable(
        _ view: TimetableView, _ entity: TimetableView.Entity, provenance: Provenance?, note: String = ""
    ) -> String {
        let p = view.problem
        var facts: [String]
        var keyWords = [entity.dimension.rawValue, entity.title, entity.key]
        switch (entity.dimension, entity.index) {
        case (.group, let g?) where p.groups[g].team != nil:
            facts = ["team of \(p.groups[g].size): \(view.makeUp(ofTeam: g))"]
            keyWords.append(view.makeUp(ofTeam: g))
        case (.group, let g?):
            let group = p.groups[g]
            facts = [view.schoolName(g)] + (group.year.map { ["Year \($0)"] } ?? []) + ["\(group.size) pupils"]
            keyWords.append(view.schoolName(g))
        case (.room, let r?):
            let room = p.rooms[r]
            facts =
                ["site \(room.site)"] + (room.capacity.map { ["capacity \($0)"] } ?? [])
                + (room.features.isEmpty ? [] : [room.features.sorted().joined(separator: ", ")])
            keyWords.append(room.site)
        case (.staff, let m?):
            let member = p.staff[m]
            facts =
                (member.role.map { [$0] } ?? [])
                + (member.skills.isEmpty ? [] : [member.skills.sorted().joined(separator: ", ")])
            keyWords += member.role.map { [$0] } ?? []
        case (.site, _):
            facts = [entity.key] + (p.sites?.first { $0.id == entity.key }.map { $0.host ? ["host"] : [] } ?? [])
        default:
            // A school's teams are listed, but its pupils counted in its own groups.
            let groups = entity.groups.map { $0.sorted() } ?? []
            let pupils = groups.filter { p.groups[$0].team == nil }.reduce(0) { $0 + p.groups[$1].size }
            facts = [
                "\(groups.count) group\(groups.count == 1 ? "" : "s"), \(pupils) pupils: "
                    + groups.map(view.groupName).joined(separator: ", ")
            ]
        }
        facts.append("\(entity.sessions.count) session\(entity.sessions.count == 1 ? "" : "s")")
        var out = """
            <section class="view" id="\(entity.dimension.rawValue)-\(entity.fileStem)" data-key="\(escape(TimetableView.folded(keyWords.joined(separator: " "))))">
            <p class="kind">\(escape(p.name)) · \(entity.dimension.rawValue)</p>
            <h2>\(escape(entity.title))</h2>
            <p class="facts">\(escape(facts.joined(separator: " · ")))</p>

            """
        let columns = view.columns(for: entity)
        let days = view.sessionsByDay(of: entity)
        if days.isEmpty { out += "<p class=\"none\">No sessions.</p>\n" }
        for (day, list) in days {
            out += "<div class=\"day\"><h3>\(escape(view.dayTitle(day)))</h3>\n<table class=\"tt\"><thead><tr>"
            out += columns.map { "<th>\($0.title)</th>" }.joined() + "</tr></thead><tbody>\n"
            for i in list {
                let s = view.sessions[i]
                out +=
                    "<tr>"
                    + columns.map { c in
                        let text = escape(view.cell(c, of: s, in: entity))
                        return c == .activity
                            ? "<td><i class=\"sw a\(s.activity)\"></i>\(text)</td>" : "<td>\(text)</td>"
                    }.joined() + "</tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        out += note
        if let provenance { out += "<p class=\"made\">\(escape(provenance.text))</p>\n" }
        return out + "</section>\n"
    }

    /// Rooms × the day's periods; a session spans its periods and is
    /// coloured by activity; sessions that share a room and period are
    /// marked as a clash.
    static func grid(_ view: TimetableView, day d: Int, id: String) -> String {
        let p = view.problem, I = view.instance
        let periods = p.calendar.days[d].periods
        var byRoom = Array(repeating: [TimetableView.Session](), count: p.rooms.count)
        for s in view.sessions where s.day == d { byRoom[s.room].append(s) }
        let title = view.dayTitle(d)
        var out = """
            <section class="view grid" id="\(id)" data-key="\(escape(TimetableView.folded("grid \(title) \(p.calendar.days[d].id)")))">
            <p class="kind">\(escape(p.name)) · master grid</p>
            <h2>\(escape(title))</h2>
            <div class="day"><table class="mg"><thead><tr><th>Room</th>
            """
        for q in periods {
            let period = p.calendar.periods[q]
            out +=
                "<th\(period.isBreak ? " class=\"brk\"" : "")>\(escape(period.name ?? period.id))<br><small>\(period.start.clockText)</small></th>"
        }
        out += "</tr></thead><tbody>\n"
        for r in p.rooms.indices {
            out += "<tr><th>\(escape(view.roomName(r)))</th>"
            var k = 0
            while k < periods.count {
                let q = periods[k]
                let covering = byRoom[r].filter { $0.periods.contains(q) }
                guard let s = covering.first else {
                    let closed =
                        I.isBreak[q] ? "brk" : I.roomUnavailable.contains(r, I.slot(day: d, period: q)) ? "na" : ""
                    out += closed.isEmpty ? "<td></td>" : "<td class=\"\(closed)\"></td>"
                    k += 1
                    continue
                }
                var span = 1
                while k + span < periods.count && s.periods.contains(periods[k + span]) { span += 1 }
                let groups = s.groups.map(view.groupName)
                let shown = groups.count <= 4 ? groups.joined(separator: ", ") : "\(groups.count) groups"
                let detail =
                    "\(view.timeText(s)) \(view.activityName(s.activity)): \(groups.joined(separator: ", "))"
                    + (s.staff.isEmpty ? "" : "; staff: " + s.staff.map(view.staffName).joined(separator: ", "))
                    + (covering.count > 1
                        ? "; clashes with "
                            + covering.dropFirst().map { view.activityName($0.activity) }.joined(separator: ", ") : "")
                out +=
                    "<td class=\"a\(s.activity)\(covering.count > 1 ? " clash" : "")\"\(span > 1 ? " colspan=\"\(span)\"" : "") title=\"\(escape(detail))\">"
                out += "\(escape(view.activityName(s.activity)))<br><small>\(escape(shown))</small></td>"
                k += span
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n<p class=\"legend\">"
        let used = Set(view.sessions.filter { $0.day == d }.map(\.activity)).sorted()
        out += used.map { "<span><i class=\"sw a\($0)\"></i>\(escape(view.activityName($0)))</span>" }.joined(
            separator: " ")
        return out + "</p>\n</section>\n"
    }

    // MARK: Text

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func link(_ id: String, _ text: String) -> String { "<a href=\"#\(id)\">\(escape(text))</a>" }
}
