import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// The search options shared by the commands that run the solver (`solve`,
/// `repair`, `whatif`): limits, seed, threads, progress and signals.
struct SearchSettings {
    var options: Solver.Options
    var quiet: Bool

    /// The option declarations, with this command's defaults.
    static func options(timeLimit: Double, moves: Int) -> [Option] {
        [
            .value(
                "time-limit", short: "t", "S", .number(0...1_000_000), default: timeLimit.plainText,
                help: "Stop searching after S seconds."),
            seed,
            .value("threads", "N", .integer(1...256), default: "1", help: "Searches in parallel."),
            .value(
                "moves", "N", .integer(0...Int.max), default: String(moves),
                help:
                    "Improvement moves per thread, exactly (0: no limit). Without --moves the default budget, scaled up for problems over 400 units, applies only when no --time-limit is given."
            ),
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
        // An explicit --moves is exact; an explicit --time-limit alone is
        // the time used; with neither, the default budget scales with the
        // problem (`Solver.scaledMoveLimit`).
        let budget = arguments.int("moves")!
        if arguments.isGiven("moves") {
            options.moveLimit = budget == 0 ? Int.max : budget
        } else if arguments.isGiven("time-limit") {
            options.moveLimit = Int.max
        } else {
            options.moveLimit = budget
            options.scalesMoveLimit = true
        }
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
            console.status(
                "\(elapsed) improve: best soft \(ScheduleSummary.number(soft)), \(p.iterations) moves, \(rate) moves/s")
        } else {
            console.status(
                "\(elapsed) \(p.phase): \(p.iterations) iterations, \(p.unplaced) unplaced (best \(p.bestUnplaced)), \(rate) it/s"
            )
        }
    }
}
