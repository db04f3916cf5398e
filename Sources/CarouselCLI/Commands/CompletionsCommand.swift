import CarouselCommandLine

/// `carousel completions bash|zsh`: a shell completion script, written from
/// the commands' declarations.
struct CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a shell completion script (bash or zsh).",
        discussion: """
            The script completes commands, subcommands and options, and for each
            value what it takes: its words (--as html|csv|ics|text), files or
            folders. It is generated from the same declarations as the usage lines
            and --help, so it always knows every option.

            EXAMPLES:
              source <(carousel completions bash)     # in ~/.bashrc
              source <(carousel completions zsh)      # in ~/.zshrc, after compinit
            """,
        positionals: [
            Positional("SHELL", .choice(CompletionScript.Shell.allCases.map(\.rawValue)), help: "bash or zsh.")
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let shell = CompletionScript.Shell(rawValue: arguments.positional("SHELL")!)!
        context.console.write(CompletionScript.render(CarouselTool.program, for: shell))
        return ExitCode.success
    }
}
