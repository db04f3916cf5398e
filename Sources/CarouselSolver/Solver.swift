import CarouselModel
import Foundation

/// The whole solve: construction (until every unit is placed), then local
/// search for the rest of the time, in `threads` cooperating searches that
/// start from the same constructed schedule with different seeds and plans
/// and share their best schedules at intervals (thread 0 searches as a lone
/// search would; the others follow the best of all); the best schedule wins
/// (ties to the lowest thread). When construction leaves units
/// unplaced, the local search first tries to place them (its insertion move)
/// and then improves as usual.
public enum Solver {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var timeLimit: Double = 10
        public var threads: Int = 1
        /// Local-search moves per thread; with it set, a run is deterministic
        /// for a given seed and thread count whatever the machine's speed.
        public var moveLimit: Int = .max
        /// Whether `moveLimit` is a default budget, set for a problem of
        /// `Solver.movesBudgetUnits` units and scaled up with the problem's
        /// size (`scaledMoveLimit`), rather than an exact count.
        public var scalesMoveLimit = false
        /// Skip the local search (first feasible schedule only).
        public var constructOnly = false
        /// A proven lower bound on the soft score of every complete schedule
        /// of the instance (`SoftLowerBound(instance).soft`; 0 for none): a
        /// search that reaches it with every unit placed (and, in a repair,
        /// nothing changed) has found an optimum and stops, and under a time
        /// limit alone the run's other threads stop with it. (With a move
        /// budget each thread stops on its own, so the run stays
        /// reproducible.)
        public var softFloor: Double = 0
        public var stop = Termination.StopFlag()

