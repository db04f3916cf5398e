import CarouselCommandLine
import CarouselIO
import CarouselModel

/// `carousel import csv [FOLDER] [--classes FILE …] [-o PROBLEM]`.
struct ImportCSVCommand: Command {
    static let spec = CommandSpec(
        name: "csv",
        abstract: "A problem from the CSV sheets an organiser keeps.",
        discussion: """
            The sheets, one CSV file each, in a folder: days.csv, periods.csv,
            rooms.csv, activities.csv and classes.csv, and optionally staff.csv,
            fixed.csv (sessions already placed), settings.csv (event name and
            weights), sites.csv (travel times, online and host sites), pupils.csv
            (names in pool classes), teams.csv (how to mix pools into teams),
            spacing.csv (days between sessions) and gates.csv (entrances where
            coaches arrive). Any sheet can be given (or
            replaced) with its own option (-
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
        options: [ImportCommand.output]
            + SheetKind.allCases.map {
                .value(
                    $0.rawValue, "FILE", .file, defaultNote: "FOLDER/\($0.fileName)", help: "The \($0.rawValue) sheet.")
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
        let classes = problem.groups.filter { !$0.pool }, pools = problem.groups.filter(\.pool)
        var counts = ["\(classes.count) classes (\(classes.reduce(0) { $0 + $1.size }) pupils)"]
        if !pools.isEmpty {
            let n = problem.formations.count
            counts.append(
                "\(pools.count) pools (\(pools.reduce(0) { $0 + $1.size }) pupils) in \(n) team formation\(n == 1 ? "" : "s")"
            )
        }
        if let sites = problem.sites { counts.append("\(sites.count) sites") }
        counts += [
            "\(problem.activities.count) activities", "\(problem.rooms.count) rooms", "\(problem.staff.count) staff",
            "\(problem.calendar.days.count) days × \(problem.calendar.periods.count) periods",
        ]
        try ImportCommand.write(
            problem, to: arguments.string("output"), context: context, summary: counts.joined(separator: ", "))
        return ExitCode.success
    }
}
