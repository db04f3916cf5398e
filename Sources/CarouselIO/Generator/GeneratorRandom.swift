import CarouselSolver

/// The few random choices generators make, on the solver's seeded generator
/// so that a seed gives the same problem on every platform (never a
/// `Set`'s or `Dictionary`'s order, which changes from run to run).
extension SeededRandom {
    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// The items in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        for i in out.indices.reversed() where i > 0 { out.swapAt(i, below(i + 1)) }
        return out
    }

    /// `k` distinct items (all of them when there are fewer), in random order.
    mutating func sample<T>(_ items: [T], _ k: Int) -> [T] { Array(shuffled(items).prefix(max(0, k))) }
}
