extension LocalSearch {
    /// How one search spends its effort: the annealing's temperatures and
    /// the share its large-neighbourhood phases take. Threads run different
    /// plans (`Solver`'s portfolio), so that they do not all search alike.
    struct SearchPlan: Sendable {
        /// The share of the moves given to large-neighbourhood phases (the
        /// places a rebuild scores count as moves); 0 for none.
        var rebuildShare = 0.2
        /// Annealing moves between two large-neighbourhood phases.
        var period = 50_000
        /// The part of the budget (time or moves) after which the phases begin.
        var rebuildFrom = 0.0
        /// A factor on the annealing's start temperature.
        var temperatureScale = 1.0
        /// Moves per unit for one annealing: a budget of n times as many
        /// is spent as n annealings in turn (`SimulatedAnnealing.rounds`).
        var movesPerRound = 400_000.0

        /// Places a phase scores: its share of a period.
        var phaseBudget: Int { rebuildShare <= 0 ? 0 : Int(Double(period) * rebuildShare / (1 - rebuildShare)) }
    }
}

extension LocalSearch.SearchPlan {
    /// The plan of thread i of a run: thread 0 the default, the others
    /// diversified — cooler annealing with a larger share of large-
    /// neighbourhood steps, then alternately hotter and cooler.
    ///
    /// A repair's search (`repairing`) gives the phases half the share in
    /// shorter periods: there the rebuilds lower the change from the old
    /// schedule, a few places at a time, and a phase's cost (a copy of the
    /// schedule per step) dominates a repair that must take well under a
    /// second. On the STEM Week's on-the-day events (issue 17) that gave
    /// the same or less change in 0.75 times the time of the default plan.
    static func portfolio(thread i: Int, repairing: Bool = false) -> Self {
        var plan = Self()
        if repairing {
            plan.rebuildShare = 0.1
            plan.period = 25_000
        }
        guard i > 0 else { return plan }
        plan.temperatureScale = i % 2 == 1 ? 0.3 : 3.0
        plan.rebuildShare = i % 2 == 1 ? 0.5 : 0.1
        return plan
    }
}
