import CarouselModel
import CarouselIO

/// `carousel show SCHEDULE --problem PROBLEM [--school NAME | --group ID |
/// --room ID | --staff ID]`: a timetable in the terminal.
struct ShowCommand: Command {
    static let name = "show"
    static let abstract = "Print the timetable of a school, group, room or staff member."
    static let usage = "carousel show SCHEDULE --problem PROBLEM [--school NAME | --group ID | --room ID | --staff ID] [--width N]"
    static let discussion = """
    Prints aligned tables, one per day (time, activity, room, groups, staff),
    that fit 80 columns; long cells wrap. Without a choice it prints every
    session of the event. Names match by id or name, ignoring case, or by a
    part that only one of them contains ("--school oakfield").

    EXAMPLES:
      carousel show stem.schedule.json --problem Examples/stem-week.json --school "St Mary's"
      carousel show stem.schedule.json --problem Examples/stem-week.json --room lab-s1
      carousel show stem.schedule.json --problem Examples/stem-week.json --staff dr-okafor
    """
    static let options: [OptionSpec] = [
        .option("problem", short: "p", value: "PROBLEM", help: "The problem file the schedule was made for."),
        .option("school", value: "NAME", help: "A school's timetable (all its groups)."),
        .option("group", value: "ID", help: "A group's timetable."),
        .option("room", value: "ID", help: "A room's timetable (its door sheet)."),
        .option("staff", value: "ID", help: "A staff member's rota."),
        .option("width", value: "N", help: "Columns to fit (default 80)."),
    ]
    static let positionals = ["SCHEDULE"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let chosen = TimetableView.Dimension.allCases.compactMap { d in arguments.string(d.rawValue).map { (d, $0) } }
        guard chosen.count <= 1 else {
            throw UsageError(message: "give at most one of --school, --group, --room, --staff")
        }
        let width = try arguments.int("width", default: 80, range: 40...1000)
        let loaded = try LoadedTimetable(schedule: arguments.positionals[0], problem: arguments.string("problem"), console: console)
        let entity = try chosen.first.map { try loaded.view.entity($0.0, named: $0.1) }
        console.print(TextTimetable.render(loaded.view, entity: entity, width: width), terminator: "")
        return ExitCode.success
    }
}
