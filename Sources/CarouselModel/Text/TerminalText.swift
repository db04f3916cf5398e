/// Text as a terminal shows it: how many columns it takes, how to wrap it,
/// and how to make names from files safe to print.
///
/// Widths follow what terminals do (the `wcwidth` convention): East Asian
/// wide and fullwidth characters and emoji take two columns, combining
/// marks and other zero-width characters none, everything else one.
/// Control characters are never printed as they are: an ESC in a group's
/// name could recolour or rewrite the organiser's terminal, so each one
/// becomes a visible stand-in (`␛`).
public enum TerminalText {
    /// Columns `text` takes in a terminal. O(length).
    public static func width(_ text: String) -> Int {
        var total = 0
        for character in text { total += width(character) }
        return total
    }

    /// Columns one character (grapheme cluster) takes: 0, 1 or 2.
    public static func width(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { isWide($0) || $0.value == 0xFE0F }) { return 2 }
        return isZeroWidth(first) ? 0 : 1
    }

    /// Whether `u` takes two columns: East Asian wide or fullwidth, or an
    /// emoji shown as a picture.
    static func isWide(_ u: Unicode.Scalar) -> Bool {
        if u.properties.isEmojiPresentation { return true }
        let v = u.value
        return wideRanges.contains { $0.contains(v) }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt,
    /// merged into blocks).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Combining marks, format characters (zero-width joiner, direction
    /// marks) and variation selectors.
    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0xFE00...0xFE0F).contains(u.value)
        }
    }

    /// `text` with every character that could drive a terminal replaced by
    /// a visible stand-in: C0 controls by their Control Pictures (`␛` for
    /// ESC, `␇` BEL, `␀` NUL, `␈` backspace, `␊` a newline), DEL by `␡`,
    /// C1 controls, line and paragraph separators and the bidirectional
    /// overrides and isolates (which reorder what follows them) by `�`.
    /// With `keepingNewlines`, `\n` stays, for multi-line text.
    public static func sanitized(_ text: String, keepingNewlines: Bool = false) -> String {
        sanitized(text, keeping: keepingNewlines ? ["\n"] : [])
    }

    /// `text` with every character that could drive a terminal replaced,
    /// except those in `kept` (`\r`, `\n`, `\t` for a CSV file).
    public static func sanitized(_ text: String, keeping kept: Set<Unicode.Scalar>) -> String {
        guard text.unicodeScalars.contains(where: { needsStandIn($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            out.append(needsStandIn(u) && !kept.contains(u) ? standIn(for: u) : u)
        }
        return String(out)
    }

    /// Whether `u` must not reach a terminal as it is.
    public static func needsStandIn(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func standIn(for u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// `text` in lines of at most `width` columns (the first line at most
    /// `firstWidth`), broken at spaces; a word longer than a line is cut.
    /// Always at least one line.
    public static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        func room() -> Int { max(1, lines.isEmpty ? firstWidth ?? width : width) }
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(piece)
            var wordWidth = Self.width(String(word))
            if !line.isEmpty && lineWidth + 1 + wordWidth <= room() {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while wordWidth > room() {
                let (head, rest) = split(word, columns: room())
                lines.append(String(head))
                word = rest
                wordWidth = Self.width(String(word))
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` wrapped to `width` columns as a hanging paragraph: the first
    /// line indented by `indent` spaces, the others by `indent + hang`.
    public static func hanging(_ text: String, width: Int, indent: Int = 0, hang: Int = 2) -> [String] {
        wrap(text, width: width - indent - hang, firstWidth: width - indent).enumerated().map { k, line in
            String(repeating: " ", count: k == 0 ? indent : indent + hang) + line
        }
    }

    /// The longest prefix of `text` that fits `columns` (at least one
    /// character), and the rest.
    static func split(_ text: Substring, columns: Int) -> (Substring, Substring) {
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let w = width(text[end])
            if used + w > columns && end > text.startIndex { break }
            used += w
            end = text.index(after: end)
        }
        return (text[..<end], text[end...])
    }

    /// `text` followed by spaces up to `columns` columns.
    public static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    /// Spaces up to `columns` columns, then `text`.
    public static func leftPadded(_ text: String, to columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - width(text))) + text
    }
}
