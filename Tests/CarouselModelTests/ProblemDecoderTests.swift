import CarouselModel
import Foundation
import Testing

/// Minutes after midnight for `h:m`.
private func t(_ h: Int, _ m: Int) -> Int { h * 60 + m }

@Suite("Problem decoder: the full example")
struct ProblemDecoderFullTests {
    let problem: Problem

    init() throws {
        problem = try Fixtures.decode(Fixtures.fullProblem)
    }

    @Test func topLevel() {
        #expect(problem.name == "STEM Week 2026")
        #expect(problem.description == "Workshops // not a comment /* nor this */")
        #expect(problem.rooms.count == 3)
        #expect(problem.staff.count == 2)
        #expect(problem.activities.count == 6)
        #expect(problem.groups.count == 2)
        #expect(problem.fixed.count == 2)
    }

    @Test func calendar() {
        let cal = problem.calendar
        #expect(cal.periods.map(\.id) == ["p1", "brk", "p2", "p3"])
        #expect(cal.periods.map(\.name) == ["Period 1", nil, nil, nil])
        #expect(cal.periods.map(\.start) == [t(9, 30), t(10, 15), t(10, 30), t(11, 15)])
        #expect(cal.periods.map(\.end) == [t(10, 15), t(10, 30), t(11, 15), t(12, 0)])
        #expect(cal.periods.map(\.isBreak) == [false, true, false, false])
        #expect(cal.days.map(\.id) == ["mon", "tue"])
        #expect(cal.days.map(\.name) == ["Monday", "Tuesday"])
        #expect(cal.days.map(\.date) == ["2026-03-09", "2026-03-10"])
        #expect(cal.days[0].periods == [0, 1, 2, 3])  // every period by default
        #expect(cal.days[1].periods == [0, 1, 2])  // narrowed, in calendar order
    }

