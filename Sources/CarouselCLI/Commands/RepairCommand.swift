import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel repair PROBLEM OLD_SCHEDULE`: the fewest changes that make an
/// old schedule fit a changed problem, and who must be told.
struct RepairCommand: Command {
    static let name = "repair"
    static let abstract = "Fix a schedule after the problem changed, changing as little as possible."
    static let usage = "carousel repair PROBLEM OLD_SCHEDULE [-o NEW] [--keep-until DAY] [--json] [search options]"
    static let discussion = """
    For a problem that changed after OLD_SCHEDULE was made (a teacher ill, a
    room lost, a coach late, a class added): keeps every session the change
    allows as it was, moves the fewest others, and then improves the soft
    score only where that changes nothing more. Change is counted per
    group's attendance: 4 for a new time, 2 for a new room, 1 per staff
    member replaced; it comes before the soft score.

    --keep-until DAY treats DAY and the days before it as over: their
    sessions stay exactly as they were and nothing new is placed on them.

    Prints who has to be told — each school's changed groups with what
    changed, and the rooms and staff whose bookings changed — and writes the
    new schedule (default: OLD_SCHEDULE's name with .repaired.json). Entries
    of OLD_SCHEDULE that name things the problem no longer has are dropped
    with a note. Exit status 1 when no feasible schedule is found.

    EXAMPLE:
      carousel repair stem-week-ill.json stem-week.schedule.json --keep-until mon
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "NEW", help: "Where to write the repaired schedule."),
        .option("keep-until", value: "DAY", help: "Days up to and including DAY are over: keep them as they were."),
        .flag("json", help: "Print the result as JSON (for programs)."),
    ] + SearchSettings.specs(timeLimit: 10, moves: 300_000)
    static let positionals = ["PROBLEM", "OLD_SCHEDULE"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let settings = try SearchSettings(arguments, timeLimit: 10, moves: 300_000)
        let loaded = try LoadedProblem(path: arguments.positionals[0])
        let oldPath = arguments.positionals[1]
        let old = try ScheduleFile.read(contentsOf: oldPath, for: loaded.instance)
        // With formations, the old schedule's teams stay: they are groups of the instance it is read for.
        let I = old.instance
        var keepDays = 0
        if let day = arguments.string("keep-until") { keepDays = try loaded.day(day, option: "keep-until") + 1 }
        let output = arguments.string("output") ?? defaultOutput(for: oldPath)
        let result = settings.interruptible {
            Solver.repair(I, old: old.schedule, keepDays: keepDays, options: settings.options, progress: settings.progress(console))
        }
        let schedule = result.state.schedule
        let evaluation = Evaluator(I).evaluate(schedule)
        let unmet = result.unplaced.map { SolveCommand.describe(unit: $0, table: result.state.table, instance: I) }
        let feasible = evaluation.isFeasible && unmet.isEmpty
        let diff = ScheduleDiff(old: old.schedule, new: schedule, instance: I)
        let report = ChangeReport(diff, instance: I)
        let dropped = old.formatViolations.map { "old schedule: \($0.message); dropped" }
        let notes = dropped + result.notes
        var extra: [(String, JSONOutput)] = [("seed", .int(Int(settings.options.seed))), ("repairedFrom", .string(oldPath))]
        if !unmet.isEmpty { extra.append(("unmet", .array(unmet.map { .string($0) }))) }
        try AtomicFile.write(ScheduleFile.render(schedule, instance: I, evaluation: evaluation, extra: extra), to: output)

        let percent = diff.sessionsBefore == 0 ? 0 : 100 * Double(diff.sessionsChanged) / Double(diff.sessionsBefore)
        if arguments.flag("json") {
            console.print(JSONOutput.object([
                ("problem", .string(loaded.path)), ("old", .string(oldPath)), ("schedule", .string(output)),
                ("feasible", .bool(feasible)), ("seconds", .number((result.elapsed * 1000).rounded() / 1000)),
                ("sessionsBefore", .int(diff.sessionsBefore)), ("sessionsAfter", .int(diff.sessionsAfter)),
                ("sessionsChanged", .int(diff.sessionsChanged)), ("sessionsChangedPercent", .number((percent * 100).rounded() / 100)),
                ("attendancesChanged", .int(diff.attendancesChanged)), ("change", .int(result.perturbation)),
                ("affected", report.json), ("notes", .array(notes.map { .string($0) })),
                ("unmet", .array(unmet.map { .string($0) })), ("score", ScheduleSummary.scoreJSON(evaluation)),
            ]).rendered(), terminator: "")
        } else {
            let name = I.problem.name.isEmpty ? loaded.path : I.problem.name
            console.print("\(name): repaired in \(String(format: "%.2f", result.elapsed)) s; \(diff.sessionsChanged) of \(diff.sessionsBefore) sessions changed (\(String(format: "%.1f", percent))%), \(diff.attendancesChanged) group attendances, change cost \(result.perturbation)")
            console.print("score: " + ScheduleSummary.score(evaluation))
            for note in notes { console.print("note: \(note)") }
            for line in report.lines { console.print(line) }
            if feasible {
                console.print("wrote \(output)")
            } else {
                console.print("NO FEASIBLE SCHEDULE found; wrote the best partial schedule to \(output)")
                for line in unmet.prefix(20) { console.print("  unmet: \(line)") }
                for v in evaluation.violations.prefix(20) { console.print("  \(v)") }
                console.print("Run 'carousel explain \(loaded.path)' to find what cannot all hold together.")
            }
        }
        return feasible ? ExitCode.success : ExitCode.infeasible
    }

    /// `week.schedule.json` → `week.schedule.repaired.json`.
    static func defaultOutput(for oldPath: String) -> String {
        var base = oldPath
        if base.hasSuffix(".json") { base.removeLast(5) }
        return base + ".repaired.json"
    }
}
