import CarouselModel
import Foundation

/// One CSV sheet read against its `SheetKind`: the header row matched to the
/// kind's columns, and the data rows.
///
/// Header matching ignores case, spaces, `_` and `-`. A header Carousel does
/// not know is an error with a "did you mean", unless it starts with `#`,
/// which marks a column of the organiser's own that the import skips on
/// purpose. A column without a header must be empty. Rows whose cells are
/// all blank are skipped; a row with more cells than the header is an error.
struct Sheet {
    let file: String
    let kind: SheetKind
    /// Column key (`maxperday`, or `choices2` for a numbered repeat) → the
    /// field index and the header as written.
    let columns: [String: (index: Int, header: String)]
    let rows: [Row]
    /// Cells that a spreadsheet would run as formulas (they begin with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return, and are not plain
    /// numbers): a formula-injection attempt, or a formula pasted as text.
    /// Carousel reads them as text; the import warns about each.
    let formulaCells: [InputError]

    /// Reads the sheet at `path`.
    init(path: String, kind: SheetKind) throws(InputError) {
        try self.init(bytes: try ProblemDecoder.readFile(path), file: StandardInput.name(of: path), kind: kind)
    }

    init(bytes: [UInt8], file: String, kind: SheetKind) throws(InputError) {
        self.file = file
        self.kind = kind
        let records: [CSV.Record]
        do {
            records = try CSV.parse(bytes)
        } catch {
            throw InputError(
                file: file, location: SourcePosition(line: error.line, column: 0), path: "", message: error.message)
        }
        let names = kind.columns.map(\.name)
        guard let header = records.first else {
            throw InputError(
                file: file, location: nil, path: "",
                message: "the sheet is empty; expected a header row with the columns \(names.joined(separator: ", "))")
        }
        func headerError(_ message: String, _ column: String? = nil, hint: String? = nil) -> InputError {
            InputError(
                file: file, location: SourcePosition(line: header.line, column: 0),
                path: column.map { "column \"\($0)\"" } ?? "", message: message, hint: hint)
        }
        var columns: [String: (index: Int, header: String)] = [:]
        var unnamed: [Int] = []
        for (index, raw) in header.fields.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                unnamed.append(index)
                continue
            }
            if text.hasPrefix("#") { continue }
            guard let key = Self.columnKey(text, kind: kind) else {
                throw headerError(
                    "unknown column for a \(kind.fileName) sheet; expected one of \(names.joined(separator: ", ")) (or start the header with \"#\" to keep a column of your own that the import skips)",
                    text, hint: Suggestion.hint(for: text, among: names))
            }
            if let other = columns[key] {
                throw headerError("the column appears twice (as \"\(other.header)\" and \"\(text)\")", text)
            }
            columns[key] = (index, text)
        }
        for column in kind.columns where column.required && columns[column.key] == nil {
            throw headerError(
                "missing column \"\(column.name)\" (\(column.expected)); the header has \(ListText.joined(header.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }, limit: 20))"
            )
        }
        var rows: [Row] = []
        var formulaCells: [InputError] = []
        for record in records.dropFirst() {
            for (index, raw) in record.fields.enumerated() where Self.looksLikeFormula(raw) {
                let header =
                    index < header.fields.count
                    ? header.fields[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                let shown = raw.prefix(40).unicodeScalars.map { $0 == "\t" ? "\\t" : $0 == "\r" ? "\\r" : String($0) }
                    .joined()
                formulaCells.append(
                    InputError(
                        file: file, location: SourcePosition(line: record.line, column: index + 1),
                        path: header.isEmpty ? "column \(index + 1)" : "column \"\(header)\"",
                        message:
                            "cell \"\(shown)\(raw.count > 40 ? "…" : "")\" begins with \"\(shown.prefix(raw.first == "\t" || raw.first == "\r" ? 2 : 1))\", which a spreadsheet runs as a formula; Carousel reads it as text, but check who wrote it"
                    ))
            }
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if fields.allSatisfy(\.isEmpty) { continue }
            if fields.count > header.fields.count,
                let extra = fields[header.fields.count...].firstIndex(where: { !$0.isEmpty })
            {
                throw InputError(
                    file: file, location: SourcePosition(line: record.line, column: 0), path: "",
                    message:
                        "the row has a cell in column \(extra + 1), but the header names only \(header.fields.count) columns (a cell with a comma needs quotes)"
                )
            }
            if let k = unnamed.first(where: { $0 < fields.count && !fields[$0].isEmpty }) {
                throw InputError(
                    file: file, location: SourcePosition(line: record.line, column: 0), path: "",
                    message:
                        "cell \"\(fields[k])\" is in column \(k + 1), which has no header; name the column or clear it")
            }
            rows.append(Row(line: record.line, fields: fields))
        }
        self.columns = columns
        self.rows = rows
        self.formulaCells = formulaCells
    }

    /// Whether a spreadsheet would read `raw` as a formula: it begins with
    /// one of `CSVWriter.formulaStarts` and is not a number (`-3`, `+1.5`).
    static func looksLikeFormula(_ raw: String) -> Bool {
        guard let first = raw.first, CSVWriter.formulaStarts.contains(first) else { return false }
        return Double(raw.trimmingCharacters(in: .whitespaces)) == nil
    }

    /// The key of a header: a column of `kind`, or a numbered repeat
    /// (`choices 2` → `choices2`) of a repeatable one; nil when unknown.
    static func columnKey(_ header: String, kind: SheetKind) -> String? {
        let key = SheetKind.key(header)
        if kind.columns.contains(where: { $0.key == key }) { return key }
        let base = String(key.reversed().drop(while: \.isNumber).reversed())
        guard let number = Int(key.dropFirst(base.count)), (2...9).contains(number),
            kind.columns.contains(where: { $0.repeatable && $0.key == base })
        else { return nil }
        return key
    }

    /// The numbers of the sets of repeatable columns present (1 for the
    /// unnumbered ones), ascending.
    var sets: [Int] {
        let repeatable = kind.columns.filter(\.repeatable).map(\.key)
        var found: Set<Int> = []
        for key in columns.keys {
            for base in repeatable where key.hasPrefix(base) {
                if let n = key == base ? 1 : Int(key.dropFirst(base.count)) { found.insert(n) }
            }
        }
        return found.sorted()
    }

    /// The cell of `row` under `column` (set `set` of a repeatable one), or
    /// nil when the column is absent or the cell blank.
    func cell(_ row: Row, _ column: String, set: Int = 1) -> Cell? {
        guard let spec = kind.columns.first(where: { $0.name == column }) else {
            preconditionFailure("\(column) is not a column of \(kind)")
        }
        guard let (index, header) = columns[spec.key + (set > 1 ? String(set) : "")],
            index < row.fields.count, !row.fields[index].isEmpty
        else { return nil }
        return Cell(file: file, line: row.line, header: header, expected: spec.expected, text: row.fields[index])
    }

    /// The cell of a required column; a blank one is an error.
    func required(_ row: Row, _ column: String) throws(InputError) -> Cell {
        if let cell = cell(row, column) { return cell }
        let spec = kind.columns.first { $0.name == column }!
        let header = columns[spec.key]?.header ?? column
        throw InputError(
            file: file, location: SourcePosition(line: row.line, column: 0), path: "column \"\(header)\"",
            message: "expected \(spec.expected), found an empty cell")
    }

    /// One data row.
    struct Row {
        let line: Int
        let fields: [String]
    }
}

