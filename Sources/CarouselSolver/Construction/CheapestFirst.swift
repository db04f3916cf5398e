/// A unit's options handed out cheapest first — the order of a stable sort
/// by cost (equal costs in the order listed) — but lazily: a binary heap,
/// built in linear time, gives each next option in O(log n).
///
/// Most placements take the first option, and a unit on a big day has
/// thousands (starts × rooms): sorting them all was a tenth of
/// construction's time on the 1,000,000-visitor programme.
struct CheapestFirst {
    private let options: [Construction.Option]
    /// Indices into `options`, a min-heap by (cost, index).
    private var heap: [Int32]

    init(_ options: [Construction.Option]) {
        self.options = options
        heap = Array(0..<Int32(options.count))
        var i = heap.count / 2 - 1
        while i >= 0 {
            siftDown(i)
            i -= 1
        }
    }

    /// The cheapest option not yet handed out, or nil when none is left.
    mutating func next() -> Construction.Option? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return options[Int(top)]
    }

    @inline(__always)
    private func precedes(_ i: Int32, _ j: Int32) -> Bool {
        let a = options[Int(i)].cost, b = options[Int(j)].cost
        return a < b || (a == b && i < j)
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && precedes(heap[l], heap[m]) { m = l }
            if r < heap.count && precedes(heap[r], heap[m]) { m = r }
            guard m != i else { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
