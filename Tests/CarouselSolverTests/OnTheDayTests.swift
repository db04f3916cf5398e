import CarouselIO
import CarouselModel
import Foundation
import Testing

@testable import CarouselSolver

/// Issue 17's solver side: the gate limit and `arrivalCrowding` on a
/// hand-computed day, Plan B on the STEM Week, and repair `--now` on the
/// three events of the day.
@Suite("On the day: gates, Plan B, repair now")
struct OnTheDayTests {
    /// One day, periods 09:15, 10:00, 10:45 (45 minutes), three rooms;
    /// coaches of 30 seats arriving 15 minutes early; the bay takes 2
    /// coaches a quarter hour. School A (a1 25+2, a2 28+3: 58 people, 2
    /// coaches) and B (b1 20+2: 1 coach) use the bay, C (c1 30+1: 2
    /// coaches) the side gate.
    static func arrivalsProblem(capacity: String = #", "capacity": 2"#, weight: Int = 1) throws -> Problem {
        try ProblemDecoder.decode(
            bytes: Array(
                """
                {"name": "Coaches",
                 "calendar": {"days": [{"id": "mon"}],
                   "periods": [{"id": "p1", "start": "09:15", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "10:45"},
                               {"id": "p3", "start": "10:45", "end": "11:30"}]},
                 "rooms": [{"id": "r1"}, {"id": "r2"}, {"id": "r3"}],
                 "gates": [{"id": "bay", "name": "Coach bay"\(capacity)}, {"id": "side"}],
                 "coaches": {"seats": 30, "arriveBefore": 15, "leaveAfter": 10},
                 "staff": [],
                 "activities": [{"id": "w"}],
                 "groups": [
                   {"id": "a1", "school": "A", "size": 25, "adults": 2, "gate": "bay", "attend": [{"activity": "w"}]},
                   {"id": "a2", "school": "A", "size": 28, "adults": 3, "gate": "bay", "attend": [{"activity": "w"}]},
                   {"id": "b1", "school": "B", "size": 20, "adults": 2, "gate": "bay", "dietary": {"vegetarian": 4}, "attend": [{"activity": "w"}]},
                   {"id": "c1", "school": "C", "size": 30, "adults": 1, "gate": "side", "attend": [{"activity": "w"}]}],
                 "weights": {"arrivalCrowding": \(weight)}}
                """.utf8), file: "coaches.json")
    }

    /// a1 p1 r1, a2 p2 r2, b1 at `bStart` in r2 or r3, c1 p2 r3.
    static func arrivalsSchedule(bStart: Int32) -> Schedule {
        Schedule(sessions: [
            ScheduledSession(activity: 0, day: 0, start: 0, room: 0, groups: [0], staff: []),
            ScheduledSession(activity: 0, day: 0, start: 1, room: 1, groups: [1], staff: []),
            ScheduledSession(activity: 0, day: 0, start: bStart, room: bStart == 1 ? 0 : 1, groups: [2], staff: []),
            ScheduledSession(activity: 0, day: 0, start: 1, room: 2, groups: [3], staff: []),
        ])
    }

    /// A and B both arrive at 09:00 at the bay: 3 coaches in the 09:00-09:15
    /// quarter, over its 2, and crowding 3 − 2 (A's) = 1. C arrives at 09:45
    /// at the side gate alone: 0.
    @Test func gateCapacityAndCrowdingHandComputed() throws {
        let I = CompiledInstance(try Self.arrivalsProblem())
        let ev = Evaluator(I).evaluate(Self.arrivalsSchedule(bStart: 0))
        let gate = ev.violations.filter { $0.rule == .gateCapacity }
        #expect(gate.count == 1)
        #expect(gate.first?.message.contains("09:00-09:15 3 arrive") == true, "\(gate)")
        #expect(ev.cost(.arrivalCrowding) == 1)

        // B at p2 arrives 09:45, with C but at another gate: no conflict, no crowding.
        let apart = Evaluator(I).evaluate(Self.arrivalsSchedule(bStart: 1))
        #expect(apart.violations.isEmpty)
        #expect(apart.cost(.arrivalCrowding) == 0)

        // Without a capacity the rule is silent; the soft term still counts.
        let open = Evaluator(CompiledInstance(try Self.arrivalsProblem(capacity: ""))).evaluate(
            Self.arrivalsSchedule(bStart: 0))
        #expect(open.violations.isEmpty)
        #expect(open.cost(.arrivalCrowding) == 1)
    }

