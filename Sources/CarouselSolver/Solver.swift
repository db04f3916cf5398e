import Foundation
import CarouselModel

/// The whole solve: construction (until every unit is placed), then local
/// search for the rest of the time, in `threads` independent searches that
/// start from the same constructed schedule with different seeds; the best
/// schedule wins (ties to the lowest thread).
public enum Solver {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var timeLimit: Double = 10
        public var threads: Int = 1
        /// Local-search moves per thread; with it set, a run is deterministic
        /// for a given seed and thread count whatever the machine's speed.
        public var moveLimit: Int = .max
        /// Skip the local search (first feasible schedule only).
        public var constructOnly = false
        public var stop = Termination.StopFlag()

        public init() {}
    }

    public struct Result: Sendable {
        public var state: PartialSchedule
        public var construction: Construction.Result
        /// Seconds to the first complete schedule (nil if none).
        public var firstFeasibleSeconds: Double?
        /// Local-search moves tried, and those possible and scored, over all threads.
        public var moves: Int
        public var evaluatedMoves: Int
        /// Seconds spent in local search.
        public var searchSeconds: Double
        public var elapsed: Double
        public var notes: [String]
    }

    public static func solve(_ instance: CompiledInstance, options: Options,
                             progress: (@Sendable (SearchProgress) -> Void)? = nil) -> Result {
        let termination = Termination(timeLimit: options.timeLimit, stop: options.stop)
        let built = Construction.run(instance, seed: options.seed, termination: termination, progress: progress)
        let first = built.isComplete ? termination.elapsed : nil
        guard built.state.unassignedCount == 0, !options.constructOnly, !termination.shouldStop(iterations: 0) else {
            return Result(state: built.state, construction: built, firstFeasibleSeconds: first, moves: 0, evaluatedMoves: 0,
                          searchSeconds: 0, elapsed: termination.elapsed, notes: built.notes + built.blockers)
        }
        let threads = max(1, options.threads)
        let results = ResultBox(count: threads)
        let local = Termination(timeLimit: options.timeLimit, iterationLimit: options.moveLimit, stop: options.stop,
                                start: termination.start)
        DispatchQueue.concurrentPerform(iterations: threads) { i in
            let seed = options.seed &+ UInt64(i) &* 0x9E37_79B9
            let report = i == 0 ? progress : nil
            results.set(i, LocalSearch.run(built.state, seed: seed, termination: local, progress: report))
        }
        let all = results.values
        var best = all[0]
        for r in all.dropFirst() where r.soft < best.soft - 1e-9 { best = r }
        return Result(state: best.state, construction: built, firstFeasibleSeconds: first,
                      moves: all.reduce(0) { $0 + $1.moves }, evaluatedMoves: all.reduce(0) { $0 + $1.evaluated },
                      searchSeconds: termination.elapsed - (first ?? 0), elapsed: termination.elapsed, notes: built.notes + built.blockers)
    }
}

/// Results written by concurrent searches, one slot each.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [LocalSearch.Result?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: LocalSearch.Result) { lock.withLock { slots[i] = r } }
    var values: [LocalSearch.Result] { lock.withLock { slots.compactMap { $0 } } }
}
