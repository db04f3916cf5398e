import CarouselIO

/// `carousel schema [-o FILE]`: the JSON Schema of problem files.
struct SchemaCommand: Command {
    static let name = "schema"
    static let abstract = "Print the JSON Schema of problem files, for editors."
    static let usage = "carousel schema [-o FILE]"
    static let discussion = """
    Prints a JSON Schema (draft 2020-12) of the problem file: every object
    and key with its type, bounds and a description from the format
    specification, so that an editor can complete keys and show help as you
    type. Rules across keys (unknown ids, overlapping periods) are checked
    by 'carousel check'. In VS Code, map the schema to your problem files
    with the "json.schemas" setting (a "$schema" key in the problem file
    itself would be an unknown key).

    EXAMPLE:
      carousel schema -o carousel-problem.schema.json
    """
    static let options: [OptionSpec] = [
        .option("output", short: "o", value: "FILE", help: "Write the schema here (default: standard output)."),
    ]
    static let positionals: [String] = []

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let out = arguments.string("output")
        try emit(ProblemSchema.rendered(), to: out, console: console, summary: "wrote \(out ?? "")")
        return ExitCode.success
    }
}
