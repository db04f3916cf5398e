import CarouselModel

/// Timetables as CSV for spreadsheets: one row per group in a session.
///
/// RFC 4180: records end with CRLF; a field holding a comma, a double quote,
/// CR or LF is quoted, with quotes doubled. Text is UTF-8. Excel reads a CSV
/// file as UTF-8 only when it starts with a byte order mark, so `byteOrderMark`
/// (the CLI's default for files; `--no-bom` turns it off, and standard
/// output gets none unless `--bom` asks) puts U+FEFF first.
///
/// For people (the default), two more things (docs/exports.md):
/// - Formula injection (OWASP): a spreadsheet runs a cell that begins with
///   `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a
///   group named `=HYPERLINK(…)` in a school's sheet would become a live
///   link in every organiser's copy. Such a cell gets a leading `'`, which
///   spreadsheets show as text and hide.
/// - A last row states when and from what the file was made (`Provenance`),
///   in the first column.
/// `raw` (`--raw`, for programs) writes every cell as it is and no last row.
///
/// Columns: `day, date, start, end, activity, room, site, group, school,
/// staff` with names for people (staff names joined with `"; "`), then
/// `day id, activity id, room id, group id, staff ids` for programs.
public enum CSVWriter {
    public static let header = [
        "day", "date", "start", "end", "activity", "room", "site", "group", "school", "staff",
        "day id", "activity id", "room id", "group id", "staff ids",
    ]

    /// The CSV of one entity's rows, or of the whole event when `entity` is
    /// nil. With `provenance`, a last row says where it came from; `raw`
    /// turns formula neutralising off. O(rows · fields).
    public static func render(
        _ view: TimetableView, entity: TimetableView.Entity? = nil, byteOrderMark: Bool = true,
        provenance: Provenance? = nil, raw: Bool = false
    ) -> String {
        let p = view.problem
        var out = byteOrderMark ? "\u{FEFF}" : ""
        func add(_ fields: [String]) { out += record(raw ? fields : fields.map(neutralised)) }
        add(header)
        for row in view.rows(of: entity) {
            let s = view.sessions[row.session]
            let day = p.calendar.days[s.day]
            add([
                day.name ?? day.id, day.date ?? "", s.start.clockText, s.end.clockText,
                view.activityName(s.activity), view.roomName(s.room), p.rooms[s.room].site,
                row.group.map(view.groupName) ?? "", row.group.map(view.schoolName) ?? "",
                s.staff.map(view.staffName).joined(separator: "; "),
                day.id, p.activities[s.activity].id, p.rooms[s.room].id,
                row.group.map { p.groups[$0].id } ?? "", s.staff.map { p.staff[$0].id }.joined(separator: "; "),
            ])
        }
        if let provenance, !raw { add([provenance.text] + Array(repeating: "", count: header.count - 1)) }
        return out
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` with a leading `'` when it would begin a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return text }
        return "'" + text
    }

    /// One record: fields joined by commas, quoted where needed, then CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds `,`, `"`, CR or LF.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
