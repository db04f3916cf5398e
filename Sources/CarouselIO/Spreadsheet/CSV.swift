/// Comma-separated values as RFC 4180 defines them, read the way
/// spreadsheet programs write them.
///
/// Reading accepts: fields in double quotes holding commas, doubled quotes
/// (`""`) and line breaks; CRLF, LF or lone CR line ends (a line break
/// inside a quoted field becomes `\n`); a UTF-8 byte order mark; a last line
/// without a line end. Empty lines are skipped. A quote inside an unquoted
/// field is kept as it is (`5" ruler`), as most readers do. Beyond RFC 4180,
/// the delimiter may be a semicolon or a tab (as spreadsheets in many locales
/// save "CSV"): `delimiter(of:)` picks it from the header line.
///
/// Reading never traps; anything it cannot read is a `SyntaxError` with the
/// line number. Complexity: O(n) in the input size, and at most `maxFields`
/// fields, so that memory stays bounded however the bytes are spent (a file
/// of commas would otherwise hold a field, some 40 bytes, per byte).
public enum CSV {
    /// Most fields read; the 100,000-visitor week's classes sheet has about
    /// 41,000.
    public static let maxFields = 1_000_000

    /// One record: its fields, and the line it starts on (1-based; a record
    /// with a quoted line break spans several lines).
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Text that is not CSV: an unclosed quote, text after a closing quote,
    /// or bytes that are not UTF-8.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Parses `bytes` (UTF-8) into records, with fields split at `delimiter`
    /// (by default the one `delimiter(of:)` finds).
    public static func parse(_ bytes: [UInt8], delimiter: UInt8? = nil) throws(SyntaxError) -> [Record] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try requireUTF8(bytes, from: start)
        let delimiter = delimiter ?? Self.delimiter(of: bytes)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        // Whether the record has begun (a field ended or a byte was read),
        // and whether the next byte is the first of a field.
        var recordStarted = false
        var fieldStart = true
        var i = start
        var count = 0
        func endField() throws(SyntaxError) {
            count += 1
            guard count <= maxFields else {
                throw SyntaxError(
                    line: line,
                    message: "more than \(maxFields) cells; Carousel's sheets hold far fewer (is this the right file?)")
            }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == quote && fieldStart {
                let opened = line
                i += 1
                var closed = false
                while i < bytes.count {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if c == cr || c == lf {
                        line += 1
                        field.append(lf)
                        i += (c == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                        continue
                    }
                    field.append(c)
                    i += 1
                }
                guard closed else {
                    throw SyntaxError(
                        line: opened,
                        message:
                            "the quoted field that starts on line \(opened) is never closed; a closing \" is missing")
                }
                if i < bytes.count, bytes[i] != delimiter, bytes[i] != cr, bytes[i] != lf {
                    throw SyntaxError(
                        line: line,
                        message:
                            "text after the closing quote of a field; write a quote inside a quoted field as two quotes (\"\")"
                    )
                }
                recordStarted = true
                fieldStart = false
                continue
            }
            if b == delimiter {
                try endField()
                recordStarted = true
                fieldStart = true
                i += 1
                continue
            }
            if b == cr || b == lf {
                if recordStarted {
                    try endField()
                    records.append(Record(line: recordLine, fields: fields))
                }
                fields.removeAll()
                recordStarted = false
                fieldStart = true
                i += (b == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                line += 1
                recordLine = line
                continue
            }
            field.append(b)
            recordStarted = true
            fieldStart = false
            i += 1
        }
        if recordStarted {
            try endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    /// The delimiter of a sheet: whichever of comma, semicolon and tab occurs
    /// most often outside quotes on the first line (comma on a tie).
    public static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes {
            if b == quote {
                quoted.toggle()
                continue
            }
            if !quoted && (b == lf || b == cr) { break }
            if !quoted, let n = counts[b] { counts[b] = n + 1 }
        }
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
        let best = max(counts[comma]!, counts[semicolon]!, counts[tab]!)
        if best == 0 || counts[comma]! == best { return comma }
        return counts[semicolon]! == best ? semicolon : tab
    }

    /// Throws with the line of the first byte that is not UTF-8.
    private static func requireUTF8(_ bytes: [UInt8], from start: Int) throws(SyntaxError) {
        guard String(validating: bytes[start...], as: UTF8.self) == nil else { return }
        var line = 1
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let s) = decoder.decode(&iterator) {
            if s == "\n" { line += 1 }
        }
        throw SyntaxError(
            line: line,
            message:
                "not UTF-8 text; save the sheet as \"CSV UTF-8\" (Excel) or with character set UTF-8 (LibreOffice, Numbers)"
        )
    }

    /// CSV text for `rows` (comma-separated, LF line ends); a field is quoted
    /// when it holds a comma, a quote, a line break or edge spaces.
    public static func render(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            for (k, field) in row.enumerated() {
                if k > 0 { out += "," }
                let needsQuotes =
                    field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    || field.first == " " || field.last == " "
                out +=
                    needsQuotes
                    ? "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
                        + "\"" : field
            }
            out += "\n"
        }
        return out
    }
}
