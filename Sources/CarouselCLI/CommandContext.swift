import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

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
        return LoadedProblem(
            path: path, tree: tree, problem: problem, instance: CompiledInstance(problem.withFormedTeams()))
    }

    /// Throws when compiling `problem` would need more memory than the limit.
    func requireSize(_ problem: Problem, file: String, threads: Int = 1) throws(InputError) {
        if let excess = InstanceSizeEstimate(problem, threads: threads).excess(limit: memoryLimit) {
            throw InputError(file: file, location: nil, path: "", message: excess)
        }
    }

    /// Reads the schedule at `path` against `problem`; refuses one made for
    /// another problem.
    func loadSchedule(_ path: String, for problem: LoadedProblem, role: String = "the schedule file") throws(InputError)
        -> ScheduleFile.Loaded
    {
        input(path, role: role)
        let loaded = try ScheduleFile.read(contentsOf: path, for: problem.instance)
        if let mismatch = loaded.mismatch(
            with: problem.problem, file: StandardInput.name(of: path), problemFile: problem.path)
        {
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
    func write(
        files: [(name: String, text: String)], intoFolder path: String, output: String, kind: CarouselFileKind? = nil
    ) throws {
        guard path != "-" else { throw UsageError("\(output) is several files; give a folder with -o DIR, not -") }
        let folder = URL(fileURLWithPath: path)
        for file in files {
            try outputs.check(folder.appendingPathComponent(file.name).path, output: output, kind: kind)
        }
        try AtomicFile.write(files, intoFolder: path)
    }

    /// Writes `text` to `path` and reports `summary`, or without a path
    /// writes it to standard output (`generate`, `import`, `export`).
    func emit(
        _ text: String, to path: String?, output: String, kind: CarouselFileKind?, summary: @autoclosure () -> String
    ) throws {
        try write(text, to: path ?? "-", output: output, kind: kind)
        if let path, path != "-" { console.report(summary()) }
    }
}
