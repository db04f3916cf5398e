import CarouselModel
import CarouselSolver
import CarouselIO
import CarouselCommandLine

/// `carousel generate`: synthetic STEM-Week-style problems of any size.
struct GenerateCommand: Command {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write a synthetic STEM-Week-style problem of any size.",
        discussion: """
        Makes a realistic problem for trying Carousel out or for benchmarks:
        classes of 22–32 pupils from the given number of schools, each school on
        one day (large ones on two), lunch in shifts, a show for four classes at a
        time, three workshops per class from a wish list limited by year, some
        classes needing step-free rooms, and rooms and staff (with part-week
        helpers) sized from the busiest day. Tightness 0 leaves plenty of room;
        1 makes rooms about 90% busy. The same seed gives the same file. A
        problem too large to schedule within the memory limit is not written.

        EXAMPLES:
          carousel generate --visitors 5000 --days 5 -o week-5000.json
          carousel generate --visitors 100000 --days 20 --tightness 0.3 -o big.json
        """,
        options: [
            .value("visitors", "N", .integer(1...500_000), default: "1900", help: "Pupils in all."),
            .value("schools", "N", .integer(0...1_000_000), defaultNote: "one per 110 pupils", help: "Visiting schools."),
            .value("days", "N", .integer(1...366), default: "5", help: "Days."),
            .value("tightness", "X", .number(0...1), default: "0.5", help: "0 roomy … 1 tight."),
            SearchSettings.seed,
            .value("output", short: "o", "FILE", .file, defaultNote: "standard output", help: "Where to write the problem."),
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        var generator = StemWeekGenerator()
        generator.visitors = arguments.int("visitors")!
        generator.schools = arguments.int("schools") ?? 0
        generator.days = arguments.int("days")!
        generator.tightness = arguments.double("tightness")!
        generator.seed = UInt64(arguments.int("seed")!)
        let problem = generator.make()
        let out = arguments.string("output")
        try context.requireSize(problem, file: out ?? "the generated problem")
        try context.emit(ProblemFile.render(problem), to: out, output: "the problem", kind: .problem,
                         summary: "wrote \(out ?? ""): \(problem.groups.count) groups, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count) days")
        return ExitCode.success
    }
}
