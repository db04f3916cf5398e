extension LocalSearch {
    /// The search loop: draws a move from the mix, makes it, and keeps it
    /// or takes it back as the acceptor says, noting the best schedule seen,
    /// until `termination` says stop or nothing is left to improve.
    mutating func anneal(termination: Termination, progress: ((SearchProgress) -> Void)?) -> Result {
        var best = BestSchedule(state, level: level, soft: tracker.soft, floor: floor)
        var current = (level: best.level, soft: best.soft)
        let startedIncomplete = current.level.unplaced > 0
        var completedAt: Double?
        var moves = 0, accepted = 0, applied = 0
        let startTime = termination.elapsed
        let budget = max(1e-3, termination.timeLimit - startTime)
        var annealing = sampleTemperature(from: current)
        // A budget of very many moves per unit is spent as several
        // annealings in turn: known at once under a move budget, after the
        // calibration below under a time limit alone.
        let units = Double(max(1, state.table.units.count))
        if termination.iterationLimit != .max {
            annealing.split(
                into: SimulatedAnnealing.rounds(
                    movesPerUnit: Double(termination.iterationLimit) / units, movesPerRound: plan.movesPerRound))
        }
        // Under a time limit alone the moves the budget allows are known only
        // once the rate is: measured over the first 2 % of the time, then the
        // temperatures are scaled to the moves per unit (`startScale`).
        var calibrated = termination.iterationLimit != .max
        // Undoing may re-pick staff, so read the score again.
        current = (level, tracker.soft)
        refused = 0
        var fraction = 0.0
        var nextReport = SearchProgress.nextReport(after: termination.elapsed)
        var nextRebuild = plan.period
        // Seconds spent in large-neighbourhood phases: under a time limit
        // alone, their share of the time is held to the plan's share (a
        // rebuild's place costs many annealing moves, so a share of the
        // moves would give the rebuilds most of the time).
        var rebuildSeconds = 0.0
        let sharesTime = termination.iterationLimit == .max
        var meetings = exchange.map { Meetings(exchange: $0, thread: thread, termination: termination) }
        while !best.isPerfect {
            if moves & 255 == 0 {
                if termination.shouldStop(iterations: moves) || floorReached?.isRaised == true { break }
                let byTime = (termination.elapsed - startTime) / budget
                let byMoves =
                    termination.iterationLimit == .max ? 0 : Double(moves) / Double(termination.iterationLimit)
                fraction = min(1, max(byTime, byMoves))
                if !calibrated && fraction >= 0.02 {
                    calibrated = true
                    let perUnit = Double(moves) / fraction / units
                    annealing.split(
                        into: SimulatedAnnealing.rounds(movesPerUnit: perUnit, movesPerRound: plan.movesPerRound))
                    annealing.scale(by: SimulatedAnnealing.startScale(movesPerUnit: perUnit / Double(annealing.rounds)))
                }
                annealing.cool(to: fraction)
                if plan.phaseBudget > 0 && moves >= nextRebuild && fraction >= plan.rebuildFrom && mayRebuild
                    && (!sharesTime || rebuildSeconds <= plan.rebuildShare * (termination.elapsed - startTime))
                {
                    let phaseStart = termination.elapsed
                    let spent = largeNeighbourhoodPhase(
                        budget: plan.phaseBudget, termination: termination, movesSoFar: moves,
                        meetings: meetings)
                    rebuildSeconds += termination.elapsed - phaseStart
                    moves += spent
                    applied += spent
                    current = (level, tracker.soft)
                    if best.isBeaten(by: current.level, current.soft) { best.note(current.level, current.soft) }
                    nextRebuild = moves + plan.period
                    if best.isPerfect { break }
                }
                if let due = meetings, due.isDue(moves: moves, termination: termination) {
                    current = meet(due, best: &best, current: current, moves: moves)
                    meetings?.scheduleNext(moves: moves, termination: termination)
                }
                if let progress, termination.elapsed >= nextReport {
                    let now = termination.elapsed
                    nextReport = SearchProgress.nextReport(after: now)
                    let repairing = best.level.unplaced > 0
                    progress(
                        SearchProgress(
                            phase: repairing ? "repair" : "improve", elapsed: now, iterations: moves,
                            unplaced: state.unassignedCount, bestUnplaced: best.level.unplaced,
                            soft: repairing ? nil : best.soft))
                }
            }
            moves += 1
            guard tryMove() else { continue }
            applied += 1
            let next = (level: level, soft: tracker.soft)
            guard Self.accepts(next, from: current, annealing: annealing, random: &random) else {
                takeBack()
                current = (level, tracker.soft)
                continue
            }
            if best.unsaved && next.level == current.level && next.soft - current.soft > 0 {
                // About to leave a new best that was only noted.
                if best.wantsCopy(atMove: moves, fraction: fraction, level: current.level) {
                    // Keep a copy of it first, and let the next iteration
                    // try its luck afresh. (Undoing a move may re-pick
                    // staff, so the score is read again.)
                    takeBack()
                    current = (level, tracker.soft)
                    if best.isMatched(by: current.level, current.soft) {
                        best.save(state, level: current.level, soft: current.soft, atMove: moves)
                    } else {
                        best.forgetUnsaved()
                    }
                    continue
                }
                best.forgetUnsaved()
            }
            accepted += 1
            current = next
            if startedIncomplete && completedAt == nil && current.level.unplaced == 0 {
                completedAt = termination.elapsed
            }
            if best.isBeaten(by: current.level, current.soft) { best.note(current.level, current.soft) }
        }
        meetings?.exchange.leave()
        // At the floor: the other searches have nothing left to find either.
        if best.isPerfect { floorReached?.raise() }
        best.finish(state, level: current.level, soft: current.soft)
        return Result(
            state: best.schedule, soft: best.soft, perturbation: best.level.change, completedAt: completedAt,
            moves: moves, refused: refused, applied: applied, accepted: accepted, elapsed: termination.elapsed)
    }

    /// The annealing schedule for this search: 200 moves are made and taken
    /// back, and those that worsen the soft score from `current` without
    /// changing the level set the start temperature.
    mutating func sampleTemperature(from current: (level: Level, soft: Double)) -> SimulatedAnnealing {
        var worsening = 0.0, count = 0
        for _ in 0..<200 {
            guard tryMove() else { continue }
            let delta = tracker.soft - current.soft
            if delta > 0 && level == current.level {
                worsening += delta
                count += 1
            }
            takeBack()
        }
        return SimulatedAnnealing(sampledWorsening: worsening * plan.temperatureScale, count: count)
    }
}
