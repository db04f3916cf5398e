import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel check PROBLEM`: lint and necessary-condition analysis.
struct CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Lint a problem file and look for bottlenecks before solving.",
        discussion: """
            Reads the problem file (every format error is reported with its line and
            column), then runs quick necessary-condition checks that name bottlenecks
            in plain words: room-periods needed versus available per kind of room and
            day and over the event, staff-periods needed versus available per skill
            or role, per day and over the event, groups whose needs no room meets,
            activities no group can attend, visits too short for what a group must
            attend; in each period the groups must spend in a session, the rooms,
            seats and staff they need at once; spacing against the dated days; and
            for version 2 files, teams a formation cannot form, same-staff groups
            whose staff are not there on the days they must come, travel no start
            times allow, and fixed sessions that may move but have nowhere to go.

            Errors mean no schedule can exist; warnings mean it will be tight.
            Exit status: 0 no errors, 1 errors found, 2 the file cannot be read (or
            is too large to schedule: docs/format.md, "Size").

            EXAMPLE:
              carousel check Examples/stem-week.json
            """,
        positionals: [Positional("PROBLEM", help: "The problem file (- for standard input).")],
        options: [.flag("json", help: "Print the findings as JSON (for programs).")])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = try context.loadProblem(arguments.positional("PROBLEM")!)
        let findings = ProblemAnalysis(loaded.instance).findings()
        let errors = findings.filter { $0.severity == .error }.count
        let console = context.console
        if arguments.flag("json") {
            let json = JSONOutput.object([
                ("problem", .string(loaded.path)), ("errors", .int(errors)),
                (
                    "findings",
                    .array(
                        findings.map {
                            .object([("severity", .string($0.severity.rawValue)), ("message", .string($0.message))])
                        })
                ),
            ])
            console.print(json.rendered(), terminator: "")
        } else {
            let I = loaded.instance
            // Pools' pupils are counted once, not again in their teams.
            let groups = I.problem.groups.filter { !$0.pool && $0.team == nil }, pools = I.problem.groups.filter(\.pool)
            var who =
                groups.isEmpty && !pools.isEmpty
                ? [] : ["\(groups.count) groups (\(groups.reduce(0) { $0 + $1.size }) pupils)"]
            if !pools.isEmpty {
                let teams = I.problem.teams.count
                who.append(
                    "\(pools.count) pools (\(pools.reduce(0) { $0 + $1.size }) pupils) in \(teams) team\(teams == 1 ? "" : "s")"
                )
            }
            console.reportWrapped(
                "\(loaded.file): \(who.joined(separator: ", ")), \(I.activityCount) activities, \(I.roomCount) rooms, \(I.staffCount) staff, \(I.dayCount) days × \(I.periodCount) periods"
            )
            for f in findings { console.print("\(f.severity.rawValue): \(f.message)") }
            let warnings = findings.count - errors
            console.print(
                findings.isEmpty
                    ? "no problems found"
                    : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        return errors > 0 ? ExitCode.infeasible : ExitCode.success
    }
}
