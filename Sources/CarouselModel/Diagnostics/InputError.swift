/// Everything wrong with an input file is reported as one of these: a single
/// line that names the file, the line and column, the JSON path, what was
/// expected, and where possible what the author probably meant.
///
///     stem.json:212:19: groups[12].attend[2].oneOf[1]: unknown activity "rockets" (did you mean "rocket"?)
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file, when known.
    public var location: SourcePosition?
    /// The JSON path, e.g. `groups[12].attend[2].oneOf[1]`; empty for the whole file.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String
    /// A suggestion such as `did you mean "rocket"?`.
    public var hint: String?

    public init(file: String, location: SourcePosition?, path: String, message: String, hint: String? = nil) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// The one-line form printed by the CLI.
    public var description: String {
        var s = file
        if let location { s += ":\(location)" }
        s += ": "
        if !path.isEmpty { s += "\(path): " }
        s += Self.cut(message)
        if let hint { s += " (\(Self.cut(hint)))" }
        return Self.oneLine(s)
    }

    /// Most characters of a message or hint shown: a message quoting a
    /// megabyte-long name from a hostile file stays readable.
    public static let maxMessageLength = 1_000

    /// `text`, or its first `maxMessageLength` characters and how many more.
    static func cut(_ text: String) -> String {
        guard text.utf8.count > maxMessageLength, text.count > maxMessageLength else { return text }
        return "\(text.prefix(maxMessageLength))… (\(text.count - maxMessageLength) more characters)"
    }

    /// Escapes control characters (a newline inside an id, say; also C1
    /// controls and bidirectional overrides) so that the message stays on
    /// one line and cannot drive the terminal.
    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: TerminalText.needsStandIn) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where TerminalText.needsStandIn(u): out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
