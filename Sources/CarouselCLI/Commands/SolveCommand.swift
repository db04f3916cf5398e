import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// `carousel solve PROBLEM`: finds a schedule that breaks no hard rule.
struct SolveCommand: Command {
    static let spec = CommandSpec(
        name: "solve",
        abstract: "Find a schedule that breaks no hard rule, and write it.",
        discussion: """
            First searches for a schedule that meets every hard rule of the problem
            file (backtracking with forward checking, conflict-directed backjumping
            and restarts; half the time limit, more while it still places units — if
            it stalls, the annealing takes over in repair mode and inserts what is
            left), then improves it on
            the soft terms (simulated annealing over moves that keep every hard
            rule) until the time limit. Writes the best schedule atomically to
            SCHEDULE (default: the problem's name with .schedule.json, in the
            current folder) and prints a summary per day with the score and the
            costliest soft terms. PROBLEM may be - (standard input; then give -o),
            and -o - writes the schedule to standard output (the summary goes to
            standard error).

            What stops the improvement phase: a --time-limit you give is the time
            used (no move budget applies); --moves N stops after exactly N moves
            per thread (or at the time limit, if sooner), and while it is what
            stops the search the same seed and thread count give the same schedule
            on any machine (--moves 0: no budget). With neither, the default budget
            applies — 3,000,000 moves per thread for up to 400 units, in proportion
            above that (a few seconds) — or the default time limit of 60 s if that
            comes first. --threads N runs N cooperating searches: they share the
            best schedule at intervals and search differently (temperatures, large
            neighbourhoods), and the best wins; the first searches as a lone search
            would, so more threads do no worse than one on free cores.

            Progress goes to stderr at 0.1, 0.2 and 0.5 s of the search, then once
            a second; --quiet silences it. Ctrl-C or
            SIGTERM stops the search early and still writes the best schedule found
            so far; the exit status is then 130 (Ctrl-C) or 143 (SIGTERM).

            When no feasible schedule is found within the time limit, the best partial
            schedule is written all the same, the unmet requirements are listed, and
            the exit status is 1. Run 'carousel explain PROBLEM' to find out why.

            --plan-b also makes, for each day with an outdoor session, the schedule
            for that day being wet that changes least from the dry one: the outdoor
            rooms are closed that day and outdoor activities use their wet-weather
            rooms or replacement (docs/format.md, "Wet weather"). Each is a repair
            (as 'carousel repair', with the days before over and the days after
            kept); the plans go into the schedule file under "planB", and the
            HTML report prints them beside the dry timetables.

            EXAMPLES:
              carousel solve Examples/stem-week.json -o stem-week.schedule.json
              carousel solve Examples/conference.json --time-limit 10 --seed 7
              carousel solve Examples/stem-week.json --plan-b -o stem-week.schedule.json
            """,
        positionals: [Positional("PROBLEM", help: "The problem file (- for standard input).")],
        options: [
            .value(
                "output", short: "o", "SCHEDULE", .file, defaultNote: "PROBLEM's name with .schedule.json",
                help: "Where to write the schedule (- for standard output)."),
            .flag("first", help: "Stop at the first feasible schedule (no improvement phase)."),
            .flag("json", help: "Print the summary as JSON (for programs)."),
            .flag("plan-b", help: "Also plan each day with outdoor sessions for wet weather, changing least."),
        ] + SearchSettings.options(timeLimit: 60, moves: 3_000_000))

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        var settings = SearchSettings(arguments)
        settings.options.constructOnly = arguments.flag("first")
        let problemPath = arguments.positional("PROBLEM")!
        if problemPath == "-" && !arguments.isGiven("output") {
            throw UsageError("give -o SCHEDULE when the problem comes from standard input")
        }
        let output = arguments.string("output") ?? defaultOutput(for: problemPath)
        if output == "-" && arguments.flag("json") {
            throw UsageError("-o - and --json would both use standard output; choose one")
        }
        let loaded = try context.loadProblem(problemPath, threads: settings.options.threads)
        // Refuse a bad output before the search, not after.
        try context.outputs.check(output, output: "the schedule", kind: .schedule)
        let I = loaded.instance
        let console = context.console
        let seed = Int(settings.options.seed), timeLimit = settings.options.timeLimit
        // Infeasibility a count proves: no search for what cannot exist
        // (the first schedule is still built and written, with what it leaves unmet).
        let proofs = ProblemAnalysis(I).proofs().map(\.message)
        if !proofs.isEmpty { settings.options.constructOnly = true }
        let bound = SoftLowerBound(I)
        // At the bound the schedule is optimal: the search stops there.
        settings.options.softFloor = bound.soft
        let (result, signal) = settings.stoppable {
            Solver.solve(I, options: settings.options, progress: settings.progress(console))
        }
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        let unmet = result.unplaced.map { describe(unit: $0, table: result.state.table, instance: I) }

        var extra: [(String, JSONOutput)] = [("seed", .int(seed))]
        if !unmet.isEmpty { extra.append(("unmet", .array(unmet.map { .string($0) }))) }
        var plans: [WetWeatherPlan.Day] = []
        if arguments.flag("plan-b"), signal == nil, evaluation.isFeasible, unmet.isEmpty {
            plans = planB(I, dry: schedule, settings: settings, console: console)
            extra.append(("planB", WetWeatherFile.json(plans, dry: schedule)))
        }
        try context.write(
            ScheduleFile.render(schedule, instance: I, evaluation: evaluation, extra: extra), to: output,
            output: "the schedule", kind: .schedule)

