import CarouselModel
import Foundation
import Testing

@testable import CarouselSolver

/// The Kempe-chain move: the incremental score stays equal to a full rescore,
/// every chain keeps the hard rules, and a chain moves sessions where a plain
/// swap of two cannot.
@Suite struct KempeChainTests {
    /// (Not the conference example: every delegate is busy in every round,
    /// so a chain between two rounds is the whole day, past the cap.)
    @Test(arguments: ["stem-week", "summer-school", "saturday-maths"])
    func trackerMatchesFullRescoreAfterKempeMoves(example: String) throws {
        let I = try IncrementalScoreTests.instance(example)
        let built = Construction.run(I, seed: 5, termination: Termination(timeLimit: 600))
        let complete = built.isComplete
        try #require(complete)
        var search = LocalSearch(built.state, seed: 17)
        let evaluator = Evaluator(I)
        var made = 0, longChains = 0, checked = 0
        for step in 0..<6_000 where checked < 40 {
            // Mostly chains; some other moves so that chains start from varied schedules.
            guard step % 4 == 3 ? search.tryMove() : search.tryMove(.kempeChain) else { continue }
            made += 1
            if step % 4 != 3 && search.chain.count > 2 { longChains += 1 }
            if step % 3 == 0 { search.takeBack() }
            if made % 10 == 0 {
                IncrementalScoreTests.expectMatchesFullRescore(search, evaluator, "\(example) after \(made) moves")
                checked += 1
            }
        }
        #expect(checked >= 10, "\(example): too few moves were possible (\(made))")
        #expect(longChains >= 10, "\(example): too few chains of three or more sessions (\(longChains))")
    }

    /// g1 has a in r1 at p1 and b in r2 at p2; g2 has c in r1 at p2. Swapping
    /// g1's two sessions is impossible (a may only use r1, held by c at p2),
    /// but the chain from a to p2 draws in b (same group) and c (same room):
    /// a goes to p2, b and c to p1.
    @Test func chainMovesThreeSessionsWhereASwapCannot() throws {
        let fx = try Fx(
            rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
            activities: #"[{"id": "a", "rooms": ["r1"]}, {"id": "b", "rooms": ["r2"]}, {"id": "c", "rooms": ["r1"]}]"#,
            groups: #"""
                [{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}]},
                 {"id": "g2", "size": 20, "attend": [{"activity": "c"}]}]
                """#)
        let I = fx.instance
        let table = UnitTable(I)
        func unit(_ activity: Int) -> Int {
            table.units.indices.first { table.units[$0].activities == [Int32(activity)] }!
        }
        let p1 = I.slot(day: 0, period: 0), p2 = I.slot(day: 0, period: 1)
        var state = PartialSchedule(I, table: table)
        let sa0 = state.open(activity: 0, slot: p1, room: 0, unit: unit(0))
        let sa = try #require(sa0)
        let sb0 = state.open(activity: 1, slot: p2, room: 1, unit: unit(1))
        let sb = try #require(sb0)
        let sc0 = state.open(activity: 2, slot: p2, room: 0, unit: unit(2))
        let sc = try #require(sc0)
        expectFeasible(Evaluator(I).evaluate(state.schedule))

        var search = LocalSearch(state, seed: 1)
        #expect(!search.state.mayRelocate(sa, to: p2, room: 0, besides: sb), "a cannot take p2 in r1: c holds it")
        #expect(!search.state.mayRelocate(sa, to: p2, room: 1, besides: sb), "a may not use r2")
        search.clearTouched()
        let made = search.kempeSwap(sa, to: p2)
        #expect(made)
        search.refreshTouched()
        #expect(Set(search.chain) == [sa, sb, sc])
        let moved = search.state
        #expect(Int(moved.sessionSlot[sa]) == p2 && Int(moved.sessionRoom[sa]) == 0)
        #expect(Int(moved.sessionSlot[sb]) == p1 && Int(moved.sessionRoom[sb]) == 1)
        #expect(Int(moved.sessionSlot[sc]) == p1 && Int(moved.sessionRoom[sc]) == 0)
        let ev = Evaluator(I).evaluate(moved.schedule)
        expectFeasible(ev)
        #expect(abs(search.soft - ev.soft) < 1e-6)

        // Taking it back restores every session.
        search.takeBack()
        #expect(
            Int(search.state.sessionSlot[sa]) == p1 && Int(search.state.sessionSlot[sb]) == p2
                && Int(search.state.sessionSlot[sc]) == p2)
    }

    /// Taking back a move of whole sessions restores their staff exactly:
    /// moving back alone would keep the staff member the move brought in.
    @Test func undoingASessionMoveRestoresItsStaffExactly() throws {
        let fx = try Fx(
            rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
            staff: #"[{"id": "t1", "skills": ["x"]}, {"id": "t2", "skills": ["x"]}]"#,
            activities:
                #"[{"id": "a", "rooms": ["r1"], "staff": [{"skills": ["x"], "count": 1}]}, {"id": "b", "rooms": ["r2"], "staff": [{"skills": ["x"], "count": 1}]}]"#,
            groups:
                #"[{"id": "g1", "size": 20, "attend": [{"activity": "a"}]}, {"id": "g2", "size": 20, "attend": [{"activity": "b"}]}]"#
        )
        let I = fx.instance
        let p1 = I.slot(day: 0, period: 0), p2 = I.slot(day: 0, period: 1)
        var state = PartialSchedule(I, table: UnitTable(I))
        let opened = (
            state.open(activity: 0, slot: p1, room: 0, unit: 0, preferredStaff: [0]),
            state.open(activity: 1, slot: p2, room: 1, unit: 1, preferredStaff: [0])
        )
        let sa = try #require(opened.0), sb = try #require(opened.1)
        try #require(state.sessionStaff[sa] == [0] && state.sessionStaff[sb] == [0], "t1 staffs both")

        var search = LocalSearch(state, seed: 1)
        search.clearTouched()
        search.sessionMoves = [(session: sa, slot: p2, room: 0)]
        let moved = search.relocateSessions()
        #expect(moved)
        search.refreshTouched()
        #expect(search.state.sessionStaff[sa] == [1], "t1 is busy at p2, so t2 takes a")
        search.takeBack()
        #expect(Int(search.state.sessionSlot[sa]) == p1 && search.state.sessionStaff[sa] == [0])
        let ev = Evaluator(I).evaluate(search.state.schedule)
        expectFeasible(ev)
        #expect(abs(search.soft - ev.soft) < 1e-6)
    }

    /// A chain that would draw in a fixed session is refused, and nothing changes.
    @Test func chainThroughAFixedSessionIsRefused() throws {
        let fx = try Fx(
            rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
            activities: #"[{"id": "a", "rooms": ["r1"]}, {"id": "b", "rooms": ["r2"]}]"#,
            groups: #"[{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}]}]"#)
        let I = fx.instance
        let table = UnitTable(I)
        let p1 = I.slot(day: 0, period: 0), p2 = I.slot(day: 0, period: 1)
        var state = PartialSchedule(I, table: table)
        let sa0 = state.open(activity: 0, slot: p1, room: 0, unit: 0)
        let sa = try #require(sa0)
        let fixed = state.open(activity: 1, slot: p2, room: 1, unit: 1, locked: true)
        try #require(fixed != nil)
        var search = LocalSearch(state, seed: 1)
        let made = search.kempeSwap(sa, to: p2)
        #expect(!made)
        #expect(search.state.schedule == state.schedule)
    }
}
