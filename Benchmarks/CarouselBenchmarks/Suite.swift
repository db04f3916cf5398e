import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// One measured run (the child process prints it as JSON).
struct RunResult: Codable {
    var instance: String
    var seed: Int
    var threads: Int
    var timeLimit: Double
    var groups: Int
    var units: Int
    var sessions: Int
    var feasible: Bool
    /// From before the file is read to the first complete schedule.
    var firstFeasibleSeconds: Double?
    var soft: Double
    var moves: Int
    /// Moves refused for breaking a hard rule, or applied and scored.
    var evaluatedMoves: Int
    /// Moves applied and scored on the soft terms.
    var appliedMoves: Int
    var movesPerSecond: Double
    var evaluatedPerSecond: Double
    var appliedPerSecond: Double
    var peakMemoryMB: Double
}

/// `--single PROBLEM SEED TIME_LIMIT THREADS [SCHEDULE] [--moves N]`: one
/// solve, printed as JSON; with SCHEDULE, the schedule is also written
/// there; with `--moves`, the search also stops after N moves per thread.
func runSingle(_ arguments: ParsedArguments) -> Int32 {
    let path = arguments.positional("PROBLEM")!
    let seed = UInt64(arguments.positional("SEED")!)!, limit = Double(arguments.positional("TIME_LIMIT")!)!
    let threads = Int(arguments.positional("THREADS")!)!
    let moveLimit = arguments.int("moves") ?? Int.max
    do {
        let start = Termination.now()
        let problem = try ProblemDecoder.decode(contentsOf: path)
        // Teams are formed as `carousel solve` forms them (spec section 11).
        let instance = CompiledInstance(problem.withFormedTeams())
        let setup = Termination.now() - start
        var options = Solver.Options()
        options.seed = seed
        options.timeLimit = max(0, limit - setup)
        options.threads = threads
        options.moveLimit = moveLimit
        let result = Solver.solve(instance, options: options)
        let evaluation = Evaluator(instance).evaluate(result.state.schedule)
        if let schedule = arguments.positional("SCHEDULE") {
            try AtomicFile.write(
                ScheduleFile.render(result.state.schedule, instance: instance, evaluation: evaluation), to: schedule)
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let searchSeconds = max(result.searchSeconds, 1e-9)
        let run = RunResult(
            instance: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, seed: Int(seed),
            threads: threads,
            timeLimit: limit, groups: instance.groupCount, units: result.state.table.units.count,
            sessions: result.state.schedule.sessions.count, feasible: result.unplaced.isEmpty && evaluation.isFeasible,
            firstFeasibleSeconds: result.firstFeasibleSeconds.map { $0 + setup },
            soft: evaluation.soft, moves: result.moves, evaluatedMoves: result.evaluatedMoves,
            appliedMoves: result.appliedMoves,
            movesPerSecond: Double(result.moves) / searchSeconds / Double(threads),
            evaluatedPerSecond: Double(result.evaluatedMoves) / searchSeconds / Double(threads),
            appliedPerSecond: Double(result.appliedMoves) / searchSeconds / Double(threads),
            peakMemoryMB: Double(usage.ru_maxrss) / 1024)
        print(String(decoding: try JSONEncoder().encode(run), as: UTF8.self))
        return 0
    } catch {
        FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
        return 2
    }
}

/// CP-SAT's result on one instance (from `cpsat.py --stats`).
struct PeerResult: Codable {
    var instance: String
    var firstFeasibleSeconds: Double?
    /// Soft score at each snapshot time ("1", "10") and at the end ("final").
    var soft: [String: Double]
}

struct Settings {
    var limits: [Double] = [1, 10, 60]
    var threads = 1
    var seeds = 1
    var outDir = "Benchmarks/results"
    var instances: [String] = []
    var generated: [(visitors: Int, days: Int)] = [(1_900, 5), (5_000, 5), (20_000, 10), (100_000, 20)]
    var cpsat = true
    /// CP-SAT's model grows with groups × candidates; larger instances are
    /// skipped (its own restriction makes it incomplete there anyway).
    var cpsatMaxGroups = 300
    /// Runs of the fixed-work speed measurement on the 1,900-visitor week
    /// (0: none), and whether one more counts instructions under callgrind.
    var throughputRepeats = 5
    var countInstructions = false
}

func runSuite(_ arguments: ParsedArguments) -> Int32 {
    var settings = Settings()
    settings.limits = arguments.numbers("limits")!
    settings.threads = arguments.int("threads")!
    settings.seeds = arguments.int("seeds")!
    settings.outDir = arguments.string("out")!
    settings.cpsat = !arguments.flag("no-cpsat")
    settings.cpsatMaxGroups = arguments.int("cpsat-max-groups")!
    if arguments.flag("no-generated") { settings.generated = [] }
    settings.throughputRepeats = arguments.int("throughput-repeats")!
    settings.countInstructions = arguments.flag("instructions")
    settings.instances = arguments.repeated("PROBLEM")
    if arguments.flag("quick") {
        if arguments.isGiven("limits") || arguments.isGiven("no-generated") {
            log("--quick sets the limits and the generated weeks; leave out --limits and --no-generated, or --quick")
            return 2
        }
        settings.limits = [1, 10]
        settings.generated = [(1_900, 5), (5_000, 5)]
    }
    let fm = FileManager.default
    if settings.instances.isEmpty {
        let files = (try? fm.contentsOfDirectory(atPath: "Examples")) ?? []
        settings.instances = files.filter {
            $0.hasSuffix(".json") && !$0.contains("schedule") && !$0.contains("scenario")
        }
        .sorted().map { "Examples/\($0)" }
    }
    let work = fm.temporaryDirectory.appendingPathComponent("carousel-bench-\(getpid())")
    try? fm.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: work) }
    for g in settings.generated {
        settings.instances.append(generatedWeek(visitors: g.visitors, days: g.days, in: work))
    }
    let me = CommandLine.arguments[0]
    var runs: [RunResult] = []
    var peers: [PeerResult] = []
    let haveCPSAT = settings.cpsat && cpsatAvailable()
    if settings.cpsat && !haveCPSAT {
        log(
            "CP-SAT comparison skipped: python3 cannot import ortools (pip install ortools) or ../shared/tools/cpsat.py is missing"
        )
    }
    for path in settings.instances {
        for seed in 1...max(1, settings.seeds) {
            for limit in settings.limits {
                guard
                    let data = runChild(me, ["--single", path, String(seed), String(limit), String(settings.threads)]),
                    let run = try? JSONDecoder().decode(RunResult.self, from: data)
                else {
                    log("\(path) seed \(seed) limit \(limit): run failed")
                    continue
                }
                runs.append(run)
                log(
                    "\(run.instance) seed \(seed) \(limit.formatted) s: soft \(ScheduleSummary.number(run.soft)), first feasible \(run.firstFeasibleSeconds.map { String(format: "%.3f s", $0) } ?? "none"), \(Int(run.evaluatedPerSecond)) evaluated moves/s, \(Int(run.appliedPerSecond)) applied"
                )
            }
        }
        let groups =
            runs.last(where: { $0.instance == URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent })?
            .groups ?? 0
        if haveCPSAT, groups <= settings.cpsatMaxGroups,
            let peer = runCPSAT(
                path, limit: settings.limits.max() ?? 60, snapshots: settings.limits, threads: settings.threads,
                work: work)
        {
            peers.append(peer)
            log("\(peer.instance) CP-SAT: \(peer.soft)")
        }
    }
    var speeds: [ThroughputResult] = []
    if settings.throughputRepeats > 0,
        let week = settings.instances.first(where: { $0.hasSuffix("generated-1900-5d.json") }),
        let speed = measureThroughput(
            week, moves: 3_000_000, repeats: settings.throughputRepeats,
            instructionMoves: settings.countInstructions ? 500_000 : nil, work: work)
    {
        speeds.append(speed)
    }
    struct Report: Codable {
        var runs: [RunResult]
        var cpsat: [PeerResult]
        var throughput: [ThroughputResult]
    }
    var table = markdown(runs, peers: peers, settings: settings)
    if !speeds.isEmpty {
        table += "\nThe search's speed on fixed work (`--throughput`):\n\n" + throughputMarkdown(speeds)
    }
    save(table, json: Report(runs: runs, cpsat: peers, throughput: speeds), as: "solve", in: settings.outDir)
    return 0
}

