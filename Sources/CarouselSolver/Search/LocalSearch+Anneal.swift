import Foundation

extension LocalSearch {
    mutating func anneal(termination: Termination, progress: ((SearchProgress) -> Void)?) -> Result {
        var best = state
        var bestSoft = tracker.soft
        var current = bestSoft
        var bestLevel = level
        var currentLevel = bestLevel
        let startedIncomplete = currentLevel.unplaced > 0
        var completedAt: Double?
        // (level, soft) against the best, lexicographically.
        func beats(_ level: Level, _ soft: Double) -> Bool {
            level < bestLevel || (level == bestLevel && soft < bestSoft - 1e-9)
        }
        func matches(_ level: Level, _ soft: Double) -> Bool {
            level < bestLevel || (level == bestLevel && soft <= bestSoft + 1e-9)
        }
        var moves = 0, accepted = 0, applied = 0
        let startTime = termination.elapsed
        let budget = max(1e-3, termination.timeLimit - startTime)
        // Start temperature: the mean worsening of sampled moves, accepted half the time.
        var worse = 0.0, count = 0
        for _ in 0..<200 {
            guard tryMove() else { continue }
            let delta = tracker.soft - current
            if delta > 0 && level == currentLevel { worse += delta; count += 1 }
            takeBack()
        }
        // Undoing may re-pick staff, so read the score again.
        current = tracker.soft
        currentLevel = level
        let t0 = count > 0 ? max(0.05, worse / Double(count) / 0.69) : 1.0
        let tEnd = t0 * 1e-3
        var temperature = t0
        refused = 0
        var bestUnsaved = false
        // `best` is a full copy, so copies are rationed while the search is
        // hot and new bests come every few moves: then a best is kept only if
        // it is on a better level than the last copy or 5,000 moves have
        // passed since that copy (otherwise it is forgotten; the search will
        // come back below it).
        var savedSoft = bestSoft, savedLevel = bestLevel
        var lastSave = 0
        var fraction = 0.0
        var lastReport = termination.elapsed
        while bestSoft > 0 || bestLevel.unplaced > 0 || bestLevel.change > 0 {
            if moves & 255 == 0 {
                if termination.shouldStop(iterations: moves) { break }
                let byTime = (termination.elapsed - startTime) / budget
                let byMoves = termination.iterationLimit == .max ? 0 : Double(moves) / Double(termination.iterationLimit)
                fraction = min(1, max(byTime, byMoves))
                temperature = t0 * pow(tEnd / t0, fraction)
                if let progress, termination.elapsed - lastReport >= 1 {
                    lastReport = termination.elapsed
                    let repairing = bestLevel.unplaced > 0
                    progress(SearchProgress(phase: repairing ? "repair" : "improve", elapsed: lastReport, iterations: moves,
                                            unplaced: state.unassignedCount, bestUnplaced: bestLevel.unplaced,
                                            soft: repairing ? nil : bestSoft))
                }
            }
            moves += 1
            guard tryMove() else { continue }
            applied += 1
            let next = tracker.soft, nextLevel = level
            let delta = next - current
            // While units are unplaced the soft score does not hold back a
            // move that keeps the level: the insertions walk the plateau.
            let accept = nextLevel < currentLevel
                || (nextLevel == currentLevel
                    && (delta <= 0 || currentLevel.unplaced > 0 || random.unit() < exp(-delta / temperature)))
            if accept {
                if nextLevel == currentLevel && delta > 0 && bestUnsaved {
                    if fraction > 0.3 || moves - lastSave >= 5_000 || currentLevel < savedLevel {
                        // About to leave a new best: keep a copy of it first, and
                        // let the next iteration try its luck afresh. (Undoing a
                        // move may re-pick staff, so the score is read again.)
                        takeBack()
                        current = tracker.soft
                        currentLevel = level
                        if matches(currentLevel, current) {
                            best = state
                            bestSoft = current
                            bestLevel = currentLevel
                            savedSoft = current
                            savedLevel = currentLevel
                            lastSave = moves
                        } else {
                            bestSoft = savedSoft
                            bestLevel = savedLevel
                        }
                        bestUnsaved = false
                        continue
                    }
                    bestSoft = savedSoft
                    bestLevel = savedLevel
                    bestUnsaved = false
                }
                accepted += 1
                current = next
                currentLevel = nextLevel
                if startedIncomplete && completedAt == nil && currentLevel.unplaced == 0 { completedAt = termination.elapsed }
                if beats(currentLevel, current) {
                    bestSoft = current
                    bestLevel = currentLevel
                    bestUnsaved = true
                }
            } else {
                takeBack()
                current = tracker.soft
                currentLevel = level
            }
        }
        if bestUnsaved || matches(currentLevel, current) {
            best = state
            bestSoft = current
            bestLevel = currentLevel
        }
        return Result(state: best, soft: bestSoft, perturbation: bestLevel.change, completedAt: completedAt, moves: moves,
                      refused: refused, applied: applied, accepted: accepted, elapsed: termination.elapsed)
    }
}
