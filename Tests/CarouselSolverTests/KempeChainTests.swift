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

    /// Thousands of chains tried (a third of those made taken back), many of
    /// them between starts on two days: the incremental score equal to a
    /// full rescore all along, every schedule keeping the hard rules, and
    /// chains of three or more sessions across days among them.
    /// (Not the STEM Week: each class visits on one day only.)
    @Test(arguments: ["summer-school", "saturday-maths"])
    func trackerMatchesFullRescoreAfterChainsAcrossDays(example: String) throws {
        let I = try IncrementalScoreTests.instance(example)
        try #require(I.dayCount >= 2)
        let built = Construction.run(I, seed: 7, termination: Termination(timeLimit: 600))
        let complete = built.isComplete
        try #require(complete)
        var search = LocalSearch(built.state, seed: 23)
        let evaluator = Evaluator(I)
        var made = 0, acrossDays = 0, longChains = 0
        for step in 0..<5_000 {
            // Mostly chains; some other moves so that chains start from varied schedules.
            guard step % 5 == 4 ? search.tryMove() : search.tryMove(.kempeChain) else { continue }
            guard step % 5 != 4 else { continue }
            made += 1
            let first = search.undoPlaces[0]
            if first.slot / I.periodCount != Int(search.state.sessionSlot[first.session]) / I.periodCount {
                acrossDays += 1
                if search.chain.count > 2 { longChains += 1 }
            }
            if made % 3 == 0 { search.takeBack() }
            if made % 50 == 0 {
                IncrementalScoreTests.expectMatchesFullRescore(search, evaluator, "\(example) after \(made) chains")
            }
        }
        IncrementalScoreTests.expectMatchesFullRescore(search, evaluator, "\(example) at the end")
        #expect(acrossDays >= 100, "\(example): too few chains across days were made (\(acrossDays) of \(made))")
        #expect(longChains >= 10, "\(example): too few chains across days of three or more sessions (\(longChains))")
    }

    /// Two days of two periods, every one of them busy for g1 and for r1:
    /// g1's two sessions of a are on Monday and its two of b on Tuesday, so
    /// each misses its two days (spread). No session can move alone (g1 or
    /// r1 is busy wherever it would go), and a cannot swap with b (c holds
    /// r1, a's only room, on Tuesday). The chain from a's first session to
    /// Tuesday's first period draws in b (same group) and c (same room):
    /// after it a and b each meet on both days.
    @Test func chainAcrossDaysReachesWhatSingleMovesCannot() throws {
        let fx = try Fx(
            calendar: #"""
                {"days": [{"id": "mon"}, {"id": "tue"}],
                 "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]}
                """#,
            rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
            activities: #"""
                [{"id": "a", "rooms": ["r1"]}, {"id": "b", "rooms": ["r2"]},
                 {"id": "c", "rooms": ["r1"]}, {"id": "e", "rooms": ["r1"]}]
                """#,
            groups: #"""
                [{"id": "g1", "size": 20, "attend": [{"activity": "a", "times": 2, "minDays": 2},
                                                      {"activity": "b", "times": 2, "minDays": 2}]},
                 {"id": "g2", "size": 20, "attend": [{"activity": "c"}, {"activity": "e"}]}]
                """#,
            weights: #"{"spread": 5, "isolated": 0}"#)
        let I = fx.instance
        let table = UnitTable(I)
        func units(_ activity: Int) -> [Int] {
            table.units.indices.filter { table.units[$0].activities == [Int32(activity)] }
        }
        let monP1 = I.slot(day: 0, period: 0), monP2 = I.slot(day: 0, period: 1)
        let tueP1 = I.slot(day: 1, period: 0), tueP2 = I.slot(day: 1, period: 1)
        var state = PartialSchedule(I, table: table)
        let a = units(0), b = units(1)
        try #require(a.count == 2 && b.count == 2)
        let placed = [
            state.open(activity: 0, slot: monP1, room: 0, unit: a[0]),
            state.open(activity: 0, slot: monP2, room: 0, unit: a[1]),
            state.open(activity: 1, slot: tueP1, room: 1, unit: b[0]),
            state.open(activity: 1, slot: tueP2, room: 1, unit: b[1]),
            state.open(activity: 2, slot: tueP1, room: 0, unit: units(2)[0]),
            state.open(activity: 3, slot: tueP2, room: 0, unit: units(3)[0]),
        ]
        let sessions = try placed.map { try #require($0) }
        let (sa, sb, sc) = (sessions[0], sessions[2], sessions[4])
        let before = Evaluator(I).evaluate(state.schedule)
        expectFeasible(before)
        #expect(before.cost(.spread) == 2, "a and b each one day short")

        // No session may move alone, to any start or room.
        for s in sessions {
            for t in [monP1, monP2, tueP1, tueP2] where t != Int(state.sessionSlot[s]) {
                for r in 0..<I.roomCount {
                    #expect(
                        !state.mayRelocate(s, to: t, room: r, besides: -1), "session \(s) alone to \(t) in r\(r + 1)")
                }
            }
        }
        // a and b cannot trade places, with or without their rooms.
        #expect(!state.mayRelocate(sa, to: tueP1, room: 0, besides: sb), "c holds r1 on Tuesday")
        #expect(!state.mayRelocate(sa, to: tueP1, room: 1, besides: sb), "a may not use r2")

        var search = LocalSearch(state, seed: 1)
        search.clearTouched()
        search.tracker.beginMove()
        let made = search.kempeSwap(sa, to: tueP1)
        #expect(made)
        search.refreshTouched()
        #expect(Set(search.chain) == [sa, sb, sc])
        let moved = search.state
        #expect(Int(moved.sessionSlot[sa]) == tueP1 && Int(moved.sessionRoom[sa]) == 0)
        #expect(Int(moved.sessionSlot[sb]) == monP1 && Int(moved.sessionRoom[sb]) == 1)
        #expect(Int(moved.sessionSlot[sc]) == monP1 && Int(moved.sessionRoom[sc]) == 0)
        let after = Evaluator(I).evaluate(moved.schedule)
        expectFeasible(after)
        #expect(after.cost(.spread) == 0 && after.soft < before.soft)
        #expect(abs(search.soft - after.soft) < 1e-6)

        search.takeBack()
        #expect(search.state.schedule == state.schedule)
        #expect(abs(search.soft - before.soft) < 1e-6)
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
