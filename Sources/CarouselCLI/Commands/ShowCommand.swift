import CarouselCommandLine
import CarouselIO
import CarouselModel

/// `carousel show SCHEDULE --problem PROBLEM [--school NAME | --group ID |
/// --room ID | --staff ID | --site ID]`: a timetable in the terminal.
struct ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Print the timetable of a school, group, room, staff member or site.",
        discussion: """
            Prints aligned tables, one per day (time, activity, room, groups, staff),
            that fit 80 columns; long cells wrap, and wide characters (CJK, emoji)
            count as the two columns they take. Without a choice it prints every
            session of the event. Names match by id or name, ignoring case, accents
            and typographic quotes (St Mary's finds St Mary’s), or by a part that
            only one of them contains ("--school oakfield"); a near miss gets a
            "did you mean". Control characters in names are shown as stand-ins
            (␛), never sent to the terminal.

            --catering prints the numbers for the kitchen: per day and per meal
            sitting, by school, pupils, adults, staff and dietary counts;
            --fire-register the people in each room in each period; --arrivals
            the arrivals and departures board (coaches per school and gate, who
            meets them, first and last sessions).

            EXAMPLES:
              carousel show stem-week.schedule.json -p Examples/stem-week.json --room lab-s1
              carousel show stem-week.schedule.json -p Examples/stem-week.json \\
                  --school oakfield
              carousel show stem-week.schedule.json -p Examples/stem-week.json \\
                  --group st-marys-5p
              carousel show stem-week.schedule.json -p Examples/stem-week.json --catering
            """,
        positionals: [Positional("SCHEDULE", help: "The schedule file (- for standard input).")],
        options: [
            .value(
                "problem", short: "p", "PROBLEM", .file, required: true,
                help: "The problem file the schedule was made for."),
            .value("school", "NAME", help: "A school's timetable (all its groups)."),
            .value("group", "ID", help: "A group's timetable."),
            .value("room", "ID", help: "A room's timetable (its door sheet)."),
            .value("staff", "ID", help: "A staff member's rota."),
            .value("site", "ID", help: "A site's timetable (what it hosts)."),
            .value("width", "N", .integer(40...1000), default: "80", help: "Columns to fit."),
            .flag("catering", help: "Headcounts per day and meal sitting, by school, with dietary counts."),
            .flag("fire-register", help: "People per room and period."),
            .flag("arrivals", help: "The arrivals and departures board."),
        ],
        exclusive: [TimetableView.Dimension.allCases.map(\.rawValue), onTheDay])

    /// The on-the-day tables `show` prints instead of a timetable.
    static let onTheDay = ["catering", "fire-register", "arrivals"]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let chosen = TimetableView.Dimension.allCases.compactMap { d in arguments.string(d.rawValue).map { (d, $0) } }
            .first
        if let chosen, let flag = onTheDay.first(where: arguments.flag) {
            throw UsageError("--\(flag) is for the whole event; leave out --\(chosen.0.rawValue)")
        }
        let loaded = try LoadedTimetable(
            schedule: arguments.positional("SCHEDULE")!, problem: arguments.string("problem")!, context: context)
        let view = loaded.view, width = arguments.int("width")!
        if arguments.flag("catering") {
            context.console.print(
                ReportTable.text(Headcounts(view).cateringTables(view, oneColumn: true), width: width), terminator: "")
        }
        if arguments.flag("fire-register") {
            context.console.print(
                ReportTable.text(Headcounts(view).fireRegisterTables(view), width: width), terminator: "")
        }
        if arguments.flag("arrivals") {
            context.console.print(ReportTable.text(ArrivalsBoard(view).tables(view), width: width), terminator: "")
        }
        if onTheDay.contains(where: arguments.flag) { return ExitCode.success }
        let entity = try chosen.map { try loaded.view.entity($0.0, named: $0.1) }
        context.console.print(
            TextTimetable.render(loaded.view, entity: entity, width: arguments.int("width")!), terminator: "")
        return ExitCode.success
    }
}