    /// The board: coaches ⌈people / 30⌉, arrival 15 minutes before the first
    /// session, departure 10 after the last, and the one conflict.
    @Test func arrivalsBoardHandComputed() throws {
        let I = CompiledInstance(try Self.arrivalsProblem())
        let board = ArrivalsBoard(TimetableView(instance: I, schedule: Self.arrivalsSchedule(bStart: 0)))
        let bySchool = Dictionary(uniqueKeysWithValues: board.visits.map { ($0.school, $0) })
        #expect(bySchool["A"]?.people == 58 && bySchool["A"]?.coaches == 2)
        #expect(bySchool["B"]?.people == 22 && bySchool["B"]?.coaches == 1)
        #expect(bySchool["C"]?.people == 31 && bySchool["C"]?.coaches == 2)
        #expect(bySchool["A"]?.arrival == 9 * 60 && bySchool["A"]?.departure == 10 * 60 + 55)
        #expect(bySchool["B"]?.arrival == 9 * 60 && bySchool["B"]?.departure == 10 * 60 + 10)
        #expect(bySchool["C"]?.arrival == 9 * 60 + 45 && bySchool["C"]?.gate == 1)
        #expect(board.conflicts.count == 1)
        let conflict = board.conflicts.first
        #expect(conflict?.day == 0 && conflict?.gate == 0 && conflict?.from == 9 * 60 && conflict?.coaches == 3)
        #expect(conflict?.capacity == 2 && conflict?.schools == ["A", "B"])
        let text = ReportTable.text(
            board.tables(TimetableView(instance: I, schedule: Self.arrivalsSchedule(bStart: 0))), width: 200)
        #expect(text.contains("OVER CAPACITY"))
    }

