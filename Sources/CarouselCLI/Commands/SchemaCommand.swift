import CarouselCommandLine
import CarouselIO

/// `carousel schema [-o FILE]`: the JSON Schema of problem files.
struct SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema of problem files, for editors.",
        discussion: """
            Prints a JSON Schema (draft 2020-12) of the problem file: every object
            and key with its type, bounds and a description from the format
            specification, so that an editor can complete keys and show help as you
            type. Rules across keys (unknown ids, overlapping periods) are checked
            by 'carousel check'. In VS Code, map the schema to your problem files
            with the "json.schemas" setting (a "$schema" key in the problem file
            itself would be an unknown key).

            EXAMPLE:
              carousel schema -o carousel-problem.schema.json
            """,
        options: [
            .value(
                "output", short: "o", "FILE", .file, defaultNote: "standard output", help: "Where to write the schema.")
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let out = arguments.string("output")
        try context.emit(
            ProblemSchema.rendered(), to: out, output: "the schema", kind: .schema, summary: "wrote \(out ?? "")")
        return ExitCode.success
    }
}
