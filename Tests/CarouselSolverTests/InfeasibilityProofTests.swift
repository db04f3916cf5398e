import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// The counting proofs of `carousel check` (and `solve`), each on a small
/// hand-built problem with its numbers worked out; the same problem made
/// one resource roomier passes, so each test can fail. And the soft
/// score's lower bound: hand-computed, and never above the score of a
/// schedule the solver emits.
@Suite("Infeasibility proofs and the soft lower bound")
struct InfeasibilityProofTests {
    static func errors(_ fx: Fx) -> [String] {
        ProblemAnalysis(fx.instance).findings().filter { $0.severity == .error }.map(\.message)
    }

    /// One day, p1 and p2: three groups of 10 visiting both periods, each
    /// attending two one-period talks, so every group is in a talk in each
    /// period. Rooms s1 (seats `big`) and s2 (5).
    static func talks(big: Int) throws -> Fx {
        try Fx(
            calendar: """
                {"days": [{"id": "fri"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]}
                """,
            rooms:
                #"[{"id": "s1", "capacity": \#(big), "features": ["seminar"]}, {"id": "s2", "capacity": 5, "features": ["seminar"]}]"#,
            activities:
                #"[{"id": "talk1", "maxGroups": 3, "roomFeatures": ["seminar"]}, {"id": "talk2", "maxGroups": 3, "roomFeatures": ["seminar"]}]"#,
            groups: #"""
                [{"id": "g1", "size": 10, "attend": [{"activity": "talk1"}, {"activity": "talk2"}]},
                 {"id": "g2", "size": 10, "attend": [{"activity": "talk1"}, {"activity": "talk2"}]},
                 {"id": "g3", "size": 10, "attend": [{"activity": "talk1"}, {"activity": "talk2"}]}]
                """#)
    }

    @Test func seatsInAPeriodEveryGroupMustBeBusy() throws {
        // 30 pupils must sit in s1 and s2 at once: ⌈30 / 20⌉ = 2 sessions fit
        // the 2 rooms, but the rooms seat 20 + 5 = 25.
        let tight = try Self.errors(Self.talks(big: 20))
        #expect(
            tight.contains(
                "fri p1: 3 groups (30 pupils) that must be in a session then (their sessions fill their visits) need 30 seats at once in s1, s2; they seat 25"
            ), "\(tight)")
        // s1 seating 10: ⌈30 / 10⌉ = 3 sessions, in 2 rooms.
        let fewer = try Self.errors(Self.talks(big: 10))
        #expect(
            fewer.contains(
                "fri p1: 3 groups (30 pupils) that must be in a session then (their sessions fill their visits) need at least 3 sessions at once in s1, s2; 2 rooms can hold them"
            ), "\(fewer)")
        #expect(try Self.errors(Self.talks(big: 25)) == [])
    }

    /// One Tuesday slot: three groups of 12 play football (two groups a
    /// session) with one helper per 8 pupils; `helpers` helpers.
    static func football(helpers: Int) throws -> Fx {
        let staff = (1...helpers).map { #"{"id": "h\#($0)", "role": "helper"}"# }.joined(separator: ", ")
        return try Fx(
            calendar: #"{"days": [{"id": "tue"}], "periods": [{"id": "early", "start": "16:00", "end": "16:45"}]}"#,
            rooms:
                #"[{"id": "pitch1", "capacity": 30, "features": ["pitch"]}, {"id": "pitch2", "capacity": 30, "features": ["pitch"]}]"#,
            staff: "[\(staff)]",
            activities:
                #"[{"id": "football", "capacity": 28, "maxGroups": 2, "roomFeatures": ["pitch"], "staff": [{"role": "helper", "perPupils": 8}]}]"#,
            groups: #"""
                [{"id": "a", "size": 12, "attend": [{"activity": "football"}]},
                 {"id": "b", "size": 12, "attend": [{"activity": "football"}]},
                 {"id": "c", "size": 12, "attend": [{"activity": "football"}]}]
                """#)
    }

    @Test func staffInAPeriodEveryGroupMustBeBusy() throws {
        // 36 pupils at once need at least ⌈36 / 8⌉ = 5 helpers; 4 exist.
        let errors = try Self.errors(Self.football(helpers: 4))
        #expect(
            errors.contains(
                "tue early: the groups that must be in a session then (their sessions fill their visits) need at least 5 staff at once from staff like h1, h2, h3 (4 in all) for football; 4 are available"
            ), "\(errors)")
        #expect(try Self.errors(Self.football(helpers: 6)) == [])
    }

    /// Dates 1, 5 and 9 January; a together meeting held three times,
    /// `gap` days apart at least.
    static func meetings(gap: Int) throws -> Fx {
        try Fx(
            json: """
                {"format": "carousel/2", "name": "spaced",
                 "calendar": {"days": [{"id": "d1", "date": "2026-01-01"}, {"id": "d2", "date": "2026-01-05"}, {"id": "d3", "date": "2026-01-09"}],
                              "periods": [{"id": "am", "start": "09:00", "end": "10:00"}]},
                 "rooms": [{"id": "hall"}],
                 "activities": [{"id": "meet", "together": true}],
                 "groups": [{"id": "g", "size": 5, "attend": [{"activity": "meet", "times": 3}]},
                            {"id": "h", "size": 5, "attend": [{"activity": "meet", "times": 3}]}],
                 "spacing": [{"activities": ["meet"], "minDays": \(gap)}]}
                """)
    }

    @Test func spacingNeedsTheDaysToHoldTheSessions() throws {
        // 1 Jan, then the first day 5 or more days later (9 Jan): 2 < 3.
        let errors = try Self.errors(Self.meetings(gap: 5))
        #expect(
            errors.contains(
                "spacing[0] (meet, 5 days apart) needs at least 3 sessions, but the 3 dates they could be held on allow at most 2 that far apart"
            ), "\(errors)")
        #expect(try Self.errors(Self.meetings(gap: 4)) == [])
    }

    /// Two Saturdays of one period: a team of 6 attends problem solving
    /// twice, one mentor per two pupils; `mentors` mentors.
    static func mentoring(mentors: Int) throws -> Fx {
        let staff = (1...mentors).map { #"{"id": "m\#($0)", "role": "mentor"}"# }.joined(separator: ", ")
        return try Fx(
            calendar:
                #"{"days": [{"id": "s1"}, {"id": "s2"}], "periods": [{"id": "am", "start": "09:00", "end": "10:00"}]}"#,
            rooms: #"[{"id": "r1"}]"#, staff: "[\(staff)]",
            activities: #"[{"id": "ps", "staff": [{"role": "mentor", "perPupils": 2}]}]"#,
            groups: #"[{"id": "team", "size": 6, "attend": [{"activity": "ps", "times": 2}]}]"#)
    }

    @Test func staffPeriodsOverTheWholeEvent() throws {
        // ⌈12 pupil-sessions / 2⌉ = 6 mentor-periods; 2 mentors × 2 periods = 4.
        let errors = try Self.errors(Self.mentoring(mentors: 2))
        #expect(
            errors.contains("the event needs at least 6 staff-periods from staff like m1, m2 for ps; 4 are available"),
            "\(errors)")
        #expect(try Self.errors(Self.mentoring(mentors: 3)) == [])
    }

    /// One day of four periods; pitches only in p3 and p4 (window), in the
    /// one judging room; `teams` teams pitch once each.
    static func pitches(teams: Int) throws -> Fx {
        let groups = (1...teams).map { #"{"id": "t\#($0)", "size": 6, "attend": [{"activity": "pitch"}]}"# }.joined(
            separator: ", ")
        return try Fx(
            calendar: """
                {"days": [{"id": "sat"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"},
                                                       {"id": "p3", "start": "11:00", "end": "12:00"}, {"id": "p4", "start": "12:00", "end": "13:00"}]}
                """,
            rooms: #"[{"id": "judging"}]"#,
            activities: #"[{"id": "pitch", "rooms": ["judging"], "window": ["11:00-13:00"]}]"#,
            groups: "[\(groups)]")
    }

    @Test func roomPeriodsCountOnlyWhereTheActivityMayBe() throws {
        // 3 pitches of one period, but the judging room hosts pitches in p3 and p4 only.
        let errors = try Self.errors(Self.pitches(teams: 3))
        #expect(errors.contains("sat needs at least 3 room-periods in judging (for pitch); 2 exist"), "\(errors)")
        #expect(try Self.errors(Self.pitches(teams: 2)) == [])
    }

    @Test func solveReportsTheProofAndDoesNotSearch() throws {
        // The seats fall short in p1 and in p2.
        let proofs = ProblemAnalysis(try Self.talks(big: 20).instance).proofs().map(\.message)
        #expect(proofs.count == 2 && proofs[0].hasPrefix("fri p1: ") && proofs[1].hasPrefix("fri p2: "), "\(proofs)")
        #expect(ProblemAnalysis(try Self.talks(big: 25).instance).proofs().isEmpty)
    }

    /// A course whose every room the extended ITC-2007 format rules out
    /// imports as an activity with an empty `rooms` list: `check` says so,
    /// rather than blaming room features it does not ask for.
    @Test func anEmptyRoomsListIsNamed() throws {
        let empty = try Fx(
            rooms: #"[{"id": "r1"}, {"id": "lab", "features": ["sinks"]}]"#,
            activities: #"[{"id": "talk", "rooms": []}, {"id": "chem", "rooms": ["r1"], "roomFeatures": ["sinks"]}]"#,
            groups: #"[{"id": "g1", "size": 5, "attend": [{"activity": "talk"}, {"activity": "chem"}]}]"#)
        let messages = ProblemAnalysis(empty.instance).findings().map(\.message)
        #expect(messages.contains { $0.hasSuffix("talk's \"rooms\" list is empty") }, "\(messages)")
        #expect(
            messages.contains { $0.hasSuffix("no room in its \"rooms\" list has the features chem needs (sinks)") },
            "\(messages)")
    }

    // MARK: The soft lower bound

    /// Three groups each choose one of `a` and `b`, preferring `a`, which
    /// holds one session of one group; a fourth attends `b` directly.
    static let wishes = try! Fx(
        rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
        activities: #"[{"id": "a", "maxGroups": 1, "maxSessions": 1}, {"id": "b", "maxGroups": 2}]"#,
        groups: #"""
            [{"id": "g1", "size": 10, "attend": [{"oneOf": ["a", "b"], "prefer": ["a"]}]},
             {"id": "g2", "size": 10, "attend": [{"oneOf": ["a", "b"], "prefer": ["a"]}]},
             {"id": "g3", "size": 10, "attend": [{"oneOf": ["a", "b"], "prefer": ["a"]}]},
             {"id": "g4", "size": 10, "attend": [{"activity": "b", "minDays": 3}]}]
            """#,
        weights: #"{"preference": 5, "sessions": 1, "spread": 2}"#)

    @Test func lowerBoundByHand() throws {
        let bound = SoftLowerBound(Self.wishes.instance)
        // preference: a takes 1 group in all, 3 want it first: 2 × 5 = 10;
        // sessions: b for g4 needs 1 session: 1 × 1; spread: g4 asks for 3
        // days of its one session, which falls on one day: 2 × 2. In all 15.
        #expect(bound.terms.map(\.term) == [.preference, .sessions, .spread])
        #expect(bound.terms.map(\.weighted) == [10, 1, 4])
        #expect(bound.soft == 15)
        let (result, evaluation) = Self.solve(Self.wishes.instance, moves: 20_000)
        #expect(evaluation.isFeasible && result.unplaced.isEmpty)
        #expect(evaluation.soft >= bound.soft)
    }

    /// Spread items asking for more days than they have sessions, as
    /// ITC-2007 and EasyAcademy course timetabling instances do (a course
    /// of 2 lectures with 5 minimum working days).
    static let fewSessions = try! Fx(
        calendar: """
            {"days": [{"id": "d1"}, {"id": "d2"}, {"id": "d3"}, {"id": "d4"}, {"id": "d5"}],
             "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]}
            """,
        rooms: #"[{"id": "r1"}, {"id": "r2"}]"#,
        activities: #"[{"id": "maths"}, {"id": "lunch", "rooms": ["r2"]}]"#,
        groups: #"""
            [{"id": "g1", "size": 5, "attend": [{"activity": "maths", "times": 2, "minDays": 5}]},
             {"id": "g2", "size": 5, "attend": [{"activity": "maths", "minDays": 3}, {"activity": "maths"}]},
             {"id": "g3", "size": 5, "attend": [
               {"activity": "maths", "times": 3, "within": ["d1", "d2"], "minDays": 4},
               {"activity": "maths", "times": 2, "within": ["d3", "d4", "d5"]}]},
             {"id": "g4", "size": 5, "visit": ["d1", "d2"], "attend": [{"activity": "lunch", "daily": true, "minDays": 3}]}]
            """#,
        weights: #"{"spread": 3}"#)

    @Test func lowerBoundCountsTheDaysASpreadItemsSessionsCanFill() throws {
        let I = Self.fewSessions.instance
        // g1: 2 sessions, 5 days asked: 3 short. g2: its two items add up
        // to 2 sessions, 3 days asked: 1 short. g3: the `within` item's 3
        // sessions fit in 2 days, 4 asked: 2 short (its other 2 sessions,
        // on other days, do not count for it). g4: daily lunch on the 2 days it visits, 3
        // asked: 1 short (the days limit it, not the sessions). 7 × 3 = 21.
        let bound = SoftLowerBound(I)
        #expect(bound.terms.map(\.term) == [.spread])
        #expect(bound.soft == 21)
        // It is the optimum: the search proves it and stops there.
        let (result, evaluation) = Self.solve(I, moves: 5_000_000, floor: bound.soft)
        #expect(evaluation.isFeasible && result.unplaced.isEmpty)
        #expect(evaluation.soft == 21)
        #expect(result.moves < 1_000_000)
    }

    /// Room capacity soft (1 a pupil over): g1 (40) and g2 (25, needing a
    /// quiet room) attend a talk in r1 (30) or r2 (20, the quiet one); g1
    /// and g3 (10) meet at an assembly in the hall (45).
    static let crowded = try! Fx(
        rooms: #"""
            [{"id": "r1", "capacity": 30}, {"id": "r2", "capacity": 20, "features": ["quiet"]},
             {"id": "hall", "capacity": 45}]
            """#,
        activities: #"""
            [{"id": "talk", "rooms": ["r1", "r2"]}, {"id": "assembly", "together": true, "rooms": ["hall"]}]
            """#,
        groups: #"""
            [{"id": "g1", "size": 40, "attend": [{"activity": "talk"}, {"activity": "assembly"}]},
             {"id": "g2", "size": 25, "needs": ["quiet"], "attend": [{"activity": "talk"}]},
             {"id": "g3", "size": 10, "attend": [{"activity": "talk"}, {"activity": "assembly"}]}]
            """#,
        weights: #"{"overCapacity": 1, "idleGap": 0}"#)

    @Test func lowerBoundCountsPupilsNoRoomCanSeat() throws {
        let I = Self.crowded.instance
        // g1's talk: 40 in at most 30, 10 over; g2's: 25 in r2 (20), 5 over;
        // g3's fits; the assembly holds g1 and g3, 50 in 45, 5 over. 20 in all.
        let bound = SoftLowerBound(I)
        #expect(bound.terms.map(\.term) == [.overCapacity])
        #expect(bound.soft == 20)
        let (result, evaluation) = Self.solve(I, moves: 5_000_000, floor: bound.soft)
        #expect(evaluation.isFeasible && result.unplaced.isEmpty)
        #expect(evaluation.soft == 20)
        #expect(result.moves < 1_000_000)
        // Where room capacity is hard, the part is left out (and g1 cannot be seated).
        #expect(
            SoftLowerBound(
                try Fx(json: Self.crowded.json.replacingOccurrences(of: #""overCapacity": 1, "#, with: "")).instance
            ).terms.isEmpty)
    }

    /// Solves I within `moves` moves, stopping at `floor`; the result and
    /// the evaluation of its schedule.
    static func solve(_ I: CompiledInstance, moves: Int, floor: Double = 0) -> (Solver.Result, Evaluation) {
        var options = Solver.Options()
        options.moveLimit = moves
        options.softFloor = floor
        let result = Solver.solve(I, options: options)
        return (result, Evaluator(I).evaluate(result.state.schedule))
    }

    /// An assembly held twice for five groups, all together: two of school
    /// A, two of B, one of none; a sixth group may choose it.
    static let assembly = try! Fx(
        rooms: #"[{"id": "hall", "capacity": 100}, {"id": "r1"}]"#,
        activities: #"[{"id": "assembly", "together": true, "rooms": ["hall"]}, {"id": "craft", "rooms": ["r1"]}]"#,
        groups: #"""
            [{"id": "g1", "size": 10, "school": "A", "attend": [{"activity": "assembly", "times": 2}]},
             {"id": "g2", "size": 10, "school": "A", "attend": [{"activity": "assembly", "times": 2}]},
             {"id": "g3", "size": 10, "school": "B", "attend": [{"activity": "assembly", "times": 2}]},
             {"id": "g4", "size": 10, "school": "B", "attend": [{"activity": "assembly", "times": 2}]},
             {"id": "g5", "size": 10, "attend": [{"activity": "assembly", "times": 2}]},
             {"id": "g6", "size": 10, "school": "A", "attend": [{"oneOf": ["assembly", "craft"]}]}]
            """#,
        weights: #"{"mixSchools": 3}"#)

    @Test func lowerBoundCountsTogetherSessionsSchools() throws {
        let I = Self.assembly.instance
        let bound = SoftLowerBound(I)
        // Each of the two assemblies holds g1…g5: 5 groups, 3 schools (A,
        // B, g5's own), 2 each; × 2 sessions × weight 3 = 12. g6's choice
        // is left out: joining could only add (another group of A: 3).
        #expect(bound.terms.map(\.term) == [.mixSchools])
        #expect(bound.soft == 12)
        // Given the bound as its floor, the search stops where it reaches
        // it (g6 in craft): long before its budget.
        let (result, evaluation) = Self.solve(I, moves: 50_000_000, floor: bound.soft)
        #expect(evaluation.isFeasible && result.unplaced.isEmpty)
        #expect(evaluation.soft == 12)
        #expect(result.moves < 1_000_000)
    }

    /// Under a time limit, a run's threads all stop when one reaches the
    /// floor, long before the limit (which would hold a broken stop for a
    /// minute).
    @Test func threadsStopTogetherAtTheFloor() throws {
        let I = Self.assembly.instance
        var options = Solver.Options()
        options.threads = 2
        options.timeLimit = 60
        options.softFloor = SoftLowerBound(I).soft
        let result = Solver.solve(I, options: options)
        #expect(Evaluator(I).evaluate(result.state.schedule).soft == 12)
        #expect(result.elapsed < 30)
    }

    /// Day visitors and three sites: g1 (Monday only) must meet a lab on
    /// the science site, art on the arts site and a talk in a room on
    /// either; g2 meets the same on both days; g3, on Monday only, is
    /// exempt from site changes and from the two days it asks of the lab.
    static let sites = try! Fx(
        rooms: #"""
            [{"id": "lab", "site": "science"}, {"id": "studio", "site": "arts"},
             {"id": "hall"}, {"id": "annex", "site": "arts"}]
            """#,
        activities: #"""
            [{"id": "lab", "rooms": ["lab"], "maxGroups": 3}, {"id": "art", "rooms": ["studio"], "maxGroups": 3},
             {"id": "talk", "rooms": ["hall", "annex"], "maxGroups": 3}]
            """#,
        groups: #"""
            [{"id": "g1", "size": 5, "visit": ["mon"], "attend": [{"activity": "lab"}, {"activity": "art"}, {"activity": "talk"}]},
             {"id": "g2", "size": 5, "attend": [{"activity": "lab"}, {"activity": "art"}, {"activity": "talk"}]},
             {"id": "g3", "size": 5, "visit": ["mon"], "exempt": ["siteChange", "spread"],
              "attend": [{"activity": "lab", "times": 2, "minDays": 2}, {"activity": "art"}]}]
            """#,
        weights: #"{"siteChange": 4, "spread": 10}"#)

    @Test func lowerBoundCountsTheSitesADayVisitForces() throws {
        let I = Self.sites.instance
        let bound = SoftLowerBound(I)
        // g1: lab (science) and art (arts) are forced, the talk is not (hall
        // on main, annex on arts): 2 sites, at least 1 change, × 4 = 4. g2
        // can meet them on two days; g3 is exempt (else its lab, one day
        // short, would add 10).
        #expect(bound.terms.map(\.term) == [.siteChange])
        #expect(bound.soft == 4)
        let (result, evaluation) = Self.solve(I, moves: 20_000)
        #expect(evaluation.isFeasible && result.unplaced.isEmpty)
        // The optimum: g1's talk in the annex, next to art; g2's lab and
        // art on different days, its talk in the annex beside art.
        #expect(evaluation.soft == 4)
    }

    /// Every generated kind, small: the bound never exceeds the soft score of
    /// the complete schedule the solver emits.
    @Test(arguments: GeneratorKind.allCases)
    func lowerBoundNeverExceedsAnEmittedSchedule(kind: GeneratorKind) throws {
        for seed in [1, 2] as [UInt64] {
            let problem = kind.make(GeneratorParameters(scale: 0.3, seed: seed))
            let I = CompiledInstance(problem.withFormedTeams())
            let bound = SoftLowerBound(I)
            var options = Solver.Options()
            options.seed = seed
            options.moveLimit = 5_000
            let result = Solver.solve(I, options: options)
            let evaluation = Evaluator(I).evaluate(result.state.schedule)
            guard evaluation.isFeasible && result.unplaced.isEmpty else { continue }
            #expect(
                bound.soft <= evaluation.soft + 1e-9,
                "\(kind.rawValue) seed \(seed): bound \(bound.soft) > soft \(evaluation.soft)")
        }
    }
}
