/// Lists inside one-line messages, cut so that a hostile file with 100,000
/// days or groups still gets a readable line: `mon, tue, wed, … and 99,997
/// more`.
public enum ListText {
    /// The first `limit` items joined by `separator`, then how many more.
    public static func joined(_ items: [String], limit: Int = 8, separator: String = ", ") -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        return items.prefix(limit).joined(separator: separator)
            + "\(separator)… and \(grouped(items.count - limit)) more"
    }

    /// `99,990`.
    public static func grouped(_ n: Int) -> String {
        var text = String(n.magnitude)
        var k = text.count - 3
        while k > 0 {
            text.insert(",", at: text.index(text.startIndex, offsetBy: k))
            k -= 3
        }
        return (n < 0 ? "-" : "") + text
    }
}
