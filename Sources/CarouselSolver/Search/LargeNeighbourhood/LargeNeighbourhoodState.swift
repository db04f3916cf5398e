extension LocalSearch {
    /// The large-neighbourhood search's state between steps — which
    /// neighbourhoods pay (`AdaptiveWeights`), how many units a step frees —
    /// and its scratch, kept from step to step so that a step allocates
    /// little once warm.
    struct LargeNeighbourhoodState {
        /// The kinds' weights, by their recent success.
        var weights = AdaptiveWeights(count: Neighbourhood.kinds(repairing: false).count)
        /// Units a step frees, at most (adapted: one fewer after a step the
        /// evaluations cut short, one more after one searched through
        /// without finding better).
        var size = 4
        static let sizes = 2...10
        /// Places of each unit branched on (the best by their score).
        var width = 4
        /// Places scored in one step, at most.
        var evaluationLimit = 3_000

        // The step in progress.
        var freed: [Int] = []
        var chosen = TouchedSet()
        var counts: [Int] = []
        /// Each depth's places to branch on, best first.
        var options: [[RebuildOption]] = []
        /// Scratch: every place of one unit.
        var places: [RebuildOption] = []
        /// The groups of the units still to place (for the bound).
        var placing = TouchedSet()
        var evaluations = 0
        /// The score to beat, and the best rebuild found (copies on write).
        var best = RebuildKey(change: 0, soft: 0)
        var bestState: PartialSchedule?
        var bestTracker: ScoreTracker?

        // Counts, for the result.
        var steps = 0
        var improvements = 0
    }

    /// Adaptive choice among a few alternatives (Ropke and Pisinger's
    /// adaptive large neighbourhood search): each is drawn with probability
    /// weight / Σ weights, and after each use its weight moves a tenth of the
    /// way towards the reward it earned, so that the alternatives that paid
    /// recently are drawn more. A floor keeps every one in play.
    struct AdaptiveWeights {
        private(set) var weights: [Double]
        static let reaction = 0.1
        static let floor = 0.05

        init(count: Int) { weights = Array(repeating: 1, count: count) }

        /// Draws an alternative.
        mutating func draw(_ random: inout SeededRandom) -> Int {
            let total = weights.reduce(0, +)
            var r = random.unit() * total
            for i in weights.indices {
                r -= weights[i]
                if r < 0 { return i }
            }
            return weights.count - 1
        }

        /// Moves alternative i's weight towards `reward`.
        mutating func reward(_ i: Int, _ reward: Double) {
            weights[i] = max(Self.floor, (1 - Self.reaction) * weights[i] + Self.reaction * reward)
        }
    }
}
