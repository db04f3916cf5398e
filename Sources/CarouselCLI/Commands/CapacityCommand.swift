import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel capacity PROBLEM --like GROUP`: how many more classes fit
/// (`CapacityReport`).
struct CapacityCommand: Command {
    static let spec = CommandSpec(
        name: "capacity",
        abstract: "How many more classes like one group could come, and what runs out first.",
        discussion: """
            Adds copies of GROUP (same size, year, needs and wishes) until no
            schedule can be found — doubling, then bisecting, each step a search
            with a fixed budget — and reports how many more fit. With --day the
            copies come on DAY (at GROUP's visiting times); with --per-day the
            answer is given for every day; otherwise the copies visit as GROUP does.
            At the limit it tries one more of each resource GROUP's activities use
            (a room like theirs, a staff member with the skill, bigger or more
            sessions, a wider time window) and names those that let one more class
            in: the binding resources.

            Progress goes to stderr once a second (--quiet silences it). With
            --time-limit S, or on Ctrl-C or SIGTERM, it stops and prints what it
            had established, marked PARTIAL: how many copies were found to fit
            (and not to fit) so far; the exit status is then 130 or 143 for a
            signal, else 0.

            EXAMPLES:
              carousel capacity Examples/stem-week.json --like oakfield-4s --per-day
              carousel capacity Examples/stem-week.json --like oakfield-4s --day wed
            """,
        positionals: [Positional("PROBLEM", help: "The problem file (- for standard input).")],
        options: [
            .value("like", "GROUP", required: true, help: "The group to copy."),
            .value("day", "DAY", help: "The copies visit on DAY."),
            .flag("per-day", help: "Answer for every day."),
        ] + DiagnosisSettings.options + [.flag("json", help: "Print the answer as JSON (for programs).")],
        exclusive: [["day", "per-day"]])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = try context.loadProblem(arguments.positional("PROBLEM")!)
        let p = loaded.problem
        let like = arguments.string("like")!
        guard let g = p.groups.firstIndex(where: { $0.id == like }) else {
            throw UsageError("--like: unknown group \"\(like)\"\(didYouMean(like, among: p.groups.map(\.id)))")
        }
        var days: [Int?] = [nil]
        if arguments.flag("per-day") {
            days = p.calendar.days.indices.map { $0 }
        } else if let day = arguments.string("day") {
            days = [try loaded.day(day, option: "day")]
        }
        let settings = DiagnosisSettings(arguments, command: "capacity", console: context.console)
        let (report, signal) = settings.stoppable {
            CapacityReport.run(
                p, file: loaded.file, like: g, days: days, oracle: settings.oracle, sizeLimit: context.memoryLimit,
                progress: settings.progress)
        }
        if arguments.flag("json") {
            context.console.print(report.json.rendered(), terminator: "")
        } else {
            for line in report.lines() { context.console.print(line) }
        }
        return signal.map(ExitCode.stopped) ?? ExitCode.success
    }
}
