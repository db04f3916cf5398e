import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO
import CarouselCommandLine

/// `carousel import csv|itc2007 …`: problem files from other formats.
struct ImportCommand: Command {
    static let subcommands: [any Command.Type] = [ImportCSVCommand.self, ImportITC2007Command.self]

    static let spec = CommandSpec(
        name: "import",
        abstract: "Turn CSV sheets or another format into a Carousel problem file (csv, itc2007).",
        discussion: """
        csv: the sheets an organiser keeps, one CSV file each, in a folder.
        itc2007: an ITC-2007 curriculum-based course timetabling instance.

        EXAMPLES:
          carousel import csv Examples/sheets/stem-week -o stem-week.json
          carousel import itc2007 Examples/itc2007/toy.ctt -o toy.json
        """,
        subcommandNoun: "import format")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        preconditionFailure("import runs only through its subcommands")
    }

    /// Checks the imported problem's size, then writes it.
    static func write(_ problem: Problem, to out: String?, context: CommandContext, summary: String) throws {
        try context.requireSize(problem, file: out ?? "the imported problem")
        try context.emit(ProblemFile.render(problem), to: out, output: "the problem", kind: .problem, summary: "wrote \(out ?? ""): \(summary)")
    }

    static let output = Option.value("output", short: "o", "PROBLEM", .file, defaultNote: "standard output",
                                     help: "Where to write the problem.")
}

/// `carousel import csv [FOLDER] [--classes FILE …] [-o PROBLEM]`.
struct ImportCSVCommand: Command {
    static let spec = CommandSpec(
        name: "csv",
        abstract: "A problem from the CSV sheets an organiser keeps.",
        discussion: """
        The sheets, one CSV file each, in a folder: days.csv, periods.csv,
        rooms.csv, activities.csv and classes.csv, and optionally staff.csv,
        fixed.csv (sessions already placed) and settings.csv (event name and
        weights). Any sheet can be given (or replaced) with its own option (-
        reads it from standard input). Lists in a cell are separated by ";".
        Every cell is checked, and the problem is validated before it is
        written; an error names the file, line and column. A cell that a
        spreadsheet would run as a formula (it begins with =, +, -, @, a tab or
        a carriage return) gets a warning with its place: a school's sheet may
        carry a formula-injection attempt. 'carousel template' writes starter
        sheets; docs/csv-import.md describes every column.

        EXAMPLES:
          carousel import csv Examples/sheets/stem-week -o stem-week.json
          carousel import csv sheets --classes classes-2027.csv -o event.json
        """,
        positionals: [Positional("FOLDER", .folder, optional: true, help: "The folder of sheets.")],
        options: [ImportCommand.output] + SheetKind.allCases.map {
            .value($0.rawValue, "FILE", .file, defaultNote: "FOLDER/\($0.fileName)", help: "The \($0.rawValue) sheet.")
        })

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let folder = arguments.positional("FOLDER")
        let given = SheetKind.allCases.filter { arguments.isGiven($0.rawValue) }
        guard folder != nil || !given.isEmpty else {
            throw UsageError("give a folder of sheets or the sheets themselves (--classes FILE …)")
        }
        var overrides: [SheetKind: String] = [:]
        for kind in given { overrides[kind] = arguments.string(kind.rawValue) }
        let paths = try SheetImport.sheets(inFolder: folder, overrides: overrides)
        for (kind, path) in paths { context.input(path, role: "the \(kind.fileName) sheet") }
        let (problem, warnings) = try SheetImport.read(paths)
        for warning in warnings { context.console.error("warning: \(warning)") }
        let pupils = problem.groups.reduce(0) { $0 + $1.size }
        try ImportCommand.write(problem, to: arguments.string("output"), context: context,
                                summary: "\(problem.groups.count) classes (\(pupils) pupils), \(problem.activities.count) activities, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count) days × \(problem.calendar.periods.count) periods")
        return ExitCode.success
    }
}

/// `carousel import itc2007 FILE.ctt [-o PROBLEM]`.
struct ImportITC2007Command: Command {
    static let spec = CommandSpec(
        name: "itc2007",
        abstract: "A problem from an ITC-2007 curriculum-based course timetabling instance.",
        discussion: """
        An ITC-2007 track 3 instance (.ctt). Courses become together activities
        taught by their teacher, with a group of their students; curricula
        become groups that take no seats, so their courses never clash; weights
        are set so that Carousel's soft score equals the competition's penalty
        (room capacity 1 per student over, minimum working days 5 per day short,
        curriculum compactness 2 per isolated lecture, room stability 1 per
        extra room). See docs/format.md.

        EXAMPLE:
          carousel import itc2007 Examples/itc2007/toy.ctt -o toy.json
        """,
        positionals: [Positional("FILE.ctt", help: "The instance (- for standard input).")],
        options: [ImportCommand.output])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let source = arguments.positional("FILE.ctt")!
        context.input(source, role: "the instance")
        let instance = try CurriculumTimetabling.read(contentsOf: source)
        let out = arguments.string("output")
        // The size first: the courses' windows cost courses × days × periods.
        try context.requireSize(instance.problem(windows: false), file: StandardInput.name(of: source))
        try ImportCommand.write(instance.problem(), to: out, context: context,
                                summary: "\(instance.courses.count) courses, \(instance.curricula.count) curricula, \(instance.rooms.count) rooms, \(instance.days) days × \(instance.periodsPerDay) periods")
        return ExitCode.success
    }
}
