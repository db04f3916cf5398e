import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel repair PROBLEM OLD_SCHEDULE`: the fewest changes that make an
/// old schedule fit a changed problem, and who must be told.
struct RepairCommand: Command {
    static let spec = CommandSpec(
        name: "repair",
        abstract: "Fix a schedule after the problem changed, changing as little as possible.",
        discussion: """
            For a problem that changed after OLD_SCHEDULE was made (a teacher ill, a
            room lost, a coach late, a class added): keeps every session the change
            allows as it was, moves the fewest others, and then improves the soft
            score only where that changes nothing more. Change is counted per
            group's attendance: 8 for each changed attendance, plus 4 for a new
            time, 2 for a new room, 1 per staff member replaced, added or taken
            away, and 8 for another activity; it comes before the soft score. The
            summary gives a lower bound on the attendances that must change (those
            whose old place the change itself forbids).

            --keep-until DAY treats DAY and the days before it as over: their
            sessions stay exactly as they were and nothing new is placed on them.

            --now "tue 09:40" repairs on the day: sessions that have ended stay,
            sessions under way cannot move, and only sessions that start at or
            after that moment change (a class whose coach is late drops out of
            what it missed and is placed later). It then prints the messages to
            send, in plain words with names: to each school, for each room and to
            each staff member.

            --change SCENARIO applies a scenario's changes (docs/scenarios.md:
            {"late": 40, "school": "…", "day": "tue"}, {"close": ROOM, "when":
            [...]}, {"absent": STAFF, "when": [...]}) to PROBLEM first.

            Prints who has to be told — each school's changed groups with what
            changed, and the rooms and staff whose bookings changed — and writes the
            new schedule (default: OLD_SCHEDULE's name with .repaired.json; never
            over OLD_SCHEDULE or PROBLEM). Entries of OLD_SCHEDULE that name things
            the problem no longer has are dropped with a note; a schedule made for
            another problem is refused. Exit status 1 when no feasible schedule is
            found; 130 or 143 when Ctrl-C or SIGTERM stopped it (the best schedule
            is still written).

            EXAMPLE:
              carousel repair whatif/robotics-teacher-ill-thursday.problem.json \\
                  stem-week.schedule.json --keep-until mon
              carousel repair Examples/stem-week.json stem-week.schedule.json \\
                  --change Examples/scenarios/on-the-day/coach-late.json --now "tue 09:40"
            """,
        positionals: [
            Positional("PROBLEM", help: "The problem as it is now."),
            Positional("OLD_SCHEDULE", help: "The schedule made before it changed."),
        ],
        options: [
            .value(
                "output", short: "o", "NEW", .file, defaultNote: "OLD_SCHEDULE's name with .repaired.json",
                help: "Where to write the repaired schedule (- for standard output)."),
            .value("keep-until", "DAY", help: "Days up to and including DAY are over: keep them as they were."),
            .value(
                "now", "WHEN", help: "The moment, \"tue 09:40\": what has started stays; print the messages to send."),
            .value(
                "change", "SCENARIO", .file, help: "Apply a scenario's changes to PROBLEM first (docs/scenarios.md)."),
            .flag("json", help: "Print the result as JSON (for programs)."),
        ] + SearchSettings.options(timeLimit: 10, moves: 300_000),
        exclusive: [["keep-until", "now"]])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let settings = SearchSettings(arguments)
        var loaded = try context.loadProblem(arguments.positional("PROBLEM")!, threads: settings.options.threads)
        if let change = arguments.string("change") { loaded = try context.applying(scenario: change, to: loaded) }
        let oldPath = arguments.positional("OLD_SCHEDULE")!
        let old = try context.loadSchedule(oldPath, for: loaded, role: "the old schedule")
        // With formations, the old schedule's teams stay: they are groups of the instance it is read for.
        let I = old.instance
        var scope = RepairScope()
        if let day = arguments.string("keep-until") {
            scope = .from(day: try loaded.day(day, option: "keep-until") + 1, instance: I)
        }
        if let now = arguments.string("now") {
            let (d, minute) = try loaded.moment(now, option: "now")
            scope = .moment(day: d, minute: minute, instance: I)
        }
        if oldPath == "-" && !arguments.isGiven("output") {
            throw UsageError("give -o NEW when the old schedule comes from standard input")
        }
        let output = arguments.string("output") ?? defaultOutput(for: oldPath)
        if output == "-" && arguments.flag("json") {
            throw UsageError("-o - and --json would both use standard output; choose one")
        }
        try context.outputs.check(output, output: "the repaired schedule", kind: .schedule)
        let console = context.console
        let (result, signal) = settings.stoppable {
            Solver.repair(
                I, old: old.schedule, scope: scope, options: settings.options, progress: settings.progress(console))
        }
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        let unmet = result.unplaced.map { SolveCommand.describe(unit: $0, table: result.state.table, instance: I) }
        let feasible = evaluation.isFeasible && unmet.isEmpty
        let diff = ScheduleDiff(old: old.schedule, new: schedule, instance: I)
        let unavoidable =
            result.reference?.unavoidableChanges(
                old.schedule, table: result.state.table, openFrom: scope.openFrom, instance: I) ?? 0
        let report = ChangeReport(diff, instance: I)
        let messages = ChangeMessages(old: old.schedule, new: schedule, instance: I)
        let dropped = old.formatViolations.map { "old schedule: \($0.message); dropped" }
        let notes = dropped + result.notes
        var extra: [(String, JSONOutput)] = [
            ("seed", .int(Int(settings.options.seed))), ("repairedFrom", .string(oldPath)),
        ]
        if !unmet.isEmpty { extra.append(("unmet", .array(unmet.map { .string($0) }))) }
        try context.write(
            ScheduleFile.render(schedule, instance: I, evaluation: evaluation, extra: extra), to: output,
            output: "the repaired schedule", kind: .schedule)

        let percent = diff.sessionsBefore == 0 ? 0 : 100 * Double(diff.sessionsChanged) / Double(diff.sessionsBefore)
        if arguments.flag("json") {
            console.print(
                JSONOutput.object([
                    ("problem", .string(loaded.path)), ("old", .string(oldPath)), ("schedule", .string(output)),
                    ("feasible", .bool(feasible)), ("seconds", .number((result.elapsed * 1000).rounded() / 1000)),
                    ("sessionsBefore", .int(diff.sessionsBefore)), ("sessionsAfter", .int(diff.sessionsAfter)),
                    ("sessionsChanged", .int(diff.sessionsChanged)),
                    ("sessionsChangedPercent", .number((percent * 100).rounded() / 100)),
                    ("attendancesChanged", .int(diff.attendancesChanged)),
                    ("unavoidableChanges", .int(unavoidable)), ("change", .int(result.perturbation)),
                    ("affected", report.json), ("messages", messages.json),
                    ("notes", .array(notes.map { .string($0) })),
                    ("unmet", .array(unmet.map { .string($0) })), ("score", ScheduleSummary.scoreJSON(evaluation)),
                    ("stoppedBy", signal.map { .string(SignalHandler.name($0)) } ?? .null),
                ]).rendered(), terminator: "")
        } else {
            let name = I.problem.name.isEmpty ? loaded.file : I.problem.name
            let how = signal.map { "stopped by \(SignalHandler.name($0)) after" } ?? "repaired in"
            console.reportWrapped(
                "\(name): \(how) \(String(format: "%.2f", result.elapsed)) s; \(diff.sessionsChanged) of \(diff.sessionsBefore) sessions changed (\(String(format: "%.1f", percent))%), \(diff.attendancesChanged) group attendances (at least \(unavoidable) unavoidable), change cost \(result.perturbation)"
            )
            for line in ScheduleSummary.scoreLines(evaluation) { console.report(line) }
            for note in notes.prefix(20) { console.reportWrapped("note: \(note)") }
            if notes.count > 20 { console.report("note: … and \(ListText.grouped(notes.count - 20)) more") }
            for line in report.lines { console.reportWrapped(line) }
            if arguments.isGiven("now") {
                console.report("Messages to send:")
                for line in messages.lines { console.reportWrapped("  " + line) }
            }
            if feasible {
                console.report("wrote \(output == "-" ? "the schedule to standard output" : output)")
            } else {
                console.report("NO FEASIBLE SCHEDULE found; wrote the best partial schedule to \(output)")
                for line in unmet.prefix(20) { console.report("  unmet: \(line)") }
                for v in evaluation.violations.prefix(20) { console.report("  \(v)") }
                console.report("Run 'carousel explain \(loaded.file)' to find what cannot all hold together.")
            }
        }
        if let signal { return ExitCode.stopped(by: signal) }
        return feasible ? ExitCode.success : ExitCode.infeasible
    }

    /// `week.schedule.json` → `week.schedule.repaired.json`.
    static func defaultOutput(for oldPath: String) -> String {
        var base = oldPath
        if base.hasSuffix(".json") { base.removeLast(5) }
        return base + ".repaired.json"
    }
}