    @Test func rooms() {
        let r = problem.rooms
        #expect(r.map(\.id) == ["lab1", "hall", "field"])
        #expect(r[0].name == "Physics Lab 1")
        #expect(r[0].capacity == 32)
        #expect(r[0].features == ["lab", "step-free"])
        #expect(r[0].site == "science-centre")
        #expect(r[0].unavailable == [TimeRange(day: 0, window: t(9, 30)...t(10, 15))])
        // Defaults: no capacity limit, no features, site "main", always available.
        #expect(r[1].name == nil)
        #expect(r[1].capacity == nil)
        #expect(r[1].features.isEmpty)
        #expect(r[1].site == "main")
        #expect(r[1].unavailable.isEmpty)
        #expect(
            r[2].unavailable == [TimeRange(day: 1, window: nil), TimeRange(day: nil, window: t(11, 15)...t(12, 0))])
    }

    @Test func staff() {
        let s = problem.staff
        #expect(s.map(\.id) == ["msmith", "amir"])
        #expect(s[0].name == "Ms Smith")
        #expect(s[0].role == "teacher")
        #expect(s[0].skills == ["chemistry", "dbs"])
        #expect(s[0].available == [TimeRange(day: 0, window: nil), TimeRange(day: 1, window: t(9, 30)...t(10, 15))])
        #expect(s[0].maxPerDay == 5)
        #expect(s[0].max == 18)
        #expect(s[0].preferredMaxPerDay == 4)
        #expect(s[1].role == "student")
        #expect(s[1].skills.isEmpty)
        #expect(s[1].available == nil)  // always available
        #expect(s[1].maxPerDay == nil && s[1].max == nil && s[1].preferredMaxPerDay == nil)
    }

    @Test func activityWithEveryKey() throws {
        let a = problem.activities[0]
        #expect(a.id == "rocket")
        #expect(a.name == "Rocket launch")
        #expect(a.duration == 2)
        #expect(a.capacity == 32)
        #expect(a.maxGroups == 1)
        #expect(a.roomFeatures == ["outdoor"])
        #expect(a.rooms == [2])
        #expect(a.years == 5...7)
        #expect(a.window == [TimeRange(day: nil, window: t(9, 30)...t(12, 0))])
        #expect(a.maxPerDay == 3)
        #expect(a.maxSessions == 12)
        #expect(a.together == false)
        try #require(a.staff.count == 3)
        #expect(a.staff[0].role == nil && a.staff[0].skills == ["chemistry"] && a.staff[0].ids == nil)
        #expect(a.staff[0].count == 1 && a.staff[0].perPupils == nil)
        #expect(a.staff[1].role == "student" && a.staff[1].skills.isEmpty)
        #expect(a.staff[1].count == 0 && a.staff[1].perPupils == 10)  // count defaults to 0
        #expect(a.staff[2].ids == [1, 0])
        #expect(a.staff[1].needed(pupils: 28) == 3)
    }

    @Test func activityDefaults() {
        let vr = problem.activities[1]
        #expect(vr.id == "vr")
        #expect(vr.name == nil)
        #expect(vr.duration == 1)
        #expect(vr.capacity == nil)
        #expect(vr.maxGroups == 1)
        #expect(vr.roomFeatures.isEmpty)
        #expect(vr.rooms == nil)
        #expect(vr.years == nil)
        #expect(vr.window == nil)
        #expect(vr.maxPerDay == nil && vr.maxSessions == nil)
        #expect(vr.together == false)
        #expect(vr.staff.isEmpty)
        #expect(problem.activities[2].rooms == [1, 0])  // in the order listed
        #expect(problem.activities[5].maxGroups == 3)
    }

    @Test func togetherActivityHasNoGroupLimit() {
        let assembly = problem.activities[3]
        #expect(assembly.together)
        #expect(assembly.maxGroups >= Int(Int32.max))
    }

    @Test func groupWithEveryKey() {
        let g = problem.groups[0]
        #expect(g.id == "stmarys-5a")
        #expect(g.name == "5A")
        #expect(g.school == "St Mary's Primary")
        #expect(g.year == 5)
        #expect(g.size == 28)
        #expect(g.visit == [TimeRange(day: 0, window: nil), TimeRange(day: 1, window: t(9, 30)...t(14, 30))])
        #expect(g.needs == ["step-free"])
        #expect(
            g.attend == [
                .activity(activity: 4, times: 1, daily: true, minDays: nil),
                .activity(activity: 3, times: 1, daily: false, minDays: nil),
                .activity(activity: 5, times: 3, daily: false, minDays: 2),
                .oneOf(choices: [0, 1, 2], count: 2, prefer: [2, 0]),
            ])
    }

    @Test func groupDefaults() {
        let g = problem.groups[1]
        #expect(g.id == "oak-6b")
        #expect(g.name == nil && g.school == nil && g.year == nil)
        #expect(g.size == 30)
        #expect(g.visit == nil)
        #expect(g.needs.isEmpty)
        #expect(g.attend == [.oneOf(choices: [1, 2], count: 1, prefer: nil)])  // count defaults to 1
        // Project additions (docs/format.md) default to the plain meaning.
        #expect(g.seats == true)
        #expect(g.exempt.isEmpty)
    }

    @Test func fixedSessions() {
        let f = problem.fixed
        #expect(f[0].activity == 3 && f[0].day == 0 && f[0].start == 0 && f[0].room == 1)
        #expect(f[0].groups == [0, 1])
        #expect(f[0].staff == [0])
        // `start` given as the start time "10:30" resolves to period p2.
        #expect(f[1].activity == 2 && f[1].day == 1 && f[1].start == 2 && f[1].room == 0)
        #expect(f[1].groups.isEmpty && f[1].staff.isEmpty)
    }

    @Test func weights() {
        let w = problem.weights
        #expect(w[.preference] == 4)
        #expect(w[.idleGap] == 0.5)
        #expect(w[.siteChange] == 3)
        #expect(w[.spread] == 6)
        #expect(w[.isolated] == 1)
        #expect(w[.roomStability] == 2)
        #expect(w[.mixSchools] == 7)
        #expect(w[.sessions] == 8)
        #expect(w[.staffOverload] == 9)
        #expect(w.overCapacity == 10)
    }

    @Test func bytesWithBOMAndCRLFDecodeTheSame() throws {
        let crlf = Fixtures.fullProblem.replacingOccurrences(of: "\n", with: "\r\n")
        let p = try ProblemDecoder.decode(bytes: [0xEF, 0xBB, 0xBF] + Array(crlf.utf8), file: "bom.json")
        #expect(p.name == problem.name)
        #expect(p.groups.map(\.attend) == problem.groups.map(\.attend))
        #expect(p.weights == problem.weights)
    }
}

