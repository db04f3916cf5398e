import Foundation
import Synchronization

/// When a search phase stops: a time limit, an optional iteration limit, and
/// a flag another thread (a Ctrl-C handler) may raise at any time.
public struct Termination: Sendable {
    /// Raised from outside to stop every phase early; the best schedule so
    /// far is still returned.
    public final class StopFlag: Sendable {
        private let raised = Atomic<Bool>(false)
        public init() {}
        public func raise() { raised.store(true, ordering: .relaxed) }
        public var isRaised: Bool { raised.load(ordering: .relaxed) }
    }

    public var timeLimit: Double
    public var iterationLimit: Int
    public var stop: StopFlag
    /// When the run started (seconds, monotonic).
    public let start: Double
    /// Seconds after which a phase that has stopped making progress stops,
    /// though `timeLimit` would allow more (`shouldStop(iterations:stalled:)`);
    /// nil: only `timeLimit` counts.
    public var stallLimit: Double?

    /// `start` defaults to now; pass another phase's start to share its clock.
    public init(
        timeLimit: Double, iterationLimit: Int = .max, stop: StopFlag = StopFlag(), start: Double? = nil,
        stallLimit: Double? = nil
    ) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.stop = stop
        self.start = start ?? Termination.now()
        self.stallLimit = stallLimit
    }

    /// Monotonic seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    public var elapsed: Double { Termination.now() - start }

    /// Whether the phase should stop after `iterations` iterations.
    public func shouldStop(iterations: Int) -> Bool {
        iterations >= iterationLimit || stop.isRaised || elapsed >= timeLimit
    }

    /// `shouldStop(iterations:)`, or past `stallLimit` when the phase has
    /// `stalled` (made no progress lately, by its own measure).
    public func shouldStop(iterations: Int, stalled: Bool) -> Bool {
        shouldStop(iterations: iterations) || (stalled && stallLimit.map { elapsed >= $0 } ?? false)
    }
}

/// A progress report from a running phase, for the stderr line.
public struct SearchProgress: Sendable {
    /// When the search reports after a report at `elapsed` seconds: at 0.1,
    /// 0.2 and 0.5 s in the first second (the time in which a small problem's
    /// schedule improves most), then once a second.
    static func nextReport(after elapsed: Double) -> Double {
        [0.1, 0.2, 0.5, 1].first { $0 > elapsed + 1e-9 } ?? elapsed + 1
    }

    public var phase: String
    public var elapsed: Double
    public var iterations: Int
    /// Units (group attendances) not yet placed.
    public var unplaced: Int
    public var bestUnplaced: Int
    public var soft: Double?
}
