/// One table of an on-the-day report (catering, fire register, arrivals,
/// rotations), kept as text cells so that the terminal (`carousel show`),
/// CSV (`export --as csv --table`) and the HTML report lay out the same
/// rows.
public struct ReportTable: Sendable, Equatable {
    /// What the table is: `Monday: lunch 12:30-13:15`.
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    /// Columns that hold numbers (right-aligned).
    public var numeric: Set<Int>

    public init(title: String, headers: [String], rows: [[String]] = [], numeric: Set<Int> = []) {
        self.title = title
        self.headers = headers
        self.rows = rows
        self.numeric = numeric
    }

    /// The tables as text that fits `width` columns: each title, then its table.
    public static func text(_ tables: [ReportTable], width: Int = 80) -> String {
        var out: [String] = []
        for table in tables {
            if !out.isEmpty { out.append("") }
            out.append(table.title)
            out += TextTable(headers: table.headers, rows: table.rows, rightAligned: table.numeric, keptWhole: [0])
                .lines(width: width)
        }
        return out.map { $0 + "\n" }.joined()
    }

    /// The tables as one CSV (RFC 4180, `CSVWriter`): a first column with
    /// each row's table title, then the table's columns; tables with other
    /// headers repeat the header row. Cells that would start a formula are
    /// neutralised unless `raw`.
    public static func csv(_ tables: [ReportTable], byteOrderMark: Bool, provenance: Provenance?, raw: Bool) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        func add(_ fields: [String]) { out += CSVWriter.record(raw ? fields : fields.map(CSVWriter.neutralised)) }
        var header: [String]?
        for table in tables {
            if header != table.headers {
                add(["table"] + table.headers)
                header = table.headers
            }
            for row in table.rows { add([table.title] + row) }
        }
        if let provenance, !raw { add([provenance.text]) }
        return out
    }

    /// The table as HTML (`HTMLReport.escape`d): a caption, then the rows.
    public var html: String {
        var out = "<table class=\"rt\"><caption>\(HTMLReport.escape(title))</caption><thead><tr>"
        out += headers.enumerated().map {
            "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(HTMLReport.escape($0.element))</th>"
        }.joined()
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map {
                    "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(HTMLReport.escape($0.element))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
