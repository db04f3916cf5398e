/// The components of one kind that a move touched (group-days, sessions, …):
/// a set of small indices, listed in the order they were first inserted.
///
/// Built for the search's inner loop: `insert` is O(1) (a mark per index
/// instead of a search of the list) and `removeAll` is O(1) (the marks are
/// not cleared: a stamp advances, and only marks equal to it count), and
/// neither allocates once the storage has grown.
struct TouchedSet: RandomAccessCollection {
    /// One array, so that an insert makes one buffer unique, not two:
    /// `storage[i] == stamp` when i is in the set (the marks, for
    /// i < `capacity`), and the members, first inserted first, follow in
    /// `storage[capacity..<capacity + used]` (each index is listed at most
    /// once, so `capacity` places are enough).
    private var storage: [Int32]
    private var capacity: Int
    private var stamp: Int32 = 1
    private var used = 0

    /// An empty set of indices in 0..<capacity (it grows for larger ones);
    /// `stamp` is the first stamp (tests start near the wrap-around).
    init(capacity: Int = 0, stamp: Int32 = 1) {
        self.capacity = capacity
        storage = Array(repeating: 0, count: 2 * capacity)
        self.stamp = Swift.max(1, stamp)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { used }

    subscript(position: Int) -> Int { Int(storage[capacity + position]) }

    /// Adds index i, unless it is in the set already.
    @inline(__always)
    mutating func insert(_ i: Int) {
        if i >= capacity { grow(toInclude: i) }
        guard storage[i] != stamp else { return }
        storage[i] = stamp
        storage[capacity + used] = Int32(i)
        used += 1
    }

    /// Whether index i is in the set: O(1).
    @inline(__always)
    func contains(_ i: Int) -> Bool { i < capacity && storage[i] == stamp }

    /// Makes room for indices up to i, at least doubling (so that growing
    /// one index at a time stays cheap overall).
    private mutating func grow(toInclude i: Int) {
        let newCapacity = Swift.max(i + 1, 2 * capacity)
        var grown = [Int32](repeating: 0, count: 2 * newCapacity)
        grown[0..<capacity] = storage[0..<capacity]
        grown[newCapacity..<(newCapacity + used)] = storage[capacity..<(capacity + used)]
        storage = grown
        capacity = newCapacity
    }

    /// Empties the set, keeping its storage.
    @inline(__always)
    mutating func removeAll() {
        guard used > 0 else { return }
        used = 0
        if stamp == .max {
            // Wrapped around (after 2 billion moves): no old mark may match.
            for i in 0..<capacity { storage[i] = 0 }
            stamp = 1
        } else {
            stamp += 1
        }
    }
}
