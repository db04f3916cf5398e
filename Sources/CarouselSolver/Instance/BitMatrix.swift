/// A dense matrix of bits: `rows` rows of `columns` bits, stored as flat
/// `UInt64` words. Used for sets over time slots (one row per room, group or
/// staff member) and for small relations (group × room).
///
/// All operations are O(1) except the row-wide ones, which are O(columns/64).
public struct BitMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Words per row.
    public let stride: Int
    public private(set) var words: [UInt64]

    public init(rows: Int, columns: Int, filled: Bool = false) {
        self.rows = rows
        self.columns = columns
        self.stride = max(1, (columns + 63) >> 6)
        self.words = [UInt64](repeating: 0, count: rows * stride)
        if filled {
            for r in 0..<rows { fillRow(r) }
        }
    }

    @inline(__always)
    public func contains(_ row: Int, _ column: Int) -> Bool {
        words[row &* stride &+ (column >> 6)] & (1 << UInt64(column & 63)) != 0
    }

    @inline(__always)
    public mutating func insert(_ row: Int, _ column: Int) {
        words[row &* stride &+ (column >> 6)] |= (1 << UInt64(column & 63))
    }

    @inline(__always)
    public mutating func remove(_ row: Int, _ column: Int) {
        words[row &* stride &+ (column >> 6)] &= ~(1 << UInt64(column & 63))
    }

    public subscript(row: Int, column: Int) -> Bool {
        get { contains(row, column) }
        set { if newValue { insert(row, column) } else { remove(row, column) } }
    }

    /// Sets every bit of `row`.
    public mutating func fillRow(_ row: Int) {
        for c in 0..<columns { insert(row, c) }
    }

    /// The matrix with rows and columns exchanged.
    public func transposed() -> BitMatrix {
        var out = BitMatrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns where contains(r, c) { out.insert(c, r) }
        }
        return out
    }

    /// Whether bits `column ..< column + count` of `row` are all set.
    @inline(__always)
    public func containsAll(_ row: Int, from column: Int, count: Int) -> Bool {
        var c = column
        while c < column + count {
            if !contains(row, c) { return false }
            c += 1
        }
        return true
    }

    /// Whether any of bits `column ..< column + count` of `row` is set.
    @inline(__always)
    public func containsAny(_ row: Int, from column: Int, count: Int) -> Bool {
        var c = column
        while c < column + count {
            if contains(row, c) { return true }
            c += 1
        }
        return false
    }
}