/// One non-blank cell, with what it should hold; its readers throw one-line
/// errors `file:line: column "header": expected …, found "…"`.
struct Cell {
    let file: String
    let line: Int
    let header: String
    let expected: String
    let text: String

    func error(_ message: String, hint: String? = nil) -> InputError {
        InputError(
            file: file, location: SourcePosition(line: line, column: 0), path: "column \"\(header)\"",
            message: message, hint: hint)
    }

    /// `expected <what the column holds>, found "<text>"`.
    func unexpected(_ expected: String? = nil, hint: String? = nil) -> InputError {
        error("expected \(expected ?? self.expected), found \"\(text)\"", hint: hint)
    }

    /// A whole number in `range`.
    func int(_ range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let n = Int(text) else { throw unexpected() }
        guard range.contains(n) else {
            let limits =
                range.upperBound >= 1_000_000_000
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw unexpected("\(expected) \(limits)")
        }
        return n
    }

    /// A number ≥ 0 (decimals allowed), at most 10⁹.
    func weight() throws(InputError) -> Double {
        guard let x = Double(text), x.isFinite, !text.contains(where: \.isLetter) else { throw unexpected() }
        guard x >= 0, x <= 1e9 else { throw unexpected("\(expected) from 0 to 1000000000") }
        return x
    }

    /// yes/no, y/n, true/false or 1/0, in any case.
    func yesNo() throws(InputError) -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw unexpected()
        }
    }

    /// The items of a list cell: split at `;` (or `,`), trimmed, blanks dropped.
    var list: [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," }).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    /// An id: no spaces, commas or semicolons, so lists of ids stay readable.
    func id() throws(InputError) -> String {
        guard !text.contains(where: { $0.isWhitespace || $0 == ";" || $0 == "," }) else { throw unexpected() }
        return text
    }
}
