import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel whatif BASE SCENARIO…`: solves each scenario and compares it
/// with the base problem in one table.
struct WhatIfCommand: Command {
    static let name = "whatif"
    static let abstract = "Compare scenarios (changes to a problem) with the base, side by side."
    static let usage = "carousel whatif BASE SCENARIO… [--schedule BASE_SCHEDULE] [--fresh] [--save DIR] [--json] [search options]"
    static let discussion = """
    Each SCENARIO file lists changes to the BASE problem: add, remove or
    edit rooms, staff, activities and groups; close a room or mark a staff
    member absent for a day or a time range; scale class sizes or the number
    of classes; change weights (format: docs/scenarios.md, examples in
    Examples/scenarios/). The base is solved first (or read with --schedule);
    then every scenario is repaired from the base schedule, changing as
    little as possible, so that "changed" counts the sessions that would
    really move (--fresh solves every scenario from scratch instead).
    Scenarios run in parallel with --threads.

    One row per scenario: feasible or not, soft score and its main terms,
    groups and pupils served (every attendance placed), room utilisation,
    staff hours, and sessions changed from the base schedule (+ new ones).
    --save DIR writes each scenario's problem and schedule there.

    EXAMPLE:
      carousel whatif Examples/stem-week.json Examples/scenarios/*.json --threads 2
    """
    static let options: [OptionSpec] = [
        .option("schedule", value: "FILE", help: "The base schedule to compare with (default: solve the base)."),
        .flag("fresh", help: "Solve each scenario from scratch instead of repairing the base schedule."),
        .option("save", value: "DIR", help: "Write each scenario's problem and schedule into DIR."),
        .flag("json", help: "Print the comparison as JSON (for programs)."),
    ] + SearchSettings.specs(timeLimit: 30, moves: 1_000_000)
    static let positionals = ["BASE", "SCENARIO…"]

    /// One row of the comparison.
    struct Row: Sendable {
        var name: String
        var file: String
        var feasible: Bool
        var evaluation: Evaluation
        var metrics: ScheduleMetrics
        var diff: ScheduleDiff?
        /// Base sessions that name what the scenario removed (so changed too).
        var dropped = 0
        var notes: [String]
        var schedule: Schedule
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let settings = try SearchSettings(arguments, timeLimit: 30, moves: 1_000_000)
        let basePath = arguments.positionals[0]
        let scenarioPaths = Array(arguments.positionals.dropFirst())
        guard !scenarioPaths.isEmpty else { throw UsageError(message: "give at least one SCENARIO file after BASE") }
        let base = try LoadedProblem(path: basePath)
        let baseTree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(basePath), file: basePath)
        var scenarios: [(Scenario, CompiledInstance)] = []
        var notes: [String] = []
        for path in scenarioPaths {
            let scenario = try Scenario.read(contentsOf: path)
            if let named = scenario.base, URL(fileURLWithPath: named).standardized.path != URL(fileURLWithPath: basePath).standardized.path {
                notes.append("\(path) names base \(named); its changes are applied to \(basePath)")
            }
            scenarios.append((scenario, CompiledInstance(try scenario.apply(to: baseTree, baseFile: basePath))))
        }
        var jobOptions = settings.options
        jobOptions.threads = 1
        let progress = settings.progress(console)
        let baseRun: (schedule: Schedule, row: Row)
        if let path = arguments.string("schedule") {
            let file = try ScheduleFile.read(contentsOf: path, for: base.instance)
            let evaluation = Evaluator(base.instance).evaluate(file.schedule)
            guard evaluation.isFeasible else {
                throw InputError(file: path, location: nil, path: "", message: "the base schedule breaks \(evaluation.hard) hard rule(s); run 'carousel validate' on it, or leave out --schedule to solve the base")
            }
            let served = [Bool](repeating: true, count: base.instance.groupCount)
            baseRun = (file.schedule, Row(name: "base", file: basePath, feasible: true, evaluation: evaluation,
                                          metrics: ScheduleMetrics(file.schedule, instance: base.instance, served: served), diff: nil, notes: [],
                                          schedule: file.schedule))
        } else {
            let result = settings.interruptible { Solver.solve(base.instance, options: jobOptions, progress: progress) }
            baseRun = (result.state.schedule, row(name: "base", file: basePath, result: result, instance: base.instance, old: nil))
        }
        let fresh = arguments.flag("fresh"), jobs = scenarios, options = jobOptions, baseSchedule = baseRun.schedule
        let rows = ConcurrentSlots<Row>(count: scenarios.count)
        let workers = min(settings.options.threads, scenarios.count)
        settings.interruptible {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in stride(from: w, to: jobs.count, by: workers) {
                    let (scenario, instance) = jobs[i]
                    let old = ScheduleFile.translate(baseSchedule, from: base.instance, to: instance).schedule
                    let result = fresh ? Solver.solve(instance, options: options) : Solver.repair(instance, old: old, options: options)
                    var r = row(name: scenario.name, file: scenario.file, result: result, instance: instance, old: old)
                    r.dropped = baseSchedule.sessions.count - old.sessions.count
                    rows.set(i, r)
                }
            }
        }
        let all = [baseRun.row] + rows.values
        if let dir = arguments.string("save") {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for ((scenario, instance), row) in zip(scenarios, all.dropFirst()) {
                let stem = URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent
                try AtomicFile.write(ProblemFile.render(instance.problem), to: "\(dir)/\(stem).problem.json")
                try AtomicFile.write(ScheduleFile.render(row.schedule, instance: instance, evaluation: row.evaluation),
                                     to: "\(dir)/\(stem).schedule.json")
            }
        }
        if settings.options.stop.isRaised {
            notes.append("interrupted by Ctrl-C: every search stopped early, so these are the best schedules found until then")
        }
        if arguments.flag("json") {
            console.print(JSONOutput.object([
                ("base", .string(basePath)), ("notes", .array(notes.map { .string($0) })),
                ("scenarios", .array(all.map(json))),
            ]).rendered(), terminator: "")
        } else {
            for note in notes { console.print("note: \(note)") }
            for line in table(all) { console.print(line) }
            for r in all where !r.notes.isEmpty {
                for n in r.notes.prefix(5) { console.print("note (\(r.name)): \(n)") }
            }
        }
        return ExitCode.success
    }

    static func row(name: String, file: String, result: Solver.Result, instance I: CompiledInstance, old: Schedule?) -> Row {
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        return Row(name: name, file: file, feasible: evaluation.isFeasible && result.unplaced.isEmpty,
                   evaluation: evaluation, metrics: ScheduleMetrics(result.state),
                   diff: old.map { ScheduleDiff(old: $0, new: schedule, instance: I) }, notes: result.notes, schedule: schedule)
    }

    static func mainTerms(_ e: Evaluation, _ n: Int = 2) -> String {
        Weights.Term.allCases.filter { e.weighted($0) > 0 }.sorted { e.weighted($0) > e.weighted($1) }.prefix(n)
            .map { "\($0.rawValue) \(ScheduleSummary.number(e.weighted($0)))" }.joined(separator: ", ")
    }

    static func table(_ rows: [Row]) -> [String] {
        let header = ["scenario", "feasible", "soft", "main terms", "groups", "pupils", "rooms", "staff h", "changed"]
        let cells: [[String]] = rows.map { r in
            let m = r.metrics
            return [
                r.name, r.feasible ? "yes" : "NO (hard \(r.evaluation.hard))", ScheduleSummary.number(r.evaluation.soft), mainTerms(r.evaluation),
                "\(m.groupsServed)/\(m.groups)", "\(m.pupilsServed)/\(m.pupils)", String(format: "%.0f%%", m.roomUse * 100),
                String(format: "%.1f", m.staffHours),
                r.diff.map { d in
                    let changed = d.sessionsChanged + r.dropped, added = d.sessionsAdded - d.sessionsChanged
                    return "\(changed) of \(d.sessionsBefore + r.dropped)" + (added > 0 ? " (+\(added) new)" : added < 0 ? " (\(-added) fewer)" : "")
                } ?? "—",
            ]
        }
        let widths = header.indices.map { c in max(header[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return (c == 2 || c == 6 || c == 7) ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return [line(header), line(widths.map { String(repeating: "-", count: $0) })] + cells.map(line)
    }

    static func json(_ r: Row) -> JSONOutput {
        let m = r.metrics
        var fields: [(String, JSONOutput)] = [
            ("name", .string(r.name)), ("file", .string(r.file)), ("feasible", .bool(r.feasible)),
            ("score", ScheduleSummary.scoreJSON(r.evaluation)),
            ("groupsServed", .int(m.groupsServed)), ("groups", .int(m.groups)),
            ("pupilsServed", .int(m.pupilsServed)), ("pupils", .int(m.pupils)),
            ("sessions", .int(m.sessions)), ("roomUse", .number((m.roomUse * 10_000).rounded() / 10_000)),
            ("staffHours", .number((m.staffHours * 100).rounded() / 100)), ("notes", .array(r.notes.map { .string($0) })),
        ]
        if let d = r.diff {
            fields.append(("sessionsChanged", .int(d.sessionsChanged + r.dropped)))
            fields.append(("sessionsAfter", .int(d.sessionsAfter)))
            fields.append(("baseSessions", .int(d.sessionsBefore + r.dropped)))
        }
        return .object(fields)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
