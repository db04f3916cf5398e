/// Large-neighbourhood search with an exact repair, adaptive (ALNS; Shaw;
/// Ropke and Pisinger), run by the annealing between its moves: a step frees
/// a structured part of the schedule (`Neighbourhood`), rebuilds it by
/// branch and bound on the soft score (`LocalSearch+Rebuild.swift`) and
/// keeps the rebuild when it is no worse than the schedule was; which kind
/// of part to free is drawn by recent success (`AdaptiveWeights`).
///
/// Where the annealing needs a chain of worsening moves to leave a plateau
/// — a group's day rearranged, an activity's sessions moved to new days
/// together — the rebuild finds the arrangement at once. In a repair the
/// rebuild minimises the change from the old schedule first and the soft
/// score second (`RebuildKey`), and one more kind of part is freed: a
/// changed unit with what now holds its old place (`Neighbourhood.changed`),
/// so that a class can go back where it was when others make way — which the
/// annealing, never accepting more change, cannot do in one move. Every change goes
/// through `PartialSchedule`, and a rebuild is kept only when it keeps every
/// hard rule, so the schedule stays feasible throughout.
extension LocalSearch {
    /// Whether the large-neighbourhood search may run now: every unit placed.
    var mayRebuild: Bool { state.unassignedCount == 0 }

    /// What a rebuild minimises, now: the change from the reference, then
    /// the soft score.
    var rebuildKey: RebuildKey { RebuildKey(change: tracker.perturbation, soft: tracker.soft) }

    /// Whether there is anything left for a rebuild to lower.
    var mayImprove: Bool { tracker.soft > 0 || tracker.perturbation > 0 }

    /// One step: a neighbourhood drawn by its weight is freed and rebuilt;
    /// the schedule keeps the best rebuild found if it is no worse than the
    /// schedule was, and is exactly as it was otherwise. Returns the places
    /// scored (the step's cost, counted as moves; at least 1).
    mutating func largeNeighbourhoodStep() -> Int {
        largeNeighbourhoodStep(Neighbourhood(rawValue: lns.weights.draw(&random))!)
    }

    /// One step freeing a neighbourhood of the given kind.
    mutating func largeNeighbourhoodStep(_ kind: Neighbourhood) -> Int {
        let k = kind.rawValue
        guard choose(kind) else { return 1 }
        lns.steps += 1
        let before = rebuildKey
        let savedState = state, savedTracker = tracker
        tracker.beginMove()
        clearTouched()
        for i in lns.freed.indices {
            let u = lns.freed[i], s = Int(state.unitSession[u])
            noteUnit(u)
            noteSession(s)
            state.unassign(u)
            noteSession(s)
        }
        refreshTouched()
        lns.evaluations = 0
        rebuild(below: before, takingEqual: true)
        let searchedThrough = lns.evaluations < lns.evaluationLimit
        if let bestState = lns.bestState, let bestTracker = lns.bestTracker {
            state = bestState
            tracker = bestTracker
        } else {
            state = savedState
            tracker = savedTracker
        }
        // (Dropped, so that the schedule's tables are its own again.)
        lns.bestState = nil
        lns.bestTracker = nil
        clearTouched()
        tracker.beginMove()
        undo = .none
        let improved = rebuildKey.isBetter(than: before)
        if improved { lns.improvements += 1 }
        lns.weights.reward(k, improved ? 1 : 0)
        if !searchedThrough {
            lns.size = max(LargeNeighbourhoodState.sizes.lowerBound, lns.size - 1)
        } else if !improved {
            lns.size = min(LargeNeighbourhoodState.sizes.upperBound, lns.size + 1)
        }
        return max(1, lns.evaluations)
    }

    /// Steps until `budget` places have been scored, `termination` says
    /// stop or, for a search that adopts others' schedules, a meeting is due
    /// (so that the others do not wait, or share late; thread 0 keeps a lone
    /// search's phases);
    /// returns the places scored.
    mutating func largeNeighbourhoodPhase(
        budget: Int, termination: Termination, movesSoFar: Int,
        meetings: Meetings?
    ) -> Int {
        var spent = 0
        while spent < budget && mayRebuild && mayImprove {
            if termination.shouldStop(iterations: movesSoFar + spent) { break }
            if let meetings, meetings.adopts, meetings.isDue(moves: movesSoFar + spent, termination: termination) {
                break
            }
            spent += largeNeighbourhoodStep()
        }
        return spent
    }
}

extension LocalSearch {
    /// What the large-neighbourhood search minimises, in order: the
    /// weighted change from a repair's reference schedule (always 0 outside
    /// a repair), then the soft score.
    struct RebuildKey: Comparable {
        var change: Int
        var soft: Double

        static func < (a: Self, b: Self) -> Bool { a.change < b.change || (a.change == b.change && a.soft < b.soft) }

        /// Better than `other` by more than rounding: less change, or as
        /// much and a soft score lower by more than 1e-9.
        func isBetter(than other: Self) -> Bool {
            change < other.change || (change == other.change && soft < other.soft - 1e-9)
        }

        /// The key with the soft score moved by `epsilon` (the bar a
        /// rebuild must pass: just above the incumbent to take an equal one,
        /// just below it to take only a better one).
        func nudged(_ epsilon: Double) -> Self { Self(change: change, soft: soft + epsilon) }
    }
}
