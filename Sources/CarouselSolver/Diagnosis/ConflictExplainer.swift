import CarouselModel

/// Finds a small set of requirements that cannot all hold together
/// (QuickXplain, Junker 2004, over `Requirement`s): every requirement
/// outside the set is relaxed, and the set is minimal — relaxing any one of
/// its members makes the rest schedulable, which `explain` checks by finding
/// that schedule.
///
/// Stopped early (a deadline, Ctrl-C), it reports what it had established:
/// the smallest set of requirements it saw fail together (infeasible, but
/// perhaps not minimal), and which members it had verified.
public struct ConflictExplainer {
    public let problem: Problem
    public var oracle: FeasibilityOracle
    let all: [Requirement]
    /// Questions asked of the oracle so far.
    public private(set) var checks = 0
    /// Called after every question.
    public var progress: ((DiagnosisProgress) -> Void)?
    /// The smallest set seen infeasible so far (with all else relaxed).
    private var smallestInfeasible: [Requirement] = []
    private var stage = "checking the whole problem"

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
        /// false when stopped while narrowing down: the conflict is the
        /// smallest set found infeasible so far, not necessarily minimal.
        public var isMinimal = true
        /// Members whose relaxation was tried (the first `checked` of
        /// `verified`); fewer than all when stopped while verifying.
        public var checked: Int
        /// false when stopped before the confirmation search.
        public var confirmationDone = true

        /// Whether every step ran to its end.
        public var isComplete: Bool { isMinimal && checked == conflict.count && confirmationDone }
    }

    /// What `run` established.
    public enum Outcome: Sendable, Equatable {
        /// A schedule exists: nothing to explain.
        case feasible
        /// Stopped before even the whole problem was decided.
        case undecided
        /// A conflict, complete or (`isComplete` false) as far as it got.
        case conflict(Explanation)
    }

    /// nil when the whole problem is schedulable (or nothing was decided).
    public mutating func explain() -> Explanation? {
        if case .conflict(let e) = run() { return e }
        return nil
    }

    public mutating func run() -> Outcome {
        do {
            guard !(try feasible(keeping: Set(all))) else { return .feasible }
            smallestInfeasible = all
            if !(try feasible(keeping: [])) {
                // Nothing relaxable is to blame: the calendar or the entities
                // themselves (say, a fixed session whose room does not exist
                // then) — return the empty conflict.
                return .conflict(Explanation(conflict: [], verified: [], confirmed: true, checked: 0))
            }
            stage = "narrowing \(all.count) requirements"
            let conflict = try quickXplain(background: [], delta: false, candidates: all)
            var e = Explanation(conflict: conflict, verified: [], confirmed: false, checked: 0, confirmationDone: false)
            let kept = Set(conflict)
            for r in conflict {
                stage = "verifying member \(e.checked + 1) of \(conflict.count)"
                guard let ok = try? feasible(keeping: kept.subtracting([r])) else { return .conflict(e) }
                e.verified.append(ok)
                e.checked += 1
            }
            var strict = oracle
            strict.iterationsPerUnit *= 4
            strict.minimumIterations *= 4
            checks += 1
            stage = "confirming the conflict"
            let confirmed = !strict.feasible(Requirement.relax(problem, all: all, keeping: kept))
            guard !strict.isCutShort else { return .conflict(e) }
            e.confirmed = confirmed
            e.confirmationDone = true
            return .conflict(e)
        } catch {
            guard !smallestInfeasible.isEmpty else { return .undecided }
            return .conflict(
                Explanation(
                    conflict: smallestInfeasible, verified: [], confirmed: false, isMinimal: false,
                    checked: 0, confirmationDone: false))
        }
    }

    mutating func feasible(keeping kept: Set<Requirement>) throws(DiagnosisStopped) -> Bool {
        checks += 1
        let answer = oracle.feasible(Requirement.relax(problem, all: all, keeping: kept))
        guard !oracle.isCutShort else { throw DiagnosisStopped() }
        if !answer && !smallestInfeasible.isEmpty && kept.count < smallestInfeasible.count {
            smallestInfeasible = all.filter(kept.contains)
        }
        progress?(DiagnosisProgress(stage: stage, checks: checks))
        return answer
    }

    /// QuickXplain: a minimal subset of `candidates` that, with `background`,
    /// is infeasible (given that background ∪ candidates is).
    mutating func quickXplain(background: Set<Requirement>, delta: Bool, candidates: [Requirement])
        throws(DiagnosisStopped) -> [Requirement]
    {
        if delta, !(try feasible(keeping: background)) { return [] }
        if candidates.count == 1 { return candidates }
        let half = candidates.count / 2
        let first = Array(candidates[..<half]), second = Array(candidates[half...])
        let d2 = try quickXplain(background: background.union(first), delta: !first.isEmpty, candidates: second)
        let d1 = try quickXplain(background: background.union(d2), delta: !d2.isEmpty, candidates: first)
        return d1 + d2
    }
}
