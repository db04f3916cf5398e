import CarouselModel
import CarouselIO

/// `carousel generate`: synthetic STEM-Week-style problems of any size.
struct GenerateCommand: Command {
    static let name = "generate"
    static let abstract = "Write a synthetic STEM-Week-style problem of any size."
    static let usage = "carousel generate [--visitors N] [--schools N] [--days N] [--tightness X] [--seed N] [-o FILE]"
    static let discussion = """
    Makes a realistic problem for trying Carousel out or for benchmarks:
    classes of 22–32 pupils from the given number of schools, each school on
    one day (large ones on two), lunch in shifts, a show for four classes at a
    time, three workshops per class from a wish list limited by year, some
    classes needing step-free rooms, and rooms and staff (with part-week
    helpers) sized from the busiest day. Tightness 0 leaves plenty of room;
    1 makes rooms about 90% busy. The same seed gives the same file.

    EXAMPLES:
      carousel generate --visitors 5000 --days 5 -o week-5000.json
      carousel generate --visitors 100000 --days 20 --tightness 0.3 -o big.json
    """
    static let options: [OptionSpec] = [
        .option("visitors", value: "N", help: "Pupils in all (default 1900)."),
        .option("schools", value: "N", help: "Visiting schools (default: one per 110 pupils)."),
        .option("days", value: "N", help: "Days (default 5)."),
        .option("tightness", value: "X", help: "0 roomy … 1 tight (default 0.5)."),
        .option("seed", value: "N", help: "Random seed (default 1)."),
        .option("output", short: "o", value: "FILE", help: "Write here (default: standard output)."),
    ]
    static let positionals: [String] = []

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        var generator = StemWeekGenerator()
        generator.visitors = try arguments.int("visitors", default: 1_900, range: 1...10_000_000)
        generator.schools = try arguments.int("schools", default: 0, range: 0...1_000_000)
        generator.days = try arguments.int("days", default: 5, range: 1...366)
        generator.tightness = try arguments.double("tightness", default: 0.5, range: 0...1)
        generator.seed = UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))
        let problem = generator.make()
        let out = arguments.string("output")
        try emit(ProblemFile.render(problem), to: out, console: console,
                 summary: "wrote \(out ?? ""): \(problem.groups.count) groups, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count) days")
        return ExitCode.success
    }
}
