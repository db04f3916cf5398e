import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel validate PROBLEM SCHEDULE`: recomputes every hard rule and soft
/// term and explains each broken rule.
struct ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check a schedule against its problem: every broken rule, and the score.",
        discussion: """
            Recomputes every hard rule (spec section 8) and every soft term (section 7)
            from scratch; the schedule's own "score" is not trusted. Each broken rule is
            listed in plain words: which group, room or staff member, which day and
            time, and what the limit was. The last line has the same form as
            check.py's: feasible=… hard=… soft=… terms={…}. A schedule made for
            another problem (none of its sessions fits, or it names another event
            and most do not) is refused.

            Exit status: 0 feasible, 1 a hard rule is broken, 2 a file cannot be read.

            EXAMPLE:
              carousel validate Examples/stem-week.json stem-week.schedule.json
            """,
        positionals: [
            Positional("PROBLEM", help: "The problem file (- for standard input)."),
            Positional("SCHEDULE", help: "The schedule file (- for standard input)."),
        ],
        options: [
            .flag("json", help: "Print the result as JSON (for programs)."),
            .flag("quiet", short: "q", help: "Print only the score lines, not each violation."),
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = try context.loadProblem(arguments.positional("PROBLEM")!)
        let schedulePath = arguments.positional("SCHEDULE")!
        let file = try context.loadSchedule(schedulePath, for: loaded)
        let evaluation = Evaluator(file.instance).evaluate(file.schedule, formatViolations: file.formatViolations)
        let console = context.console
        if arguments.flag("json") {
            console.print(ScheduleSummary.scoreJSON(evaluation).rendered(), terminator: "")
        } else {
            if !arguments.flag("quiet") {
                for v in evaluation.violations { console.print(v.description) }
            }
            let name = StandardInput.name(of: schedulePath)
            console.reportWrapped(
                evaluation.isFeasible
                    ? "\(name): feasible, \(file.schedule.sessions.count) sessions"
                    : "\(name): NOT feasible: \(evaluation.hard) broken rule\(evaluation.hard == 1 ? "" : "s")")
            for line in ScheduleSummary.scoreLines(evaluation) { console.print(line) }
            console.print(ScheduleSummary.checkLine(evaluation))
        }
        return evaluation.isFeasible ? ExitCode.success : ExitCode.infeasible
    }
}
