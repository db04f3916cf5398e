import CarouselModel
import Foundation
import Testing

@testable import CarouselSolver

/// The local search's incremental score must equal a full rescore by the
/// reference `Evaluator` after every kind of move, accepted or taken back.
@Suite struct IncrementalScoreTests {
    /// Every soft term switched on, with uneven weights, so no cost hides:
    /// these, and 2 for any term registered since.
    static let chosenWeights: [Weights.Term: String] = [
        .preference: "5", .idleGap: "1", .siteChange: "2", .spread: "5", .isolated: "3", .roomStability: "1",
        .mixSchools: "2", .sessions: "1", .staffOverload: "4", .overCapacity: "null",
    ]
    static let weights =
        "{"
        + Weights.Term.allCases.map { "\"\($0.rawValue)\": \(chosenWeights[$0] ?? "2")" }
        .joined(separator: ", ") + "}"

    static func examplePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Examples/\(name).json").path
    }

    /// Loads an example with every soft term weighted (`weights`: JSON text).
    static func instance(_ name: String, weights: String = weights) throws -> CompiledInstance {
        var problem = try ProblemDecoder.decode(contentsOf: examplePath(name))
        let w = try ProblemDecoder.decode(
            bytes: Array(
                #"{"calendar": {"days": [{"id": "d"}], "periods": [{"id": "p", "start": "09:00", "end": "10:00"}]}, "weights": \#(weights)}"#
                    .utf8), file: "w.json"
        ).weights
        problem.weights = w
        return CompiledInstance(problem)
    }

    /// Expects the search's incremental score to equal a full rescore, term
    /// by term, and its schedule to break no hard rule — but rule 1 (units
    /// left unplaced) when `partial`.
    static func expectMatchesFullRescore(
        _ search: LocalSearch, _ evaluator: Evaluator, _ label: String, partial: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let full = evaluator.evaluate(search.state.schedule)
        let broken = full.violations.filter { !partial || $0.rule != .attendance }
        #expect(
            broken.isEmpty, "\(label): a move broke a hard rule: \(broken.prefix(3))", sourceLocation: sourceLocation)
        for term in Weights.Term.allCases {
            // The tracker keeps only the terms that carry weight.
            let expected = evaluator.instance.weights[term] == 0 ? 0 : full.cost(term)
            #expect(
                abs(search.tracker.cost(term) - expected) < 1e-9, "\(label): \(term)", sourceLocation: sourceLocation)
        }
        #expect(abs(search.soft - full.soft) < 1e-6, "\(label): soft", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["stem-week", "summer-school", "saturday-maths", "conference"])
    func trackerMatchesFullRescoreAfterRandomMoves(example: String) throws {
        let I = try Self.instance(example)
        let built = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600))
        let complete = built.isComplete
        try #require(complete)
        var search = LocalSearch(built.state, seed: 11)
        let evaluator = Evaluator(I)
        var checked = 0
        let made = Self.walk(&search, steps: 3_000, checkingEvery: 10) { search, made in
            Self.expectMatchesFullRescore(search, evaluator, "\(example) after \(made) moves")
            checked += 1
        }
        #expect(made >= 100, "too few moves were possible (\(made))")
        #expect(checked >= 10)
    }

    /// Tries `steps` random moves, keeping about half of those made and
    /// taking the rest back, and hands the search to `check` after every
    /// `every`-th move made (with the count so far); returns the moves made.
    static func walk(
        _ search: inout LocalSearch, steps: Int, checkingEvery every: Int,
        _ check: (LocalSearch, Int) -> Void
    ) -> Int {
        var made = 0
        for step in 0..<steps {
            guard search.tryMove() else { continue }
            made += 1
            if step % 2 == 0 { search.takeBack() }
            if made % every == 0 { check(search, made) }
        }
        return made
    }

    /// Session moves and swaps, alone: the score stays exact, and the swaps
    /// reach the room-only exchanges at one start and, where the groups
    /// come on several days (the summer school; each STEM Week class comes
    /// on one day), the other days.
    @Test(arguments: zip(["stem-week", "summer-school"], [false, true]))
    func sessionMovesAndSwapsKeepTheScoreExact(example: String, severalDays: Bool) throws {
        let I = try Self.instance(example)
        let built = Construction.run(I, seed: 2, termination: Termination(timeLimit: 600))
        try #require(built.isComplete)
        var search = LocalSearch(built.state, seed: 7)
        let evaluator = Evaluator(I)
        var made = 0, otherDay = 0, roomsOnly = 0
        for step in 0..<6_000 {
            let kind: LocalSearch.Move = step % 2 == 0 ? .moveSession : .swapSessions
            guard search.tryMove(kind) else { continue }
            made += 1
            if kind == .swapSessions {
                let moved = search.undoPlaces.map {
                    (
                        from: $0, to: Int(search.state.sessionSlot[$0.session]),
                        room: Int(search.state.sessionRoom[$0.session])
                    )
                }
                if moved.contains(where: { $0.from.slot / I.periodCount != $0.to / I.periodCount }) { otherDay += 1 }
                if moved.allSatisfy({ $0.from.slot == $0.to && $0.from.room != $0.room }) { roomsOnly += 1 }
            }
            if step % 3 == 0 { search.takeBack() }
            if made % 10 == 0 {
                Self.expectMatchesFullRescore(search, evaluator, "\(example) after \(made) session moves")
            }
        }
        #expect(made >= 200, "too few moves were possible (\(made))")
        #expect((otherDay > 0) == severalDays, "\(otherDay) swaps reached another day")
        #expect(roomsOnly > 0, "no two sessions at one start swapped rooms")
    }

    @Test func annealingImprovesAndReturnsAFeasibleBest() throws {
        let I = try Self.instance("stem-week")
        let built = Construction.run(I, seed: 1, termination: Termination(timeLimit: 600))
        let before = Evaluator(I).evaluate(built.state.schedule)
        let result = LocalSearch.run(
            built.state, seed: 1, termination: Termination(timeLimit: 600, iterationLimit: 30_000))
        let after = Evaluator(I).evaluate(result.state.schedule)
        #expect(after.isFeasible)
        #expect(abs(after.soft - result.soft) < 1e-6)
        #expect(after.soft < before.soft)
    }

    @Test func annealingsInTurnKeepTheBestAndStayReproducible() throws {
        let I = try Self.instance("stem-week")
        let built = Construction.run(I, seed: 1, termination: Termination(timeLimit: 600))
        let before = Evaluator(I).evaluate(built.state.schedule)
        // 30,000 moves, in four annealings.
        let perUnit = 30_000.0 / Double(built.state.table.units.count)
        var plan = LocalSearch.SearchPlan()
        plan.movesPerRound = perUnit / 4.5
        #expect(SimulatedAnnealing.rounds(movesPerUnit: perUnit, movesPerRound: plan.movesPerRound) == 4)
        func run() -> LocalSearch.Result {
            LocalSearch.run(
                built.state, seed: 3, termination: Termination(timeLimit: 600, iterationLimit: 30_000),
                reference: nil, plan: plan, exchange: nil, thread: 0, progress: nil)
        }
        let result = run()
        let after = Evaluator(I).evaluate(result.state.schedule)
        expectFeasible(after)
        #expect(abs(after.soft - result.soft) < 1e-6)
        #expect(after.soft < before.soft)
        #expect(run().state.schedule == result.state.schedule)
    }

    @Test func solverIsDeterministicForASeedAndMoveBudget() throws {
        let I = try Self.instance("summer-school")
        var options = Solver.Options()
        options.seed = 5
        options.timeLimit = 600
        options.moveLimit = 5_000
        options.threads = 2
        let a = Solver.solve(I, options: options).state.schedule
        let b = Solver.solve(I, options: options).state.schedule
        #expect(a == b)
    }
}
