/// A position in a source file: 1-based line and column (columns count
/// Unicode scalars, as editors do), plus the byte offset. Column 0 stands
/// for the whole line (a spreadsheet row, whose column is named by its
/// header instead).
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`, as compilers print it, or `line` for column 0.
    public var description: String { column == 0 ? "\(line)" : "\(line):\(column)" }
}