    /// The solver keeps the gate limit (A and B never arrive in one quarter
    /// hour), and the incremental score agrees with the evaluator.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func solverKeepsGateCapacity(seed: UInt64) throws {
        let I = CompiledInstance(try Self.arrivalsProblem())
        var options = Solver.Options()
        options.seed = seed
        options.moveLimit = 5_000
        options.timeLimit = 20
        let result = Solver.solve(I, options: options)
        let ev = Evaluator(I).evaluate(result.state.schedule)
        #expect(result.unplaced.isEmpty)
        #expect(ev.isFeasible, "\(ev.violations.map(\.message))")
        #expect(ArrivalsBoard(TimetableView(instance: I, schedule: result.state.schedule)).conflicts.isEmpty)
    }

    // MARK: STEM Week

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    /// The STEM Week and a first feasible schedule for it.
    static let stemWeek: (CompiledInstance, Schedule) = {
        let I = CompiledInstance(
            try! ProblemDecoder.decode(contentsOf: examples.appendingPathComponent("stem-week.json").path))
        var options = Solver.Options()
        options.constructOnly = true
        options.timeLimit = 120
        return (I, Solver.solve(I, options: options).state.schedule)
    }()

    static func repairOptions() -> Solver.Options {
        var options = Solver.Options()
        options.moveLimit = 20_000
        options.timeLimit = 30
        return options
    }

    /// The problems Plan B is tested on: the STEM Week and the conference
    /// (their outdoor activities as the examples give them) and two
    /// generated weeks whose rocket launch is marked outdoor, held in the
    /// halls when it rains (the generator marks nothing outdoor).
    static func planBProblems() throws -> [(name: String, instance: CompiledInstance)] {
        var out = [("stem-week", stemWeek.0)]
        out.append(
            (
                "conference",
                CompiledInstance(
                    try ProblemDecoder.decode(contentsOf: examples.appendingPathComponent("conference.json").path))
            ))
        for seed in [1, 2] as [UInt64] {
            var generator = StemWeekGenerator()
            generator.visitors = 400
            generator.days = 3
            generator.seed = seed
            var problem = generator.make()
            let halls = problem.rooms.indices.filter { problem.rooms[$0].features.contains("hall") }
            for a in problem.activities.indices where problem.activities[a].roomFeatures.contains("outdoor") {
                problem.activities[a].outdoor = true
                problem.activities[a].wetWeather = .rooms(halls)
            }
            out.append(("generated week, seed \(seed)", CompiledInstance(problem)))
        }
        return out
    }

    /// Plan B: each wet day's plan is feasible for the wet problem, holds no
    /// session in an outdoor room that day, keeps the other days as they
    /// were, and changes no more sessions and no more group attendances
    /// than a from-scratch solve of the wet problem (construction and local
    /// search, with a move budget so that the test is deterministic) — on
    /// the examples with outdoor activities and on generated weeks.
    @Test func planBIsFeasibleWithoutOutdoorRoomsAndChangesNoMoreThanAFreshSolve() throws {
        for (name, I) in try Self.planBProblems() {
            var first = Solver.Options()
            first.constructOnly = true
            first.timeLimit = 120
            let dry = name == "stem-week" ? Self.stemWeek.1 : Solver.solve(I, options: first).state.schedule
            let days = WetWeatherPlan.wetDays(I, dry: dry)
            #expect(!days.isEmpty, "\(name): no wet day")
            let outdoor = Set(I.problem.outdoorRooms)
            #expect(!outdoor.isEmpty, "\(name): no outdoor room")
            for d in days.prefix(2) {
                var budget = Self.repairOptions()
                budget.moveLimit = 5_000
                let plan = WetWeatherPlan.plan(I, dry: dry, day: d, options: budget)
                let wet = plan.instance
                let ev = Evaluator(wet).evaluate(plan.schedule)
                #expect(
                    plan.result.unplaced.isEmpty && ev.isFeasible,
                    "\(name) day \(d): \(ev.violations.prefix(3).map(\.message))")
                #expect(!plan.schedule.sessions.contains { Int($0.day) == d && outdoor.contains(Int($0.room)) })
                let others = { (s: Schedule) in Set(s.sessions.filter { Int($0.day) != d }) }
                #expect(others(plan.schedule) == others(dry), "\(name): other days changed")
                var fresh = Solver.Options()
                fresh.moveLimit = 5_000
                fresh.timeLimit = 120
                let scratch = Solver.solve(wet, options: fresh)
                #expect(scratch.unplaced.isEmpty, "\(name) day \(d): the fresh solve is incomplete")
                let planned = ScheduleDiff(old: dry, new: plan.schedule, instance: wet)
                let fromScratch = ScheduleDiff(old: dry, new: scratch.state.schedule, instance: wet)
                #expect(
                    planned.sessionsChanged <= fromScratch.sessionsChanged
                        && planned.attendancesChanged <= fromScratch.attendancesChanged,
                    "\(name) day \(d): plan B changes \(planned.sessionsChanged) sessions and \(planned.attendancesChanged) attendances, a fresh solve \(fromScratch.sessionsChanged) and \(fromScratch.attendancesChanged)"
                )
                #expect(planned.sessionsChanged > 0)
                #expect(
                    planned.attendancesChanged
                        >= plan.result.reference!.unavoidableChanges(
                            dry, table: plan.result.state.table, openFrom: plan.result.state.openFrom, instance: wet))
            }
        }
    }

    /// The three events of issue 17, each with its moment.
    static let events: [(file: String, now: String)] = [
        ("coach-late", "tue 09:40"), ("room-lost", "tue 11:00"), ("presenter-ill", "tue 12:30"),
    ]

    /// `repair --now`: every session that started before the moment stays
    /// where it was, with its staff and the groups that are still there;
    /// nothing new starts before it; the result is feasible.
    @Test(arguments: events.map(\.file))
    func repairNowNeverMovesWhatHasStarted(event: String) throws {
        let (I0, old) = Self.stemWeek
        let now = Self.events.first { $0.file == event }!.now
        let scenario = try Scenario.read(
            contentsOf: Self.examples.appendingPathComponent("scenarios/on-the-day/\(event).json").path)
        let path = Self.examples.appendingPathComponent("stem-week.json").path
        let tree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(path), file: path)
        let changed = try scenario.apply(to: tree, baseFile: path)
        let I = CompiledInstance(changed)
        #expect(I.problem.groups.count == I0.problem.groups.count)
        let parts = now.split(separator: " ")
        let d = I.problem.calendar.days.firstIndex { $0.id == parts[0] }!
        let minute = TimeRange.parseClock(String(parts[1]))!
        let scope = RepairScope.moment(day: d, minute: minute, instance: I)
        let result = Solver.repair(I, old: old, scope: scope, options: Self.repairOptions())
        let new = result.state.schedule
        let ev = Evaluator(I).evaluate(new)
        #expect(result.unplaced.isEmpty && ev.isFeasible, "\(event): \(ev.violations.prefix(3).map(\.message))")

        let P = I.periodCount
        func slot(_ s: ScheduledSession) -> Int { Int(s.day) * P + Int(s.start) }
        var startedCount = 0
        for s in old.sessions where slot(s) < scope.openFrom {
            startedCount += 1
            let still = s.groups.filter { g in
                (0..<Int(I.duration[Int(s.activity)])).allSatisfy { I.groupVisit.contains(Int(g), slot(s) + $0) }
            }
            let kept = new.sessions.first {
                $0.activity == s.activity && $0.day == s.day && $0.start == s.start && $0.room == s.room
            }
            // A session none of whose groups came (the late coach's) is not held.
            if still.isEmpty {
                #expect(kept == nil || kept!.groups.isEmpty, "\(event): a session nobody came to is held")
                continue
            }
            #expect(kept != nil, "\(event): a started session is gone")
            #expect(
                kept.map { Set($0.groups) == Set(still) && Set($0.staff) == Set(s.staff) } ?? false,
                "\(event): a started session changed")
        }
        #expect(startedCount > 0)
        let before = Set(
            old.sessions.filter { slot($0) < scope.openFrom }.map { "\($0.activity) \($0.day) \($0.start) \($0.room)" })
        for s in new.sessions where slot(s) < scope.openFrom {
            #expect(
                before.contains("\(s.activity) \(s.day) \(s.start) \(s.room)"),
                "\(event): a new session before the moment")
        }
        // The repair's lower bound on the attendances that must change holds.
        let bound = result.reference!.unavoidableChanges(
            old, table: result.state.table, openFrom: scope.openFrom, instance: I)
        #expect(ScheduleDiff(old: old, new: new, instance: I).attendancesChanged >= bound, "\(event)")
        // Where the event breaks the old schedule, something later changed to absorb it.
        if !Evaluator(I).evaluate(old).isFeasible {
            #expect(ScheduleDiff(old: old, new: new, instance: I).sessionsChanged > 0)
        }
    }

    /// In a repair every move the search takes back leaves the level (units
    /// unplaced, change from the old schedule) exactly as it was: the
    /// take-backs that fill rows again give each session back its own staff
    /// (`StaffJournal`), so a refused move never adds change (before, the
    /// change climbed through a repair's search). And the return move
    /// brings a class moved away back where it was.
    @Test(arguments: [("room-lost", "tue 11:00"), ("lab-lost", "tue 11:00")])
    func repairSearchTakesMovesBackExactlyAndReturnsClasses(event: String, now: String) throws {
        let (_, old) = Self.stemWeek
        let scenario = try Scenario.read(
            contentsOf: Self.examples.appendingPathComponent("scenarios/on-the-day/\(event).json").path)
        let path = Self.examples.appendingPathComponent("stem-week.json").path
        let tree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(path), file: path)
        let I = CompiledInstance(try scenario.apply(to: tree, baseFile: path))
        let parts = now.split(separator: " ")
        let d = try #require(I.problem.calendar.days.firstIndex { $0.id == parts[0] })
        let minute = try #require(TimeRange.parseClock(String(parts[1])))
        let scope = RepairScope.moment(day: d, minute: minute, instance: I)
        let (built, reference) = Construction.repair(
            I, old: old, scope: scope, seed: 1, termination: Termination(timeLimit: 60))
        var search = LocalSearch(built.state, seed: 5, reference: reference)
        let start = search.level
        try #require(start.change > 0, "\(event): construction changed nothing")
        var made = 0, changed = 0
        for _ in 0..<20_000 {
            let before = search.level
            if search.tryMove() {
                made += 1
                search.takeBack()
            }
            if search.level != before { changed += 1 }
        }
        #expect(made > 1_000, "\(event): only \(made) moves made")
        #expect(changed == 0, "\(event): \(changed) moves taken back changed the level")
        #expect(search.level == start)
        let fresh = ScoreTracker(search.state, reference: reference)
        #expect(fresh.perturbation == search.level.change)

        // A class moved from where it was comes back by the return move.
        var moved = false
        for _ in 0..<5_000 where !moved {
            let before = search.level
            guard search.tryMove(.relocateUnit) else { continue }
            if search.level.change > before.change { moved = true } else { search.takeBack() }
        }
        try #require(moved, "\(event): no unit move added change")
        let away = search.level
        var returned = false
        for _ in 0..<20_000 where !returned {
            let before = search.level
            guard search.tryMove(.returnUnit) else { continue }
            if search.level < before { returned = true } else { search.takeBack() }
        }
        #expect(returned, "\(event): no return move lowered the change")
        #expect(search.level < away)
        expectFeasible(Evaluator(I).evaluate(search.state.schedule))
    }
}
