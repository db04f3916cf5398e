import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// One subcommand of `carousel`: its declaration and `run`. Everything
/// printed about it (usage, `--help`, completions) comes from `spec`.
protocol Command: Sendable {
    /// The declaration, without subcommands (they are `subcommands`).
    static var spec: CommandSpec { get }
    /// Commands nested below this one (`import csv`).
    static var subcommands: [any Command.Type] { get }
    /// Runs the command with arguments already checked against `spec`;
    /// returns the exit code.
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32
}

extension Command {
    static var subcommands: [any Command.Type] { [] }

    /// The declaration with its subcommands', as the parser and help see it.
    static var tree: CommandSpec {
        var spec = spec
        spec.subcommands = subcommands.map { $0.tree }
        return spec
    }
}

/// Exit codes shared by every command.
public enum ExitCode {
    public static let success: Int32 = 0
    /// No feasible schedule (solve), or a schedule that breaks a hard rule (validate).
    public static let infeasible: Int32 = 1
    /// Bad input or usage.
    public static let badInput: Int32 = 2
    /// The code of a run stopped by `signal` after writing what it had:
    /// 128 + the signal, as shells report it (130 for Ctrl-C's SIGINT, 143
    /// for SIGTERM).
    static func stopped(by signal: Int32) -> Int32 { 128 + signal }
}

/// ` (did you mean "x"?)` for the known word closest to `word`, or "".
func didYouMean(_ word: String, among known: [String]) -> String {
    Suggestion.closest(to: word, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
}
