import CarouselCommandLine
import Foundation

/// The search's speed measured on fixed work, apart from the quality runs.
///
/// Wall-clock rates on a shared machine swing by ±25% from run to run even
/// for identical work, so the suite's one time-limited run per instance
/// says little about code speed. Here the same deterministic solve (seed 1,
/// one thread, a fixed number of moves) runs several times in a row: every
/// run does exactly the same work, so the spread of its rates is the
/// machine's, and the best run is the code's speed with the least
/// interference. With `--instructions` (and valgrind installed) one more
/// run under callgrind counts the instructions the search executes
/// (`LocalSearch.anneal` and all it calls): instructions per evaluated
/// move, which does not depend on the machine's load at all.
struct ThroughputResult: Codable {
    var instance: String
    var moves: Int
    var evaluatedMoves: Int
    var appliedMoves: Int
    /// Evaluated moves per second of each run, in run order.
    var evaluatedPerSecond: [Double]
    var appliedPerSecond: [Double]
    /// From the callgrind run (nil without `--instructions`).
    var instructionMoves: Int?
    var instructionsPerEvaluatedMove: Double?
}

/// `--throughput [PROBLEM] [--moves N] [--repeats N] [--instructions]
/// [--instruction-moves N] [--out DIR]`: PROBLEM defaults to the generated
/// 1,900-visitor week.
func runThroughput(_ arguments: ParsedArguments) -> Int32 {
    let moves = arguments.int("moves")!, repeats = arguments.int("repeats")!
    let instructionMoves = arguments.int("instruction-moves")!, countInstructions = arguments.flag("instructions")
    let outDir = arguments.string("out")!
    let problem = arguments.positional("PROBLEM")
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("carousel-throughput-\(getpid())")
    try? fm.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: work) }
    let path = problem ?? generatedWeek(visitors: 1_900, days: 5, in: work)
    guard
        let result = measureThroughput(
            path, moves: moves, repeats: repeats,
            instructionMoves: countInstructions ? instructionMoves : nil, work: work)
    else {
        return 1
    }
    save(throughputMarkdown([result]), json: [result], as: "throughput", in: outDir)
    return 0
}

/// Runs the fixed solve `repeats` times (and once under callgrind when
/// `instructionMoves` is given); nil if a run fails.
func measureThroughput(_ path: String, moves: Int, repeats: Int, instructionMoves: Int?, work: URL) -> ThroughputResult?
{
    let me = CommandLine.arguments[0]
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var runs: [RunResult] = []
    for r in 1...repeats {
        // A generous time limit: the move budget ends the run.
        guard let data = runChild(me, ["--single", path, "1", "600", "1", "--moves", String(moves)]),
            let run = try? JSONDecoder().decode(RunResult.self, from: data)
        else {
            log("\(name): throughput run \(r) failed")
            return nil
        }
        runs.append(run)
        log(
            "\(name) throughput run \(r): \(run.evaluatedMoves) evaluated moves, \(Int(run.evaluatedPerSecond)) per second"
        )
    }
    var result = ThroughputResult(
        instance: name, moves: runs[0].moves, evaluatedMoves: runs[0].evaluatedMoves,
        appliedMoves: runs[0].appliedMoves, evaluatedPerSecond: runs.map(\.evaluatedPerSecond),
        appliedPerSecond: runs.map(\.appliedPerSecond))
    if runs.contains(where: { $0.evaluatedMoves != result.evaluatedMoves }) {
        log("\(name): the runs did not do the same work (evaluated moves differ); the solve is not deterministic")
    }
    if let instructionMoves {
        if let counted = countInstructions(path, moves: instructionMoves, work: work) {
            result.instructionMoves = counted.moves
            result.instructionsPerEvaluatedMove = Double(counted.instructions) / Double(max(1, counted.evaluated))
            log("\(name): \(counted.instructions) instructions for \(counted.evaluated) evaluated moves")
        } else {
            log("\(name): instruction count skipped (valgrind is not installed, or its run failed)")
        }
    }
    return result
}

/// Runs the solve under callgrind, counting only the search
/// (`LocalSearch.anneal` and what it calls): instructions, tried moves and
/// evaluated moves.
func countInstructions(_ path: String, moves: Int, work: URL) -> (instructions: Int, moves: Int, evaluated: Int)? {
    let out = work.appendingPathComponent("callgrind.out").path
    let me = CommandLine.arguments[0]
    guard
        let data = runChild(
            "/usr/bin/env",
            [
                "valgrind", "--tool=callgrind", "--callgrind-out-file=\(out)",
                "--toggle-collect=$s14CarouselSolver11LocalSearchV6anneal*",
                me, "--single", path, "1", "600", "1", "--moves", String(moves),
            ]),
        let run = try? JSONDecoder().decode(RunResult.self, from: data),
        let text = try? String(contentsOfFile: out, encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("summary:") }),
        let instructions = Int(line.dropFirst("summary:".count).trimmingCharacters(in: .whitespaces))
    else { return nil }
    return (instructions, run.moves, run.evaluatedMoves)
}

func throughputMarkdown(_ results: [ThroughputResult]) -> String {
    var out = "Fixed work: seed 1, one thread, the same moves in every run (runs one after another). "
    out += "Evaluated moves per second per thread: worst, median and best run.\n\n"
    out +=
        "| instance | moves | evaluated moves | runs | evaluated/s worst | median | best | applied/s median | instructions per evaluated move |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for r in results {
        let rates = r.evaluatedPerSecond.sorted(), applied = r.appliedPerSecond.sorted()
        out +=
            "| \(r.instance) | \(r.moves) | \(r.evaluatedMoves) | \(rates.count) | \(Int(rates.first ?? 0)) | \(Int(rates[rates.count / 2])) | "
        out += "\(Int(rates.last ?? 0)) | \(Int(applied[applied.count / 2])) | "
        if let n = r.instructionsPerEvaluatedMove, let m = r.instructionMoves {
            out += String(format: "%.0f (%d moves under callgrind) |\n", n, m)
        } else {
            out += "— |\n"
        }
    }
    return out
}
