import CarouselModel
import CarouselSolver
import CarouselIO

/// One subcommand of `carousel`: its help text, what it accepts, and `run`.
protocol Command: Sendable {
    static var name: String { get }
    /// One line for the command list.
    static var abstract: String { get }
    /// `carousel solve PROBLEM [-o SCHEDULE] …`
    static var usage: String { get }
    /// Longer help, written for people.
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    static var positionals: [String] { get }
    /// Runs the command; returns the exit code.
    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32
}

/// Exit codes shared by every command.
public enum ExitCode {
    public static let success: Int32 = 0
    /// No feasible schedule (solve), or a schedule that breaks a hard rule (validate).
    public static let infeasible: Int32 = 1
    /// Bad input or usage.
    public static let badInput: Int32 = 2
}

/// A problem file loaded and compiled.
struct LoadedProblem {
    var path: String
    var problem: Problem
    var instance: CompiledInstance

    init(path: String) throws(InputError) {
        self.path = path
        problem = try ProblemDecoder.decode(contentsOf: path)
        instance = CompiledInstance(problem)
    }
}