/// Writes the week `carousel generate` makes for `visitors` over `days`
/// (tightness 0.5, seed 1) into `folder`; returns its path.
func generatedWeek(visitors: Int, days: Int, in folder: URL) -> String {
    var generator = StemWeekGenerator()
    generator.visitors = visitors
    generator.days = days
    let path = folder.appendingPathComponent("generated-\(visitors)-\(days)d.json").path
    try? AtomicFile.write(ProblemFile.render(generator.make()), to: path)
    return path
}

/// Prints the table and writes it to `DIR/NAME.md`, with `json` in
/// `DIR/NAME.json` (both atomically).
func save(_ table: String, json: some Encodable, as name: String, in dir: String, printing: Bool = true) {
    if printing { print(table) }
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try? AtomicFile.write(table, to: "\(dir)/\(name).md")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    if let data = try? encoder.encode(json) {
        try? AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: "\(dir)/\(name).json")
    }
}

func log(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }

extension Double {
    var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}

/// Runs a child process and returns its standard output, or nil on failure.
func runChild(_ executable: String, _ arguments: [String]) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? data : nil
}

var cpsatScript: String { "../shared/tools/cpsat.py" }

func cpsatAvailable() -> Bool {
    guard FileManager.default.fileExists(atPath: cpsatScript) else { return false }
    return runChild("/usr/bin/env", ["python3", "-c", "import ortools"]) != nil
}

