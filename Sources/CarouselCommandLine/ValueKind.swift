/// What an option's value or a positional argument holds: how it is
/// checked when parsed, and how a shell completes it.
public enum ValueKind: Sendable, Equatable {
    /// Any text.
    case text
    /// A file to read or write (`-`: standard input or output).
    case file
    /// A folder.
    case folder
    /// A file or a folder.
    case path
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// A finite number within the range.
    case number(ClosedRange<Double>)
    /// One of a fixed set of words.
    case choice([String])
    /// Numbers within the range, separated by commas (`1,10,60`).
    case numbers(ClosedRange<Double>)
    /// Words separated by commas (`comp01,comp02`).
    case words

    /// nil when `text` is a valid value, else what was expected (for
    /// `--name expects …, got "text"`).
    func problem(with text: String) -> String? {
        switch self {
        case .text, .file, .folder, .path:
            return nil
        case .integer(let range):
            guard let x = Int(text), range.contains(x) else {
                return "a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .number(let range):
            guard let x = Double(text), x.isFinite, range.contains(x) else {
                return "a number from \(range.lowerBound.plainText) to \(range.upperBound.plainText)"
            }
            return nil
        case .choice(let words):
            return words.contains(text) ? nil : "one of \(words.joined(separator: ", "))"
        case .numbers(let range):
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            let ok = parts.allSatisfy { part in Double(part).map { $0.isFinite && range.contains($0) } ?? false }
            return ok
                ? nil
                : "numbers from \(range.lowerBound.plainText) to \(range.upperBound.plainText) separated by commas"
        case .words:
            return text.split(separator: ",").isEmpty ? "words separated by commas" : nil
        }
    }
}

extension Double {
    /// `30` rather than `30.0`.
    public var plainText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
