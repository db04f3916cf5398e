/// The unplaced units ordered for construction's variable choice: fewest
/// options first, then higher priority, then the seeded tie-break, then the
/// lower index — exactly the unit a scan over all units would pick, without
/// the scan (which made a placement O(units): 185,000 units took 200 s).
///
/// A binary min-heap with lazy deletion: a unit is pushed whenever its
/// option count is recomputed to a value other than its entry's (or it has
/// none), with a fresh stamp; an entry whose stamp is
/// no longer the unit's, or whose unit is placed or given up, is skipped
/// when it reaches the top.
struct UnitQueue {
    struct Entry {
        var count: Int32
        var priority: Double
        var tie: UInt64
        var unit: Int32
        var stamp: UInt32

        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            if a.count != b.count { return a.count < b.count }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.tie != b.tie { return a.tie < b.tie }
            return a.unit < b.unit
        }
    }

    private var heap: [Entry] = []
    private var stamps: [UInt32]
    /// The count in each unit's current entry, or -1 when it has none (never
    /// pushed, or popped): a recount that finds the same count need not push.
    private var live: [Int32]

    init(units: Int) {
        stamps = [UInt32](repeating: 0, count: units)
        live = [Int32](repeating: -1, count: units)
    }

    /// Whether unit u's current entry has this count (its priority and
    /// tie-break change only with `removeAll`).
    @inline(__always)
    func holds(_ u: Int, count: Int32) -> Bool { live[u] == count }

    /// Adds unit u with its current key; earlier entries of u become stale.
    mutating func push(_ u: Int, count: Int32, priority: Double, tie: UInt64) {
        stamps[u] &+= 1
        live[u] = count
        heap.append(Entry(count: count, priority: priority, tie: tie, unit: Int32(u), stamp: stamps[u]))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Entry.precedes(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Drops every entry (a restart pushes every unit again).
    mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
        for u in live.indices { live[u] = -1 }
    }

    /// The least current entry whose unit `isWaiting`, left in the queue
    /// (stale entries on the way are dropped), or nil.
    mutating func first(where isWaiting: (Int) -> Bool) -> Int? {
        while let top = heap.first {
            let u = Int(top.unit)
            if top.stamp == stamps[u] && isWaiting(u) { return u }
            popFirst()
        }
        return nil
    }

    private mutating func popFirst() {
        if let top = heap.first, top.stamp == stamps[Int(top.unit)] { live[Int(top.unit)] = -1 }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && Entry.precedes(heap[l], heap[m]) { m = l }
            if r < heap.count && Entry.precedes(heap[r], heap[m]) { m = r }
            guard m != i else { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
