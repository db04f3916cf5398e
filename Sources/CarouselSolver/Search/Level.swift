extension LocalSearch {
    /// What the search minimises ahead of the soft score, lexicographically:
    /// units left unplaced, then the weighted change from the reference
    /// schedule (`carousel repair`; 0 without one). With the soft score it
    /// is the search's score, as Timefold's hard/soft score is.
    struct Level: Equatable, Comparable, Sendable {
        var unplaced: Int
        var change: Int

        static func < (a: Level, b: Level) -> Bool { (a.unplaced, a.change) < (b.unplaced, b.change) }
    }
}
