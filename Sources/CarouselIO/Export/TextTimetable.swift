import CarouselModel

/// Timetables for a terminal: a title, then per day a heading and an aligned
/// table (time, activity, room, groups, staff) that fits `width` columns,
/// long cells wrapping onto continuation lines. Names are shown with
/// control characters replaced (`TerminalText.sanitized`), so a name from a
/// file can never drive the terminal it is printed on.
public enum TextTimetable {
    /// The timetable of one entity, or of the whole event when nil; with
    /// `provenance`, a line under the title says when and from what it was
    /// made. O(cells · cell length).
    public static func render(
        _ view: TimetableView, entity: TimetableView.Entity? = nil, width: Int = 80,
        provenance: Provenance? = nil
    ) -> String {
        let title =
            entity.map { "\(view.problem.name): \($0.title) (\($0.dimension.rawValue))" }
            ?? "\(view.problem.name): all sessions"
        var lines = TerminalText.wrap(TerminalText.sanitized(title), width: width)
        if let provenance { lines += TerminalText.wrap(provenance.text, width: width) }
        let columns = view.columns(for: entity)
        let days = view.sessionsByDay(of: entity)
        if days.isEmpty { lines += ["", "  no sessions"] }
        for (day, list) in days {
            let table = TextTable(
                headers: columns.map(\.title),
                rows: list.map { i in columns.map { view.cell($0, of: view.sessions[i], in: entity) } })
            lines +=
                [""] + TerminalText.wrap(TerminalText.sanitized(view.dayTitle(day)), width: width)
                + table.lines(width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
