import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO

/// One measured run of one instance (the child process prints it as JSON).
struct RunResult: Codable {
    var instance: String
    var seed: Int
    var groups: Int
    var units: Int
    var sessions: Int
    var feasible: Bool
    var firstFeasibleSeconds: Double
    var iterations: Int
    var soft: Double
    var peakMemoryMB: Double
}

/// `--single PROBLEM SEED TIME_LIMIT`: read, compile and construct once, print
/// JSON. "First feasible" counts from before the file is read.
func runSingle(_ args: [String]) -> Int32 {
    guard args.count == 3, let seed = UInt64(args[1]), let limit = Double(args[2]) else {
        FileHandle.standardError.write("usage: CarouselBenchmarks --single PROBLEM SEED TIME_LIMIT\n".data(using: .utf8)!)
        return 2
    }
    do {
        let start = Termination.now()
        let problem = try ProblemDecoder.decode(contentsOf: args[0])
        let instance = CompiledInstance(problem)
        let result = Construction.run(instance, seed: seed, termination: Termination(timeLimit: limit))
        let seconds = Termination.now() - start
        let evaluation = Evaluator(instance).evaluate(result.state.schedule)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let run = RunResult(instance: URL(fileURLWithPath: args[0]).deletingPathExtension().lastPathComponent, seed: Int(seed),
                            groups: instance.groupCount, units: result.state.table.units.count,
                            sessions: result.state.schedule.sessions.count,
                            feasible: result.isComplete && evaluation.isFeasible, firstFeasibleSeconds: seconds,
                            iterations: result.iterations, soft: evaluation.soft, peakMemoryMB: Double(usage.ru_maxrss) / 1024)
        let data = try JSONEncoder().encode(run)
        print(String(decoding: data, as: UTF8.self))
        return 0
    } catch {
        FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
        return 2
    }
}

/// Runs every instance in a child process, `runs` times, and reports.
func runSuite(_ args: [String]) -> Int32 {
    var runs = 5
    var outDir = "Benchmarks/results"
    var instances: [String] = []
    var timeLimit = 60.0
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--runs" where i + 1 < args.count: runs = Int(args[i + 1]) ?? runs; i += 1
        case "--out" where i + 1 < args.count: outDir = args[i + 1]; i += 1
        case "--time-limit" where i + 1 < args.count: timeLimit = Double(args[i + 1]) ?? timeLimit; i += 1
        default: instances.append(args[i])
        }
        i += 1
    }
    if instances.isEmpty {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "Examples")) ?? []
        instances = files.filter { $0.hasSuffix(".json") && !$0.contains("schedule") }.sorted().map { "Examples/\($0)" }
    }
    guard !instances.isEmpty else {
        FileHandle.standardError.write("no instances (run from the package folder, or name problem files)\n".data(using: .utf8)!)
        return 2
    }
    let me = CommandLine.arguments[0]
    var all: [RunResult] = []
    for path in instances {
        for seed in 1...runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments = ["--single", path, String(seed), String(timeLimit)]
            let pipe = Pipe()
            process.standardOutput = pipe
            do { try process.run() } catch {
                FileHandle.standardError.write("cannot run \(me): \(error)\n".data(using: .utf8)!)
                return 2
            }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let run = try? JSONDecoder().decode(RunResult.self, from: data) else {
                FileHandle.standardError.write("\(path) seed \(seed): run failed\n".data(using: .utf8)!)
                continue
            }
            all.append(run)
            FileHandle.standardError.write("\(run.instance) seed \(seed): \(String(format: "%.3f", run.firstFeasibleSeconds)) s\n".data(using: .utf8)!)
        }
    }
    let table = markdown(all)
    print(table)
    try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    try? AtomicFile.write(table, to: "\(outDir)/construction.md")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    if let data = try? encoder.encode(all) {
        try? AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: "\(outDir)/construction.json")
    }
    return 0
}

/// Median, min and max per instance.
func markdown(_ runs: [RunResult]) -> String {
    var out = "| instance | groups | units | runs | feasible | first feasible median (s) | min | max | iterations (median) | sessions | soft (median) | peak memory (MB) |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    var names: [String] = []
    for r in runs where !names.contains(r.instance) { names.append(r.instance) }
    for name in names {
        let mine = runs.filter { $0.instance == name }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
        let times = mine.map(\.firstFeasibleSeconds)
        let first = mine[0]
        out += "| \(name) | \(first.groups) | \(first.units) | \(mine.count) | \(mine.filter(\.feasible).count)/\(mine.count) | "
        out += String(format: "%.3f | %.3f | %.3f | ", median(times), times.min()!, times.max()!)
        out += "\(Int(median(mine.map { Double($0.iterations) }))) | \(first.sessions) | \(ScheduleSummary.number(median(mine.map(\.soft)))) | "
        out += String(format: "%.0f |\n", mine.map(\.peakMemoryMB).max()!)
    }
    return out
}
