/// A plain-text table that fits a terminal width: columns keep their natural
/// width when they can; otherwise the widest give way (first down to their
/// longest word, so words stay whole, then down to `minimumWidth`) and their
/// cells wrap at spaces onto continuation lines. Widths are counted in
/// `Character`s, so a wide East Asian character counts as one column.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    /// Narrowest a column is squeezed to.
    static let minimumWidth = 6

    /// The table's lines, each indented by `indent` spaces and at most
    /// `width` characters long (when `width` leaves every column its minimum).
    /// O(cells · cell length + excess width · columns).
    func lines(width: Int, indent: Int = 2, gap: Int = 2) -> [String] {
        let n = headers.count
        let cells = [headers] + rows
        var widths = (0..<n).map { c in cells.map { $0[c].count }.max() ?? 0 }
        let longestWord = (0..<n).map { c in
            cells.map { $0[c].split(separator: " ").map(\.count).max() ?? 0 }.max() ?? 0
        }
        let room = width - indent - gap * (n - 1)
        for floor in [(0..<n).map { max(Self.minimumWidth, longestWord[$0]) }, Array(repeating: Self.minimumWidth, count: n)] {
            while widths.reduce(0, +) > room,
                  let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        for row in [headers, widths.map { String(repeating: "-", count: $0) }] + rows {
            let cells = row.indices.map { Self.wrap(row[$0], width: widths[$0]) }
            for k in 0..<(cells.map(\.count).max() ?? 1) {
                var line = pad
                for c in 0..<n {
                    let text = k < cells[c].count ? cells[c][k] : ""
                    line += c == n - 1 ? text : text + String(repeating: " ", count: widths[c] - text.count + gap)
                }
                while line.last == " " { line.removeLast() }
                out.append(line)
            }
        }
        return out
    }

    /// `text` in lines of at most `width` characters, broken at spaces where
    /// possible. Always at least one line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty && line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
