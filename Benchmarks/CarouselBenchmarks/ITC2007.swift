import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Synchronization

// The ITC-2007 track 3 (curriculum-based course timetabling) comparison:
// each `.ctt` instance is imported as `carousel import itc2007` does, solved
// in a child process, exported as `carousel export itc2007` does, and the
// solution is scored by the competition's rules straight from the `.ctt`
// file (`CurriculumTimetabling.assess`), beside the published figures.

/// Published figures for one instance.
struct ITCReference {
    var instance: String
    /// The competition winner's (Müller) average penalty.
    var winnerAverage: Double
    /// The best known penalty.
    var bestKnown: Int
}

/// One solve of one ITC-2007 instance.
struct ITCRun: Codable {
    var instance: String
    var seed: Int
    var timeLimit: Double
    var lectures: Int
    /// Hard violations by the competition's rules (0: a valid solution).
    var hard: Int
    /// The competition's penalty of the exported solution.
    var penalty: Int
    /// Carousel's own soft score of the schedule (equal to the penalty when
    /// the import is faithful).
    var carouselSoft: Double
    var roomCapacity: Int
    var minWorkingDays: Int
    var isolatedLectures: Int
    var roomStability: Int
    var evaluatedPerSecond: Double
}

/// `--itc2007 [DIR] [--limit S] [--seeds N] [--first-seed K] [--jobs N] [--only comp01,…] [--out DIR]`:
/// every `.ctt` file of DIR (default `../shared/data/itc2007`), or those
/// named, solved once per seed (K…K+N-1, default 1…N) for S seconds
/// (default 300) on one thread, N solves at a time (default 1).
func runITC2007(_ arguments: ParsedArguments) -> Int32 {
    let folder = arguments.positional("DIR") ?? "../shared/data/itc2007"
    let limit = arguments.double("limit")!
    let firstSeed = arguments.int("first-seed")!
    let seeds = firstSeed...(firstSeed + arguments.int("seeds")! - 1)
    let jobs = arguments.int("jobs")!
    let outDir = arguments.string("out")!
    let only = arguments.words("only") ?? []
    let fm = FileManager.default
    let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".ctt") }.sorted()
        .filter { only.isEmpty || only.contains(String($0.dropLast(4))) }
    guard !files.isEmpty else {
        log("no .ctt files in \(folder): put the ITC-2007 track 3 instances (comp01.ctt … comp21.ctt) there")
        return 2
    }
    let work = fm.temporaryDirectory.appendingPathComponent("carousel-itc-\(getpid())")
    try? fm.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: work) }

    struct Task {
        var file: String
        var seed: Int
    }
    // Seed by seed, so that a run cut short has whole seeds; the tables are
    // saved after every solve.
    let tasks = seeds.flatMap { seed in files.map { Task(file: $0, seed: seed) } }
    let me = CommandLine.arguments[0]
    let results = Mutex<[ITCRun]>([])
    let nextTask = Atomic<Int>(0)
    // `jobs` children at a time (each single-threaded).
    DispatchQueue.concurrentPerform(iterations: jobs) { _ in
        while true {
            let k = nextTask.add(1, ordering: .relaxed).oldValue
            guard k < tasks.count else { return }
            let task = tasks[k]
            let name = String(task.file.dropLast(4))
            do {
                let itc = try CurriculumTimetabling.read(contentsOf: "\(folder)/\(task.file)")
                let problemPath = work.appendingPathComponent("\(name)-\(task.seed).json").path
                let schedulePath = work.appendingPathComponent("\(name)-\(task.seed).schedule.json").path
                try AtomicFile.write(ProblemFile.render(itc.problem()), to: problemPath)
                guard
                    let data = runChild(
                        me, ["--single", problemPath, String(task.seed), String(limit), "1", schedulePath]),
                    let run = try? JSONDecoder().decode(RunResult.self, from: data)
                else {
                    log("\(name) seed \(task.seed): run failed")
                    continue
                }
                let instance = CompiledInstance(try ProblemDecoder.decode(contentsOf: problemPath))
                let schedule = try ScheduleFile.read(contentsOf: schedulePath, for: instance).schedule
                let a = try itc.assess(
                    solution: CurriculumTimetabling.solution(schedule, instance: instance), file: "\(name).sol")
                let result = ITCRun(
                    instance: name, seed: task.seed, timeLimit: limit, lectures: schedule.sessions.count,
                    hard: a.hard, penalty: a.penalty, carouselSoft: run.soft,
                    roomCapacity: a.roomCapacity, minWorkingDays: a.minWorkingDays,
                    isolatedLectures: a.isolatedLectures, roomStability: a.roomStability,
                    evaluatedPerSecond: run.evaluatedPerSecond)
                results.withLock {
                    $0.append(result)
                    save(
                        itcMarkdown($0, limit: limit, seeds: seeds, jobs: jobs, of: tasks.count), json: $0,
                        as: "itc2007", in: outDir, printing: false)
                }
                log(
                    "\(name) seed \(task.seed) \(limit.formatted) s: penalty \(a.penalty), hard \(a.hard)"
                        + (Double(a.penalty) == run.soft
                            ? "" : " (Carousel's soft score: \(ScheduleSummary.number(run.soft)))"))
            } catch {
                log("\(name): \(error)")
            }
        }
    }
    let runs = results.withLock { $0 }.sorted { ($0.instance, $0.seed) < ($1.instance, $1.seed) }
    save(
        itcMarkdown(runs, limit: limit, seeds: seeds, jobs: jobs, of: tasks.count), json: runs, as: "itc2007",
        in: outDir)
    return runs.allSatisfy { $0.hard == 0 && Double($0.penalty) == $0.carouselSoft } ? 0 : 1
}

