import CarouselModel

/// The construction phase: finds a schedule that breaks no hard rule.
///
/// It is a backtracking search in the style of iterative forward search
/// (cpsolver's IFS):
/// - **Variable ordering**: the unplaced unit with the fewest remaining
///   (activity, start) options goes next (most constrained first), ties to
///   cohorts and larger groups, then to a seeded random key.
/// - **Forward checking**: option counts are maintained per unit and
///   recomputed for the units of every day a change touches (group, room and
///   staff availability per period); a value that leaves another unit of the
///   same group with no option is rejected.
/// - **Value ordering**: joining an existing session first (it uses no new
///   room or staff), then the room that fits best, the start that keeps the
///   group's day compact and its wishes met, so future options stay open.
/// - **Backjumping**: a unit with no option is placed where it conflicts with
///   the fewest, least-often-disturbed placements; those are undone and go
///   back into the queue (conflict-directed, with a short tabu list so the
///   search does not undo what it just did).
/// - **Restarts**: after long stagnation the search restarts from the fixed
///   sessions with a new random stream, keeping the best schedule found.
///
/// Staff rows are filled by bipartite matching whenever a session opens or
/// changes size. Deterministic for a given seed (unless the time limit cuts it).
public struct Construction {
    /// The outcome: the best (fewest unplaced units) schedule found.
    public struct Result: Sendable {
        public var state: PartialSchedule
        public var iterations: Int
        public var restarts: Int
        public var elapsed: Double
        /// Notes about fixed sessions that could not be honoured.
        public var notes: [String]
        /// Requirements no schedule can meet as written (a fixed session that
        /// cannot be held, a together activity its groups disagree on).
        public var blockers: [String]
        /// Every unit placed and nothing blocked: the schedule is feasible.
        public var isComplete: Bool { state.unassignedCount == 0 && blockers.isEmpty }
    }

    let instance: CompiledInstance
    let table: UnitTable
    var state: PartialSchedule
    var random: SeededRandom
    /// Cached option counts (capped), and whether they need recomputing;
    /// the units marked since the last choice.
    var optionCount: [Int32]
    var dirty: [Bool]
    var dirtyUnits: [Int32]
    /// Lower bounds on the units' options (see `OptionBounds`): a unit whose
    /// bound stays at the cap after a change keeps its count uncounted.
    var bounds: OptionBounds
    /// The unplaced units in the order `selectUnit` takes them.
    var queue: UnitQueue
    /// How often each unit was undone by backjumping; raises its weight.
    var conflicts: [Int32]
    /// How often each unit had no option and was forced in by backjumping.
    var forced: [Int32]
    /// A unit forced in this often is given up (treated as impossible), so
    /// that one over-subscribed day cannot starve every other unit: most
    /// constrained first would otherwise pick its units for ever.
    let giveUpAfter: Int32
    /// Iteration at which each unit was last placed (tabu for backjumps).
    var placedAt: [Int]
    /// Days each unit may be placed on.
    let unitDays: [[Int32]]
    /// Static priority: cohorts, then big groups, then units with few activities.
    let priority: [Double]
    var tieBreak: [UInt64]
    var iteration = 0
    var notes: [String] = []
    var blockers: [String] = []
    /// Units that no placement can serve even by undoing others; skipped so
    /// that everything else still gets placed.
    var impossible: [Bool]
    /// The schedule being repaired: values that keep a unit where it was
    /// come first, and undoing a unit still in its old place costs more.
    var reference: Reference?

    static let countCap: Int32 = 12
    static let tabuLength = 12
    /// A schedule with fewer units left unplaced than this is always saved
    /// as the best when it is (see `solve`).
    static let alwaysSavedBelow = 64
    /// Iterations without a new fewest-unplaced after which construction
    /// counts as stalled (`Termination.stallLimit`).
    static let stallIterations = 2_000

