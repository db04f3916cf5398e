import CarouselModel

/// A plain-text table that fits a terminal width: columns keep their natural
/// width when they can; otherwise the widest give way (first down to their
/// longest word, so words stay whole — columns `keptWhole` only after the
/// others — then down to `minimumWidth`) and their
/// cells wrap at spaces onto continuation lines. Widths are display columns
/// (`TerminalText.width`): a CJK character or an emoji takes two, a
/// combining accent none. Control characters in cells (an ESC or a newline
/// in a name) are shown as stand-ins, never sent to the terminal.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    public var rightAligned: Set<Int> = []
    /// Columns that keep their natural width while others can give way (a
    /// name people look rows up by).
    public var keptWhole: Set<Int> = []
    /// Per row, a note printed under it across the whole width (indented
    /// two more spaces), or nil: text too long for a column of its own.
    public var notes: [String?] = []

    /// Narrowest a column is squeezed to.
    static let minimumWidth = 6

    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = [], keptWhole: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.keptWhole = keptWhole
    }

    /// The table's lines, each indented by `indent` spaces and at most
    /// `width` columns wide (when `width` leaves every column its minimum).
    /// O(cells · cell length + excess width · columns).
    public func lines(width: Int, indent: Int = 2, gap: Int = 2) -> [String] {
        let n = headers.count
        let cells = ([headers] + rows).map { $0.map { TerminalText.sanitized($0) } }
        var widths = (0..<n).map { c in cells.map { TerminalText.width($0[c]) }.max() ?? 0 }
        let longestWord = (0..<n).map { c in
            cells.map { $0[c].split(separator: " ").map { TerminalText.width(String($0)) }.max() ?? 0 }.max() ?? 0
        }
        let room = width - indent - gap * (n - 1)
        let wordFloor = (0..<n).map { max(Self.minimumWidth, longestWord[$0]) }
        let floors = [
            (0..<n).map { keptWhole.contains($0) ? widths[$0] : wordFloor[$0] }, wordFloor,
            Array(repeating: Self.minimumWidth, count: n),
        ]
        for floor in floors {
            while widths.reduce(0, +) > room,
                let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] -= 1
            }
        }
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        for (k, row) in ([cells[0], widths.map { String(repeating: "-", count: $0) }] + cells.dropFirst()).enumerated()
        {
            defer {
                if k >= 2, k - 2 < notes.count, let note = notes[k - 2] {
                    let inset = String(repeating: " ", count: indent + 2)
                    out += TerminalText.wrap(
                        TerminalText.sanitized(note), width: max(Self.minimumWidth, width - indent - 2)
                    ).map { inset + $0 }
                }
            }
            let wrapped = row.indices.map { TerminalText.wrap(row[$0], width: widths[$0]) }
            for line in 0..<(wrapped.map(\.count).max() ?? 1) {
                var text = pad
                for c in 0..<n {
                    let cell = line < wrapped[c].count ? wrapped[c][line] : ""
                    let right = rightAligned.contains(c) && k != 1
                    text +=
                        right ? TerminalText.leftPadded(cell, to: widths[c]) : TerminalText.padded(cell, to: widths[c])
                    if c < n - 1 { text += String(repeating: " ", count: gap) }
                }
                while text.last == " " { text.removeLast() }
                out.append(text)
            }
        }
        return out
    }
}