/// Runs the CP-SAT peer for `limit` seconds with `threads` workers.
func runCPSAT(_ path: String, limit: Double, snapshots: [Double], threads: Int, work: URL) -> PeerResult? {
    let out = work.appendingPathComponent("cpsat-out.json").path
    let stats = work.appendingPathComponent("cpsat-stats.json").path
    try? FileManager.default.removeItem(atPath: stats)
    var args = [
        "python3", cpsatScript, path, "--time-limit", String(limit), "--workers", String(threads), "-o", out, "--stats",
        stats,
    ]
    for s in snapshots where s < limit { args += ["--snapshot-at", String(s)] }
    _ = runChild("/usr/bin/env", args)
    guard let data = FileManager.default.contents(atPath: stats),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    var soft: [String: Double] = [:]
    if let final = object["final"] as? [String: Any], let s = final["soft"] as? Double { soft[limit.formatted] = s }
    if let snaps = object["snapshots"] as? [String: Any] {
        for (k, v) in snaps {
            if let v = v as? [String: Any], let s = v["soft"] as? Double, let t = Double(k) { soft[t.formatted] = s }
        }
    }
    return PeerResult(
        instance: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
        firstFeasibleSeconds: object["first_feasible_s"] as? Double, soft: soft)
}

func markdown(_ runs: [RunResult], peers: [PeerResult], settings: Settings) -> String {
    var names: [String] = []
    for r in runs where !names.contains(r.instance) { names.append(r.instance) }
    let limits = settings.limits
    var out = "Threads: \(settings.threads); seeds: \(settings.seeds) (medians). Soft score: lower is better.\n\n"
    out +=
        "| instance | groups | units | first feasible (s) | "
        + limits.map { "soft at \($0.formatted) s" }.joined(separator: " | ")
    out += " | moves/s | evaluated moves/s | applied moves/s | peak memory (MB) |\n"
    out += "|---|---:|---:|---:|" + limits.map { _ in "---:" }.joined(separator: "|") + "|---:|---:|---:|---:|\n"
    func median(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.sorted()[xs.count / 2] }
    for name in names {
        let mine = runs.filter { $0.instance == name }
        let first = median(mine.compactMap(\.firstFeasibleSeconds))
        out +=
            "| \(name) | \(mine[0].groups) | \(mine[0].units) | \(first.map { String(format: "%.3f", $0) } ?? "—") | "
        for l in limits {
            let at = mine.filter { $0.timeLimit == l }
            if at.isEmpty {
                out += "— | "
            } else if !at.allSatisfy(\.feasible) {
                out += "not feasible yet | "
            } else {
                out += ScheduleSummary.number(median(at.map(\.soft))!) + " | "
            }
        }
        let longest = mine.filter { $0.timeLimit == limits.max() }
        out +=
            "\(Int(median(longest.map(\.movesPerSecond)) ?? 0)) | \(Int(median(longest.map(\.evaluatedPerSecond)) ?? 0)) | "
        out += "\(Int(median(longest.map(\.appliedPerSecond)) ?? 0)) | "
        out += String(format: "%.0f |\n", mine.map(\.peakMemoryMB).max() ?? 0)
    }
    if !peers.isEmpty {
        out +=
            "\nCP-SAT (`../shared/tools/cpsat.py`, same threads) and the ratio Carousel ÷ CP-SAT (below 1: Carousel better):\n\n"
        out +=
            "| instance | CP-SAT first feasible (s) | "
            + limits.map { "CP-SAT at \($0.formatted) s | ratio" }.joined(separator: " | ") + " |\n"
        out += "|---|---:|" + limits.map { _ in "---:|---:" }.joined(separator: "|") + "|\n"
        for p in peers {
            out += "| \(p.instance) | \(p.firstFeasibleSeconds.map { String(format: "%.1f", $0) } ?? "—") | "
            for l in limits {
                let ours = median(runs.filter { $0.instance == p.instance && $0.timeLimit == l }.map(\.soft))
                if let theirs = p.soft[l.formatted] {
                    let ratio =
                        ours.map { theirs > 0 ? String(format: "%.2f", $0 / theirs) : ($0 == 0 ? "1.00" : "∞") } ?? "—"
                    out += "\(ScheduleSummary.number(theirs)) | \(ratio) | "
                } else {
                    out += "none | — | "
                }
            }
            out += "\n"
        }
    }
    return out
}