        let feasible = evaluation.isFeasible && unmet.isEmpty
        if arguments.flag("json") {
            let json = JSONOutput.object([
                ("problem", .string(loaded.path)), ("schedule", .string(output)), ("feasible", .bool(feasible)),
                ("seconds", .number((result.elapsed * 1000).rounded() / 1000)),
                (
                    "firstFeasibleSeconds",
                    result.firstFeasibleSeconds.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
                ),
                ("moves", .int(result.moves)), ("evaluatedMoves", .int(result.evaluatedMoves)),
                ("appliedMoves", .int(result.appliedMoves)),
                ("sessions", .int(schedule.sessions.count)), ("unmet", .array(unmet.map { .string($0) })),
                ("score", ScheduleSummary.scoreJSON(evaluation)),
                ("planB", .array(plans.map { planSummary($0, dry: schedule).json })),
                ("lowerBound", ScheduleSummary.boundJSON(bound, evaluation: evaluation, complete: feasible)),
                ("infeasibleBecause", .array(proofs.map { .string($0) })),
                ("stoppedBy", signal.map { .string(SignalHandler.name($0)) } ?? .null),
            ])
            console.print(json.rendered(), terminator: "")
        } else {
            let name = I.problem.name.isEmpty ? loaded.file : I.problem.name
            let how = signal.map { "stopped by \(SignalHandler.name($0)) after" } ?? "in"
            let first = result.firstFeasibleSeconds.map { String(format: "first feasible after %.3f s, ", $0) } ?? ""
            let report = console.report
            console.reportWrapped(
                "\(name): \(schedule.sessions.count) sessions for \(I.groupCount) groups; \(first)\(result.moves) improvement moves; \(how) \(String(format: "%.2f", result.elapsed)) s (seed \(seed))"
            )
            for line in ScheduleSummary.days(schedule, instance: I) { report(line) }
            for line in ScheduleSummary.scoreLines(evaluation) { report(line) }
            if feasible { for line in ScheduleSummary.boundLines(bound, evaluation: evaluation) { report(line) } }
            for proof in proofs { report("proved infeasible: \(proof)") }
            for note in result.notes { report("note: \(note)") }
            if arguments.flag("plan-b") {
                if !I.problem.hasOutdoorActivities {
                    report("Plan B: no activity is outdoor, so rain changes nothing")
                } else if plans.isEmpty && feasible {
                    report("Plan B: no day holds an outdoor session")
                }
                for plan in plans { console.reportWrapped(planSummary(plan, dry: schedule).text) }
            }
            if feasible {
                report("wrote \(output == "-" ? "the schedule to standard output" : output)")
            } else {
                report(
                    "NO FEASIBLE SCHEDULE found \(signal.map { "before \(SignalHandler.name($0))" } ?? "within \(timeLimit.plainText) s"); wrote the best partial schedule to \(output)"
                )
                for line in unmet.prefix(20) { report("  unmet: \(line)") }
                if unmet.count > 20 {
                    report(
                        "  … and \(ListText.grouped(unmet.count - 20)) more (all listed in the schedule file under \"unmet\")"
                    )
                }
                for v in evaluation.violations.prefix(20) { report("  \(v)") }
                if evaluation.violations.count > 20 {
                    report("  … and \(ListText.grouped(evaluation.violations.count - 20)) more broken rules")
                }
                report(
                    "Run 'carousel explain \(loaded.file)' for a small set of requirements that cannot all hold, and what would fix it."
                )
            }
        }
        if let signal { return ExitCode.stopped(by: signal) }
        return feasible ? ExitCode.success : ExitCode.infeasible
    }

    /// The wet-weather plan of every day with an outdoor session, each a
    /// repair with repair's budget (at most 300,000 moves, 10 s).
    static func planB(_ I: CompiledInstance, dry: Schedule, settings: SearchSettings, console: Console)
        -> [WetWeatherPlan.Day]
    {
        var options = settings.options
        options.moveLimit = min(options.moveLimit, 300_000)
        options.timeLimit = min(options.timeLimit, 10)
        options.softFloor = 0  // (the bound is the dry day's, not the wet one's)
        return WetWeatherPlan.wetDays(I, dry: dry).map { d in
            if !settings.quiet { console.status("Plan B: \(I.dayID(d)) wet…") }
            return WetWeatherPlan.plan(I, dry: dry, day: d, options: options)
        }
    }

    /// One plan in a line, and for programs.
    static func planSummary(_ plan: WetWeatherPlan.Day, dry: Schedule) -> (text: String, json: JSONOutput) {
        let I = plan.instance, schedule = plan.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        let feasible = evaluation.isFeasible && plan.result.unplaced.isEmpty
        let diff = ScheduleDiff(old: dry, new: schedule, instance: I)
        let text =
            "Plan B if \(I.dayID(plan.day)) is wet: \(diff.sessionsChanged) sessions changed, \(diff.attendancesChanged) group attendances"
            + (feasible
                ? ""
                : "; NOT FEASIBLE: \(plan.result.unplaced.count) attendances unplaced, \(evaluation.hard) rules broken")
        return (
            text,
            .object([
                ("day", .string(I.dayID(plan.day))), ("feasible", .bool(feasible)),
                ("sessionsChanged", .int(diff.sessionsChanged)), ("attendancesChanged", .int(diff.attendancesChanged)),
            ])
        )
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
            return
                "group \(I.groupID(Int(unit.group))): one of \(ListText.joined(unit.activities.map { I.activityID(Int($0)) }))"
        }
    }
}
