import Foundation
import CarouselModel
import CarouselIO

/// `carousel import FORMAT FILE -o PROBLEM`: problem files from other formats.
struct ImportCommand: Command {
    static let name = "import"
    static let abstract = "Turn another format into a Carousel problem file (itc2007)."
    static let usage = "carousel import itc2007 FILE.ctt [-o PROBLEM.json]"
    static let discussion = """
    itc2007: an ITC-2007 curriculum-based course timetabling instance (track 3,
    .ctt). Courses become together activities taught by their teacher, with a
    group of their students; curricula become groups that take no seats, so
    their courses never clash; weights are set so that Carousel's soft score
    equals the competition's penalty (room capacity 1 per student over,
    minimum working days 5 per day short, curriculum compactness 2 per
    isolated lecture, room stability 1 per extra room). See docs/format.md.

    EXAMPLE:
      carousel import itc2007 comp01.ctt -o comp01.json
      carousel solve comp01.json --time-limit 300 -o comp01.schedule.json
      carousel export itc2007 comp01.json comp01.schedule.json -o comp01.sol
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "PROBLEM", help: "Where to write the problem (default: standard output)."),
    ]
    static let positionals = ["FORMAT", "FILE"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        try requireFormat(arguments.positionals[0], known: ["itc2007"], for: "import")
        let path = arguments.positionals[1]
        let bytes = try ProblemDecoder.readFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, location: nil, path: "", message: "not UTF-8 text; expected an ITC-2007 .ctt file")
        }
        let instance = try CurriculumTimetabling.parse(text, file: path)
        let out = arguments.string("output")
        try emit(ProblemFile.render(instance.problem()), to: out, console: console,
                 summary: "wrote \(out ?? ""): \(instance.courses.count) courses, \(instance.curricula.count) curricula, \(instance.rooms.count) rooms, \(instance.days) days × \(instance.periodsPerDay) periods")
        return ExitCode.success
    }
}
