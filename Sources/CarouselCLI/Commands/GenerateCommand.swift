import CarouselModel
import CarouselIO

/// `carousel generate`: synthetic problems of every kind, of any size.
struct GenerateCommand: Command {
    static let name = "generate"
    static let abstract = "Write a synthetic problem of any kind and size (default: a STEM week)."
    static let usage = "carousel generate [--kind KIND] [--visitors N] [--schools N] [--days N] [--scale X] [--tightness X] [--seed N] [-o FILE]"
    static let discussion = """
    Makes a realistic problem for trying Carousel out or for benchmarks:
    classes of 22–32 pupils from the given number of schools, each school on
    one day (large ones on two), lunch in shifts, a show for four classes at a
    time, three workshops per class from a wish list limited by year, some
    classes needing step-free rooms, and rooms and staff (with part-week
    helpers) sized from the busiest day. Tightness 0 leaves plenty of room;
    1 makes rooms about 90% busy. The same seed gives the same file.

    Other kinds (--kind) take --scale instead: 1 is about the size of the
    bundled example, 10 ten times as big. Their tightness runs to 2: above 1
    the kind's bottleneck is cut below what a counting argument needs, so
    the problem is infeasible on purpose (docs/generators.md). KINDS:
    \(GeneratorKind.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

    EXAMPLES:
      carousel generate --visitors 5000 --days 5 -o week-5000.json
      carousel generate --visitors 100000 --days 20 --tightness 0.3 -o big.json
      carousel generate --kind galactic-challenge --scale 10 --seed 2 -o galactic-10x.json
      carousel generate --kind term-sports --tightness 1.5 -o sports-overconstrained.json
    """
    static let options: [OptionSpec] = [
        .option("kind", value: "KIND", help: "What kind of event (default stem-week; see KINDS)."),
        .option("visitors", value: "N", help: "Pupils in all (default 1900)."),
        .option("schools", value: "N", help: "Visiting schools (default: one per 110 pupils)."),
        .option("days", value: "N", help: "Days (default 5)."),
        .option("scale", value: "X", help: "Other kinds: size relative to their example (default 1)."),
        .option("tightness", value: "X", help: "0 roomy … 1 tight (default 0.5); other kinds up to 2 (over-constrained)."),
        .option("seed", value: "N", help: "Random seed (default 1)."),
        .option("output", short: "o", value: "FILE", help: "Write here (default: standard output)."),
    ]
    static let positionals: [String] = []

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let kind = try arguments.choice("kind", as: GeneratorKind.self) ?? .stemWeek
        let problem = kind == .stemWeek ? try stemWeek(arguments) : try other(kind, arguments)
        let out = arguments.string("output")
        try emit(ProblemFile.render(problem), to: out, console: console,
                 summary: "wrote \(out ?? ""): \(problem.groups.count) groups, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count) days")
        return ExitCode.success
    }

    static func stemWeek(_ arguments: ParsedArguments) throws -> Problem {
        if arguments.string("scale") != nil {
            throw UsageError(message: "--scale is for the other kinds; a STEM week takes --visitors, --schools and --days")
        }
        var generator = StemWeekGenerator()
        generator.visitors = try arguments.int("visitors", default: 1_900, range: 1...10_000_000)
        generator.schools = try arguments.int("schools", default: 0, range: 0...1_000_000)
        generator.days = try arguments.int("days", default: 5, range: 1...366)
        generator.tightness = try arguments.double("tightness", default: 0.5, range: 0...1)
        generator.seed = UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))
        return generator.make()
    }

    static func other(_ kind: GeneratorKind, _ arguments: ParsedArguments) throws -> Problem {
        for name in ["visitors", "schools", "days"] where arguments.string(name) != nil {
            throw UsageError(message: "--\(name) is for --kind stem-week; --kind \(kind.rawValue) takes --scale")
        }
        return kind.make(GeneratorParameters(
            scale: try arguments.double("scale", default: 1, range: GeneratorParameters.scaleRange),
            tightness: try arguments.double("tightness", default: 0.5, range: GeneratorParameters.tightnessRange),
            seed: UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))))
    }
}
