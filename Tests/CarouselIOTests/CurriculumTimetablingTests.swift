import CarouselIO
import CarouselModel
import CarouselSolver
import Testing

@Suite struct CurriculumTimetablingTests {
    static let toy = """
        Name: Toy
        Courses: 3
        Rooms: 2
        Days: 2
        Periods_per_day: 3
        Curricula: 2
        Constraints: 2

        COURSES:
        c1 t1 2 2 30
        c2 t2 2 1 20
        c3 t1 1 1 40

        ROOMS:
        rA 30
        rB 25

        CURRICULA:
        q1 2 c1 c2
        q2 2 c2 c3

        UNAVAILABILITY_CONSTRAINTS:
        c1 0 0
        c3 1 2

        END.
        """

    /// The competition's penalty of `lectures` (course, room, day, period),
    /// by `assess` on the solution's text.
    static func itcPenalty(_ x: CurriculumTimetabling, _ lectures: [(String, String, Int, Int)]) throws -> Int {
        try x.assess(
            solution: lectures.map { "\($0.0) \($0.1) \($0.2) \($0.3)" }.joined(separator: "\n"), file: "toy.sol"
        ).penalty
    }

    @Test func assessmentFollowsTheCompetitionRules() throws {
        let itc = try CurriculumTimetabling.parse(Self.toy, file: "toy.ctt")
        // By hand: c1 twice on day 0 (rA, rB): 1 day short, 5 students over in rB, 2 rooms;
        // c2 twice on day 1 in rB; c3 on day 0 p0 in rA: 10 over; q1 (c1, c2): d0 p1, p2 adjacent,
        // d1 p0, p1 adjacent; q2 (c2, c3): d1 p0, p1 adjacent, c3 at d0 p0 isolated.
        let good = "c1 rA 0 1\nc1 rB 0 2\nc2 rB 1 0\nc2 rB 1 1\nc3 rA 0 0\n"
        let a = try itc.assess(solution: good, file: "toy.sol")
        #expect(a.hard == 0)
        #expect(a.roomCapacity == 15 && a.minWorkingDays == 1 && a.isolatedLectures == 1 && a.roomStability == 1)
        #expect(a.penalty == 15 + 5 + 2 + 1)
        // Each hard rule, broken once.
        let missing = try itc.assess(solution: "c1 rA 0 1\nc2 rB 1 0\nc2 rB 1 1\nc3 rA 0 0\n", file: "toy.sol")
        #expect(missing.missingLectures == 1 && missing.hard == 1)
        let teacher = try itc.assess(
            solution: good.replacingOccurrences(of: "c3 rA 0 0", with: "c3 rA 0 2"), file: "toy.sol")
        #expect(teacher.conflicts == 1 && teacher.hard == 1)  // c1 (in rB) and c3 share t1 at d0 p2
        // c2 joins c1 in rA at d0 p1: one room twice, and q1 twice.
        let curriculum = try itc.assess(
            solution: good.replacingOccurrences(of: "c2 rB 1 0", with: "c2 rA 0 1"), file: "toy.sol")
        #expect(curriculum.conflicts == 1 && curriculum.roomOccupancy == 1)
        let blocked = try itc.assess(
            solution: good.replacingOccurrences(of: "c3 rA 0 0", with: "c3 rA 1 2"), file: "toy.sol")
        #expect(blocked.unavailable == 1 && blocked.hard == 1)
        // Malformed lines name the line.
        do {
            _ = try itc.assess(solution: "c1 rA 0 1\nc9 rA 0 0\n", file: "toy.sol")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "toy.sol:2:1: unknown course \"c9\"")
        }
        #expect(throws: InputError.self) { try itc.assess(solution: "c1 rA 0 7\n", file: "toy.sol") }
    }

    @Test func importedProblemScoresTheCompetitionPenalty() throws {
        let itc = try CurriculumTimetabling.parse(Self.toy, file: "toy.ctt")
        #expect(itc.courses.count == 3 && itc.curricula.count == 2 && itc.unavailable.count == 2)
        // Round trip through the problem file, as `carousel import` writes it.
        let text = ProblemFile.render(itc.problem())
        let I = CompiledInstance(try ProblemDecoder.decode(bytes: Array(text.utf8), file: "toy.json"))
        // By hand: c1 twice on day 0 (rA, rB): 1 day short (5), 5 students over in rB, 2 rooms (1);
        // c2 twice on day 1 in rB; c3 on day 0 p0 in rA: 10 over, and isolated in q2 (2). Total 23.
        let lectures = [
            ("c1", "rA", 0, 1), ("c1", "rB", 0, 2), ("c2", "rB", 1, 0), ("c2", "rB", 1, 1), ("c3", "rA", 0, 0),
        ]
        #expect(try Self.itcPenalty(itc, lectures) == 23)
        let groupsOf: (String) -> [Int32] = { course in
            var gs = [Int32(I.problem.groups.firstIndex { $0.id == course }!)]
            for q in itc.curricula where q.courses.contains(course) {
                gs.append(Int32(I.problem.groups.firstIndex { $0.id == q.id }!))
            }
            return gs
        }
        let sessions = lectures.map { l in
            ScheduledSession(
                activity: Int32(I.problem.activities.firstIndex { $0.id == l.0 }!), day: Int32(l.2), start: Int32(l.3),
                room: Int32(I.problem.rooms.firstIndex { $0.id == l.1 }!), groups: groupsOf(l.0),
                staff: [Int32(I.problem.staff.firstIndex { $0.id == itc.courses.first { $0.id == l.0 }!.teacher }!)])
        }
        let e = Evaluator(I).evaluate(Schedule(sessions: sessions))
        #expect(e.isFeasible, "\(e.violations)")
        #expect(e.soft == 23)
        #expect(
            e.cost(.overCapacity) == 15 && e.cost(.spread) == 1 && e.cost(.isolated) == 1 && e.cost(.roomStability) == 1
        )
        // Unavailability and teacher clashes are hard.
        var clash = sessions
        clash[4].start = 1  // c3 with c1's teacher at d0 p1
        #expect(Evaluator(I).evaluate(Schedule(sessions: clash)).violations.contains { $0.rule == .staffing })
        var blocked = sessions
        blocked[0].start = 0  // c1 is unavailable at d0 p0
        #expect(Evaluator(I).evaluate(Schedule(sessions: blocked)).violations.contains { $0.rule == .activityTimes })
    }

    @Test func solvedScheduleExportsAndScoresTheSameAsTheCompetition() throws {
        let itc = try CurriculumTimetabling.parse(Self.toy, file: "toy.ctt")
        let I = CompiledInstance(itc.problem())
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 20_000
        let result = Solver.solve(I, options: options)
        #expect(result.construction.isComplete)
        let e = Evaluator(I).evaluate(result.state.schedule)
        #expect(e.isFeasible)
        let lines = CurriculumTimetabling.solution(result.state.schedule, instance: I).split(separator: "\n").map {
            line in
            let f = line.split(separator: " ").map(String.init)
            return (f[0], f[1], Int(f[2])!, Int(f[3])!)
        }
        #expect(lines.count == 5)
        #expect(Double(try Self.itcPenalty(itc, lines)) == e.soft)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkReadTheSame() throws {
        // "\r\n" is one Character in Swift: a file split at "\n" alone would
        // be one long line.
        let plain = try CurriculumTimetabling.parse(Self.toy, file: "toy.ctt")
        let windows = "\u{FEFF}" + Self.toy.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let read = try CurriculumTimetabling.parse(windows, file: "toy.ctt")
        #expect(ProblemFile.render(read.problem()) == ProblemFile.render(plain.problem()))
        let good = "c1 rA 0 1\nc1 rB 0 2\nc2 rB 1 0\nc2 rB 1 1\nc3 rA 0 0\n"
        let solution = good.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try plain.assess(solution: solution, file: "toy.sol") == plain.assess(solution: good, file: "toy.sol"))
        // Old Mac line ends too; line numbers still count from 1.
        do {
            _ = try plain.assess(solution: "c1 rA 0 1\rc9 rA 0 0\r", file: "toy.sol")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "toy.sol:2:1: unknown course \"c9\"")
        }
    }

    @Test func moreThanSixteenPeriodsADayFitBeforeMidnight() throws {
        let itc = try CurriculumTimetabling.parse(
            Self.toy.replacingOccurrences(of: "Periods_per_day: 3", with: "Periods_per_day: 40"), file: "toy.ctt")
        let calendar = itc.problem().calendar
        // 960 minutes from 08:00 to 24:00, 24 each, back to back.
        #expect(calendar.periods.count == 40)
        #expect(calendar.periods[0].start == 480 && calendar.periods[0].end == 504)
        #expect(calendar.periods[39].end == 480 + 40 * 24)
        #expect(zip(calendar.periods, calendar.periods.dropFirst()).allSatisfy { $0.end == $1.start })
        let I = CompiledInstance(itc.problem())
        var options = Solver.Options()
        options.moveLimit = 5_000
        let result = Solver.solve(I, options: options)
        #expect(Evaluator(I).evaluate(result.state.schedule).isFeasible)
        #expect(throws: InputError.self) {
            try CurriculumTimetabling.parse(
                Self.toy.replacingOccurrences(of: "Periods_per_day: 3", with: "Periods_per_day: 961"), file: "toy.ctt")
        }
    }

    /// The toy in the extended format (.ectt): c1 may not use rB.
    static let toyExtended = """
        Name: Toy
        Courses: 3
        Rooms: 2
        Days: 2
        Periods_per_day: 3
        Curricula: 2
        Min_Max_Daily_Lectures: 1 3
        UnavailabilityConstraints: 2
        RoomConstraints: 1

        COURSES:
        c1 t1 2 2 30 1
        c2 t2 2 1 20 0
        c3 t1 1 1 40 0

        ROOMS:
        rA 30 0
        rB 25 1

        CURRICULA:
        q1 2 c1 c2
        q2 2 c2 c3

        UNAVAILABILITY_CONSTRAINTS:
        c1 0 0
        c3 1 2

        ROOM_CONSTRAINTS:
        c1 rB

        END.
        """

    @Test func extendedFormatKeepsRoomConstraintsHard() throws {
        let plain = try CurriculumTimetabling.parse(Self.toy, file: "toy.ctt")
        let itc = try CurriculumTimetabling.parse(Self.toyExtended, file: "toy.ectt")
        #expect(itc.courses.map(\.id) == plain.courses.map(\.id) && itc.courses.map(\.minDays) == [2, 1, 1])
        #expect(itc.rooms.map(\.id) == ["rA", "rB"] && itc.rooms.map(\.capacity) == [30, 25])
        #expect(itc.curricula.count == 2 && itc.unavailable.count == 2)
        #expect(itc.unsuitable.map(\.course) == ["c1"] && itc.unsuitable.map(\.room) == ["rB"])
        // c1's activity may use rA only; the others any room, as from the .ctt.
        let problem = itc.problem()
        #expect(problem.activities.map(\.rooms) == [[0], nil, nil])
        // The toy's hand-scored solution has c1 in rB at d0 p2: one lecture
        // in an unsuitable room, a hard violation; the penalty is unchanged.
        let good = "c1 rA 0 1\nc1 rB 0 2\nc2 rB 1 0\nc2 rB 1 1\nc3 rA 0 0\n"
        let a = try itc.assess(solution: good, file: "toy.sol")
        #expect(a.unsuitableRooms == 1 && a.hard == 1 && a.penalty == 23)
        #expect(try plain.assess(solution: good, file: "toy.sol").hard == 0)
        // Solved: c1 stays in rA, and the competition's score equals Carousel's.
        let I = CompiledInstance(problem)
        var options = Solver.Options()
        options.moveLimit = 20_000
        let result = Solver.solve(I, options: options)
        let e = Evaluator(I).evaluate(result.state.schedule)
        #expect(e.isFeasible)
        let scored = try itc.assess(
            solution: CurriculumTimetabling.solution(result.state.schedule, instance: I), file: "toy.sol")
        #expect(scored.hard == 0 && Double(scored.penalty) == e.soft)
        // A section of no entries may be left out.
        let bare = Self.toyExtended.replacingOccurrences(of: "RoomConstraints: 1", with: "RoomConstraints: 0")
            .replacingOccurrences(of: "ROOM_CONSTRAINTS:\nc1 rB\n", with: "")
        #expect(!bare.contains("ROOM_CONSTRAINTS"))
        #expect(try CurriculumTimetabling.parse(bare, file: "toy.ectt").unsuitable.isEmpty)
        // Malformed extended fields name the line.
        for (from, to, message) in [
            ("c1 t1 2 2 30 1", "c1 t1 2 2 30 2", "bad.ectt:12:1: double lectures must be 0 or 1, got \"2\""),
            ("rB 25 1", "rB 25 x", "bad.ectt:18:1: site must be a whole number ≥ 0, got \"x\""),
            ("c1 rB\n", "c1 rC\n", "bad.ectt:29:1: unknown room \"rC\""),
            (
                "Min_Max_Daily_Lectures: 1 3", "Min_Max_Daily_Lectures: 1",
                "bad.ectt:7:1: Min_Max_Daily_Lectures must be two whole numbers ≥ 0"
            ),
            ("c1 t1 2 2 30 1", "c1 t1 2 2 30", "bad.ectt:12:1: COURSES: entry has 5 fields, expected 6"),
        ] {
            do {
                _ = try CurriculumTimetabling.parse(
                    Self.toyExtended.replacingOccurrences(of: from, with: to), file: "bad.ectt")
                Issue.record("expected an error for \(to)")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func malformedFilesNameTheLine() {
        #expect(throws: InputError.self) { try CurriculumTimetabling.parse("Name: x\nCourses: two\n", file: "bad.ctt") }
        // A course or room listed twice is an error, not a trap later on.
        for (from, to, message) in [
            ("c2 t2 2 1 20", "c1 t2 2 1 20", "bad.ctt:11:1: c1 is listed twice in COURSES: (first on line 10)"),
            ("rB 25", "rA 25", "bad.ctt:16:1: rA is listed twice in ROOMS: (first on line 15)"),
        ] {
            do {
                _ = try CurriculumTimetabling.parse(Self.toy.replacingOccurrences(of: from, with: to), file: "bad.ctt")
                Issue.record("expected an error for \(to)")
            } catch {
                #expect(error.description == message)
            }
        }
        do {
            _ = try CurriculumTimetabling.parse(
                Self.toy.replacingOccurrences(of: "q2 2 c2 c3", with: "q2 2 c2 c9"), file: "bad.ctt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "bad.ctt:20:1: curriculum q2 lists unknown course \"c9\"")
        }
        // Listed twice, a course would count its lectures twice for the curriculum.
        do {
            _ = try CurriculumTimetabling.parse(
                Self.toy.replacingOccurrences(of: "q2 2 c2 c3", with: "q2 2 c2 c2"), file: "bad.ctt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "bad.ctt:20:1: curriculum q2 lists course \"c2\" twice")
        }
    }
}
