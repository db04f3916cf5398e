import CarouselModel
import Foundation

/// `carousel import csv`: a problem from the CSV sheets an organiser keeps
/// (docs/csv-import.md).
///
/// Each sheet is read and every cell checked for its form (numbers, yes/no,
/// lists, attend items, staff rows), and references to features, roles and
/// skills are checked against the rooms and staff sheets. The sheets then
/// become a problem file, which `ProblemDecoder` validates like any other;
/// its errors (an unknown activity, overlapping periods, a time range it
/// cannot read) are traced back from the JSON path to the sheet, row and
/// column they came from. So every error names `file:line: column "…"`.
public enum SheetImport {
    /// The sheets in `folder` (`classes.csv`, `rooms.csv`, …; names matched
    /// ignoring case), with `overrides` taking the place of any of them.
    /// A required sheet that is missing, or a `.csv` file that is no sheet,
    /// is an error with a "did you mean".
    public static func sheets(inFolder folder: String?, overrides: [SheetKind: String] = [:]) throws(InputError)
        -> [SheetKind: String]
    {
        var paths: [SheetKind: String] = [:]
        let expected = SheetKind.allCases.map(\.fileName)
        if let folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
                throw InputError(file: folder, location: nil, path: "", message: "no such folder")
            }
            guard isDirectory.boolValue else {
                throw InputError(
                    file: folder, location: nil, path: "",
                    message: "is a file; expected a folder holding \(expected.joined(separator: ", "))")
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            // Hidden files and Excel's lock files (`~$classes.csv`) are not sheets.
            for name in names where name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") && !name.hasPrefix("~$")
            {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                guard let kind = SheetKind.allCases.first(where: { $0.fileName == name.lowercased() }) else {
                    throw InputError(
                        file: path, location: nil, path: "",
                        message:
                            "not a sheet Carousel reads; expected \(expected.joined(separator: ", ")) (move other files out of the folder)",
                        hint: Suggestion.hint(for: name, among: expected))
                }
                guard paths[kind] == nil else {
                    throw InputError(
                        file: path, location: nil, path: "",
                        message: "the folder holds two \(kind.fileName) files (names differing only in case)")
                }
                paths[kind] = path
            }
        }
        paths.merge(overrides) { $1 }
        for kind in SheetKind.allCases where kind.isRequired && paths[kind] == nil {
            let given = Array(paths.values.map { URL(fileURLWithPath: $0).lastPathComponent })
            if let folder {
                throw InputError(
                    file: folder, location: nil, path: "",
                    message: "no \(kind.fileName) in the folder (give it with --\(kind.rawValue) FILE)",
                    hint: Suggestion.hint(for: kind.fileName, among: given))
            }
            throw InputError(
                file: "import csv", location: nil, path: "",
                message: "no \(kind.rawValue) sheet; give a folder or --\(kind.rawValue) FILE")
        }
        return paths
    }

    /// The problem the sheets at `paths` describe, validated.
    public static func problem(from paths: [SheetKind: String]) throws(InputError) -> Problem {
        try read(paths).problem
    }

    /// The problem the sheets at `paths` describe, validated, and a warning
    /// (`file:line:column: column "…": …`) for every cell a spreadsheet
    /// would run as a formula.
    public static func read(_ paths: [SheetKind: String]) throws(InputError) -> (problem: Problem, warnings: [String]) {
        var sheets: [SheetKind: Sheet] = [:]
        for kind in SheetKind.allCases {
            if let path = paths[kind] { sheets[kind] = try Sheet(path: path, kind: kind) }
        }
        let warnings = SheetKind.allCases.flatMap { sheets[$0]?.formulaCells ?? [] }.map(\.description)
        return (try problem(from: sheets), warnings)
    }

    /// The problem from sheets given as text (file name → CSV text), for tests.
    public static func problem(fromTexts texts: [SheetKind: String], folder: String = "") throws(InputError) -> Problem
    {
        var sheets: [SheetKind: Sheet] = [:]
        for (kind, text) in texts {
            sheets[kind] = try Sheet(bytes: Array(text.utf8), file: folder + kind.fileName, kind: kind)
        }
        return try problem(from: sheets)
    }

    static func problem(from sheets: [SheetKind: Sheet]) throws(InputError) -> Problem {
        let builder = ProblemBuilder(sheets: sheets)
        let document = try builder.document()
        do {
            return try ProblemDecoder.decode(bytes: Array(document.rendered().utf8), file: "imported sheets")
        } catch {
            throw builder.located(error)
        }
    }
}
