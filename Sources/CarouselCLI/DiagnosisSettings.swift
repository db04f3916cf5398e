import CarouselCommandLine
import CarouselSolver
import Foundation

/// The settings of `explain` and `capacity`: seed, an overall time limit,
/// progress, and signals.
struct DiagnosisSettings {
    var oracle = FeasibilityOracle()
    let progressLine: DiagnosisProgressLine?

    static let options: [Option] = [
        .value(
            "time-limit", short: "t", "S", .number(0...1_000_000), defaultNote: "none",
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
