import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel explain PROBLEM`: why no schedule exists, and what would fix it
/// (`ConflictReport`).
struct ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Find a few requirements that cannot all hold, and the changes that fix it.",
        discussion: """
            When PROBLEM cannot be scheduled, finds a minimal conflict: a few
            requirements (a group's attend item, its visit or needs, a room's
            closures or capacity, a staff member's availability, an activity's
            window, limits, session size, rooms or staff) that no schedule can meet
            together, while everything else is relaxed (QuickXplain over these
            requirements, each question answered by the construction search with a
            fixed budget). Then lists the relaxations that would each restore
            feasibility: by minimality, lifting any one member of the conflict lets
            the rest be scheduled — each is checked by finding that schedule.

            Progress goes to stderr once a second (--quiet silences it). With
            --time-limit S, or on Ctrl-C or SIGTERM, it stops and prints what it
            had established, marked PARTIAL: the smallest set of requirements
            found to fail together so far, and the changes confirmed so far.

            Exit status 0 when the problem can be scheduled (nothing to explain),
            1 when a conflict is printed (partial or not), 130 or 143 when Ctrl-C
            or SIGTERM stopped it.

            EXAMPLE:
              carousel explain whatif/bigger-classes.problem.json
            """,
        positionals: [Positional("PROBLEM", help: "The problem file (- for standard input).")],
        options: DiagnosisSettings.options + [.flag("json", help: "Print the explanation as JSON (for programs).")])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = try context.loadProblem(arguments.positional("PROBLEM")!)
        // The searches relax requirements; the most relaxed problem is the largest.
        try context.requireSize(
            Requirement.relax(loaded.problem, all: Requirement.all(in: loaded.problem), keeping: []), file: loaded.file)
        let settings = DiagnosisSettings(arguments, command: "explain", console: context.console)
        var explainer = ConflictExplainer(loaded.problem, oracle: settings.oracle)
        explainer.progress = settings.progress
        let (report, signal) = settings.stoppable { ConflictReport.run(&explainer, file: loaded.file) }
        if arguments.flag("json") {
            context.console.print(report.json.rendered(), terminator: "")
        } else {
            for line in report.lines() { context.console.print(line) }
        }
        if let signal { return ExitCode.stopped(by: signal) }
        if case .feasible = report.outcome { return ExitCode.success }
        return ExitCode.infeasible
    }
}
