import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `carousel generate`: synthetic problems of every kind, of any size.
struct GenerateCommand: Command {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write a synthetic problem of any kind and size (default: a STEM week).",
        discussion: """
            Makes a realistic problem for trying Carousel out or for benchmarks.
            The default kind, a STEM week: classes of 22–32 pupils from the given
            number of schools, each school on one day (large ones on two), lunch in
            shifts, a show for four classes at a time, three workshops per class
            from a wish list limited by year, some classes needing step-free rooms,
            and rooms and staff (with part-week helpers) sized from the busiest
            day. Tightness 0 leaves plenty of room; 1 makes rooms about 90% busy.
            The same seed gives the same file. A problem too large to schedule
            within the memory limit is not written.

            Other kinds (--kind) take --scale instead of --visitors, --schools and
            --days: 1 is about the size of the bundled example, 10 ten times as
            big. Their tightness runs to 2: above 1 the kind's bottleneck is cut
            below what a counting argument needs, so the problem is infeasible on
            purpose (docs/generators.md). KINDS:
            \(kindList)

            EXAMPLES:
              carousel generate --visitors 5000 --days 5 -o week-5000.json
              carousel generate --visitors 100000 --days 20 --tightness 0.3 -o big.json
              carousel generate --kind galactic-challenge --scale 10 -o galactic-10x.json
              carousel generate --kind term-sports --tightness 1.5 -o sports-over.json
            """,
        options: [
            .value(
                "kind", "KIND", .choice(GeneratorKind.allCases.map(\.rawValue)),
                default: GeneratorKind.stemWeek.rawValue,
                help: "What kind of event (see KINDS)."),
            .value(
                "visitors", "N", .integer(1...1_000_000), default: "1900",
                help: "STEM week: pupils in all (up to 1,000,000: the most a problem file may hold)."),
            .value(
                "schools", "N", .integer(0...1_000_000), defaultNote: "one per 110 pupils",
                help: "STEM week: visiting schools."),
            .value("days", "N", .integer(1...366), default: "5", help: "STEM week: days."),
            .value(
                "scale", "X", .number(GeneratorParameters.scaleRange), default: "1",
                help: "Other kinds: size relative to their example."),
            .value(
                "tightness", "X", .number(GeneratorParameters.tightnessRange), default: "0.5",
                help: "0 roomy … 1 tight; other kinds up to 2 (over-constrained)."),
            SearchSettings.seed,
            .value(
                "output", short: "o", "FILE", .file, defaultNote: "standard output", help: "Where to write the problem."
            ),
        ])

    /// Each kind and what it makes, wrapped for 80 columns.
    static var kindList: String {
        GeneratorKind.allCases.map { kind in
            (["  \(kind.rawValue):"] + TerminalText.wrap(kind.summary, width: 72).map { "      " + $0 }).joined(
                separator: "\n")
        }.joined(separator: "\n")
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let kind = arguments.choice("kind", as: GeneratorKind.self) ?? .stemWeek
        let problem = kind == .stemWeek ? try stemWeek(arguments) : try other(kind, arguments)
        let out = arguments.string("output")
        try context.requireSize(problem, file: out ?? "the generated problem")
        try context.emit(
            ProblemFile.render(problem), to: out, output: "the problem", kind: .problem,
            summary:
                "wrote \(out ?? ""): \(problem.groups.count) groups, \(problem.rooms.count) rooms, \(problem.staff.count) staff, \(problem.calendar.days.count == 1 ? "1 day" : "\(problem.calendar.days.count) days")"
        )
        return ExitCode.success
    }

    static func stemWeek(_ arguments: ParsedArguments) throws -> Problem {
        if arguments.isGiven("scale") {
            throw UsageError("--scale is for the other kinds; a STEM week takes --visitors, --schools and --days")
        }
        guard arguments.double("tightness")! <= 1 else {
            throw UsageError("--tightness above 1 is for the other kinds; a STEM week takes 0 to 1")
        }
        var generator = StemWeekGenerator()
        generator.visitors = arguments.int("visitors")!
        generator.schools = arguments.int("schools") ?? 0
        generator.days = arguments.int("days")!
        generator.tightness = arguments.double("tightness")!
        generator.seed = UInt64(arguments.int("seed")!)
        return generator.make()
    }

    static func other(_ kind: GeneratorKind, _ arguments: ParsedArguments) throws -> Problem {
        for name in ["visitors", "schools", "days"] where arguments.isGiven(name) {
            throw UsageError("--\(name) is for --kind stem-week; --kind \(kind.rawValue) takes --scale")
        }
        return kind.make(
            GeneratorParameters(
                scale: arguments.double("scale")!, tightness: arguments.double("tightness")!,
                seed: UInt64(arguments.int("seed")!)))
    }
}
