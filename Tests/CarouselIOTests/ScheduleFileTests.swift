import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

@Suite struct ScheduleFileTests {
    static let problemJSON = """
        {"name": "Tiny",
         "calendar": {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]},
         "rooms": [{"id": "lab", "capacity": 30}],
         "staff": [{"id": "ann", "skills": ["chem"]}],
         "activities": [{"id": "chem", "staff": [{"skills": ["chem"], "count": 1}]}],
         "groups": [{"id": "g1", "size": 20, "attend": [{"activity": "chem"}]}]}
        """

    static func instance() throws -> CompiledInstance {
        CompiledInstance(try ProblemDecoder.decode(bytes: Array(problemJSON.utf8), file: "tiny.json"))
    }

    @Test func renderedScheduleReadsBackToTheSameSessions() throws {
        let I = try Self.instance()
        let schedule = Schedule(sessions: [
            ScheduledSession(activity: 0, day: 0, start: 1, room: 0, groups: [0], staff: [0])
        ])
        let evaluation = Evaluator(I).evaluate(schedule)
        let text = ScheduleFile.render(schedule, instance: I, evaluation: evaluation)
        let loaded = try ScheduleFile.decode(
            try ProblemDecoder.parseJSON(Array(text.utf8), file: "s.json"), file: "s.json", for: I)
        #expect(loaded.schedule == schedule)
        #expect(loaded.formatViolations.isEmpty)
        #expect(text.contains("\"time\": \"10:00-11:00\""))
        let score = try ProblemDecoder.parseJSON(Array(text.utf8), file: "s.json").object?["score"]?.object
        #expect(score?["hard"]?.number?.integer == 0)
        #expect(score?["soft"]?.number?.integer == 0)
    }

    @Test func unknownIdsBecomeFormatViolationsAndStartMayBeAClockTime() throws {
        let I = try Self.instance()
        let json =
            #"{"sessions": [{"activity": "chem", "day": "mon", "start": "09:00", "room": "lab", "groups": ["g1", "g9"], "staff": ["ann"]}, {"activity": "cook", "day": "mon", "start": "p1", "room": "lab"}]}"#
        let loaded = try ScheduleFile.decode(
            try ProblemDecoder.parseJSON(Array(json.utf8), file: "s.json"), file: "s.json", for: I)
        #expect(loaded.schedule.sessions.count == 1)
        #expect(loaded.schedule.sessions[0].start == 0)
        #expect(loaded.formatViolations.map(\.rule) == [.malformedEntry, .malformedEntry])
        #expect(loaded.formatViolations[0].message.contains("unknown group \"g9\""))
        #expect(loaded.formatViolations[1].message.contains("unknown activity \"cook\""))
    }

    @Test func aScheduleThatIsNotAnObjectIsAnInputError() throws {
        let I = try Self.instance()
        #expect(throws: InputError.self) {
            _ = try ScheduleFile.decode(
                try ProblemDecoder.parseJSON(Array("[1, 2]".utf8), file: "s.json"), file: "s.json", for: I)
        }
    }

    @Test func atomicWriteReplacesWholeAndLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: dir.appendingPathComponent("missing/out.json").path)
        }
    }

    @Test func jsonOutputEscapesAndFormatsNumbers() {
        let value = JSONOutput.object([
            ("s", .string("a\"b\\c\n\u{1}")), ("n", .number(2.0)), ("x", .number(0.1 + 0.2)),
        ])
        #expect(value.rendered() == "{\"s\": \"a\\\"b\\\\c\\n\\u0001\", \"n\": 2, \"x\": 0.3}\n")
    }
}
