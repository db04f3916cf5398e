extension LocalSearch {
    /// Whether the search takes a move it has made (Timefold's acceptor),
    /// from the level and soft score before (`current`) and after (`next`):
    /// a move that makes the level worse is never taken and one that makes
    /// it better always is; among moves that leave it equal, one that does
    /// not worsen the soft score is taken, and a worsening one by simulated
    /// annealing — except while units are unplaced, when every such move is
    /// taken, so that insertions walk the plateau.
    @inline(__always)
    static func accepts(
        _ next: (level: Level, soft: Double), from current: (level: Level, soft: Double),
        annealing: SimulatedAnnealing, random: inout SeededRandom
    ) -> Bool {
        let delta = next.soft - current.soft
        return next.level < current.level
            || (next.level == current.level
                && (delta <= 0 || current.level.unplaced > 0 || annealing.accepts(worsening: delta, &random)))
    }
}
