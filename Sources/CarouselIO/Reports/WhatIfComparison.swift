import CarouselModel
import CarouselSolver
import Foundation

/// `carousel whatif`: a base problem and scenarios of it, each solved (by
/// default repaired from the base schedule, changing as little as possible)
/// and compared side by side: feasibility, soft score and its main terms,
/// groups and pupils served, room use, staff hours, sessions changed.
public struct WhatIfComparison: Sendable {
    /// One scenario's result (the base is the first row).
    public struct Row: Sendable {
        public var name: String
        public var file: String
        public var feasible: Bool
        public var evaluation: Evaluation
        public var metrics: ScheduleMetrics
        public var diff: ScheduleDiff?
        /// Base sessions that name what the scenario removed (so changed too).
        public var dropped = 0
        public var notes: [String]
        public var schedule: Schedule
        public var instance: CompiledInstance

        /// Sessions changed from the base, counting those the scenario removed.
        public var changed: Int? { diff.map { $0.sessionsChanged + dropped } }
    }

    /// A scenario to compare: its file and its problem, compiled.
    public struct Case: Sendable {
        public var scenario: Scenario
        public var instance: CompiledInstance

        public init(scenario: Scenario, instance: CompiledInstance) {
            self.scenario = scenario
            self.instance = instance
        }
    }

    public var base: String
    /// The base first, then the scenarios in order.
    public var rows: [Row]

