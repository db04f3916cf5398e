import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel solve PROBLEM`: finds a schedule that breaks no hard rule.
struct SolveCommand: Command {
    static let name = "solve"
    static let abstract = "Find a schedule that breaks no hard rule, and write it."
    static let usage = "carousel solve PROBLEM [-o SCHEDULE] [--time-limit S] [--seed N] [--threads N] [--quiet] [--json]"
    static let discussion = """
    First searches for a schedule that meets every hard rule of the problem
    file (backtracking with forward checking, conflict-directed backjumping
    and restarts; at most half the time limit — if it stalls, the annealing
    takes over in repair mode and inserts what is left), then improves it on
    the soft terms (simulated annealing over moves that keep every hard
    rule) until the time limit. Writes the
    best schedule atomically to SCHEDULE (default: the problem's name with
    .schedule.json, in the current folder) and prints a summary per day with
    the score and the costliest soft terms.

    The improvement phase stops after --moves moves per thread (default
    3,000,000: a few seconds for a 2,000-pupil week) or at the time limit
    (default 60 s), whichever comes first. While the move budget is what
    stops it, the same seed (and thread count) gives the same schedule on
    any machine; --moves 0 removes the budget, so only the time limit stops
    the search. --threads N runs N independent searches and keeps the best.

    Progress goes to stderr once a second; --quiet silences it. Ctrl-C stops
    the search early and still writes the best schedule found so far.

    When no feasible schedule is found within the time limit, the best partial
    schedule is written all the same, the unmet requirements are listed, and
    the exit status is 1. Run 'carousel explain PROBLEM' to find out why.

    EXAMPLES:
      carousel solve Examples/stem-week.json -o stem-week.schedule.json
      carousel solve Examples/conference.json --time-limit 10 --seed 7
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "SCHEDULE", help: "Where to write the schedule."),
        .flag("first", help: "Stop at the first feasible schedule (no improvement phase)."),
        .flag("json", help: "Print the summary as JSON (for programs)."),
    ] + SearchSettings.specs(timeLimit: 60, moves: 3_000_000)
    static let positionals = ["PROBLEM"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        var settings = try SearchSettings(arguments, timeLimit: 60, moves: 3_000_000)
        settings.options.constructOnly = arguments.flag("first")
        let loaded = try LoadedProblem(path: arguments.positionals[0])
        let output = arguments.string("output") ?? defaultOutput(for: loaded.path)
        let I = loaded.instance
        let seed = Int(settings.options.seed), timeLimit = settings.options.timeLimit, stop = settings.options.stop
        let result = settings.interruptible { Solver.solve(I, options: settings.options, progress: settings.progress(console)) }
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        let unmet = result.unplaced.map { describe(unit: $0, table: result.state.table, instance: I) }

        var extra: [(String, JSONOutput)] = [("seed", .int(seed))]
        if !unmet.isEmpty { extra.append(("unmet", .array(unmet.map { .string($0) }))) }
        try AtomicFile.write(ScheduleFile.render(schedule, instance: I, evaluation: evaluation, extra: extra), to: output)

        let feasible = evaluation.isFeasible && unmet.isEmpty
        if arguments.flag("json") {
            let json = JSONOutput.object([
                ("problem", .string(loaded.path)), ("schedule", .string(output)), ("feasible", .bool(feasible)),
                ("seconds", .number((result.elapsed * 1000).rounded() / 1000)),
                ("firstFeasibleSeconds", result.firstFeasibleSeconds.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
                ("moves", .int(result.moves)), ("evaluatedMoves", .int(result.evaluatedMoves)),
                ("appliedMoves", .int(result.appliedMoves)),
                ("sessions", .int(schedule.sessions.count)), ("unmet", .array(unmet.map { .string($0) })),
                ("score", ScheduleSummary.scoreJSON(evaluation)),
            ])
            console.print(json.rendered(), terminator: "")
        } else {
            let name = I.problem.name.isEmpty ? loaded.path : I.problem.name
            let how = stop.isRaised ? "interrupted after" : "in"
            let first = result.firstFeasibleSeconds.map { String(format: "first feasible after %.3f s, ", $0) } ?? ""
            console.print("\(name): \(schedule.sessions.count) sessions for \(I.groupCount) groups; \(first)\(result.moves) improvement moves; \(how) \(String(format: "%.2f", result.elapsed)) s (seed \(seed))")
            for line in ScheduleSummary.days(schedule, instance: I) { console.print(line) }
            console.print("score: " + ScheduleSummary.score(evaluation))
            for note in result.notes { console.print("note: \(note)") }
            if feasible {
                console.print("wrote \(output)")
            } else {
                console.print("NO FEASIBLE SCHEDULE found \(stop.isRaised ? "before the interrupt" : "within \(timeLimit.formatted) s"); wrote the best partial schedule to \(output)")
                for line in unmet.prefix(20) { console.print("  unmet: \(line)") }
                if unmet.count > 20 { console.print("  … and \(unmet.count - 20) more (all listed in the schedule file under \"unmet\")") }
                for v in evaluation.violations.prefix(20) { console.print("  \(v)") }
                console.print("Run 'carousel explain \(loaded.path)' for a small set of requirements that cannot all hold, and what would fix it.")
            }
        }
        return feasible ? ExitCode.success : ExitCode.infeasible
    }

    /// `stem-week.json` → `stem-week.schedule.json` in the current folder.
    static func defaultOutput(for problemPath: String) -> String {
        var base = URL(fileURLWithPath: problemPath).lastPathComponent
        if base.hasSuffix(".json") { base.removeLast(5) }
        return base + ".schedule.json"
    }

    /// `group stmarys-5a: one of rocket, vr (oneOf)`.
    static func describe(unit u: Int, table: UnitTable, instance I: CompiledInstance) -> String {
        let unit = table.units[u]
        let day = unit.day >= 0 ? " on \(I.dayID(Int(unit.day)))" : ""
        switch unit.kind {
        case .cohort:
            return "together activity \(I.activityID(Int(unit.activities[0])))\(day) for \(unit.groups.count) groups"
        case .direct:
            return "group \(I.groupID(Int(unit.group))): \(I.activityID(Int(unit.activities[0])))\(day)"
        case .choice:
            return "group \(I.groupID(Int(unit.group))): one of \(unit.activities.map { I.activityID(Int($0)) }.joined(separator: ", "))"
        }
    }
}

/// Turns Ctrl-C (SIGINT) into a raised stop flag, so the search ends at its
/// next check and the best schedule so far is still written. A second Ctrl-C
/// exits at once.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(stop: Termination.StopFlag) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if stop.isRaised { exit(130) }
            stop.raise()
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }

    /// Runs `body` with Ctrl-C raising `stop`.
    static func whileRunning<T>(stop: Termination.StopFlag, _ body: () throws -> T) rethrows -> T {
        let interrupt = InterruptHandler(stop: stop)
        defer { interrupt.cancel() }
        return try body()
    }
}
