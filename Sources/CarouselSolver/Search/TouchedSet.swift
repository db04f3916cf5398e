/// The components of one kind that a move touched (group-days, sessions, …):
/// a set of small indices, listed in the order they were first inserted.
///
/// Built for the search's inner loop: `insert` is O(1) (a mark per index
/// instead of a search of the list) and `removeAll` is O(1) (the marks are
/// not cleared: a stamp advances, and only marks equal to it count), and
/// neither allocates once the storage has grown.
struct TouchedSet: RandomAccessCollection {
    /// `marks[i] == stamp` when i is in the set.
    private var marks: [UInt32]
    private var stamp: UInt32 = 1
    private var items: [Int32] = []
    private var used = 0

    /// An empty set of indices in 0..<capacity (it grows for larger ones);
    /// `stamp` is the first stamp (tests start near the wrap-around).
    init(capacity: Int = 0, stamp: UInt32 = 1) {
        marks = Array(repeating: 0, count: capacity)
        self.stamp = Swift.max(1, stamp)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { used }

    subscript(position: Int) -> Int { Int(items[position]) }

    /// Adds index i, unless it is in the set already.
    @inline(__always)
    mutating func insert(_ i: Int) {
        if i >= marks.count { marks.append(contentsOf: repeatElement(0, count: i + 1 - marks.count)) }
        guard marks[i] != stamp else { return }
        marks[i] = stamp
        if used < items.count { items[used] = Int32(i) } else { items.append(Int32(i)) }
        used += 1
    }

    /// Empties the set, keeping its storage.
    @inline(__always)
    mutating func removeAll() {
        guard used > 0 else { return }
        used = 0
        stamp &+= 1
        if stamp == 0 {
            // Wrapped around (after 4 billion moves): no old mark may match.
            for i in marks.indices { marks[i] = 0 }
            stamp = 1
        }
    }
}
