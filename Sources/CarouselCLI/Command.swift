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
    /// Names of the positional arguments; `[NAME]` for an optional one.
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
    /// Stopped by Ctrl-C before there was an answer to give.
    public static let interrupted: Int32 = 130
}

/// Writes `text` atomically to `path` and prints `summary`, or, without a
/// path, prints `text` itself (for `generate`, `import`, `export`).
func emit(_ text: String, to path: String?, console: Console, summary: @autoclosure () -> String) throws {
    if let path {
        try AtomicFile.write(text, to: path)
        console.print(summary())
    } else {
        console.print(text, terminator: "")
    }
}

/// ` (did you mean "x"?)` for the known word closest to `word`, or "".
func didYouMean(_ word: String, among known: [String]) -> String {
    Suggestion.closest(to: word, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
}

/// The format word of `import` and `export`, checked against those known.
func requireFormat(_ format: String, known: [String], for verb: String) throws(UsageError) {
    guard known.contains(format) else {
        throw UsageError(message: "unknown \(verb) format \"\(format)\"; expected \(known.joined(separator: ", "))\(didYouMean(format, among: known))")
    }
}

/// A problem file loaded and compiled.
struct LoadedProblem {
    var path: String
    var problem: Problem
    var instance: CompiledInstance

    init(path: String) throws(InputError) {
        self.path = path
        problem = try ProblemDecoder.decode(contentsOf: path)
        instance = CompiledInstance(problem.withFormedTeams())
    }

    /// The index of the day with id `id`, given with `--option`.
    func day(_ id: String, option: String) throws(UsageError) -> Int {
        let ids = problem.calendar.days.map(\.id)
        guard let d = ids.firstIndex(of: id) else {
            throw UsageError(message: "--\(option): unknown day \"\(id)\"; the days are \(ids.joined(separator: ", "))\(didYouMean(id, among: ids))")
        }
        return d
    }
}

/// A schedule file read against its problem and laid out for people (for
/// `export` and `show`). Sessions that name unknown ids are left out, with a
/// warning on stderr.
struct LoadedTimetable {
    var problem: LoadedProblem
    var file: ScheduleFile.Loaded
    var view: TimetableView

    init(schedule path: String, problem problemPath: String?, console: Console) throws {
        guard let problemPath else { throw UsageError(message: "--problem PROBLEM is required: the problem file the schedule was made for") }
        problem = try LoadedProblem(path: problemPath)
        file = try ScheduleFile.read(contentsOf: path, for: problem.instance)
        view = TimetableView(instance: file.instance, schedule: file.schedule)
        if let first = file.formatViolations.first {
            let n = file.formatViolations.count
            console.error("warning: \(path): \(n) entr\(n == 1 ? "y does" : "ies do") not match the problem and \(n == 1 ? "is" : "are") left out, e.g. \(first.message)")
        }
    }
}

/// Writes each `(file name, text)` atomically into the folder `path`,
/// creating it when missing, and prints `summary`.
func emit(files: [(name: String, text: String)], into path: String, console: Console, summary: String) throws {
    try AtomicFile.write(files, intoFolder: path)
    console.print(summary)
}
