/// A syntax error in a JSON file, with where it happened.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var location: SourcePosition
    public var message: String
}

/// A strict JSON parser with the two relaxations problem files allow:
/// comments (`//` to end of line and `/* */`) and trailing commas.
///
/// It never traps: malformed, truncated or binary input, numbers of any size
/// and nesting of any depth produce a `JSONSyntaxError`. Duplicate keys in an
/// object are an error too, since a second value silently replacing the first
/// is exactly the kind of typo organisers make.
///
/// Complexity: O(n) in the input size; recursion depth ≤ `maxDepth`; at
/// most `maxValues` values, so that the tree's memory (about 100 bytes a
/// value) stays bounded however the bytes are spent: a 60 MB file of `0,`
/// would otherwise hold 30 million values, 3 GB.
public struct JSONParser {
    /// Deepest nesting accepted; problem files need about six levels.
    public static let defaultMaxDepth = 200
    /// Most values accepted; the 100,000-visitor generated week has 111,557,
    /// the 1,000,000-visitor one 1,067,153 (`carousel generate` makes at most
    /// 1,000,000 visitors): at most about 130 MB of tree.
    public static let maxValues = 1_200_000
    /// Most values accepted in a schedule file (`ScheduleFile.read`): the
    /// 1,000,000-visitor programme's schedule has about 1,540,000 (12 a
    /// session; one session a unit, 185,405, would be about 2,300,000). A
    /// schedule is read with its problem, so its size follows the problem's:
    /// at most about 300 MB of tree.
    public static let scheduleMaxValues = 3_000_000

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private let maxDepth: Int
    private let maxValues: Int
    private var values = 0

    private init(bytes: [UInt8], maxDepth: Int, maxValues: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
    }

