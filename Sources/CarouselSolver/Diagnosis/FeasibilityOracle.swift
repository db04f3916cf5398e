import CarouselModel

/// "Can this problem be scheduled?", answered by the construction phase with
/// a fixed iteration budget, so the answer is the same on every machine:
/// yes when a complete schedule is found, no when the search gives up or
/// runs out of budget. A no is the search's verdict, not a proof; an
/// explanation is therefore checked the other way round — every answer it
/// relies on for "removing this one makes the rest feasible" is a schedule
/// actually found.
public struct FeasibilityOracle: Sendable {
    public var seed: UInt64 = 1
    /// Construction iterations allowed per unit (plus a floor).
    public var iterationsPerUnit = 30
    public var minimumIterations = 3_000
    /// Wall-clock cap per question, and the flag that stops everything.
    public var timeLimit: Double = 20
    public var stop = Termination.StopFlag()

    public init() {}

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
        let termination = Termination(timeLimit: timeLimit, iterationLimit: max(minimumIterations, iterationsPerUnit * units), stop: stop)
        return Construction.run(instance, seed: seed, termination: termination)
    }
}
