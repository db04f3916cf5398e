import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Scenario files: each kind of change, applied to a small base problem,
/// and the errors a mistyped scenario gets.
@Suite struct ScenarioTests {
    static let base = """
        {"name": "Base",
         "calendar": {"days": [{"id": "mon"}, {"id": "tue"}],
                      "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "brk", "start": "10:00", "end": "10:15", "break": true},
                                  {"id": "p2", "start": "10:15", "end": "11:15"}, {"id": "p3", "start": "11:15", "end": "12:15"}]},
         "rooms": [{"id": "lab1", "features": ["lab"]}, {"id": "lab2", "features": ["lab"]}, {"id": "hall"}],
         "staff": [{"id": "t1", "skills": ["chem"]}, {"id": "t2", "skills": ["chem"], "available": ["mon"]}],
         "activities": [{"id": "chem", "roomFeatures": ["lab"], "rooms": ["lab1", "lab2"], "staff": [{"skills": ["chem"], "count": 1, "ids": ["t1", "t2"]}]},
                        {"id": "talk", "together": true}],
         "groups": [{"id": "a", "school": "North", "size": 20, "attend": [{"activity": "chem"}, {"oneOf": ["chem", "talk"], "count": 1}]},
                    {"id": "b", "school": "South", "size": 25, "attend": [{"activity": "talk"}]}],
         "fixed": [{"activity": "talk", "day": "mon", "start": "p1", "room": "hall", "groups": ["b"], "staff": ["t1"]}]}
        """

    static func apply(_ changes: String) throws -> Problem {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carousel-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.json").path
        try #"{"format": "carousel-scenario/1", "changes": \#(changes)}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        let scenario = try Scenario.read(contentsOf: path)
        #expect(scenario.name == "s")
        let tree = try ProblemDecoder.parseJSON(Array(base.utf8), file: "base.json")
        return try scenario.apply(to: tree, baseFile: "base.json")
    }

    static func error(_ changes: String) -> String {
        do {
            _ = try apply(changes)
            return "no error"
        } catch let e as InputError {
            return "\(e.path): \(e.message)\(e.hint.map { " (\($0))" } ?? "")"
        } catch {
            return "\(error)"
        }
    }

    @Test func closingARoomAddsToItsClosures() throws {
        let p = try Self.apply(#"[{"close": "lab1", "when": ["tue 09:00-10:00"]}]"#)
        #expect(p.rooms[0].unavailable == [TimeRange(day: 1, window: 540...600)])
    }

    @Test func anAbsenceRewritesAvailabilityAsThePeriodsLeft() throws {
        // t1 (always available) is out on Monday 10:30-11:00, which overlaps p2 only.
        let p = try Self.apply(
            #"[{"absent": "t1", "when": ["mon 10:30-11:00"]}, {"absent": "t2", "when": ["mon 09:00-09:30"]}]"#)
        #expect(
            p.staff[0].available == [
                TimeRange(day: 0, window: 540...600), TimeRange(day: 0, window: 675...735),
                TimeRange(day: 1, window: nil),
            ])
        #expect(p.staff[1].available == [TimeRange(day: 0, window: 615...735)])
    }

    @Test func removingAnEntityRemovesWhatRefersToIt() throws {
        let p = try Self.apply(#"[{"remove": {"rooms": ["lab2"], "staff": ["t2"], "activities": ["talk"]}}]"#)
        #expect(p.rooms.map(\.id) == ["lab1", "hall"])
        #expect(p.activities.map(\.id) == ["chem"])
        #expect(p.activities[0].rooms == [0])
        #expect(p.activities[0].staff[0].ids == [0])
        #expect(p.fixed.isEmpty)
        // a keeps chem; its oneOf loses talk and keeps chem; b attends nothing now.
        #expect(p.groups[0].attend.count == 2)
        #expect(p.groups[0].attend[1] == .oneOf(choices: [0], count: 1, prefer: nil))
        #expect(p.groups[1].attend.isEmpty)
    }

    @Test func editsSetAndRemoveKeys() throws {
        let p = try Self.apply(
            #"[{"edit": {"rooms": {"lab1": {"capacity": 12}}, "staff": {"t2": {"available": null}}}}]"#)
        #expect(p.rooms[0].capacity == 12)
        #expect(p.staff[1].available == nil)
    }

    @Test func classesCanBeScaledCopiedAndWeighted() throws {
        let p = try Self.apply(
            """
            [{"scaleSizes": 1.1, "school": "South"},
             {"copyGroups": 2, "groups": ["a"], "set": {"school": "East", "visit": ["tue"]}},
             {"scaleGroups": 1.25},
             {"weights": {"preference": 9}}]
            """)
        #expect(p.groups.map(\.size) == [20, 28, 20, 20, 20])
        #expect(p.groups.map(\.id) == ["a", "b", "a-copy1", "a-copy2", "a-copy1x"])
        #expect(p.groups[2].school == "East" && p.groups[2].visit == [TimeRange(day: 1, window: nil)])
        #expect(p.weights[.preference] == 9)
        // Halving removes b, and with it the fixed talk that was there for b.
        let fewer = try Self.apply(#"[{"scaleGroups": 0.5}]"#)
        #expect(fewer.groups.map(\.id) == ["a"])
        #expect(fewer.fixed.isEmpty)
    }

    @Test func mistakesPointAtTheChangeWithAHint() {
        #expect(
            Self.error(#"[{"close": "lab3", "when": ["tue"]}]"#)
                == #"changes[0].close: unknown room "lab3" (did you mean room "lab1"?)"#)
        #expect(
            Self.error(#"[{"clsoe": "lab1", "when": ["tue"]}]"#).hasPrefix(
                #"changes[0].clsoe: unknown key "clsoe" (did you mean key "close"?)"#))
        #expect(Self.error(#"[{"absent": "t1"}]"#).hasPrefix(#"changes[0].absent: missing "when""#))
        #expect(
            Self.error(#"[{"absent": "t1", "when": ["wed"]}]"#).hasPrefix(
                #"changes[0].absent.when[0]: cannot read time range "wed""#))
        #expect(
            Self.error(#"[{"remove": {"room": ["lab1"]}}]"#).hasPrefix(#"changes[0].remove.room: unknown kind "room""#))
        #expect(Self.error(#"[{"scaleSizes": -1}]"#) == "changes[0].scaleSizes: expected a number from 0 to 100")
        // A change that breaks the problem is caught by the problem's own rules.
        #expect(Self.error(#"[{"edit": {"groups": {"a": {"size": "big"}}}}]"#).contains("groups[0].size"))
    }
}
