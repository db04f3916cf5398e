import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel validate PROBLEM SCHEDULE`: recomputes every hard rule and soft
/// term and explains each broken rule.
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check a schedule against its problem: every broken rule, and the score."
    static let usage = "carousel validate PROBLEM SCHEDULE [--json] [--quiet]"
    static let discussion = """
    Recomputes every hard rule (spec section 8) and every soft term (section 7)
    from scratch; the schedule's own "score" is not trusted. Each broken rule is
    listed in plain words: which group, room or staff member, which day and
    time, and what the limit was. The last line has the same form as
    check.py's: feasible=… hard=… soft=… terms={…}.

    Exit status: 0 feasible, 1 a hard rule is broken, 2 a file cannot be read.

    EXAMPLE:
      carousel validate Examples/stem-week.json stem-week.schedule.json
    """
    static let options: [OptionSpec] = [
        .flag("json", help: "Print the result as JSON (for programs)."),
        .flag("quiet", short: "q", help: "Print only the score lines, not each violation."),
    ]
    static let positionals = ["PROBLEM", "SCHEDULE"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let loaded = try LoadedProblem(path: arguments.positionals[0])
        let schedulePath = arguments.positionals[1]
        let file = try ScheduleFile.read(contentsOf: schedulePath, for: loaded.instance)
        let evaluation = Evaluator(file.instance).evaluate(file.schedule, formatViolations: file.formatViolations)
        if arguments.flag("json") {
            console.print(ScheduleSummary.scoreJSON(evaluation).rendered(), terminator: "")
        } else {
            if !arguments.flag("quiet") {
                for v in evaluation.violations { console.print(v.description) }
            }
            let verdict = evaluation.isFeasible
                ? "\(schedulePath): feasible, \(file.schedule.sessions.count) sessions"
                : "\(schedulePath): NOT feasible: \(evaluation.hard) broken rule\(evaluation.hard == 1 ? "" : "s")"
            console.print(verdict)
            console.print("score: " + ScheduleSummary.score(evaluation))
            console.print(ScheduleSummary.checkLine(evaluation))
        }
        return evaluation.isFeasible ? ExitCode.success : ExitCode.infeasible
    }
}

extension Console {
    func print(_ text: String, terminator: String) {
        if terminator.isEmpty && text.hasSuffix("\n") { print(String(text.dropLast())) } else { print(text) }
    }
}
