import CarouselCommandLine
import CarouselIO
import CarouselModel

/// `carousel export itc2007 PROBLEM SCHEDULE [-o FILE.sol] [--ctt FILE.ctt]`.
struct ExportITC2007Command: Command {
    static let spec = CommandSpec(
        name: "itc2007",
        abstract: "The ITC-2007 competition's solution format, optionally scored by its rules.",
        discussion: """
            One line per lecture: course room day period (0-based). The problem must
            have been made by 'carousel import itc2007'. With --ctt FILE.ctt the
            solution is also scored against the original instance by the
            competition's rules, independently of Carousel's evaluator, and the hard
            violations and the penalty by term are printed (exit status 1 when a
            hard rule is broken). An .ectt instance is scored by the same rules,
            with its room constraints hard.

            EXAMPLE:
              carousel export itc2007 toy.json toy.schedule.json -o toy.sol \\
                  --ctt Examples/itc2007/toy.ctt
            """,
        positionals: [
            Positional("PROBLEM", help: "The problem made by 'carousel import itc2007'."),
            Positional("SCHEDULE", help: "Its schedule."),
        ],
        options: [
            .value(
                "output", short: "o", "FILE.sol", .file, defaultNote: "standard output",
                help: "Where to write the solution."),
            .value(
                "ctt", "FILE.ctt", .file,
                help: "Also score the solution against the instance by the competition's rules."),
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let loaded = try context.loadProblem(arguments.positional("PROBLEM")!)
        let file = try context.loadSchedule(arguments.positional("SCHEDULE")!, for: loaded)
        let out = arguments.string("output")
        if let ctt = arguments.string("ctt") { context.input(ctt, role: "the instance") }
        if let out { try context.outputs.check(out, output: "the solution", kind: nil) }
        let cal = loaded.problem.calendar
        let numbered =
            cal.days.enumerated().allSatisfy { $1.id == "d\($0)" }
            && cal.periods.enumerated().allSatisfy { $1.id == "p\($0)" }
        guard numbered else {
            throw InputError(
                file: loaded.file, location: nil, path: "calendar",
                message:
                    "days and periods are not numbered d0, d1, … and p0, p1, …; was this problem made by 'carousel import itc2007'?"
            )
        }
        let solution = CurriculumTimetabling.solution(file.schedule, instance: loaded.instance)
        try context.emit(
            solution, to: out, output: "the solution", kind: nil,
            summary: "wrote \(out ?? ""): \(file.schedule.sessions.count) lectures")
        guard let ctt = arguments.string("ctt") else { return ExitCode.success }
        let a = try CurriculumTimetabling.read(contentsOf: ctt).assess(solution: solution, file: out ?? "the solution")
        context.console.reportWrapped(
            "ITC-2007 rules: hard \(a.hard) (missing lectures \(a.missingLectures), conflicts \(a.conflicts), unavailable \(a.unavailable), room occupancy \(a.roomOccupancy)\(a.unsuitableRooms > 0 ? ", unsuitable rooms \(a.unsuitableRooms)" : "")); "
                + "penalty \(a.penalty) (room capacity \(a.roomCapacity), min working days 5 × \(a.minWorkingDays), compactness 2 × \(a.isolatedLectures), room stability \(a.roomStability))"
        )
        return a.hard == 0 ? ExitCode.success : ExitCode.infeasible
    }
}
