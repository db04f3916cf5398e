import CarouselSolver
import CarouselIO

/// The search options shared by the commands that run the solver (`solve`,
/// `repair`, `whatif`): limits, seed, threads, progress and Ctrl-C.
struct SearchSettings {
    var options: Solver.Options
    var quiet: Bool

    /// The option specs, with this command's defaults in their help.
    static func specs(timeLimit: Double, moves: Int) -> [OptionSpec] {
        [
            .option("time-limit", short: "t", value: "S", help: "Stop searching after S seconds (default \(timeLimit.formatted))."),
            .option("seed", value: "N", help: "Random seed (default 1)."),
            .option("threads", value: "N", help: "Searches in parallel (default 1)."),
            .option("moves", value: "N", help: "Improvement moves per thread (default \(moves); 0: no limit)."),
            .flag("quiet", short: "q", help: "No progress on stderr."),
        ]
    }

    init(_ arguments: ParsedArguments, timeLimit: Double, moves: Int) throws(UsageError) {
        options = Solver.Options()
        options.timeLimit = try arguments.double("time-limit", default: timeLimit, range: 0...1_000_000)
        options.seed = UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))
        options.threads = try arguments.int("threads", default: 1, range: 1...256)
        let budget = try arguments.int("moves", default: moves, range: 0...Int.max)
        options.moveLimit = budget == 0 ? Int.max : budget
        quiet = arguments.flag("quiet")
    }

    /// The stderr progress reporter, or nil with `--quiet`.
    func progress(_ console: Console) -> (@Sendable (SearchProgress) -> Void)? {
        if quiet { return nil }
        return { @Sendable p in Self.report(p, to: console) }
    }

    /// Runs `body` with Ctrl-C turned into a stop of the search.
    func interruptible<T>(_ body: () throws -> T) rethrows -> T {
        try InterruptHandler.whileRunning(stop: options.stop, body)
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
