import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO
import CarouselCommandLine

/// The search options shared by the commands that run the solver (`solve`,
/// `repair`, `whatif`): limits, seed, threads, progress and signals.
struct SearchSettings {
    var options: Solver.Options
    var quiet: Bool

    /// The option declarations, with this command's defaults.
    static func options(timeLimit: Double, moves: Int) -> [Option] {
        [
            .value("time-limit", short: "t", "S", .number(0...1_000_000), default: timeLimit.plainText, help: "Stop searching after S seconds."),
            seed,
            .value("threads", "N", .integer(1...256), default: "1", help: "Searches in parallel."),
            .value("moves", "N", .integer(0...Int.max), default: String(moves), help: "Improvement moves per thread (0: no limit)."),
            quiet,
        ]
    }

    static let seed = Option.value("seed", "N", .integer(0...Int.max), default: "1", help: "Random seed.")
    static let quiet = Option.flag("quiet", short: "q", help: "No progress on stderr.")

    init(_ arguments: ParsedArguments) {
        options = Solver.Options()
        options.timeLimit = arguments.double("time-limit")!
        options.seed = UInt64(arguments.int("seed")!)
        options.threads = arguments.int("threads")!
        let budget = arguments.int("moves")!
        options.moveLimit = budget == 0 ? Int.max : budget
        quiet = arguments.flag("quiet")
    }

    /// The stderr progress reporter, or nil with `--quiet`.
    func progress(_ console: Console) -> (@Sendable (SearchProgress) -> Void)? {
        if quiet { return nil }
        return { @Sendable p in Self.report(p, to: console) }
    }

    /// Runs `body` with SIGINT and SIGTERM turned into a stop of the search.
    func stoppable<T>(_ body: () throws -> T) rethrows -> (value: T, signal: Int32?) {
        try SignalHandler.whileRunning(stop: options.stop, body)
    }

    /// The stderr progress line: elapsed, best score, rate.
    static func report(_ p: SearchProgress, to console: Console) {
        let rate = Int(Double(p.iterations) / max(p.elapsed, 1e-9))
        let elapsed = String(format: "[%6.1fs]", p.elapsed)
        if let soft = p.soft {
            console.status("\(elapsed) improve: best soft \(ScheduleSummary.number(soft)), \(p.iterations) moves, \(rate) moves/s")
        } else {
            console.status("\(elapsed) \(p.phase): \(p.iterations) iterations, \(p.unplaced) unplaced (best \(p.bestUnplaced)), \(rate) it/s")
        }
    }
}

/// The settings of `explain` and `capacity`: seed, an overall time limit,
/// progress, and signals.
struct DiagnosisSettings {
    var oracle = FeasibilityOracle()
    let progressLine: DiagnosisProgressLine?

    static let options: [Option] = [
        .value("time-limit", short: "t", "S", .number(0...1_000_000), defaultNote: "none",
               help: "Stop after S seconds and report what was established, marked as partial."),
        SearchSettings.seed,
        SearchSettings.quiet,
    ]

    init(_ arguments: ParsedArguments, command: String, console: Console) {
        oracle.seed = UInt64(arguments.int("seed")!)
        if let limit = arguments.double("time-limit") { oracle.deadline = Termination.now() + limit }
        progressLine = arguments.flag("quiet") ? nil : DiagnosisProgressLine(command: command, console: console)
        if let line = progressLine { oracle.heartbeat = { line.tick() } }
    }

    /// The reporter to give the explainer or probe.
    var progress: ((DiagnosisProgress) -> Void)? {
        progressLine.map { line in { line.update($0) } }
    }

    /// Runs `body` with SIGINT and SIGTERM stopping the searches.
    func stoppable<T>(_ body: () throws -> T) rethrows -> (value: T, signal: Int32?) {
        try SignalHandler.whileRunning(stop: oracle.stop, body)
    }
}

/// The stderr progress line of `explain` and `capacity`, at most once a
/// second: what the diagnosis is doing (from its last report) and how many
/// searches it has made, also while one long search runs.
final class DiagnosisProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let command: String
    private let console: Console
    private let start = Termination.now()
    private var last: Double
    private var latest = DiagnosisProgress(stage: "starting", checks: 0)

    init(command: String, console: Console) {
        self.command = command
        self.console = console
        last = start
    }

    /// A new report from the diagnosis.
    func update(_ progress: DiagnosisProgress) {
        lock.withLock { latest = progress }
        tick()
    }

    /// Prints the latest report when a second has passed since the last line.
    func tick() {
        let now = Termination.now()
        let line: String? = lock.withLock {
            guard now - last >= 1 else { return nil }
            last = now
            return String(format: "[%6.1fs] ", now - start) + "\(command): \(latest.stage); \(latest.checks) searches"
        }
        if let line { console.status(line) }
    }
}
