import CarouselModel
import CarouselSolver

/// The dashboard: headline figures and inline SVG charts.
extension HTMLReport {
    /// One horizontal bar: a label, segments (value and CSS class), a note
    /// after the bar, and a tooltip.
    struct Bar {
        var label: String
        var segments: [(value: Double, style: String)]
        var note: String
        var tooltip: String
    }

    static func summary(_ view: TimetableView, evaluation e: Evaluation) -> String {
        let p = view.problem
        let pupils = p.groups.reduce(0) { $0 + $1.size }
        let figures = [
            ("sessions", view.sessions.count), ("groups", p.groups.count), ("pupils", pupils), ("rooms", p.rooms.count),
            ("staff", p.staff.count), ("days", p.calendar.days.count),
        ]
        var out = """
            <section class="view" id="summary" data-key="summary dashboard score">
            <p class="kind">\(escape(p.name)) · summary</p>
            <h2>Summary</h2>
            \(p.description.map { "<p class=\"facts\">\(escape($0))</p>\n" } ?? "")<div class="cards">
            """
        out += figures.map { "<div><b>\($0.1)</b> \($0.0)</div>" }.joined()
        out +=
            "<div class=\"\(e.isFeasible ? "ok" : "bad")\"><b>\(e.hard)</b> hard · <b>\(ScheduleSummary.number(e.soft))</b> soft</div></div>\n"
        out += "<div class=\"charts\">\n"
        out += "<figure><figcaption>Soft score by term (weight × cost)</figcaption>\n" + softTerms(e) + "</figure>\n"
        out += "<figure><figcaption>Wishes granted (<code>prefer</code>)</figcaption>\n" + wishes(view) + "</figure>\n"
        out +=
            "<figure class=\"wide\"><figcaption>Room utilisation: share of open periods in use</figcaption>\n"
            + heatMap(view) + "</figure>\n"
        out +=
            "<figure class=\"wide\"><figcaption>Staff load: sessions per day</figcaption>\n" + staffLoad(view)
            + "</figure>\n"
        return out + "</div>\n</section>\n"
    }

    static func softTerms(_ e: Evaluation) -> String {
        let terms = Weights.Term.allCases.filter { e.weighted($0) != 0 }.sorted { e.weighted($0) > e.weighted($1) }
        guard !terms.isEmpty else { return "<p>Every soft term is 0.</p>\n" }
        return bars(
            terms.map { t in
                let note =
                    "\(ScheduleSummary.number(e.weighted(t))) (\(ScheduleSummary.number(e.cost(t))) × \(ScheduleSummary.number(e.weights[t])))"
                return Bar(
                    label: t.rawValue, segments: [(e.weighted(t), "t")], note: note, tooltip: "\(t.rawValue): \(note)")
            })
    }

    static func wishes(_ view: TimetableView) -> String {
        let list = view.wishes()
        guard !list.isEmpty else { return "<p>No group states preferences.</p>\n" }
        let granted = list.reduce(0) { $0 + $1.granted }, possible = list.reduce(0) { $0 + $1.possible }
        let worst = list.map { $0.possible - $0.granted }.max() ?? 0
        let rows = (0...worst).map { missed in
            let groups = list.filter { $0.possible - $0.granted == missed }
            let label = missed == 0 ? "all granted" : "\(missed) missed"
            let names =
                groups.prefix(12).map { view.groupName($0.group) }.joined(separator: ", ")
                + (groups.count > 12 ? ", …" : "")
            return Bar(
                label: label, segments: [(Double(groups.count), missed == 0 ? "w0" : "w1")],
                note: "\(groups.count) group\(groups.count == 1 ? "" : "s")", tooltip: "\(label): \(names)")
        }
        let share = possible > 0 ? " (\(granted * 100 / possible)%)" : ""
        return "<p>\(granted) of \(possible) wishes granted\(share) for \(list.count) groups.</p>\n" + bars(rows)
    }