    init(instance: CompiledInstance, seed: UInt64) {
        self.instance = instance
        table = UnitTable(instance)
        state = PartialSchedule(instance, table: table)
        random = SeededRandom(seed: seed)
        let U = table.units.count
        optionCount = Array(repeating: Self.countCap, count: U)
        dirty = Array(repeating: true, count: U)
        dirtyUnits = (0..<U).map { Int32($0) }
        bounds = OptionBounds(table, instance: instance)
        queue = UnitQueue(units: U)
        conflicts = Array(repeating: 0, count: U)
        forced = Array(repeating: 0, count: U)
        giveUpAfter = Int32(clamping: max(50, U / 4))
        placedAt = Array(repeating: -1_000, count: U)
        var days = [[Int32]](repeating: [], count: U)
        for (d, list) in table.unitsOfDay.enumerated() {
            for u in list { days[Int(u)].append(Int32(d)) }
        }
        unitDays = days
        priority = table.units.map { unit in
            (unit.kind == .cohort ? 1000 : 0) + Double(unit.pupils) / 100 - Double(unit.activities.count) / 10
        }
        impossible = Array(repeating: false, count: U)
        tieBreak = Array(repeating: 0, count: U)
        for u in 0..<U { tieBreak[u] = random.next() }
    }

    /// Runs the phase until every unit is placed or `termination` says stop.
    public static func run(
        _ instance: CompiledInstance, seed: UInt64, termination: Termination,
        progress: ((SearchProgress) -> Void)? = nil
    ) -> Result {
        var search = Construction(instance: instance, seed: seed)
        search.placeFixed()
        return search.solve(termination: termination, progress: progress)
    }

    /// Runs the phase from the sessions of `old` that the changed problem
    /// still allows (see `restore`), placing the rest with a preference for
    /// their old times and rooms. What `scope` keeps stays as it was, and
    /// nothing new starts before its `openFrom`.
    public static func repair(
        _ instance: CompiledInstance, old: Schedule, scope: RepairScope, seed: UInt64,
        termination: Termination, progress: ((SearchProgress) -> Void)? = nil
    ) -> (Result, Reference) {
        var search = Construction(instance: instance, seed: seed)
        let reference = Reference(old, table: search.table, instance: instance)
        search.reference = reference
        search.placeFixed()
        search.restore(old, scope: scope)
        return (search.solve(termination: termination, progress: progress), reference)
    }

