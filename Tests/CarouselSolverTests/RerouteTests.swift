import CarouselModel
import Foundation
import Testing

@testable import CarouselIO
@testable import CarouselSolver

/// The reroutes (`Moves/LocalSearch+RerouteSession.swift`): a session moved
/// to a start its groups are busy at, what they had there moved back, and a
/// group's two attendances crossed. They reach a pick that no move of one
/// unit or whole sessions reaches, and keep the score exact.
@Suite struct RerouteTests {
    /// One day of two periods. g picks two of x, y, z and prefers x and y;
    /// h attends x and w; k attends w and v. x may hold one session, w two;
    /// y and v may only run at p1; each activity has its own room.
    ///
    /// The start: x (h, g) and v (k) at p1, w (h, k) and z (g) at p2 —
    /// preference 1 × 5 (g has x, rank 0, and z, not preferred: 0 + 2 − 1).
    /// The optimum, 0: y (g), v (k) and a second w (h) at p1, x (h, g) and w
    /// (k) at p2. To get there x must go to p2 and h's w to p1 at once:
    /// h's x cannot leave p1 while h is in w at p2, nor h's w leave p2 while h
    /// is in x; x and w cannot cross whole (w takes k to p1, where k is in
    /// v, which may not leave p1). So no sequence of unit, session, swap or
    /// Kempe moves leaves h's x at p1, and with y only at p1, g keeps z or y
    /// instead of one of its two: the best they reach is 5. The reroute of x
    /// to p2 (h's w and g's z come back to p1) followed by g's z becoming y
    /// reaches 0.
    static func trappedPick() throws -> (fx: Fx, start: PartialSchedule) {
        let zero = Weights.Term.allCases.filter { $0 != .preference }.map { "\"\($0.rawValue)\": 0" }
        let fx = try Fx(
            calendar: #"""
                {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"},
                 {"id": "p2", "start": "10:00", "end": "11:00"}]}
                """#,
            rooms: #"[{"id": "rx"}, {"id": "ry"}, {"id": "rz"}, {"id": "rw"}, {"id": "rv"}]"#,
            activities: #"""
                [{"id": "x", "rooms": ["rx"], "maxSessions": 1, "maxGroups": 3},
                 {"id": "y", "rooms": ["ry"], "window": ["09:00-10:00"], "maxGroups": 3},
                 {"id": "z", "rooms": ["rz"], "maxGroups": 3},
                 {"id": "w", "rooms": ["rw"], "maxSessions": 2, "maxGroups": 3},
                 {"id": "v", "rooms": ["rv"], "window": ["09:00-10:00"], "maxGroups": 3}]
                """#,
            groups: #"""
                [{"id": "g", "size": 10, "attend": [{"oneOf": ["x", "y", "z"], "count": 2, "prefer": ["x", "y"]}]},
                 {"id": "h", "size": 10, "attend": [{"activity": "x"}, {"activity": "w"}]},
                 {"id": "k", "size": 10, "attend": [{"activity": "w"}, {"activity": "v"}]}]
                """#,
            weights: "{\"preference\": 5, " + zero.joined(separator: ", ") + "}")
        let I = fx.instance
        let table = UnitTable(I)
        let (x, z, w, v) = (0, 2, 3, 4)
        let (g, h, k) = (0, 1, 2)
        func unit(_ group: Int, _ activity: Int) -> Int {
            table.units.indices.first {
                Int(table.units[$0].group) == group && table.units[$0].activities == [Int32(activity)]
            }!
        }
        // h's and k's units in the order x, w and w, v; g's two picks.
        let units = (g: table.unitsOfGroup[g].map(Int.init), h: [unit(h, x), unit(h, w)], k: [unit(k, w), unit(k, v)])
        let p1 = I.slot(day: 0, period: 0), p2 = I.slot(day: 0, period: 1)
        var state = PartialSchedule(I, table: table)
        let opened = (
            state.open(activity: x, slot: p1, room: x, unit: units.h[0]),
            state.open(activity: w, slot: p2, room: w, unit: units.h[1]),
            state.open(activity: v, slot: p1, room: v, unit: units.k[1]),
            state.open(activity: z, slot: p2, room: z, unit: units.g[1])
        )
        let sx = try #require(opened.0), sw = try #require(opened.1)
        try #require(opened.2 != nil && opened.3 != nil)
        let joined = (state.join(unit: units.g[0], session: sx), state.join(unit: units.k[0], session: sw))
        try #require(joined.0 && joined.1)
        let ev = Evaluator(I).evaluate(state.schedule)
        expectFeasible(ev)
        #expect(ev.soft == 5, "the start: g has x and z")
        return (fx, state)
    }

    /// Anneals from the start of `trappedPick` with `mix` and no
    /// large-neighbourhood phases (which could free every unit of so small a
    /// problem); returns the best soft score.
    static func anneal(_ start: PartialSchedule, mix: LocalSearch.MoveMix, seed: UInt64) -> Double {
        var search = LocalSearch(start, seed: seed)
        search.mix = mix
        search.plan.rebuildShare = 0
        return search.anneal(termination: Termination(timeLimit: 600, iterationLimit: 20_000), progress: nil).soft
    }

    @Test func onlyTheRerouteReachesATrappedPick() throws {
        let (fx, start) = try Self.trappedPick()
        let I = fx.instance
        let mix = LocalSearch.MoveMix.mix(for: I, units: start.table)
        try #require(mix.weights.contains { $0.move == .rerouteSession })
        for seed: UInt64 in 1...3 {
            #expect(Self.anneal(start, mix: .standard, seed: seed) == 5, "without the reroutes, seed \(seed)")
            #expect(Self.anneal(start, mix: mix, seed: seed) == 0, "with the reroutes, seed \(seed)")
        }

        // The reroute itself: x to p2, h's w and g's z back to p1.
        var search = LocalSearch(start, seed: 1)
        let sx = Int(start.sessionsAt[0 * I.slotCount + I.slot(day: 0, period: 0)][0])
        let p1 = I.slot(day: 0, period: 0), p2 = I.slot(day: 0, period: 1)
        search.clearTouched()
        search.tracker.beginMove()
        let made = search.reroute(sx, to: p2)
        #expect(made)
        search.refreshTouched()
        let moved = search.state
        #expect(Int(moved.sessionSlot[sx]) == p2)
        for u in moved.table.unitsOfGroup[1].map(Int.init) + [Int(moved.table.unitsOfGroup[0][1])] {
            let s = Int(moved.unitSession[u])
            #expect(s >= 0 && Int(moved.sessionSlot[s]) == (s == sx ? p2 : p1), "unit \(u)")
        }
        IncrementalScoreTests.expectMatchesFullRescore(search, Evaluator(I), "after the reroute")
        search.takeBack()
        // (The same sessions; a session rejoined may list its groups in another order.)
        func places(_ state: PartialSchedule) -> [String] {
            state.schedule.sessions.map { "\($0.activity) \($0.day) \($0.start) \($0.room) \($0.groups.sorted())" }
                .sorted()
        }
        #expect(places(search.state) == places(start), "taken back")
        IncrementalScoreTests.expectMatchesFullRescore(search, Evaluator(I), "after taking it back")

        // And the whole solver, from scratch, reaches the optimum.
        var options = Solver.Options()
        options.seed = 1
        options.moveLimit = 50_000
        options.timeLimit = 600
        let solved = Evaluator(I).evaluate(Solver.solve(I, options: options).state.schedule)
        expectFeasible(solved)
        #expect(solved.soft == 0)
    }

    /// The incremental score equals a full rescore after thousands of
    /// reroutes (of sessions and of a group's two attendances), kept or
    /// taken back, on problems where groups pick: the conference, the STEM
    /// Week and a generated webinar.
    @Test(arguments: ["conference", "stem-week", "gen-webinar"])
    func trackerMatchesFullRescoreAfterReroutes(example: String) throws {
        let I =
            example == "gen-webinar"
            ? CompiledInstance(GeneratorKind.webinar.make(GeneratorParameters(seed: 1)))
            : try IncrementalScoreTests.instance(example)
        let built = Construction.run(I, seed: 5, termination: Termination(timeLimit: 600))
        let complete = built.isComplete
        try #require(complete)
        var search = LocalSearch(built.state, seed: 23)
        let evaluator = Evaluator(I)
        var made = (sessions: 0, units: 0), checked = 0
        for step in 0..<8_000 where checked < 60 {
            let kind: LocalSearch.Move? = [.rerouteSession, .crossUnits, nil][step % 3]
            guard let kind else {
                _ = search.tryMove()
                continue
            }
            guard search.tryMove(kind) else { continue }
            if kind == .rerouteSession { made.sessions += 1 } else { made.units += 1 }
            if step % 2 == 0 { search.takeBack() }
            if (made.sessions + made.units) % 10 == 0 {
                IncrementalScoreTests.expectMatchesFullRescore(search, evaluator, "\(example) after \(step) steps")
                checked += 1
            }
        }
        #expect(made.sessions >= 20, "\(example): too few session reroutes (\(made.sessions))")
        #expect(made.units >= 20, "\(example): too few crossings (\(made.units))")
    }
}
