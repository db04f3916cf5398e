import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// `carousel whatif BASE SCENARIO…`: solves each scenario and compares it
/// with the base problem in one table (`WhatIfComparison`).
struct WhatIfCommand: Command {
    static let spec = CommandSpec(
        name: "whatif",
        abstract: "Compare scenarios (changes to a problem) with the base, side by side.",
        discussion: """
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
            --save DIR writes each scenario's problem and schedule there. Ctrl-C or
            SIGTERM stops every search early: the table (and --save) still comes,
            marked, and the exit status is 130 or 143.

            EXAMPLE:
              carousel whatif Examples/stem-week.json Examples/scenarios/*.json --threads 2
            """,
        positionals: [
            Positional("BASE", help: "The base problem."),
            Positional("SCENARIO", repeats: true, help: "Scenario files (docs/scenarios.md)."),
        ],
        options: [
            .value(
                "schedule", "FILE", .file, defaultNote: "solve the base", help: "The base schedule to compare with."),
            .flag("fresh", help: "Solve each scenario from scratch instead of repairing the base schedule."),
            .value("save", "DIR", .folder, help: "Write each scenario's problem and schedule into DIR."),
            .flag("json", help: "Print the comparison as JSON (for programs)."),
        ] + SearchSettings.options(timeLimit: 30, moves: 1_000_000))

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let settings = SearchSettings(arguments)
        let basePath = arguments.positional("BASE")!
        let base = try context.loadProblem(basePath)
        var cases: [WhatIfComparison.Case] = []
        var notes: [String] = []
        for path in arguments.repeated("SCENARIO") {
            context.input(path, role: "a scenario file")
            let scenario = try Scenario.read(contentsOf: path)
            if let named = scenario.base,
                URL(fileURLWithPath: named).standardized.path != URL(fileURLWithPath: basePath).standardized.path
            {
                notes.append("\(path) names base \(named); its changes are applied to \(basePath)")
            }
            let problem = try scenario.apply(to: base.tree, baseFile: base.file)
            try context.requireSize(problem, file: path)
            cases.append(WhatIfComparison.Case(scenario: scenario, instance: CompiledInstance(problem)))
        }
        var baseSchedule: Schedule?
        if let path = arguments.string("schedule") {
            let file = try context.loadSchedule(path, for: base, role: "the base schedule")
            let evaluation = Evaluator(file.instance).evaluate(file.schedule)
            guard evaluation.isFeasible else {
                throw InputError(
                    file: path, location: nil, path: "",
                    message:
                        "the base schedule breaks \(evaluation.hard) hard rule(s); run 'carousel validate' on it, or leave out --schedule to solve the base"
                )
            }
            baseSchedule = file.schedule
        }
        // Refuse a --save that would replace a file before the searches, not after.
        let save = arguments.string("save")
        if let save {
            for c in cases {
                let names = WhatIfComparison.savedNames(scenarioFile: c.scenario.file)
                let folder = URL(fileURLWithPath: save)
                try context.outputs.check(
                    folder.appendingPathComponent(names.problem).path, output: "a scenario's problem", kind: .problem)
                try context.outputs.check(
                    folder.appendingPathComponent(names.schedule).path, output: "a scenario's schedule", kind: .schedule
                )
            }
        }
        let (comparison, signal) = settings.stoppable {
            WhatIfComparison.run(
                base: base.instance, baseFile: basePath, baseSchedule: baseSchedule, cases: cases,
                fresh: arguments.flag("fresh"), options: settings.options, workers: settings.options.threads,
                progress: settings.progress(context.console))
        }
        if let save {
            let files = comparison.savedFiles()
            try context.write(files: files.problems, intoFolder: save, output: "a scenario's problem", kind: .problem)
            try context.write(
                files: files.schedules, intoFolder: save, output: "a scenario's schedule", kind: .schedule)
        }
        if let signal {
            notes.append(
                "stopped by \(SignalHandler.name(signal)): every search stopped early, so these are the best schedules found until then"
            )
        }
        let console = context.console
        if arguments.flag("json") {
            console.print(comparison.json(notes: notes).rendered(), terminator: "")
        } else {
            for note in notes { console.reportWrapped("note: \(note)") }
            for line in comparison.table() { console.print(line) }
            for r in comparison.rows where !r.notes.isEmpty {
                for n in r.notes.prefix(5) { console.reportWrapped("note (\(r.name)): \(n)") }
            }
        }
        return signal.map(ExitCode.stopped) ?? ExitCode.success
    }
}