    /// Rooms × days, each cell shaded by the share of the room's open
    /// periods that hold a session.
    static func heatMap(_ view: TimetableView) -> String {
        let p = view.problem
        let use = view.roomUtilisation()
        let labelWidth = labelWidth(p.rooms.indices.map(view.roomName))
        let cell = 64, rowHeight = 22, top = 20
        let width = labelWidth + cell * p.calendar.days.count, height = top + rowHeight * p.rooms.count
        var out =
            "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"Room utilisation\">\n"
        for d in p.calendar.days.indices {
            out +=
                "<text x=\"\(labelWidth + cell * d + cell / 2)\" y=\"14\" text-anchor=\"middle\">\(escape(p.calendar.days[d].id))</text>"
        }
        for r in p.rooms.indices {
            let y = top + rowHeight * r
            out +=
                "\n<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(clip(view.roomName(r))))</text>"
            for d in p.calendar.days.indices {
                let u = use[r][d]
                let x = labelWidth + cell * d
                let tip = "\(view.roomName(r)), \(view.dayTitle(d)): \(u.used) of \(u.open) open periods in use"
                guard let f = u.fraction else {
                    out +=
                        "<rect class=\"closed\" x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(rowHeight - 2)\"><title>\(escape(tip))</title></rect>"
                    continue
                }
                let lightness = Int((96 - 56 * f).rounded())
                out +=
                    "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(rowHeight - 2)\" fill=\"hsl(210 65% \(lightness)%)\"><title>\(escape(tip))</title></rect>"
                out +=
                    "<text x=\"\(x + cell / 2)\" y=\"\(y + 15)\" text-anchor=\"middle\"\(f > 0.55 ? " class=\"light\"" : "")>\(Int((f * 100).rounded()))%</text>"
            }
        }
        return out + "\n</svg>\n"
    }

    /// Sessions per staff member, busiest first, stacked by day.
    static func staffLoad(_ view: TimetableView) -> String {
        let p = view.problem
        guard !p.staff.isEmpty else { return "<p>No staff.</p>\n" }
        let load = view.staffLoad()
        let order = p.staff.indices.sorted { (-load[$0].reduce(0, +), $0) < (-load[$1].reduce(0, +), $1) }
        let legend = p.calendar.days.indices.map {
            "<span><i class=\"sw d\($0 % 8)\"></i>\(escape(p.calendar.days[$0].id))</span>"
        }
        return "<p class=\"legend\">\(legend.joined(separator: " "))</p>\n"
            + bars(
                order.map { m in
                    let total = load[m].reduce(0, +)
                    let perDay = p.calendar.days.indices.map { "\(p.calendar.days[$0].id) \(load[m][$0])" }.joined(
                        separator: ", ")
                    let limit = p.staff[m].max.map { " of max \($0)" } ?? ""
                    return Bar(
                        label: view.staffName(m),
                        segments: p.calendar.days.indices.map { (Double(load[m][$0]), "d\($0 % 8)") },
                        note: "\(total)\(limit)", tooltip: "\(view.staffName(m)): \(total) sessions\(limit) (\(perDay))"
                    )
                })
    }

    /// Horizontal bars scaled to the largest total.
    static func bars(_ rows: [Bar]) -> String {
        let labelWidth = labelWidth(rows.map(\.label))
        let barWidth = 360, rowHeight = 18, noteWidth = 120
        let width = labelWidth + barWidth + noteWidth, height = rowHeight * rows.count + 4
        let most = max(1, rows.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        var out =
            "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n"
        for (i, row) in rows.enumerated() {
            let y = 2 + rowHeight * i
            out +=
                "<g><title>\(escape(row.tooltip))</title><text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(escape(clip(row.label)))</text>"
            var x = Double(labelWidth)
            for segment in row.segments where segment.value > 0 {
                let w = segment.value / most * Double(barWidth)
                out +=
                    "<rect class=\"\(segment.style)\" x=\"\(format(x))\" y=\"\(y + 2)\" width=\"\(format(w))\" height=\"\(rowHeight - 4)\"/>"
                x += w
            }
            out += "<text x=\"\(format(x + 6))\" y=\"\(y + 13)\">\(escape(row.note))</text></g>\n"
        }
        return out + "</svg>\n"
    }

    /// Room for labels of up to 32 characters at about 7 px each.
    static func labelWidth(_ labels: [String]) -> Int {
        min(32, labels.map(\.count).max() ?? 0) * 7 + 12
    }

    /// A label cut to 32 characters.
    static func clip(_ label: String) -> String { label.count <= 32 ? label : label.prefix(31) + "…" }

    /// One decimal, for SVG coordinates.
    static func format(_ x: Double) -> String { ScheduleSummary.number((x * 10).rounded() / 10) }
}
