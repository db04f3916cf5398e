import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

// MARK: - Small problems written as JSON

/// Builders for the tiny hand-written problems of the hard-rule and soft-term
/// tests: a default calendar and JSON fragments for the rest.
enum Fixtures {
    /// Two days, four lessons and a break:
    ///
    ///     p1 09:00-09:45 | p2 09:45-10:30 | brk 10:30-10:45 (break) | p3 10:45-11:30 | p4 11:30-12:15
    ///
    /// Period indices: p1 = 0, p2 = 1, brk = 2, p3 = 3, p4 = 4. Non-break
    /// positions within a day: p1 = 0, p2 = 1, p3 = 2, p4 = 3.
    static let calendar = """
        {
          "days": [{"id": "mon"}, {"id": "tue"}],
          "periods": [
            {"id": "p1", "start": "09:00", "end": "09:45"},
            {"id": "p2", "start": "09:45", "end": "10:30"},
            {"id": "brk", "start": "10:30", "end": "10:45", "break": true},
            {"id": "p3", "start": "10:45", "end": "11:30"},
            {"id": "p4", "start": "11:30", "end": "12:15"}
          ]
        }
        """

    /// A whole problem file from fragments (each a JSON list or object text).
    static func problemJSON(
        calendar: String = Fixtures.calendar, rooms: String = "[]", staff: String = "[]",
        activities: String, groups: String, fixed: String = "[]", weights: String = "{}"
    ) -> String {
        """
        {
          "format": "carousel/1",
          "name": "test",
          // comments and trailing commas are accepted
          "calendar": \(calendar),
          "rooms": \(rooms),
          "staff": \(staff),
          "activities": \(activities),
          "groups": \(groups),
          "fixed": \(fixed),
          "weights": \(weights),
        }
        """
    }
}

/// A decoded and compiled problem, with id-based helpers to write schedules.
struct Fx {
    let json: String
    let problem: Problem
    let instance: CompiledInstance

    init(json: String) throws {
        self.json = json
        problem = try ProblemDecoder.decode(bytes: Array(json.utf8), file: "t.json")
        instance = CompiledInstance(problem)
    }

    init(
        calendar: String = Fixtures.calendar, rooms: String = "[]", staff: String = "[]", activities: String,
        groups: String, fixed: String = "[]", weights: String = "{}"
    ) throws {
        try self.init(
            json: Fixtures.problemJSON(
                calendar: calendar, rooms: rooms, staff: staff, activities: activities,
                groups: groups, fixed: fixed, weights: weights))
    }

    private func index(_ id: String, in ids: [String], _ kind: String) -> Int32 {
        guard let i = ids.firstIndex(of: id) else { fatalError("test fixture: unknown \(kind) \(id)") }
        return Int32(i)
    }

    /// A session by ids: `S("rocket", "mon", "p1", "lab", groups: ["g1"], staff: ["t1"])`.
    func S(
        _ activity: String, _ day: String, _ start: String, _ room: String, groups: [String] = [],
        staff: [String] = []
    ) -> ScheduledSession {
        ScheduledSession(
            activity: index(activity, in: problem.activities.map(\.id), "activity"),
            day: index(day, in: problem.calendar.days.map(\.id), "day"),
            start: index(start, in: problem.calendar.periods.map(\.id), "period"),
            room: index(room, in: problem.rooms.map(\.id), "room"),
            groups: groups.map { index($0, in: problem.groups.map(\.id), "group") },
            staff: staff.map { index($0, in: problem.staff.map(\.id), "staff") })
    }

    func evaluate(_ sessions: [ScheduledSession]) -> Evaluation {
        Evaluator(instance).evaluate(Schedule(sessions: sessions))
    }

    /// Evaluates a schedule given as spec section 9 JSON text, through `ScheduleFile`.
    func evaluate(scheduleJSON text: String) throws -> Evaluation {
        let root = try ProblemDecoder.parseJSON(Array(text.utf8), file: "s.json")
        let loaded = try ScheduleFile.decode(root, file: "s.json", for: instance)
        return Evaluator(instance).evaluate(loaded.schedule, formatViolations: loaded.formatViolations)
    }
}

// MARK: - Assertions

/// The violations as text, for failure messages.
func describe(_ ev: Evaluation) -> String {
    ev.violations.isEmpty ? "(no violations)" : ev.violations.map(\.description).joined(separator: "\n")
}

/// Expects a violation of `rule` whose message names every one of `names`,
/// and (unless `only` is false) no violation of any other rule.
func expectBroken(
    _ ev: Evaluation, rule: HardRule, naming names: [String], only: Bool = true,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let hit = ev.violations.contains { v in v.rule == rule && names.allSatisfy { v.message.contains($0) } }
    #expect(
        hit, "expected a rule \(rule) violation naming \(names); got:\n\(describe(ev))", sourceLocation: sourceLocation)
    if only {
        let others = ev.violations.filter { $0.rule != rule }
        #expect(
            others.isEmpty, "expected only rule \(rule) violations; got:\n\(describe(ev))",
            sourceLocation: sourceLocation)
    }
}

func expectFeasible(_ ev: Evaluation, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(ev.isFeasible, "expected a feasible schedule; got:\n\(describe(ev))", sourceLocation: sourceLocation)
}

/// Deterministic, bounded construction for tests: the iteration limit stops
/// the search long before the (generous) time limit could. The generated
/// problems that get solved at all take under 40 iterations; 300 keeps the
/// unsolvable ones (a second or two each in a debug build) affordable.
func construct(_ instance: CompiledInstance, seed: UInt64, iterations: Int = 300) -> Construction.Result {
    Construction.run(instance, seed: seed, termination: Termination(timeLimit: 120, iterationLimit: iterations))
}