    /// Solves the base (or takes `baseSchedule`, which must be feasible) and
    /// then every case, `workers` at a time, each with one search thread;
    /// `fresh` solves the cases from scratch instead of repairing the base
    /// schedule. `progress` reports the base's search.
    public static func run(
        base: CompiledInstance, baseFile: String, baseSchedule: Schedule?, cases: [Case], fresh: Bool,
        options: Solver.Options, workers: Int, progress: (@Sendable (SearchProgress) -> Void)?
    ) -> WhatIfComparison {
        var single = options
        single.threads = 1
        let baseRow: Row
        if let baseSchedule {
            let evaluation = Evaluator(base).evaluate(baseSchedule)
            let served = [Bool](repeating: true, count: base.groupCount)
            baseRow = Row(
                name: "base", file: baseFile, feasible: evaluation.isFeasible, evaluation: evaluation,
                metrics: ScheduleMetrics(baseSchedule, instance: base, served: served), diff: nil, notes: [],
                schedule: baseSchedule, instance: base)
        } else {
            baseRow = row(
                name: "base", file: baseFile, result: Solver.solve(base, options: single, progress: progress),
                instance: base, old: nil)
        }
        let slots = ConcurrentSlots<Row>(count: cases.count)
        let workers = max(1, min(workers, cases.count))
        let first = baseRow.schedule, jobOptions = single
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: cases.count, by: workers) {
                let instance = cases[i].instance
                let old = ScheduleFile.translate(first, from: base, to: instance).schedule
                let result =
                    fresh
                    ? Solver.solve(instance, options: jobOptions)
                    : Solver.repair(instance, old: old, options: jobOptions)
                var r = row(
                    name: cases[i].scenario.name, file: cases[i].scenario.file, result: result, instance: instance,
                    old: old)
                r.dropped = first.sessions.count - old.sessions.count
                slots.set(i, r)
            }
        }
        return WhatIfComparison(base: baseFile, rows: [baseRow] + slots.values)
    }

    static func row(name: String, file: String, result: Solver.Result, instance I: CompiledInstance, old: Schedule?)
        -> Row
    {
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        return Row(
            name: name, file: file, feasible: evaluation.isFeasible && result.unplaced.isEmpty,
            evaluation: evaluation, metrics: ScheduleMetrics(result.state),
            diff: old.map { ScheduleDiff(old: $0, new: schedule, instance: I) }, notes: result.notes,
            schedule: schedule,
            instance: I)
    }

    /// The two costliest soft terms: `preference 210, siteChange 108`.
    static func mainTerms(_ e: Evaluation, _ n: Int = 2) -> String {
        Weights.Term.allCases.filter { e.weighted($0) > 0 }.sorted { e.weighted($0) > e.weighted($1) }.prefix(n)
            .map { "\($0.rawValue) \(ScheduleSummary.number(e.weighted($0)))" }.joined(separator: ", ")
    }

    /// The comparison as lines that fit `width` columns: a table of
    /// outcomes (feasible or the number of broken rules, soft score, groups
    /// and pupils served, base sessions changed and sessions added or
    /// fewer), then one of resources (room use, staff hours) and each row's
    /// costliest soft terms.
    public func table(width: Int = 80) -> [String] {
        let outcomes: [[String]] = rows.map { r in
            let m = r.metrics
            let added = r.diff.map { $0.sessionsAdded - $0.sessionsChanged }
            return [
                r.name, r.feasible ? "yes" : "NO (\(r.evaluation.hard))", ScheduleSummary.number(r.evaluation.soft),
                "\(m.groupsServed)/\(m.groups)", "\(m.pupilsServed)/\(m.pupils)",
                r.diff.map { "\(r.changed!)/\($0.sessionsBefore + r.dropped)" } ?? "—",
                added.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "0" } ?? "—",
            ]
        }
        let resources: [[String]] = rows.map { r in
            [
                r.name, String(format: "%.0f%%", r.metrics.roomUse * 100), String(format: "%.1f", r.metrics.staffHours),
                Self.mainTerms(r.evaluation),
            ]
        }
        return TextTable(
            headers: ["scenario", "feasible", "soft", "groups", "pupils", "changed", "new"], rows: outcomes,
            rightAligned: [2, 5, 6], keptWhole: [0]
        ).lines(width: width, indent: 0)
            + [""]
            + TextTable(
                headers: ["scenario", "rooms", "staff hours", "main soft terms"], rows: resources,
                rightAligned: [1, 2], keptWhole: [0]
            ).lines(width: width, indent: 0)
    }

    /// The names `--save DIR` gives a scenario's problem and schedule:
    /// `STEM.problem.json` and `STEM.schedule.json`, STEM the scenario file's.
    public static func savedNames(scenarioFile: String) -> (problem: String, schedule: String) {
        let stem = URL(fileURLWithPath: scenarioFile).deletingPathExtension().lastPathComponent
        return ("\(stem).problem.json", "\(stem).schedule.json")
    }

    /// Each scenario's problem and its schedule, for `--save DIR`.
    public func savedFiles() -> (problems: [(name: String, text: String)], schedules: [(name: String, text: String)]) {
        let scenarios = rows.dropFirst()
        return (
            scenarios.map { (Self.savedNames(scenarioFile: $0.file).problem, ProblemFile.render($0.instance.problem)) },
            scenarios.map {
                (
                    Self.savedNames(scenarioFile: $0.file).schedule,
                    ScheduleFile.render($0.schedule, instance: $0.instance, evaluation: $0.evaluation)
                )
            }
        )
    }

    /// The comparison as JSON, with `notes` about the run.
    public func json(notes: [String]) -> JSONOutput {
        .object([
            ("base", .string(base)), ("notes", .array(notes.map { .string($0) })),
            ("scenarios", .array(rows.map(Self.json))),
        ])
    }

    static func json(_ r: Row) -> JSONOutput {
        let m = r.metrics
        var fields: [(String, JSONOutput)] = [
            ("name", .string(r.name)), ("file", .string(r.file)), ("feasible", .bool(r.feasible)),
            ("score", ScheduleSummary.scoreJSON(r.evaluation)),
            ("groupsServed", .int(m.groupsServed)), ("groups", .int(m.groups)),
            ("pupilsServed", .int(m.pupilsServed)), ("pupils", .int(m.pupils)),
            ("sessions", .int(m.sessions)), ("roomUse", .number((m.roomUse * 10_000).rounded() / 10_000)),
            ("staffHours", .number((m.staffHours * 100).rounded() / 100)),
            ("notes", .array(r.notes.map { .string($0) })),
        ]
        if let d = r.diff {
            fields.append(("sessionsChanged", .int(r.changed!)))
            fields.append(("sessionsAfter", .int(d.sessionsAfter)))
            fields.append(("baseSessions", .int(d.sessionsBefore + r.dropped)))
        }
        return .object(fields)
    }
}
