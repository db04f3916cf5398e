import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO
import CarouselCommandLine

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

/// What one run of a command works with: the console, the files it has
/// read (so that no output replaces one of them) and the memory limit.
final class CommandContext {
    let console: Console
    let environment: [String: String]
    private(set) var outputs = OutputGuard()

    init(console: Console, environment: [String: String]) {
        self.console = console
        self.environment = environment
    }

    /// Refused above this many bytes of estimated memory (`InstanceSizeEstimate`).
    var memoryLimit: Int { InstanceSizeEstimate.limit(environment: environment) }

    /// Records `path` as an input that no output may replace.
    func input(_ path: String, role: String) {
        outputs.addInput(path, role: role)
    }

    /// Reads, decodes, size-checks and compiles the problem at `path`.
    func loadProblem(_ path: String, threads: Int = 1) throws(InputError) -> LoadedProblem {
        input(path, role: "the problem file")
        let file = StandardInput.name(of: path)
        let tree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(path), file: file)
        let problem = try ProblemDecoder.decode(tree, file: file)
        try requireSize(problem, file: file, threads: threads)
        return LoadedProblem(path: path, tree: tree, problem: problem, instance: CompiledInstance(problem))
    }

    /// Throws when compiling `problem` would need more memory than the limit.
    func requireSize(_ problem: Problem, file: String, threads: Int = 1) throws(InputError) {
        if let excess = InstanceSizeEstimate(problem, threads: threads).excess(limit: memoryLimit) {
            throw InputError(file: file, location: nil, path: "", message: excess)
        }
    }

    /// Reads the schedule at `path` against `problem`; refuses one made for
    /// another problem.
    func loadSchedule(_ path: String, for problem: LoadedProblem, role: String = "the schedule file") throws(InputError) -> ScheduleFile.Loaded {
        input(path, role: role)
        let loaded = try ScheduleFile.read(contentsOf: path, for: problem.instance)
        if let mismatch = loaded.mismatch(with: problem.problem, file: StandardInput.name(of: path), problemFile: problem.path) {
            throw mismatch
        }
        return loaded
    }

    /// Writes `text` (`output`: what it is, for messages) to `path`
    /// atomically, or to standard output for `-`, after checking that no
    /// input or Carousel file of another kind is replaced.
    func write(_ text: String, to path: String, output: String, kind: CarouselFileKind?) throws {
        if path == "-" {
            console.write(text)
            return
        }
        try outputs.check(path, output: output, kind: kind)
        try AtomicFile.write(text, to: path)
    }

    /// Writes each file into the folder `path` (made if missing), after
    /// checking every one of them.
    func write(files: [(name: String, text: String)], intoFolder path: String, output: String, kind: CarouselFileKind? = nil) throws {
        guard path != "-" else { throw UsageError("\(output) is several files; give a folder with -o DIR, not -") }
        let folder = URL(fileURLWithPath: path)
        for file in files { try outputs.check(folder.appendingPathComponent(file.name).path, output: output, kind: kind) }
        try AtomicFile.write(files, intoFolder: path)
    }

    /// Writes `text` to `path` and reports `summary`, or without a path
    /// writes it to standard output (`generate`, `import`, `export`).
    func emit(_ text: String, to path: String?, output: String, kind: CarouselFileKind?, summary: @autoclosure () -> String) throws {
        try write(text, to: path ?? "-", output: output, kind: kind)
        if let path, path != "-" { console.report(summary()) }
    }
}

/// A problem file loaded and compiled, with its JSON (for scenarios and
/// for locating errors found later).
struct LoadedProblem {
    var path: String
    var tree: JSONValue
    var problem: Problem
    var instance: CompiledInstance

    /// How messages name the file (`<stdin>` for `-`).
    var file: String { StandardInput.name(of: path) }

    /// The index of the day with id `id`, given with `--option`.
    func day(_ id: String, option: String) throws(UsageError) -> Int {
        let ids = problem.calendar.days.map(\.id)
        guard let d = ids.firstIndex(of: id) else {
            throw UsageError("--\(option): unknown day \"\(id)\"; the days are \(ListText.joined(ids))\(didYouMean(id, among: ids))")
        }
        return d
    }
}

/// A schedule file read against its problem and laid out for people (for
/// `export` and `show`). Sessions that name unknown ids are left out, with a
/// warning on stderr; a schedule made for another problem is refused.
struct LoadedTimetable {
    var problem: LoadedProblem
    var file: ScheduleFile.Loaded
    var path: String
    var view: TimetableView

    init(schedule path: String, problem problemPath: String, context: CommandContext) throws {
        problem = try context.loadProblem(problemPath)
        file = try context.loadSchedule(path, for: problem)
        self.path = path
        view = TimetableView(instance: problem.instance, schedule: file.schedule)
        if let first = file.formatViolations.first {
            let n = file.formatViolations.count
            context.console.error("warning: \(StandardInput.name(of: path)): \(n) entr\(n == 1 ? "y does" : "ies do") not match the problem and \(n == 1 ? "is" : "are") left out, e.g. \(first.message)")
        }
    }

    /// When the timetable was made and from what, for the printed copies.
    func provenance(environment: [String: String]) -> Provenance {
        Provenance(stamp: Provenance.stamp(environment: environment), version: CarouselTool.version,
                   problem: Provenance.fingerprint(of: problem.problem), schedule: Provenance.fingerprint(of: file.schedule, instance: problem.instance))
    }
}

/// ` (did you mean "x"?)` for the known word closest to `word`, or "".
func didYouMean(_ word: String, among known: [String]) -> String {
    Suggestion.closest(to: word, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
}