    /// Places units until all are placed or `termination` says stop; a
    /// restart goes back to the state this starts from.
    mutating func solve(termination: Termination, progress: ((SearchProgress) -> Void)?) -> Result {
        let fixedState = state
        var best = state
        // The fewest units left unplaced so far; `best` is a copy of that
        // schedule, taken at most every `snapshotEvery` iterations while
        // more than `alwaysSavedBelow` units are left: copying every table
        // on each improvement (nearly every backjump while the schedule
        // grows) made construction's cost grow with its size squared. A
        // finished schedule is the last state whatever was saved.
        var bestCount = state.unassignedCount
        var lastSnapshot = 0
        let snapshotEvery = table.units.count / 32
        var restarts = 0
        var sinceImprovement = 0
        var restartAfter = max(2_000, 4 * table.units.count)
        var lastReport = termination.elapsed
        // Progress, for `Termination.stallLimit`: the iteration that last
        // left fewer units unplaced than ever before.
        var fewestUnplaced = state.unassignedCount
        var lastProgress = 0
        while state.unassignedCount > 0 {
            if state.unassignedCount < fewestUnplaced {
                fewestUnplaced = state.unassignedCount
                lastProgress = iteration
            }
            if iteration & 31 == 0 {
                let stalled = iteration - lastProgress > Self.stallIterations
                if termination.shouldStop(iterations: iteration, stalled: stalled) { break }
                if let progress, termination.elapsed - lastReport >= 1 {
                    lastReport = termination.elapsed
                    progress(
                        SearchProgress(
                            phase: "construct", elapsed: lastReport, iterations: iteration,
                            unplaced: state.unassignedCount,
                            bestUnplaced: min(bestCount, state.unassignedCount)))
                }
            }
            iteration += 1
            guard let u = selectUnit() else { break }
            if tryPlace(u) {
                sinceImprovement += 1
                continue
            }
            if state.unassignedCount < bestCount {
                bestCount = state.unassignedCount
                if iteration - lastSnapshot >= snapshotEvery || bestCount < Self.alwaysSavedBelow {
                    best = state
                    lastSnapshot = iteration
                }
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if sinceImprovement > restartAfter {
                restarts += 1
                sinceImprovement = 0
                restartAfter += restartAfter / 2
                state = fixedState
                for u in tieBreak.indices { tieBreak[u] = random.next() }
                markAllDirty()
                continue
            }
            backjump(u)
        }
        if state.unassignedCount < best.unassignedCount || state.unassignedCount == 0 { best = state }
        return Result(
            state: best, iterations: iteration, restarts: restarts, elapsed: termination.elapsed, notes: notes,
            blockers: blockers + table.notes)
    }

    /// The unplaced unit with the fewest options (most constrained first),
    /// ties to higher priority, then the seeded tie-break: stale counts of
    /// unplaced units are recomputed first.
    mutating func selectUnit() -> Int? {
        bounds.rebuildIfStale(state)
        for u32 in dirtyUnits {
            let u = Int(u32)
            dirty[u] = false
            // A placed unit is marked again when it is undone (`undo`).
            guard state.unitSession[u] < 0 && !impossible[u] else { continue }
            if table.units[u].fixedEntry >= 0 {
                // Another unit's placement may bar its opening (`entryPlaced`): never bounded.
                optionCount[u] = countOptions(u, cap: Self.countCap)
            } else {
                let n = countOptions(u, cap: OptionBounds.countedTo)
                bounds.set(u, n)
                optionCount[u] = min(n, Self.countCap)
            }
            // An unchanged count keeps its entry: no push, no stale entry to pop later.
            if !queue.holds(u, count: optionCount[u]) {
                queue.push(u, count: optionCount[u], priority: priority[u], tie: tieBreak[u])
            }
        }
        dirtyUnits.removeAll(keepingCapacity: true)
        return queue.first { state.unitSession[$0] < 0 && !impossible[$0] }
    }

    /// Marks stale the counts of units that could use day d or group g,
    /// after `change` (a unit of `groups` placed in or taken out of a
    /// session). The units of those groups are always recounted. The other
    /// units of day d are taken by kind (`OptionBounds.Kind`: their activity
    /// list, pupils and needs): a kind the change cannot touch keeps its counts; a unit of
    /// another kind is recounted only when its bound, less the most the
    /// change can have taken from it, could be below the cap. The first
    /// change to a day after the bounds were dropped recounts all its units.
    /// The counts stay exactly those of recounting every unit of the day.
    mutating func markStale(day d: Int, groups: [Int32], change: OptionBounds.Change) {
        for g in groups { for v in table.unitsOfGroup[Int(g)] { markDirty(Int(v)) } }
        if change.dropsBounds { bounds.invalidateAll() }
        bounds.update(after: change, state: state)
        guard bounds.isCurrent(day: d) else {
            for v in table.unitsOfDay[d] { markDirty(Int(v)) }
            return
        }
        for kind in bounds.kinds[d] {
            guard let loss = change.loss(of: kind, freeRooms: bounds.freeRooms, state: state) else { continue }
            // A placement that took no option from the kind leaves every count as it was.
            if loss == 0 && change.placed && kind.representative >= 0 { continue }
            for v32 in kind.units {
                let v = Int(v32)
                guard !dirty[v] else { continue }
                if table.units[v].fixedEntry >= 0 || !bounds.keepsCap(v, after: loss, cap: Self.countCap) {
                    markDirty(v)
                }
            }
        }
    }

    @inline(__always)
    mutating func markDirty(_ u: Int) {
        guard !dirty[u] else { return }
        dirty[u] = true
        dirtyUnits.append(Int32(u))
    }

    /// Every count is stale (a restart, or a restored schedule).
    mutating func markAllDirty() {
        queue.removeAll()
        bounds.invalidateAll()
        dirtyUnits.removeAll(keepingCapacity: true)
        for u in dirty.indices {
            dirty[u] = true
            dirtyUnits.append(Int32(u))
        }
    }
}
