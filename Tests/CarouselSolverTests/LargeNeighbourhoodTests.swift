import CarouselModel
import Dispatch
import Testing

@testable import CarouselSolver

/// The large-neighbourhood search (`Search/LargeNeighbourhood/`): a step
/// never leaves the schedule worse than it found it, its score after a
/// destroy and rebuild equals a fresh rescore, and every schedule it leaves
/// breaks no hard rule — on the examples and on random problems of both
/// format versions.
@Suite struct LargeNeighbourhoodTests {
    /// Runs `steps` steps, each kind of neighbourhood in turn, checking after
    /// each that the score did not get worse, and every `every` steps that
    /// the tracker equals a full rescore and no hard rule is broken; returns
    /// the steps that improved the score.
    static func stepAndCheck(
        _ search: inout LocalSearch, _ evaluator: Evaluator, steps: Int, every: Int,
        _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        var improved = 0
        for step in 0..<steps {
            let kind = LocalSearch.Neighbourhood.allCases[step % LocalSearch.Neighbourhood.allCases.count]
            let before = search.soft
            _ = search.largeNeighbourhoodStep(kind)
            #expect(
                search.soft <= before + 1e-9, "\(label): step \(step) (\(kind)) worsened \(before) to \(search.soft)",
                sourceLocation: sourceLocation)
            if search.soft < before - 1e-9 { improved += 1 }
            if step % every == every - 1 || step == steps - 1 {
                IncrementalScoreTests.expectMatchesFullRescore(
                    search, evaluator, "\(label) after step \(step) (\(kind))",
                    sourceLocation: sourceLocation)
                let fresh = ScoreTracker(search.state, reference: nil)
                #expect(
                    abs(fresh.soft - search.soft) < 1e-6, "\(label): the rebuilt state's fresh score differs",
                    sourceLocation: sourceLocation)
            }
        }
        return improved
    }

    /// A search whose steps score at most `evaluations` places (a debug
    /// build is slow).
    static func search(_ state: PartialSchedule, seed: UInt64, evaluations: Int = 400) -> LocalSearch {
        var search = LocalSearch(state, seed: seed)
        search.lns.evaluationLimit = evaluations
        return search
    }

    @Test(arguments: ["stem-week", "summer-school", "saturday-maths", "conference"])
    func rebuildsNeverWorsenAndStayExact(example: String) throws {
        let I = try IncrementalScoreTests.instance(example)
        let built = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600))
        try #require(built.isComplete)
        var search = Self.search(built.state, seed: 5)
        let improved = Self.stepAndCheck(&search, Evaluator(I), steps: 25, every: 5, example)
        // A constructed schedule is far from optimal: some rebuilds pay.
        #expect(improved > 0, "\(example): no rebuild improved a constructed schedule")
        #expect(search.lns.steps > 0)
    }

    @Test func randomProblemsStayFeasible() throws {
        var checked = 0
        for seed in UInt64(1)...25 {
            guard let fx = try? SolverPropertyTests.generate(seed).fx() else { continue }
            let built = construct(fx.instance, seed: seed)
            guard built.isComplete else { continue }
            var search = Self.search(built.state, seed: seed, evaluations: 200)
            _ = Self.stepAndCheck(&search, Evaluator(fx.instance), steps: 10, every: 5, "random seed \(seed)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func randomVersion2ProblemsStayFeasible() throws {
        var checked = 0
        for seed in UInt64(1)...15 {
            let problem = try RandomVersion2Problem(seed: seed).problem()
            let I = CompiledInstance(problem.withFormedTeams())
            let built = construct(I, seed: seed)
            guard built.isComplete else { continue }
            var search = Self.search(built.state, seed: seed, evaluations: 200)
            _ = Self.stepAndCheck(&search, Evaluator(I), steps: 10, every: 5, "v2 seed \(seed)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    /// Neighbourhoods never free the units of a fixed session (a cohort
    /// freed from one would be placed elsewhere and the session lost).
    @Test func neighbourhoodsLeaveFixedSessionsAlone() throws {
        for example in ["summer-school", "stem-week"] {
            let I = try IncrementalScoreTests.instance(example)
            let built = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600))
            try #require(built.isComplete)
            var search = Self.search(built.state, seed: 9)
            for step in 0..<200 {
                let kind = LocalSearch.Neighbourhood.allCases[step % LocalSearch.Neighbourhood.allCases.count]
                guard search.choose(kind) else { continue }
                #expect(search.lns.freed.count <= search.lns.size)
                for u in search.lns.freed {
                    let s = Int(search.state.unitSession[u])
                    #expect(
                        s >= 0 && !search.state.sessionLocked[s],
                        "\(example): \(kind) freed unit \(u) of a fixed session")
                }
            }
        }
    }

    /// Annealing with frequent large-neighbourhood phases, as a solve runs
    /// them: the schedule it returns validates, and with a move budget the
    /// same seed gives the same schedule.
    @Test func annealingWithPhasesReturnsValidSchedules() throws {
        var plan = LocalSearch.SearchPlan()
        plan.period = 2_000
        plan.rebuildShare = 0.5
        for seed in UInt64(1)...12 {
            guard let fx = try? SolverPropertyTests.generate(seed).fx() else { continue }
            let built = construct(fx.instance, seed: seed)
            guard built.isComplete else { continue }
            func run() -> LocalSearch.Result {
                LocalSearch.run(
                    built.state, seed: seed, termination: Termination(timeLimit: 600, iterationLimit: 12_000),
                    reference: nil, plan: plan, exchange: nil, thread: 0, progress: nil)
            }
            let a = run(), b = run()
            let ev = Evaluator(fx.instance).evaluate(a.state.schedule)
            #expect(ev.isFeasible, "seed \(seed): \(describe(ev))")
            #expect(abs(ev.soft - a.soft) < 1e-6)
            #expect(a.state.schedule == b.state.schedule, "seed \(seed): not reproducible")
        }
    }
}
