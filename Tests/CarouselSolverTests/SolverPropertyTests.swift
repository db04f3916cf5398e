import CarouselModel
import CarouselSolver
import Testing

/// Properties of the construction search on seeded random problems
/// (`RandomProblem`): every complete schedule it emits validates, every
/// partial one keeps rules 2–6 (the `PartialSchedule` invariant), and the
/// same seed gives the same schedule.
@Suite("Solver properties")
struct SolverPropertyTests {
    static let seeds: ClosedRange<UInt64> = 1...100

    /// Problem variants by seed: every fourth has fixed sessions, every third random weights.
    static func generate(_ seed: UInt64) -> RandomProblem {
        RandomProblem(seed: seed, fixedSessions: seed % 4 == 0, randomWeights: seed % 3 == 0)
    }

    @Test func generatedProblemsDecode() throws {
        for seed in Self.seeds {
            let p = Self.generate(seed)
            do {
                _ = try p.fx()
            } catch {
                Issue.record("seed \(seed): generator wrote a problem the decoder refuses: \(error)\n\(p.json)")
            }
        }
    }

    @Test func everyCompleteScheduleValidates() throws {
        var solved = 0, complete = 0, total = 0
        var unsolvedSeeds: [UInt64] = []
        for seed in Self.seeds {
            guard let fx = try? Self.generate(seed).fx() else { continue }
            total += 1
            let result = construct(fx.instance, seed: seed)
            let ev = Evaluator(fx.instance).evaluate(result.state.schedule)
            // Partial or not, placed sessions never break rules 2–6 or the grid.
            let structural = ev.violations.filter { ![.attendance, .together, .fixedSession].contains($0.rule) }
            #expect(
                structural.isEmpty,
                "seed \(seed): the search placed sessions that break rules 2–6:\n\(describe(ev))\n\(Self.generate(seed).json)"
            )
            if result.isComplete {
                complete += 1
                #expect(
                    ev.isFeasible,
                    "seed \(seed): complete but infeasible (notes: \(result.notes)):\n\(describe(ev))\n\(Self.generate(seed).json)"
                )
                if ev.isFeasible { solved += 1 }
            } else {
                unsolvedSeeds.append(seed)
                // Whatever is missing is an attend item (or a fixed session).
                #expect(!ev.isFeasible, "seed \(seed): incomplete yet the evaluator finds nothing missing")
            }
        }
        print(
            "SolverPropertyTests: \(solved) of \(total) generated problems solved (complete: \(complete)); unsolved seeds: \(unsolvedSeeds)"
        )
        #expect(total == Self.seeds.count)
        // The generator aims at feasible problems; most must be solved.
        #expect(solved * 10 >= total * 7, "only \(solved) of \(total) solved")
    }

    @Test(arguments: [UInt64(3), 8, 13, 21, 34, 55, 89, 97])
    func sameSeedSameSchedule(seed: UInt64) throws {
        let fx = try Self.generate(seed).fx()
        let a = construct(fx.instance, seed: seed), b = construct(fx.instance, seed: seed)
        #expect(a.state.schedule == b.state.schedule)
        #expect(a.iterations == b.iterations && a.restarts == b.restarts)
        // And a fresh compile of the same text changes nothing.
        let again = try Self.generate(seed).fx()
        #expect(construct(again.instance, seed: seed).state.schedule == a.state.schedule)
    }

    // MARK: Targeted cases

    /// A fixed session names staff the activity does not need; another group
    /// joining the session must not drop them (rule 8: "the groups and staff
    /// listed must be in it").
    @Test func fixedSessionKeepsItsStaffWhenOthersJoin() throws {
        let fx = try Fx(
            rooms: #"[{"id": "hall"}]"#, staff: #"[{"id": "head"}, {"id": "t1"}]"#,
            activities: #"[{"id": "assembly", "maxGroups": 3}]"#,
            groups: #"""
                [{"id": "g1", "size": 20, "attend": [{"activity": "assembly"}]},
                 {"id": "g2", "size": 20, "attend": [{"activity": "assembly"}]},
                 {"id": "g3", "size": 20, "attend": [{"activity": "assembly"}]}]
                """#,
            fixed:
                #"[{"activity": "assembly", "day": "mon", "start": "p1", "room": "hall", "groups": ["g1"], "staff": ["head"]}]"#
        )
        for seed: UInt64 in 1...5 {
            let result = construct(fx.instance, seed: seed)
            #expect(result.isComplete)
            let ev = Evaluator(fx.instance).evaluate(result.state.schedule)
            expectFeasible(ev)
        }
    }

    /// Same with staff rows: the fixed staff member matches no row.
    @Test func fixedSessionKeepsExtraStaffBeyondItsRows() throws {
        let fx = try Fx(
            rooms: #"[{"id": "lab"}]"#, staff: #"[{"id": "head", "role": "head"}, {"id": "t1", "role": "teacher"}]"#,
            activities: #"[{"id": "chem", "maxGroups": 2, "staff": [{"role": "teacher", "count": 1}]}]"#,
            groups: #"""
                [{"id": "g1", "size": 20, "attend": [{"activity": "chem"}]},
                 {"id": "g2", "size": 20, "attend": [{"activity": "chem"}]}]
                """#,
            fixed:
                #"[{"activity": "chem", "day": "mon", "start": "p1", "room": "lab", "groups": ["g1"], "staff": ["head"]}]"#
        )
        for seed: UInt64 in 1...5 {
            let result = construct(fx.instance, seed: seed)
            #expect(result.isComplete)
            expectFeasible(Evaluator(fx.instance).evaluate(result.state.schedule))
        }
    }

    /// Fixed sessions that cannot be held as written make the problem
    /// infeasible; the search must say why (a blocker) and must not call a
    /// schedule complete when it breaks a rule.
    @Test(arguments: [
        // The room is closed on mon.
        (
            #"[{"id": "r1", "unavailable": ["mon"]}, {"id": "r2"}]"#,
            #"[{"id": "g1", "size": 20, "attend": [{"activity": "a"}]}]"#
        ),
        // The room lacks what the group needs.
        (
            #"[{"id": "r1"}, {"id": "r2", "features": ["step-free"]}]"#,
            #"[{"id": "g1", "size": 20, "needs": ["step-free"], "attend": [{"activity": "a"}]}]"#
        ),
        // The room is too small.
        (
            #"[{"id": "r1", "capacity": 10}, {"id": "r2"}]"#,
            #"[{"id": "g1", "size": 20, "attend": [{"activity": "a"}]}]"#
        ),
    ])
    func impossibleFixedSessionIsNotComplete(rooms: String, groups: String) throws {
        let fx = try Fx(
            rooms: rooms, activities: #"[{"id": "a"}]"#, groups: groups,
            fixed: #"[{"activity": "a", "day": "mon", "start": "p1", "room": "r1", "groups": ["g1"]}]"#)
        let result = construct(fx.instance, seed: 1)
        let ev = Evaluator(fx.instance).evaluate(result.state.schedule)
        #expect(!ev.isFeasible, "the fixed session cannot be honoured")
        #expect(!result.blockers.isEmpty, "a blocker says why; schedule: \(describe(ev))")
        #expect(
            !result.isComplete || ev.isFeasible,
            "complete but infeasible: \(describe(ev)); blockers: \(result.blockers)")
    }

    /// Attendees of a together activity that ask differently (daily vs once)
    /// cannot all be met; a complete result must still validate.
    @Test func togetherWithDisagreeingAttendeesIsNotComplete() throws {
        let fx = try Fx(
            rooms: #"[{"id": "hall"}]"#, activities: #"[{"id": "assembly", "together": true}]"#,
            groups: #"""
                [{"id": "g1", "size": 20, "attend": [{"activity": "assembly", "daily": true}]},
                 {"id": "g2", "size": 20, "attend": [{"activity": "assembly"}]}]
                """#)
        let result = construct(fx.instance, seed: 1)
        let ev = Evaluator(fx.instance).evaluate(result.state.schedule)
        #expect(!ev.isFeasible, "no schedule meets both")
        #expect(!result.isComplete || ev.isFeasible, "complete but infeasible: \(describe(ev))")
    }

    /// A small problem using every kind of item, solved for several seeds.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func handWrittenProblemIsSolved(seed: UInt64) throws {
        let fx = try Fx(
            rooms: #"""
                [{"id": "lab", "features": ["lab", "step-free"], "capacity": 32},
                 {"id": "hall", "features": ["step-free"], "site": "annex"},
                 {"id": "room", "capacity": 30, "unavailable": ["mon 09:00-09:10"]}]
                """#,
            staff: #"""
                [{"id": "t1", "role": "teacher", "skills": ["chem"]}, {"id": "t2", "role": "teacher", "available": ["tue"]},
                 {"id": "s1", "role": "student", "maxPerDay": 3}, {"id": "s2", "role": "student", "max": 4}]
                """#,
            activities: #"""
                [{"id": "lunch", "together": true, "rooms": ["hall"], "window": ["10:45-12:15"]},
                 {"id": "chem", "duration": 2, "roomFeatures": ["lab"], "staff": [{"skills": ["chem"], "count": 1}], "years": [5, 7]},
                 {"id": "maths", "maxGroups": 2, "staff": [{"role": "student", "perPupils": 30}]},
                 {"id": "art", "window": ["09:00-10:30"]}, {"id": "vr", "staff": [{"role": "teacher", "count": 1}]}]
                """#,
            groups: #"""
                [{"id": "g1", "size": 25, "year": 5, "school": "North", "needs": ["step-free"],
                  "attend": [{"activity": "lunch", "daily": true}, {"activity": "chem"},
                             {"oneOf": ["art", "vr", "maths"], "count": 2, "prefer": ["vr"]}]},
                 {"id": "g2", "size": 20, "year": 6, "school": "North",
                  "attend": [{"activity": "lunch", "daily": true}, {"activity": "maths", "times": 2, "minDays": 2}, {"oneOf": ["art", "vr"]}]},
                 {"id": "g3", "size": 15, "attend": [{"activity": "lunch", "daily": true}, {"activity": "maths"}, {"activity": "art"}]}]
                """#)
        let result = construct(fx.instance, seed: seed)
        #expect(result.isComplete)
        expectFeasible(Evaluator(fx.instance).evaluate(result.state.schedule))
    }
}
