import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel capacity PROBLEM --like GROUP`: how many more classes fit.
struct CapacityCommand: Command {
    static let name = "capacity"
    static let abstract = "How many more classes like one group could come, and what runs out first."
    static let usage = "carousel capacity PROBLEM --like GROUP [--day DAY | --per-day] [--json]"
    static let discussion = """
    Adds copies of GROUP (same size, year, needs and wishes) until no
    schedule can be found — doubling, then bisecting, each step a search
    with a fixed budget — and reports how many more fit. With --day the
    copies come on DAY (at GROUP's visiting times); with --per-day the
    answer is given for every day; otherwise the copies visit as GROUP does.
    At the limit it tries one more of each resource GROUP's activities use
    (a room like theirs, a staff member with the skill, bigger or more
    sessions, a wider time window) and names those that let one more class
    in: the binding resources.

    EXAMPLES:
      carousel capacity Examples/stem-week.json --like oakfield-4s --per-day
      carousel capacity Examples/stem-week.json --like oakfield-4s --day wed
    """
    static let options: [OptionSpec] = [
        .option("like", value: "GROUP", help: "The group to copy."),
        .option("day", value: "DAY", help: "The copies visit on DAY."),
        .flag("per-day", help: "Answer for every day."),
        .option("seed", value: "N", help: "Random seed of the searches (default 1)."),
        .flag("json", help: "Print the answer as JSON (for programs)."),
    ]
    static let positionals = ["PROBLEM"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let loaded = try LoadedProblem(path: arguments.positionals[0])
        let p = loaded.problem
        guard let like = arguments.string("like") else { throw UsageError(message: "--like GROUP is required") }
        guard let g = p.groups.firstIndex(where: { $0.id == like }) else {
            throw UsageError(message: "--like: unknown group \"\(like)\"\(didYouMean(like, among: p.groups.map(\.id)))")
        }
        var days: [Int?] = [nil]
        if arguments.flag("per-day") {
            days = p.calendar.days.indices.map { $0 }
        } else if let day = arguments.string("day") {
            days = [try loaded.day(day, option: "day")]
        }
        var oracle = FeasibilityOracle()
        oracle.seed = UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))
        let start = Termination.now()
        var rows: [(day: Int?, answer: CapacityProbe.Answer, checks: Int)] = []
        InterruptHandler.whileRunning(stop: oracle.stop) {
            for d in days {
                var probe = CapacityProbe(p, like: g, day: d, oracle: oracle)
                rows.append((d, probe.run(), probe.checks))
            }
        }
        let seconds = Termination.now() - start
        guard !oracle.stop.isRaised else {
            console.error("interrupted; no answer (the searches it had made are not enough to count)")
            return ExitCode.interrupted
        }
        let size = p.groups[g].size
        func label(_ d: Int?) -> String { d.map { p.calendar.days[$0].id } ?? "as \(like) visits" }
        if arguments.flag("json") {
            console.print(JSONOutput.object([
                ("problem", .string(loaded.path)), ("like", .string(like)), ("seconds", .number((seconds * 1000).rounded() / 1000)),
                ("answers", .array(rows.map { row in
                    .object([
                        ("day", row.day.map { .string(p.calendar.days[$0].id) } ?? .null),
                        ("extraClasses", row.answer.extra.map { .int($0) } ?? .null),
                        ("atLeast", .bool(row.answer.hitCeiling)), ("checks", .int(row.checks)),
                        ("binding", .array(row.answer.binding.map { .object([("resource", .string($0.resource)), ("relaxation", .string($0.relaxation))]) })),
                        ("unplacedAtLimit", .int(row.answer.unplaced)),
                        ("nearest", .array(row.answer.nearest.map {
                            .object([("resource", .string($0.resource)), ("relaxation", .string($0.relaxation)), ("unplaced", .int($0.unplaced))])
                        })),
                    ])
                })),
            ]).rendered(), terminator: "")
            return ExitCode.success
        }
        console.print("\(loaded.path): more classes like \(like) (\(size) pupils, year \(p.groups[g].year.map(String.init) ?? "none")):")
        for row in rows {
            guard let extra = row.answer.extra else {
                console.print("  \(label(row.day)): the problem itself cannot be scheduled; run 'carousel explain \(loaded.path)'")
                continue
            }
            var line = "  \(label(row.day)): \(row.answer.hitCeiling ? "at least " : "")\(extra) more (\(extra * size) pupils)"
            if !row.answer.hitCeiling {
                if !row.answer.binding.isEmpty {
                    line += "; binding: " + row.answer.binding.map { "\($0.resource) — \($0.relaxation)" }.joined(separator: "; ")
                } else if row.answer.nearest.isEmpty {
                    line += "; no single extra resource helps (several bind together)"
                } else {
                    line += "; no single extra resource lets one more in; closest (\(row.answer.unplaced) attendance(s) left out without): "
                        + row.answer.nearest.map { "\($0.resource) (\($0.unplaced) left)" }.joined(separator: "; ")
                }
            }
            console.print(line)
        }
        console.print("(\(rows.reduce(0) { $0 + $1.checks }) searches, \(String(format: "%.1f", seconds)) s)")
        return ExitCode.success
    }
}
