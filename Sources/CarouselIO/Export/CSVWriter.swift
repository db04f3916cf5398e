import CarouselModel

/// Timetables as CSV for spreadsheets: one row per group in a session.
///
/// RFC 4180: records end with CRLF; a field holding a comma, a double quote,
/// CR or LF is quoted, with quotes doubled. Text is UTF-8. Excel reads a CSV
/// file as UTF-8 only when it starts with a byte order mark, so `byteOrderMark`
/// (the CLI's default; `--no-bom` turns it off) puts U+FEFF first; programs
/// that do not expect one can strip it or ask for none.
///
/// Columns: `day, date, start, end, activity, room, site, group, school,
/// staff` with names for people (staff names joined with `"; "`), then
/// `day id, activity id, room id, group id, staff ids` for programs.
public enum CSVWriter {
    public static let header = [
        "day", "date", "start", "end", "activity", "room", "site", "group", "school", "staff",
        "day id", "activity id", "room id", "group id", "staff ids",
    ]

    /// The CSV of one entity's rows, or of the whole event when `entity` is nil.
    /// O(rows · fields).
    public static func render(_ view: TimetableView, entity: TimetableView.Entity? = nil, byteOrderMark: Bool = true) -> String {
        let p = view.problem
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += record(header)
        for row in view.rows(of: entity) {
            let s = view.sessions[row.session]
            let day = p.calendar.days[s.day]
            out += record([
                day.name ?? day.id, day.date ?? "", s.start.clockText, s.end.clockText,
                view.activityName(s.activity), view.roomName(s.room), p.rooms[s.room].site,
                row.group.map(view.groupName) ?? "", row.group.map(view.schoolName) ?? "",
                s.staff.map(view.staffName).joined(separator: "; "),
                day.id, p.activities[s.activity].id, p.rooms[s.room].id,
                row.group.map { p.groups[$0].id } ?? "", s.staff.map { p.staff[$0].id }.joined(separator: "; "),
            ])
        }
        return out
    }

    /// One record: fields joined by commas, quoted where needed, then CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds `,`, `"`, CR or LF.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
