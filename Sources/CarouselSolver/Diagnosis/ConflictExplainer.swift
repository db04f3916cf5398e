import CarouselModel

/// Finds a small set of requirements that cannot all hold together
/// (QuickXplain, Junker 2004, over `Requirement`s): every requirement
/// outside the set is relaxed, and the set is minimal — relaxing any one of
/// its members makes the rest schedulable, which `explain` checks by finding
/// that schedule.
public struct ConflictExplainer {
    public let problem: Problem
    public var oracle: FeasibilityOracle
    let all: [Requirement]
    /// Questions asked of the oracle so far.
    public private(set) var checks = 0

    public init(_ problem: Problem, oracle: FeasibilityOracle = FeasibilityOracle()) {
        self.problem = problem
        self.oracle = oracle
        all = Requirement.all(in: problem)
    }

    /// The outcome of `explain`.
    public struct Explanation: Sendable, Equatable {
        /// The conflict, in the order found.
        public var conflict: [Requirement]
        /// For each member: whether relaxing it alone (keeping the rest of
        /// the conflict, all else relaxed) gave a schedule.
        public var verified: [Bool]
        /// Whether the conflict alone was confirmed infeasible with a
        /// budget four times larger.
        public var confirmed: Bool
    }

    mutating func feasible(keeping kept: Set<Requirement>) -> Bool {
        checks += 1
        return oracle.feasible(Requirement.relax(problem, all: all, keeping: kept))
    }

    /// nil when the whole problem is schedulable.
    public mutating func explain() -> Explanation? {
        guard !feasible(keeping: Set(all)) else { return nil }
        var conflict: [Requirement] = []
        if !feasible(keeping: []) {
            // Nothing relaxable is to blame: the calendar or the entities
            // themselves (say, a fixed session whose room does not exist
            // then) — return the empty conflict.
            return Explanation(conflict: [], verified: [], confirmed: true)
        }
        conflict = quickXplain(background: [], delta: false, candidates: all)
        let kept = Set(conflict)
        let verified = conflict.map { r in feasible(keeping: kept.subtracting([r])) }
        var strict = oracle
        strict.iterationsPerUnit *= 4
        strict.minimumIterations *= 4
        checks += 1
        let confirmed = !strict.feasible(Requirement.relax(problem, all: all, keeping: kept))
        return Explanation(conflict: conflict, verified: verified, confirmed: confirmed)
    }

    /// QuickXplain: a minimal subset of `candidates` that, with `background`,
    /// is infeasible (given that background ∪ candidates is).
    mutating func quickXplain(background: Set<Requirement>, delta: Bool, candidates: [Requirement]) -> [Requirement] {
        if delta && !feasible(keeping: background) { return [] }
        if candidates.count == 1 { return candidates }
        let half = candidates.count / 2
        let first = Array(candidates[..<half]), second = Array(candidates[half...])
        let d2 = quickXplain(background: background.union(first), delta: !first.isEmpty, candidates: second)
        let d1 = quickXplain(background: background.union(d2), delta: !d2.isEmpty, candidates: first)
        return d1 + d2
    }
}
