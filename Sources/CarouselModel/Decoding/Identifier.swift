/// What an id may be. Ids become file names (`export --by group` writes
/// `ID.csv` beside the others), appear in terminals, and are typed by people
/// in `--group ID`; so an id that could surprise a file system or a terminal
/// is refused with a clear error rather than quietly changed (docs/format.md,
/// "Ids").
public enum Identifier {
    /// Longest id accepted, in characters.
    public static let maxLength = 100

    /// nil when `id` is acceptable, else what is wrong with it (one line,
    /// the id quoted and cut to 40 characters).
    public static func problem(with id: String) -> String? {
        let shown = "\"\(id.prefix(40))\(id.count > 40 ? "…" : "")\""
        if let c = id.unicodeScalars.first(where: TerminalText.needsStandIn) {
            return
                "id \(shown) holds a control character (U+\(hex(c.value))); ids are printed in terminals and file names"
        }
        if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
            return "id \(shown) begins or ends with a space; ids are typed by people, who would not see it"
        }
        if id.contains("/") || id.contains("\\") {
            return "id \(shown) holds \"/\" or \"\\\"; ids become file names (export --by), so use \"-\" instead"
        }
        if id == "." || id == ".." {
            return "id \(shown) names a folder in file paths; choose a word"
        }
        if id.count > maxLength {
            return
                "id \(shown) is \(id.count) characters long; ids are at most \(maxLength) (put the long form in \"name\")"
        }
        return nil
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
