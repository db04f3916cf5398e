import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

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
        try context.emit(
            ProblemFile.render(problem), to: out, output: "the problem", kind: .problem,
            summary: "wrote \(out ?? ""): \(summary)")
    }

    static let output = Option.value(
        "output", short: "o", "PROBLEM", .file, defaultNote: "standard output",
        help: "Where to write the problem.")
}
