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
        s += message
        if let hint { s += " (\(hint))" }
        return Self.oneLine(s)
    }

    /// Escapes control characters (a newline inside an id, say) so that the
    /// message stays on one line.
    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F: out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
