/// A position in a source file: 1-based line and column (columns count
/// Unicode scalars, as editors do), plus the byte offset.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`, as compilers print it.
    public var description: String { "\(line):\(column)" }
}
