import CarouselCommandLine
import CarouselIO
import CarouselModel
import Foundation

/// The `carousel` command: finds the subcommand the arguments name (from
/// the declarations), runs it, and maps every error to a one-line message
/// and an exit code (0 ok, 1 infeasible, 2 bad input or usage, 130/143
/// stopped by a signal after writing what it had).
public enum CarouselTool {
    static let commands: [any Command.Type] = [
        SolveCommand.self, ValidateCommand.self, CheckCommand.self, GenerateCommand.self, ImportCommand.self,
        ExportCommand.self, ShowCommand.self, TemplateCommand.self, SchemaCommand.self, RepairCommand.self,
        WhatIfCommand.self, ExplainCommand.self, CapacityCommand.self, CompletionsCommand.self,
    ]

    public static let version = "0.1.0"

    /// Every command's declaration, as the parser, help and completions see them.
    public static let program = CommandLineProgram(
        root: CommandSpec(
            name: "carousel", abstract: "timetables for multi-school event days", subcommands: commands.map { $0.tree }),
        version: version)

    /// Runs `carousel` with `arguments` (without the program name).
    public static func main(
        _ arguments: [String], console: Console = .standard,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let invocation: CommandLineProgram.Invocation
        do {
            invocation = try program.resolve(arguments)
        } catch {
            console.error("error: \(error.error.message)")
            let names = error.path.dropFirst().map(\.name)
            if names.isEmpty {
                console.error("Run 'carousel help' for the list of commands.")
            } else {
                console.error(
                    HelpText.usageBlock(
                        error.path.last!.usageLines(prefix: (["carousel"] + names).joined(separator: " ")),
                        label: "usage: "
                    )
                    .trimmingTrailingNewlines)
                console.error("Run 'carousel help \(names.joined(separator: " "))' for more.")
            }
            return ExitCode.badInput
        }
        switch invocation {
        case .version:
            console.print("carousel \(version)")
            return ExitCode.success
        case .help(let path, let isError):
            let text = HelpText.render(path).trimmingTrailingNewlines
            if isError {
                console.error(text)
                return ExitCode.badInput
            }
            console.print(text)
            return ExitCode.success
        case .run(let path, let parsed):
            guard let command = Self.command(at: path.dropFirst().map(\.name)) else { return ExitCode.badInput }
            let context = CommandContext(console: console, environment: environment)
            do {
                return try command.run(parsed, context: context)
            } catch let error as UsageError {
                let names = path.dropFirst().map(\.name)
                console.error("error: \(error.message)")
                console.error(
                    HelpText.usageBlock(
                        path.last!.usageLines(prefix: (["carousel"] + names).joined(separator: " ")), label: "usage: "
                    )
                    .trimmingTrailingNewlines)
                console.error("Run 'carousel help \(names.joined(separator: " "))' for more.")
                return ExitCode.badInput
            } catch {
                console.error("error: \(error)")
                return ExitCode.badInput
            }
        }
    }

    /// The command type at a path of names (`["import", "csv"]`).
    static func command(at names: [String]) -> (any Command.Type)? {
        var level = commands
        var found: (any Command.Type)?
        for name in names {
            guard let next = level.first(where: { $0.spec.name == name }) else { return nil }
            found = next
            level = next.subcommands
        }
        return found
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
