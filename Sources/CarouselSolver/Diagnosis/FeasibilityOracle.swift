import CarouselModel

/// "Can this problem be scheduled?", answered by the construction phase with
/// a fixed iteration budget, so the answer is the same on every machine:
/// yes when a complete schedule is found, no when the search gives up or
/// runs out of budget. A no is the search's verdict, not a proof; an
/// explanation is therefore checked the other way round — every answer it
/// relies on for "removing this one makes the rest feasible" is a schedule
/// actually found.
///
/// A question cut short — by `stop` (Ctrl-C) or by the `deadline` of the
/// whole diagnosis (`--time-limit`) — has no answer: `isCutShort` tells the
/// caller to discard it and report what it had established before.
public struct FeasibilityOracle: Sendable {
    public var seed: UInt64 = 1
    /// Construction iterations allowed per unit (plus a floor).
    public var iterationsPerUnit = 30
    public var minimumIterations = 3_000
    /// Wall-clock cap per question, and the flag that stops everything.
    public var timeLimit: Double = 20
    public var stop = Termination.StopFlag()
    /// When every question must end (monotonic seconds, `Termination.now()`),
    /// or nil for no deadline.
    public var deadline: Double?
    /// Called about once a second while a search runs (for a progress line).
    public var heartbeat: (@Sendable () -> Void)?

    public init() {}

    /// Whether the stop flag is raised or the deadline has passed: the
    /// last answer may have been cut short, and no more should be asked.
    public var isCutShort: Bool {
        stop.isRaised || deadline.map { Termination.now() >= $0 } ?? false
    }

    /// Whether a complete schedule of `problem` was found.
    public func feasible(_ problem: Problem) -> Bool {
        search(problem).isComplete
    }

    /// How many units the search's best schedule leaves unplaced (0 when
    /// complete; blocked fixed sessions count one each).
    public func unplaced(_ problem: Problem) -> Int {
        let result = search(problem)
        return result.state.unassignedCount + result.blockers.count
    }

    func search(_ problem: Problem) -> Construction.Result {
        let instance = CompiledInstance(problem)
        let units = UnitTable(instance).units.count
        let left = deadline.map { max(0, $0 - Termination.now()) } ?? timeLimit
        let termination = Termination(
            timeLimit: min(timeLimit, left), iterationLimit: max(minimumIterations, iterationsPerUnit * units),
            stop: stop)
        return Construction.run(
            instance, seed: seed, termination: termination, progress: heartbeat.map { beat in { _ in beat() } })
    }
}

/// How far a diagnosis (`explain`, `capacity`) has got, for the progress
/// line on stderr.
public struct DiagnosisProgress: Sendable {
    /// What it is doing, in words ("narrowing 212 requirements").
    public var stage: String
    /// Searches made so far.
    public var checks: Int

    public init(stage: String, checks: Int) {
        self.stage = stage
        self.checks = checks
    }
}

/// Thrown inside a diagnosis when the oracle's last answer was cut short.
struct DiagnosisStopped: Error {}
