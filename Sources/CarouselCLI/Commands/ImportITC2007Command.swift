import CarouselCommandLine
import CarouselIO
import CarouselModel

/// `carousel import itc2007 FILE.ctt [-o PROBLEM]`.
struct ImportITC2007Command: Command {
    static let spec = CommandSpec(
        name: "itc2007",
        abstract: "A problem from an ITC-2007 curriculum-based course timetabling instance.",
        discussion: """
            An ITC-2007 track 3 instance (.ctt). Courses become together activities
            taught by their teacher, with a group of their students; curricula
            become groups that take no seats, so their courses never clash; weights
            are set so that Carousel's soft score equals the competition's penalty
            (room capacity 1 per student over, minimum working days 5 per day short,
            curriculum compactness 2 per isolated lecture, room stability 1 per
            extra room). See docs/format.md.

            The extended format of the later benchmark sets (.ectt) is read by the
            same rules: its room constraints stay hard (the course's activity leaves
            those rooms out); its daily lecture limits, double lectures and sites,
            which only later formulations score, are checked and left out.

            EXAMPLE:
              carousel import itc2007 Examples/itc2007/toy.ctt -o toy.json
            """,
        positionals: [Positional("FILE.ctt", help: "The instance (- for standard input).")],
        options: [ImportCommand.output])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let source = arguments.positional("FILE.ctt")!
        context.input(source, role: "the instance")
        let instance = try CurriculumTimetabling.read(contentsOf: source)
        let out = arguments.string("output")
        // The size first: the courses' windows cost courses × days × periods.
        try context.requireSize(instance.problem(windows: false), file: StandardInput.name(of: source))
        try ImportCommand.write(
            instance.problem(), to: out, context: context,
            summary:
                "\(instance.courses.count) courses, \(instance.curricula.count) curricula, \(instance.rooms.count) rooms, \(instance.days) days × \(instance.periodsPerDay) periods"
        )
        return ExitCode.success
    }
}
