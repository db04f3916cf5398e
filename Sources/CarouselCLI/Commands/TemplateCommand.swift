import CarouselCommandLine
import CarouselIO
import CarouselModel
import Foundation

/// `carousel template [FOLDER]`: starter sheets for `import csv`.
struct TemplateCommand: Command {
    static let spec = CommandSpec(
        name: "template",
        abstract: "Write starter CSV sheets to fill in for 'carousel import csv'.",
        discussion: """
            Writes settings.csv, days.csv, periods.csv, sites.csv, rooms.csv,
            staff.csv, activities.csv, classes.csv, pupils.csv, teams.csv,
            fixed.csv and spacing.csv into FOLDER (default: the current folder,
            created if needed): every column each sheet may have, and a small
            example event that imports and solves as it is. Open them
            in a spreadsheet, replace the examples with your own, and import.
            Existing files are left alone unless --force is given.
            docs/csv-import.md describes every column.

            EXAMPLE:
              carousel template my-event
              carousel import csv my-event -o my-event.json
              carousel solve my-event.json -o my-event.schedule.json
            """,
        positionals: [
            Positional(
                "FOLDER", .folder, optional: true, help: "Where to write the sheets (default: the current folder).")
        ],
        options: [.flag("force", help: "Overwrite sheets that already exist.")])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let folder = arguments.positional("FOLDER") ?? "."
        let files = SheetTemplate.sheets.map { (name: $0.kind.fileName, text: $0.text) }
        let existing = files.map { URL(fileURLWithPath: folder).appendingPathComponent($0.name).path }.filter {
            FileManager.default.fileExists(atPath: $0)
        }
        if !arguments.flag("force"), let first = existing.first {
            throw UsageError("\(first) already exists; pass --force to overwrite the sheets, or choose another folder")
        }
        try context.write(files: files, intoFolder: folder, output: "a template sheet")
        context.console.print(
            "wrote \(files.count) sheets to \(folder): \(SheetKind.allCases.map(\.fileName).joined(separator: ", "))")
        context.console.print("next: carousel import csv \(folder) -o problem.json")
        return ExitCode.success
    }
}
