import Foundation
import CarouselModel
import CarouselIO

/// `carousel template [FOLDER]`: starter sheets for `import csv`.
struct TemplateCommand: Command {
    static let name = "template"
    static let abstract = "Write starter CSV sheets to fill in for 'carousel import csv'."
    static let usage = "carousel template [FOLDER] [--force]"
    static let discussion = """
    Writes settings.csv, days.csv, periods.csv, rooms.csv, staff.csv,
    activities.csv, classes.csv and fixed.csv into FOLDER (default: the
    current folder, created if needed): every column each sheet may have,
    and a small example event that imports and solves as it is. Open them
    in a spreadsheet, replace the examples with your own, and import.
    Existing files are left alone unless --force is given.
    docs/csv-import.md describes every column.

    EXAMPLE:
      carousel template my-event
      carousel import csv my-event -o my-event.json
      carousel solve my-event.json -o my-event.schedule.json
    """
    static let options: [OptionSpec] = [
        .flag("force", help: "Overwrite sheets that already exist."),
    ]
    static let positionals = ["[FOLDER]"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let folder = arguments.positionals.first ?? "."
        let paths = SheetTemplate.sheets.map { (URL(fileURLWithPath: folder).appendingPathComponent($0.kind.fileName).path, $0.text) }
        if !arguments.flag("force"), let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0.0) }) {
            throw UsageError(message: "\(existing.0) already exists; pass --force to overwrite the sheets, or choose another folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: folder, location: nil, path: "", message: "cannot create the folder: \(error.localizedDescription)")
        }
        for (path, text) in paths { try AtomicFile.write(text, to: path) }
        console.print("wrote \(paths.count) sheets to \(folder): \(SheetKind.allCases.map(\.fileName).joined(separator: ", "))")
        console.print("next: carousel import csv \(folder) -o problem.json")
        return ExitCode.success
    }
}
