import Foundation
import CarouselModel
import CarouselIO

/// `carousel import FORMAT SOURCE -o PROBLEM`: problem files from other formats.
struct ImportCommand: Command {
    static let name = "import"
    static let abstract = "Turn CSV sheets or another format into a Carousel problem file (csv, itc2007)."
    static let usage = "carousel import csv [FOLDER] [--classes FILE …] [-o PROBLEM.json] | carousel import itc2007 FILE.ctt [-o PROBLEM.json]"
    static let discussion = """
    csv: the sheets an organiser keeps, one CSV file each, in a folder:
    days.csv, periods.csv, rooms.csv, activities.csv and classes.csv, and
    optionally staff.csv, fixed.csv (sessions already placed) and
    settings.csv (event name and weights). Any sheet can be given (or
    replaced) with its own option. Lists in a cell are separated by ";".
    Every cell is checked, and the problem is validated before it is
    written; an error names the file, line and column. 'carousel template'
    writes starter sheets; docs/csv-import.md describes every column.

    itc2007: an ITC-2007 curriculum-based course timetabling instance (track 3,
    .ctt). Courses become together activities taught by their teacher, with a
    group of their students; curricula become groups that take no seats, so
    their courses never clash; weights are set so that Carousel's soft score
    equals the competition's penalty (room capacity 1 per student over,
    minimum working days 5 per day short, curriculum compactness 2 per
    isolated lecture, room stability 1 per extra room). See docs/format.md.

    EXAMPLES:
      carousel import csv Examples/sheets/stem-week -o stem-week.json
      carousel import csv sheets --classes classes-2027.csv -o event.json
      carousel import itc2007 comp01.ctt -o comp01.json
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "PROBLEM", help: "Where to write the problem (default: standard output)."),
    ] + SheetKind.allCases.map {
        .option($0.rawValue, value: "FILE", help: "csv: the \($0.rawValue) sheet (default: FOLDER/\($0.fileName)).")
    }
    static let positionals = ["FORMAT", "[SOURCE]"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let format = arguments.positionals[0]
        try requireFormat(format, known: ["csv", "itc2007"], for: "import")
        let source = arguments.positionals.dropFirst().first
        let out = arguments.string("output")
        let sheetOptions = SheetKind.allCases.filter { arguments.string($0.rawValue) != nil }
        if format == "itc2007" {
            if let kind = sheetOptions.first { throw UsageError(message: "--\(kind.rawValue) is for csv sheets") }
            guard let source else { throw UsageError(message: "missing FILE.ctt") }
            let instance = try CurriculumTimetabling.read(contentsOf: source)
            try emit(ProblemFile.render(instance.problem()), to: out, console: console,
                     summary: "wrote \(out ?? ""): \(instance.courses.count) courses, \(instance.curricula.count) curricula, \(instance.rooms.count) rooms, \(instance.days) days × \(instance.periodsPerDay) periods")
            return ExitCode.success
        }
        guard source != nil || !sheetOptions.isEmpty else {
            throw UsageError(message: "give a folder of sheets or the sheets themselves (--classes FILE …)")
        }
        var overrides: [SheetKind: String] = [:]
        for kind in sheetOptions { overrides[kind] = arguments.string(kind.rawValue) }
        let problem = try SheetImport.problem(from: try SheetImport.sheets(inFolder: source, overrides: overrides))
        let pupils = problem.groups.reduce(0) { $0 + $1.size }
        try emit(ProblemFile.render(problem), to: out, console: console,
                 summary: "wrote \(out ?? ""): \(problem.groups.count) classes (\(pupils) pupils), \(problem.activities.count) activities, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count) days × \(problem.calendar.periods.count) periods")
        return ExitCode.success
    }
}