/// The table of `runs`, of `planned` solves in all (the table of a run cut
/// short says how many are in it).
func itcMarkdown(_ unsorted: [ITCRun], limit: Double, seeds: ClosedRange<Int>, jobs: Int, of planned: Int) -> String {
    let runs = unsorted.sorted { ($0.instance, $0.seed) < ($1.instance, $1.seed) }
    var names: [String] = []
    for r in runs where !names.contains(r.instance) { names.append(r.instance) }
    func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(1, xs.count)) }
    var out =
        "ITC-2007 track 3, \(limit.formatted) s per run, 1 thread, seed\(seeds.count == 1 ? " \(seeds.lowerBound)" : "s \(seeds.lowerBound)…\(seeds.upperBound)") (\(jobs) run\(jobs == 1 ? "" : "s") at a time\(runs.count < planned ? "; \(runs.count) of the \(planned) solves done" : "")). "
    out += "Penalty by the competition's rules, from the exported solution; lower is better.\n\n"
    out +=
        "| instance | lectures | hard | penalty (mean) | min | max | capacity | min days (×5) | isolated (×2) | stability | winner's average | ratio | best known |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    var ours: [Double] = [], theirs: [Double] = [], best: [Double] = []
    var noWorse = 0, compared = 0
    for name in names {
        let mine = runs.filter { $0.instance == name }
        let penalty = mean(mine.map { Double($0.penalty) })
        let reference = itcReferences.first { $0.instance == name }
        out += "| \(name) | \(mine[0].lectures) | \(mine.map(\.hard).max()!) | \(String(format: "%.1f", penalty)) | "
        out += "\(mine.map(\.penalty).min()!) | \(mine.map(\.penalty).max()!) | "
        out += [
            mine.map(\.roomCapacity), mine.map(\.minWorkingDays), mine.map(\.isolatedLectures),
            mine.map(\.roomStability),
        ]
        .map { String(format: "%.1f", mean($0.map(Double.init))) }.joined(separator: " | ")
        if let reference {
            let ratio =
                reference.winnerAverage > 0
                ? String(format: "%.2f", penalty / reference.winnerAverage) : (penalty == 0 ? "1.00" : "∞")
            out += " | \(String(format: "%.1f", reference.winnerAverage)) | \(ratio) | \(reference.bestKnown) |\n"
            ours.append(penalty)
            theirs.append(reference.winnerAverage)
            best.append(Double(reference.bestKnown))
            compared += 1
            if penalty <= reference.winnerAverage { noWorse += 1 }
        } else {
            out += " | — | — | — |\n"
        }
    }
    if compared > 0 {
        out +=
            "\nOver the \(compared) instances with published figures: mean penalty \(String(format: "%.1f", mean(ours))) "
        out +=
            "against the winner's \(String(format: "%.1f", mean(theirs))) and the best known \(String(format: "%.1f", mean(best))); "
        out += "no worse than the winner's average on \(noWorse) of \(compared).\n"
    }
    out += "\n" + itcSources + "\n"
    return out
}

/// The published figures (see `itcSources`).
let itcReferences: [ITCReference] = [
    ("comp01", 5.0, 5), ("comp02", 61.3, 24), ("comp03", 94.8, 66), ("comp04", 42.8, 35), ("comp05", 343.5, 290),
    ("comp06", 56.8, 27), ("comp07", 33.9, 6), ("comp08", 46.5, 37), ("comp09", 113.1, 96), ("comp10", 21.3, 4),
    ("comp11", 0.0, 0), ("comp12", 351.6, 300), ("comp13", 73.9, 59), ("comp14", 61.8, 51), ("comp15", 94.8, 66),
    ("comp16", 41.2, 18), ("comp17", 86.6, 56), ("comp18", 91.7, 62), ("comp19", 68.8, 57), ("comp20", 34.3, 4),
    ("comp21", 108.0, 75),
].map { ITCReference(instance: $0.0, winnerAverage: $0.1, bestKnown: $0.2) }

let itcSources = """
    Sources. Winner's average: Tomáš Müller's average penalty (the ITC-2007 track 3 winner; Di Gaspero, McCollum \
    and Schaerf, ITC-2007 track 3 technical report, 2007, and Müller, "ITC2007 solver description: a hybrid \
    approach", Annals of Operations Research 172, 2009), as tabulated in T. Urli, "Hybrid CP+LNS for the \
    Curriculum-Based Course Timetabling Problem", CP 2013 Doctoral Program, table 1 ("Müller avg"). Best known: \
    the "Best" column of the same table (best known in 2013); Ceschia, Di Gaspero and Schaerf, "Educational \
    timetabling: problems, benchmarks, and state-of-the-art results", EJOR 308 (2023), list some since improved \
    (comp05 284, comp12 294, comp15 62, comp18 61, comp21 74). Instances: the competition's .ctt files as \
    distributed with Müller's solver (github.com/tomas-muller/cpsolver-itc2007, data/ctt).
    """
