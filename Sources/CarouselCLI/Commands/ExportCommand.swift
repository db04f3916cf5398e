import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel export FORMAT PROBLEM SCHEDULE -o FILE`: schedules in other formats.
struct ExportCommand: Command {
    static let name = "export"
    static let abstract = "Write a schedule in another format (itc2007)."
    static let usage = "carousel export itc2007 PROBLEM SCHEDULE [-o FILE.sol]"
    static let discussion = """
    itc2007: the competition's solution format, one line per lecture:
    course room day period (0-based). The problem must have been made by
    'carousel import itc2007'.

    EXAMPLE:
      carousel export itc2007 comp01.json comp01.schedule.json -o comp01.sol
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "FILE", help: "Where to write (default: standard output)."),
    ]
    static let positionals = ["FORMAT", "PROBLEM", "SCHEDULE"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        try requireFormat(arguments.positionals[0], known: ["itc2007"], for: "export")
        let loaded = try LoadedProblem(path: arguments.positionals[1])
        let cal = loaded.problem.calendar
        let numbered = cal.days.enumerated().allSatisfy { $1.id == "d\($0)" } && cal.periods.enumerated().allSatisfy { $1.id == "p\($0)" }
        guard numbered else {
            throw InputError(file: loaded.path, location: nil, path: "calendar",
                             message: "days and periods are not numbered d0, d1, … and p0, p1, …; was this problem made by 'carousel import itc2007'?")
        }
        let file = try ScheduleFile.read(contentsOf: arguments.positionals[2], for: loaded.instance)
        let out = arguments.string("output")
        try emit(CurriculumTimetabling.solution(file.schedule, instance: loaded.instance), to: out, console: console,
                 summary: "wrote \(out ?? ""): \(file.schedule.sessions.count) lectures")
        return ExitCode.success
    }
}