    /// Parses a whole document. A UTF-8 byte order mark is skipped.
    public static func parse(
        _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxValues: Int = JSONParser.maxValues
    ) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth, maxValues: maxValues)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        try parser.skipTrivia()
        guard parser.index < bytes.count else { throw parser.error("the file is empty; expected a JSON object") }
        let value = try parser.parseValue(depth: 0)
        try parser.skipTrivia()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the top-level value")
        }
        return value
    }

    /// Parses a string (convenience for tests and small documents).
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    // MARK: - Positions

    /// Column cache: the scalar column at `cachedOffset` on the current line,
    /// so that locating every value stays O(n) even on one-line files.
    private var cachedOffset = 0
    private var cachedColumn = 1

    private var location: SourcePosition {
        mutating get {
            if cachedOffset < lineStart || cachedOffset > index {
                cachedOffset = lineStart
                cachedColumn = 1
            }
            while cachedOffset < index && cachedOffset < bytes.count {
                if bytes[cachedOffset] & 0xC0 != 0x80 { cachedColumn += 1 }
                cachedOffset += 1
            }
            return SourcePosition(line: line, column: cachedColumn, offset: index)
        }
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(location: location, message: message)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    // MARK: - Trivia

    private mutating func skipTrivia() throws(JSONSyntaxError) {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                let start = location
                index += 2
                while true {
                    guard index < bytes.count else {
                        throw JSONSyntaxError(location: start, message: "unterminated /* comment")
                    }
                    if bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count
                        && bytes[index + 1] == UInt8(ascii: "/")
                    {
                        index += 2
                        break
                    }
                    if bytes[index] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = index + 1
                    }
                    index += 1
                }
            default:
                return
            }
        }
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        values += 1
        guard values <= maxValues else {
            throw error("more than \(maxValues) values; Carousel's files hold far fewer (is this the right file?)")
        }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), at: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONValue(.null, at: start)
        case UInt8(ascii: "'"):
            throw error("strings must use double quotes (\"), not single quotes")
        default:
            throw error(
                "unexpected \(describeCurrent()); expected a value (object, list, string, number, true, false or null)")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let start = index
        for b in w {
            guard index < bytes.count, bytes[index] == b else {
                index = start
                throw error("unexpected \(describeWordAt(start)); expected a value (did you mean \(word)?)")
            }
            index += 1
        }
        if index < bytes.count, isIdentifierByte(bytes[index]) {
            index = start
            throw error("unexpected \(describeWordAt(start)); expected a value")
        }
    }

    private func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    private func describeWordAt(_ start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 20, isIdentifierByte(bytes[end]) { end += 1 }
        if end == start { return describeCurrent() }
        return "'\(String(decoding: bytes[start..<end], as: UTF8.self))'"
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = location
        index += 1
        var entries: [JSONObject.Entry] = []
        var seenKeys: Set<String> = []
        try skipTrivia()
        while true {
            guard index < bytes.count else {
                throw error("unexpected end of file inside an object (opened at \(start)); expected '}'")
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return JSONValue(.object(JSONObject(entries: entries)), at: start)
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if isIdentifierByte(bytes[index]) {
                    throw error("object keys must be in double quotes: \(describeWordAt(index))")
                }
                throw error("unexpected \(describeCurrent()) in an object; expected a key in double quotes or '}'")
            }
            let keyLocation = location
            let key = try parseString()
            if !seenKeys.insert(key).inserted {
                throw JSONSyntaxError(location: keyLocation, message: "duplicate key \"\(key)\" in this object")
            }
            try skipTrivia()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()) after key \"\(key)\"; expected ':'")
            }
            index += 1
            try skipTrivia()
            let value = try parseValue(depth: depth + 1)
            entries.append(.init(key: key, keyLocation: keyLocation, value: value))
            try skipTrivia()
            guard index < bytes.count else {
                throw error("unexpected end of file inside an object (opened at \(start)); expected ',' or '}'")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipTrivia()
            } else if bytes[index] != UInt8(ascii: "}") {
                throw error("unexpected \(describeCurrent()) after the value of \"\(key)\"; expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = location
        index += 1
        var items: [JSONValue] = []
        try skipTrivia()
        while true {
            guard index < bytes.count else {
                throw error("unexpected end of file inside a list (opened at \(start)); expected ']'")
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return JSONValue(.array(items), at: start)
            }
            items.append(try parseValue(depth: depth + 1))
            try skipTrivia()
            guard index < bytes.count else {
                throw error("unexpected end of file inside a list (opened at \(start)); expected ',' or ']'")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipTrivia()
            } else if bytes[index] != UInt8(ascii: "]") {
                throw error("unexpected \(describeCurrent()) in a list; expected ',' or ']'")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = location
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw JSONSyntaxError(location: start, message: "unterminated string") }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw JSONSyntaxError(location: start, message: "string is not valid UTF-8")
                }
                return s
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else {
                    throw JSONSyntaxError(location: start, message: "unterminated string")
                }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar),
                        index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        let save = index
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                        }
                    }
                    let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    index -= 2
                    throw error("invalid escape in string; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
                }
            case 0x0A:
                throw JSONSyntaxError(location: start, message: "unterminated string (a string cannot span lines)")
            case 0x00..<0x20:
                throw error("control character in a string; write it as an escape")
            default:
                out.append(b)
                index += 1
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("unterminated \\u escape") }
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after \\u")
            }
            v = v << 4 | digit
            index += 1
        }
        return v
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func isDigit(_ i: Int) -> Bool {
            i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
        }
        guard isDigit(index) else { throw error("expected a digit in a number") }
        if bytes[index] == UInt8(ascii: "0") && isDigit(index + 1) {
            throw error("numbers must not have leading zeros")
        }
        while isDigit(index) { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw error("expected a digit after the decimal point") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit(index) else { throw error("expected a digit in the exponent") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, isIdentifierByte(bytes[index]) {
            throw error("unexpected \(describeCurrent()) in a number")
        }
        return JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self))
    }
}
