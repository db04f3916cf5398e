import CarouselModel
import Foundation
import Testing

@testable import CarouselSolver

/// The local search's repair mode: started from a schedule construction left
/// incomplete, its insertion move places the rest, and every schedule it
/// returns keeps every hard rule but rule 1 (units left unplaced).
@Suite struct RepairSearchTests {
    /// Construction stopped after a few dozen placements; the search places
    /// the rest. (The conference's one-period lunch is nearly full: there an
    /// insertion must make room in a full session.)
    @Test(arguments: ["stem-week", "summer-school", "saturday-maths", "conference"])
    func localSearchPlacesWhatAShortConstructionLeft(example: String) throws {
        let I = try IncrementalScoreTests.instance(example)
        let built = Construction.run(I, seed: 2, termination: Termination(timeLimit: 600, iterationLimit: 1))
        try #require(built.state.unassignedCount > 0, "construction was meant to stop early")
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 60_000
        let termination = Termination(timeLimit: 600)
        let result = Solver.improve(built, reference: nil, termination: termination, options: options, progress: nil)
        let ev = Evaluator(I).evaluate(result.state.schedule)
        #expect(
            result.unplaced.isEmpty,
            "\(example): \(result.unplaced.count) of \(built.state.unassignedCount) left unplaced")
        expectFeasible(ev)
        #expect(result.firstFeasibleSeconds != nil)
        print(
            "RepairSearchTests \(example): construction left \(built.state.unassignedCount) of \(built.state.table.units.count) units, "
                + "the search \(result.unplaced.count) (soft \(ev.soft))")
    }

    /// The only session lunch may have is full: an insertion makes room in
    /// it, the unplaced group joining and one of its groups leaving (the
    /// level stays equal), and taking it back restores both.
    @Test func insertionMakesRoomInAFullSession() throws {
        let fx = try Fx(
            rooms: #"[{"id": "hall"}]"#,
            activities: #"[{"id": "lunch", "maxGroups": 2, "maxSessions": 1}]"#,
            groups: #"""
                [{"id": "a", "size": 20, "attend": [{"activity": "lunch"}]},
                 {"id": "b", "size": 20, "attend": [{"activity": "lunch"}]},
                 {"id": "c", "size": 20, "attend": [{"activity": "lunch"}]}]
                """#)
        let I = fx.instance
        var state = PartialSchedule(I, table: UnitTable(I))
        let opened = state.open(activity: 0, slot: I.slot(day: 0, period: 0), room: 0, unit: 0)
        let s = try #require(opened)
        let joined = state.join(unit: 1, session: s)
        #expect(joined)
        var search = LocalSearch(state, seed: 3)
        var made = false
        for _ in 0..<200 where !made { made = search.tryMove(.insertUnit) }
        try #require(made, "no insertion was possible")
        #expect(Int(search.state.unitSession[2]) == s)
        #expect(search.state.sessionGroups[s].count == 2 && search.state.unassignedCount == 1)
        let ev = Evaluator(I).evaluate(search.state.schedule)
        #expect(ev.violations.allSatisfy { $0.rule == .attendance }, "\(describe(ev))")
        #expect(abs(search.soft - ev.soft) < 1e-6)
        search.takeBack()
        #expect(search.state.unitSession[2] < 0)
        #expect(Int(search.state.unitSession[0]) == s && Int(search.state.unitSession[1]) == s)
    }

    /// Insertion moves, kept or taken back, keep the incremental score equal
    /// to a full rescore of the partial schedule, and break no rule but rule 1.
    @Test func trackerMatchesFullRescoreWhileRepairing() throws {
        let I = try IncrementalScoreTests.instance("stem-week")
        let built = Construction.run(I, seed: 4, termination: Termination(timeLimit: 600, iterationLimit: 1))
        var search = LocalSearch(built.state, seed: 9)
        let evaluator = Evaluator(I)
        var inserted = 0
        for step in 0..<4_000 {
            guard search.tryMove(step % 2 == 0 ? .insertUnit : .kempeChain) || search.tryMove() else { continue }
            if step % 2 == 0 { inserted += 1 }
            if step % 5 == 0 { search.takeBack() }
            if step % 25 == 0 {
                IncrementalScoreTests.expectMatchesFullRescore(search, evaluator, "step \(step)", partial: true)
            }
        }
        #expect(inserted >= 20, "too few insertions were possible (\(inserted))")
    }

    /// On seeded random problems, construction cut short and the search after
    /// it: whatever the search returns breaks no rule but rule 1, and most
    /// problems end complete.
    @Test func repairedSchedulesBreakOnlyRuleOne() throws {
        var total = 0, complete = 0
        for seed: UInt64 in 1...30 {
            guard let fx = try? SolverPropertyTests.generate(seed).fx() else { continue }
            let built = construct(fx.instance, seed: seed, iterations: 1)
            // Fixed sessions that cannot be held (blockers) break rule 8 whatever the search does.
            guard built.blockers.isEmpty else { continue }
            total += 1
            let result = LocalSearch.run(
                built.state, seed: seed, termination: Termination(timeLimit: 600, iterationLimit: 15_000))
            let ev = Evaluator(fx.instance).evaluate(result.state.schedule)
            let broken = ev.violations.filter { $0.rule != .attendance }
            #expect(broken.isEmpty, "seed \(seed): \(describe(ev))\n\(SolverPropertyTests.generate(seed).json)")
            if result.state.unassignedCount == 0 {
                complete += 1
                expectFeasible(ev)
            } else {
                #expect(!ev.isFeasible, "seed \(seed): units unplaced yet the evaluator finds nothing missing")
            }
        }
        print("RepairSearchTests: \(complete) of \(total) cut-short constructions completed by the search")
        #expect(total >= 20)
        #expect(complete * 10 >= total * 7, "only \(complete) of \(total) completed")
    }
}