        public init() {}
    }

    public struct Result: Sendable {
        public var state: PartialSchedule
        public var construction: Construction.Result
        /// Seconds to the first complete schedule (nil if none).
        public var firstFeasibleSeconds: Double?
        /// Local-search moves over all threads: tried; evaluated (refused
        /// for breaking a hard rule, or applied); applied and soft-scored.
        public var moves: Int
        public var evaluatedMoves: Int
        public var appliedMoves: Int
        /// Seconds spent in local search.
        public var searchSeconds: Double
        public var elapsed: Double
        public var notes: [String]
        /// The old schedule's places (repair only), and the weighted change from it.
        public var reference: Reference?
        public var perturbation: Int

        /// The units the returned schedule leaves unplaced.
        public var unplaced: [Int] { state.unitSession.indices.filter { state.unitSession[$0] < 0 } }
    }

    public static func solve(
        _ instance: CompiledInstance, options: Options,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) -> Result {
        let termination = Termination(timeLimit: options.timeLimit, stop: options.stop)
        let built = Construction.run(
            instance, seed: options.seed, termination: constructionShare(of: termination), progress: progress)
        return improve(built, reference: nil, termination: termination, options: options, progress: progress)
    }

    /// Repairs `old` for a changed instance: keeps every session the change
    /// allows, places the rest preferring their old times and rooms, then
    /// searches with the weighted change from `old` minimised ahead of the
    /// soft score (`Reference`). Days before `keepDays` are over: their
    /// sessions stay, and nothing new is placed on them.
    public static func repair(
        _ instance: CompiledInstance, old: Schedule, keepDays: Int = 0, options: Options,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) -> Result {
        repair(
            instance, old: old, scope: .from(day: keepDays, instance: instance), options: options, progress: progress)
    }

    /// Repairs `old` within `scope` (`RepairScope`): the sessions it keeps —
    /// started before a moment, or on kept days — stay as they were, and
    /// nothing new starts before its `openFrom` (`carousel repair --now`).
    public static func repair(
        _ instance: CompiledInstance, old: Schedule, scope: RepairScope, options: Options,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) -> Result {
        let termination = Termination(timeLimit: options.timeLimit, stop: options.stop)
        let (built, reference) = Construction.repair(
            instance, old: old, scope: scope, seed: options.seed,
            termination: constructionShare(of: termination), progress: progress)
        return improve(built, reference: reference, termination: termination, options: options, progress: progress)
    }

    /// Construction may use half the time, and more while it still places
    /// units (up to `constructionMostShare` of the limit): when it stalls,
    /// the local search's repair mode (insertion moves) gets the rest. On
    /// a big problem construction places thousands of units a second where
    /// the insertion moves place tens, so cutting it off at half the limit
    /// while it was still going left the 1,000,000-visitor programme
    /// unfinished on a loaded machine.
    static func constructionShare(of termination: Termination) -> Termination {
        Termination(
            timeLimit: termination.timeLimit * constructionMostShare, iterationLimit: termination.iterationLimit,
            stop: termination.stop, start: termination.start, stallLimit: termination.timeLimit / 2)
    }

    /// The most of the time limit construction may use while it progresses.
    static let constructionMostShare = 0.9

    /// The problem size a default move budget is set for: about the units of
    /// a 2,000-pupil week.
    public static let movesBudgetUnits = 400

    /// A default move budget of `base` moves for a problem of
    /// `movesBudgetUnits` units, scaled in proportion to `units` (never
    /// below `base`), so that a big problem's default run is not cut short
    /// long before a small one's.
    public static func scaledMoveLimit(_ base: Int, units: Int) -> Int {
        guard base < Int.max / 1_000 else { return base }
        return base * max(movesBudgetUnits, units) / movesBudgetUnits
    }

    /// The local-search phase after construction, in `options.threads`
    /// cooperating searches that follow different plans
    /// (`SearchPlan.portfolio`) and share their best schedules at intervals
    /// (`BestExchange`); the best (fewest unplaced, then least change, then
    /// least soft) wins.
    static func improve(
        _ built: Construction.Result, reference: Reference?, termination: Termination, options: Options,
        progress: (@Sendable (SearchProgress) -> Void)?
    ) -> Result {
        let first = built.isComplete ? termination.elapsed : nil
        guard !options.constructOnly, !termination.shouldStop(iterations: 0) else {
            let tracker = ScoreTracker(built.state, reference: reference)
            return Result(
                state: built.state, construction: built, firstFeasibleSeconds: first, moves: 0, evaluatedMoves: 0,
                appliedMoves: 0,
                searchSeconds: 0, elapsed: termination.elapsed, notes: built.notes + built.blockers,
                reference: reference, perturbation: tracker.perturbation)
        }
        let threads = max(1, options.threads)
        let results = ConcurrentSlots<LocalSearch.Result>(count: threads)
        let moveLimit =
            options.scalesMoveLimit
            ? scaledMoveLimit(options.moveLimit, units: built.state.table.units.count) : options.moveLimit
        let local = Termination(
            timeLimit: options.timeLimit, iterationLimit: moveLimit, stop: options.stop,
            start: termination.start)
        let exchange = threads > 1 ? BestExchange(threads: threads) : nil
        let floorReached = moveLimit == .max ? Termination.StopFlag() : nil
        let state = built.state
        BestExchange.runTogether(threads) { i in
            let seed = options.seed &+ UInt64(i) &* 0x9E37_79B9
            let report = i == 0 ? progress : nil
            results.set(
                i,
                LocalSearch.run(
                    state, seed: seed, termination: local, reference: reference,
                    plan: .portfolio(thread: i, repairing: reference != nil), exchange: exchange, thread: i,
                    floor: options.softFloor, floorReached: floorReached, progress: report))
        }
        let all = results.values
        func key(_ r: LocalSearch.Result) -> (Int, Int) { (r.state.unassignedCount, r.perturbation) }
        var best = all[0]
        for r in all.dropFirst() where key(r) < key(best) || (key(r) == key(best) && r.soft < best.soft - 1e-9) {
            best = r
        }
        let repaired = built.blockers.isEmpty && best.state.unassignedCount == 0 ? best.completedAt : nil
        return Result(
            state: best.state, construction: built, firstFeasibleSeconds: first ?? repaired,
            moves: all.reduce(0) { $0 + $1.moves }, evaluatedMoves: all.reduce(0) { $0 + $1.evaluated },
            appliedMoves: all.reduce(0) { $0 + $1.applied },
            searchSeconds: termination.elapsed - (first ?? 0), elapsed: termination.elapsed,
            notes: built.notes + built.blockers, reference: reference, perturbation: best.perturbation)
    }
}