@Suite("Problem decoder: defaults, time ranges, fixed starts")
struct ProblemDecoderDetailTests {
    @Test func minimalProblemDefaults() throws {
        let p = try Fixtures.decode(Fixtures.minimal())
        #expect(p.name == "")
        #expect(p.description == nil)
        #expect(p.calendar.days.count == 1 && p.calendar.periods.count == 1)
        #expect(p.rooms.isEmpty && p.staff.isEmpty && p.activities.isEmpty && p.groups.isEmpty && p.fixed.isEmpty)
        #expect(p.weights == Weights())
    }

    @Test func weightDefaultsAreTheSpecValues() throws {
        let w = try Fixtures.decode(Fixtures.minimal()).weights
        #expect(w[.preference] == 5)
        #expect(w[.idleGap] == 1)
        #expect(w[.siteChange] == 2)
        #expect(w[.spread] == 5)
        #expect(w[.isolated] == 0)
        #expect(w[.roomStability] == 0)
        #expect(w[.mixSchools] == 0)
        #expect(w[.sessions] == 0)
        #expect(w[.staffOverload] == 0)
        #expect(w.overCapacity == nil)
    }

    @Test func partialWeightsKeepOtherDefaults() throws {
        let w = try Fixtures.decode(Fixtures.minimal(extra: #", "weights": {"idleGap": 3, "overCapacity": null}"#))
            .weights
        var expected = Weights()
        expected[.idleGap] = 3
        #expect(w == expected)
        let w2 = try Fixtures.decode(Fixtures.minimal(extra: #", "weights": {"overCapacity": 2.5, "sessions": 1e2}"#))
            .weights
        #expect(w2.overCapacity == 2.5)
        #expect(w2[.sessions] == 100)
        #expect(w2[.preference] == 5)
    }

    @Test func formatIsOptionalButChecked() throws {
        #expect(throws: Never.self) { try Fixtures.decode(Fixtures.minimal(extra: #", "format": "carousel/1""#)) }
        #expect(throws: Never.self) { try Fixtures.decode(Fixtures.minimal(extra: #", "format": "carousel/2""#)) }
        #expect(throws: InputError.self) { try Fixtures.decode(Fixtures.minimal(extra: #", "format": "carousel/3""#)) }
    }

    private static let twoDays = """
        {"calendar": {"days": [{"id": "mon"}, {"id": "tue"}],
                      "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]},
         "groups": [{"id": "g", "size": 1, "visit": VISIT}]}
        """

    private func visit(_ list: String) throws -> [TimeRange]? {
        try Fixtures.decode(Self.twoDays.replacingOccurrences(of: "VISIT", with: list)).groups[0].visit
    }

    @Test func timeRangeWholeDay() throws {
        #expect(try visit(#"["tue"]"#) == [TimeRange(day: 1, window: nil)])
        #expect(try visit(#"["mon", "tue"]"#) == [TimeRange(day: 0, window: nil), TimeRange(day: 1, window: nil)])
    }

    @Test func timeRangeDayWindow() throws {
        #expect(try visit(#"["tue 09:30-12:00"]"#) == [TimeRange(day: 1, window: t(9, 30)...t(12, 0))])
    }

    @Test func timeRangeEveryDayWindow() throws {
        #expect(try visit(#"["09:30-12:00"]"#) == [TimeRange(day: nil, window: t(9, 30)...t(12, 0))])
    }

    @Test func timeRangeSpacingIsForgiven() throws {
        #expect(
            try visit(#"[" mon  10:30 - 11:15 ", "9:05-9:55"]"#)
                == [TimeRange(day: 0, window: t(10, 30)...t(11, 15)), TimeRange(day: nil, window: t(9, 5)...t(9, 55))])
    }

    @Test func timeRangeUpToMidnight() throws {
        #expect(try visit(#"["00:00-24:00"]"#) == [TimeRange(day: nil, window: 0...t(24, 0))])
    }

    @Test func emptyVisitListMeansNever() throws {
        #expect(try visit("[]") == [])
    }

    private static let fixedBase = """
        {"calendar": {"days": [{"id": "mon"}],
                      "periods": [{"id": "p1", "start": "09:30", "end": "10:15"},
                                  {"id": "p2", "start": "10:30", "end": "11:15"}]},
         "rooms": [{"id": "hall"}],
         "activities": [{"id": "talk"}],
         "fixed": [{"activity": "talk", "day": "mon", "start": START, "room": "hall"}]}
        """

    private func fixedStart(_ start: String) throws -> Int {
        try Fixtures.decode(Self.fixedBase.replacingOccurrences(of: "START", with: start)).fixed[0].start
    }

    @Test func fixedStartByPeriodId() throws {
        #expect(try fixedStart(#""p1""#) == 0)
        #expect(try fixedStart(#""p2""#) == 1)
    }

    @Test func fixedStartByClockTime() throws {
        #expect(try fixedStart(#""09:30""#) == 0)
        #expect(try fixedStart(#""9:30""#) == 0)
        #expect(try fixedStart(#""10:30""#) == 1)
    }

    @Test func fixedStartThatIsNoPeriodStart() {
        #expect(throws: InputError.self) { try fixedStart(#""10:00""#) }
    }

    @Test func decodeFromFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("stem.json").path
        try Data(Fixtures.fullProblem.utf8).write(to: URL(fileURLWithPath: path))
        let p = try ProblemDecoder.decode(contentsOf: path)
        #expect(p.name == "STEM Week 2026")
        #expect(p.groups.count == 2)

        let missing = dir.appendingPathComponent("nope.json").path
        #expect(throws: InputError(file: missing, location: nil, path: "", message: "no such file")) {
            try ProblemDecoder.decode(contentsOf: missing)
        }
        do {
            _ = try ProblemDecoder.decode(contentsOf: dir.path)
            Issue.record("a directory decoded")
        } catch {
            #expect(error.description == "\(dir.path): is a directory; expected a JSON file")
        }
        let bad = dir.appendingPathComponent("bad.json").path
        try Data("{\n  \"calendar\": 1,\n}".utf8).write(to: URL(fileURLWithPath: bad))
        do {
            _ = try ProblemDecoder.decode(contentsOf: bad)
            Issue.record("a bad file decoded")
        } catch {
            #expect(error.description == "\(bad):2:15: calendar: expected an object, got a number")
        }
    }
}

@Suite("InputError formatting")
struct InputErrorFormatTests {
    @Test func fullForm() {
        let e = InputError(
            file: "stem.json", location: SourcePosition(line: 212, column: 19),
            path: "groups[12].attend[2].oneOf[1]", message: "unknown activity \"rockets\"",
            hint: "did you mean \"rocket\"?")
        #expect(
            e.description
                == "stem.json:212:19: groups[12].attend[2].oneOf[1]: unknown activity \"rockets\" (did you mean \"rocket\"?)"
        )
    }

    @Test func withoutLocationPathOrHint() {
        #expect(
            InputError(file: "a.json", location: nil, path: "", message: "no such file").description
                == "a.json: no such file")
        #expect(
            InputError(file: "a.json", location: SourcePosition(line: 1, column: 1), path: "", message: "m").description
                == "a.json:1:1: m")
    }

    @Test func syntaxErrorsBecomeInputErrors() {
        #expect(
            throws: InputError(
                file: "x.json", location: SourcePosition(line: 1, column: 2, offset: 1), path: "",
                message: "object keys must be in double quotes: 'a'")
        ) {
            try ProblemDecoder.parseJSON(Array("{a: 1}".utf8), file: "x.json")
        }
    }
}
