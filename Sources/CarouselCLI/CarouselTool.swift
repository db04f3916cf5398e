import Foundation
import CarouselModel
import CarouselIO

/// The `carousel` command: dispatches to a subcommand and maps every error
/// to a one-line message and an exit code (0 ok, 1 infeasible, 2 bad input).
public enum CarouselTool {
    static let commands: [any Command.Type] = [
        SolveCommand.self, ValidateCommand.self, CheckCommand.self, GenerateCommand.self, ImportCommand.self,
        ExportCommand.self, ShowCommand.self, TemplateCommand.self, SchemaCommand.self, RepairCommand.self,
        WhatIfCommand.self, ExplainCommand.self, CapacityCommand.self,
    ]

    /// Runs `carousel` with `arguments` (without the program name).
    public static func main(_ arguments: [String], console: Console = .standard) -> Int32 {
        guard let first = arguments.first else {
            console.error(overview)
            return ExitCode.badInput
        }
        if first == "help" || first == "--help" || first == "-h" {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.print(help(for: command))
            } else {
                console.print(overview)
            }
            return ExitCode.success
        }
        if first == "--version" {
            console.print("carousel \(version)")
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let hint = didYouMean(first, among: commands.map { $0.name })
            console.error("error: unknown command \"\(first)\"\(hint)")
            console.error("Run 'carousel help' for the list of commands.")
            return ExitCode.badInput
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(help(for: command))
            return ExitCode.success
        }
        do {
            let parsed = try parseArguments(rest, options: command.options, positionals: command.positionals)
            return try command.run(parsed, console: console)
        } catch let error as UsageError {
            console.error("error: \(error.message)")
            console.error("usage: \(command.usage)")
            console.error("Run 'carousel help \(command.name)' for more.")
            return ExitCode.badInput
        } catch let error as InputError {
            console.error("error: \(error)")
            return ExitCode.badInput
        } catch let error as AtomicFile.WriteError {
            console.error("error: \(error)")
            return ExitCode.badInput
        } catch {
            console.error("error: \(error)")
            return ExitCode.badInput
        }
    }

    static let version = "0.1.0"

    static var overview: String {
        var s = """
        carousel — timetables for multi-school event days

        USAGE: carousel <command> [options]

        COMMANDS:

        """
        for c in commands {
            s += "  " + c.name.padding(toLength: 10, withPad: " ", startingAt: 0) + c.abstract + "\n"
        }
        s += "\nRun 'carousel help <command>' for a command's options and examples."
        return s
    }

    static func help(for command: any Command.Type) -> String {
        var s = "\(command.abstract)\n\nUSAGE: \(command.usage)\n\n\(command.discussion)\n"
        if !command.options.isEmpty {
            s += "\nOPTIONS:\n"
            for o in command.options {
                var left = (o.short.map { "-\($0), " } ?? "    ") + "--\(o.name)"
                if let v = o.value { left += " \(v)" }
                s += "  " + left.padding(toLength: 26, withPad: " ", startingAt: 0) + o.help + "\n"
            }
        }
        return s
    }
}
