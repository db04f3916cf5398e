import CarouselModel
import Dispatch
import Foundation
import Testing

@testable import CarouselSolver

/// Cooperative threads (`--threads N`): the searches meet at intervals and
/// leave each meeting with the best schedule offered (every thread but
/// thread 0 continues from it); with a move budget a run is reproducible,
/// and under a time limit no search waits for another.
@Suite struct CooperativeThreadsTests {
    static func offer(_ soft: Double, thread: Int, _ state: PartialSchedule) -> BestExchange.Offer {
        BestExchange.Offer(level: LocalSearch.Level(unplaced: 0, change: 0), soft: soft, state: state, thread: thread)
    }

    @Test func everySearchLeavesAMeetingWithTheBestOffer() throws {
        let I = try IncrementalScoreTests.instance("summer-school")
        let state = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600)).state
        let exchange = BestExchange(threads: 3)
        let received = ConcurrentSlots<[Double]>(count: 3)
        let softs: [[Double]] = [[9, 7, 1], [4, 8, 1], [6, 3, 1]]
        BestExchange.runTogether(3) { i in
            var got: [Double] = []
            for round in 0..<3 { got.append(exchange.meet(Self.offer(softs[i][round], thread: i, state)).soft) }
            received.set(i, got)
        }
        for got in received.values { #expect(got == [4, 3, 1]) }
    }

    @Test func aMeetingDoesNotWaitForASearchThatLeft() throws {
        let I = try IncrementalScoreTests.instance("summer-school")
        let state = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600)).state
        let exchange = BestExchange(threads: 2)
        let received = ConcurrentSlots<Int>(count: 2)
        BestExchange.runTogether(2) { i in
            if i == 1 {
                exchange.leave()
                received.set(1, -1)
            } else {
                received.set(0, exchange.meet(Self.offer(5, thread: 0, state)).thread)
            }
        }
        #expect(received.values == [0, -1])
    }

    @Test func aPostReturnsTheBestPostedSoFarWithoutWaiting() throws {
        let I = try IncrementalScoreTests.instance("summer-school")
        let state = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600)).state
        let exchange = BestExchange(threads: 3)
        // One thread posts alone: nobody else is running yet, and it does not wait.
        #expect(exchange.post(Self.offer(9, thread: 2, state)).soft == 9)
        #expect(exchange.post(Self.offer(4, thread: 1, state)).soft == 4)
        let later = exchange.post(Self.offer(6, thread: 2, state))
        #expect(later.soft == 4 && later.thread == 1)
        // A tie goes to the lower thread.
        #expect(exchange.post(Self.offer(4, thread: 0, state)).thread == 0)
    }

    /// A constructed STEM Week schedule and a better one found from it.
    static func builtAndImproved() throws -> (I: CompiledInstance, built: PartialSchedule, improved: PartialSchedule) {
        let I = try IncrementalScoreTests.instance("stem-week")
        let built = Construction.run(I, seed: 3, termination: Termination(timeLimit: 600))
        try #require(built.isComplete)
        let improved = LocalSearch.run(
            built.state, seed: 1, termination: Termination(timeLimit: 600, iterationLimit: 20_000))
        try #require(improved.soft < ScoreTracker(built.state, reference: nil).soft)
        return (I, built.state, improved.state)
    }

    /// Two searches, from `starts[0]` (thread 0) and `starts[1]`, meet once
    /// with a move budget; returns each one's schedule and current soft
    /// score afterwards, having checked its score against a full rescore.
    static func meetOnce(_ I: CompiledInstance, from starts: [PartialSchedule]) -> [(schedule: Schedule, soft: Double)]
    {
        let exchange = BestExchange(threads: 2)
        let termination = Termination(timeLimit: 600, iterationLimit: 100_000)
        let after = ConcurrentSlots<(schedule: Schedule, soft: Double)>(count: 2)
        BestExchange.runTogether(2) { i in
            var search = LocalSearch(starts[i], seed: UInt64(i))
            let level = search.level, soft = search.soft
            var best = LocalSearch.BestSchedule(search.state, level: level, soft: soft)
            let meetings = LocalSearch.Meetings(exchange: exchange, thread: i, termination: termination)
            let current = search.meet(meetings, best: &best, current: (level, soft), moves: 10)
            IncrementalScoreTests.expectMatchesFullRescore(search, Evaluator(I), "thread \(i) after the meeting")
            after.set(i, (search.state.schedule, current.soft))
        }
        return after.values
    }

    /// A search that meets one with a better schedule continues from it,
    /// with its score exact; the better one keeps its own.
    @Test func aWorseSearchAdoptsTheBetterSchedule() throws {
        let (I, built, improved) = try Self.builtAndImproved()
        let soft = ScoreTracker(improved, reference: nil).soft
        for after in Self.meetOnce(I, from: [improved, built]) {
            #expect(after.schedule == improved.schedule)
            #expect(abs(after.soft - soft) < 1e-9)
        }
    }

    /// Thread 0 offers its schedule but keeps searching from its own, as a
    /// lone search would, even when another's is better.
    @Test func threadZeroKeepsItsOwnSchedule() throws {
        let (I, built, improved) = try Self.builtAndImproved()
        let after = Self.meetOnce(I, from: [built, improved])
        #expect(after.map(\.schedule) == [built.schedule, improved.schedule])
        #expect(abs(after[0].soft - ScoreTracker(built, reference: nil).soft) < 1e-9)
        #expect(abs(after[1].soft - ScoreTracker(improved, reference: nil).soft) < 1e-9)
    }

    /// With the same moves per thread, two threads end no worse than one:
    /// thread 0 makes the lone search's moves, and the best of all wins.
    @Test(arguments: ["stem-week", "summer-school", "conference"])
    func twoThreadsEndNoWorseThanOneGivenTheSameMoves(name: String) throws {
        let I = try IncrementalScoreTests.instance(name)
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 150_000
        let one = Solver.solve(I, options: options)
        options.threads = 2
        let two = Solver.solve(I, options: options)
        let soft = [one, two].map { ScoreTracker($0.state, reference: nil).soft }
        #expect(soft[1] <= soft[0] + 1e-9, "2 threads \(soft[1]), 1 thread \(soft[0])")
    }

    /// Two cooperating threads with a move budget: the same seed gives the
    /// same schedule, and it validates.
    @Test func twoThreadsWithAMoveBudgetAreReproducible() throws {
        let I = try IncrementalScoreTests.instance("stem-week")
        var options = Solver.Options()
        options.timeLimit = 600
        options.threads = 2
        options.moveLimit = 120_000
        let a = Solver.solve(I, options: options), b = Solver.solve(I, options: options)
        #expect(a.state.schedule == b.state.schedule)
        #expect(a.moves == b.moves)
        let ev = Evaluator(I).evaluate(a.state.schedule)
        #expect(ev.isFeasible, "\(describe(ev))")
    }

    @Test func theDefaultMoveBudgetScalesWithTheProblem() {
        #expect(Solver.scaledMoveLimit(3_000_000, units: 150) == 3_000_000)
        #expect(Solver.scaledMoveLimit(3_000_000, units: 400) == 3_000_000)
        #expect(Solver.scaledMoveLimit(3_000_000, units: 4_000) == 30_000_000)
        #expect(Solver.scaledMoveLimit(.max, units: 4_000) == .max)
    }
}
