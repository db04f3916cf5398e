import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// `export`'s outputs for the day itself (docs/exports.md): the on-the-day
/// tables as CSV or text (`--table`), the HTML report's on-the-day pages
/// alone (`--pages`), and the one-page changes sheet (`--since`).
extension ExportCommand {
    /// The tables of `--table`.
    enum Table: String, CaseIterable {
        case catering
        case fireRegister = "fire-register"
        case arrivals, rotations
        case daySheets = "day-sheets"

        /// The tables; `forText` lists dietary needs in one column.
        func tables(_ view: TimetableView, forText: Bool) -> [ReportTable] {
            switch self {
            case .catering: Headcounts(view).cateringTables(view, oneColumn: forText)
            case .fireRegister: Headcounts(view).fireRegisterTables(view)
            case .arrivals: ArrivalsBoard(view).tables(view)
            case .rotations: Rotations.tables(view)
            case .daySheets: DaySheets.tables(view)
            }
        }
    }

    static let onTheDayHelp = """
        On the day: --table KIND (csv or text) writes an on-the-day table
        instead of timetables: catering (per day and meal sitting, by school,
        with dietary counts), fire-register (people per room and period),
        arrivals (coaches per school and gate, who meets them, first and last
        sessions), rotations (each class's sessions in order) or day-sheets
        (per room and staff member and day). The html report has these pages
        too, and the wet-weather plans of 'solve --plan-b' with each school's
        "if it rains"; --pages PAGE writes only catering, arrivals, plan-b,
        day-sheets (one A4 page each) or cards (one A5 card per class).
        --since OLD_SCHEDULE (html or text) writes the one-page "changes since
        the printed version" sheet: what to tell each school, room and staff
        member.
        """

    static let onTheDayOptions: [Option] = [
        .value(
            "table", "KIND", .choice(Table.allCases.map(\.rawValue)),
            help: "csv or text: an on-the-day table (catering, fire-register, arrivals, rotations, day-sheets)."),
        .value(
            "pages", "PAGE", .choice(HTMLReport.Pages.allCases.map(\.rawValue)),
            help: "html: only these on-the-day pages (catering, arrivals, plan-b, day-sheets, cards)."),
        .value("since", "OLD_SCHEDULE", .file, help: "html or text: the one-page sheet of changes since OLD_SCHEDULE."),
    ]

    /// The wet-weather plans stored in the schedule file.
    static func rain(_ loaded: LoadedTimetable) -> [WetWeatherFile.Day] {
        WetWeatherFile.read(loaded.file.planB, dry: loaded.file.schedule, instance: loaded.file.instance)
    }

    /// Runs an on-the-day export when one of its options is given; nil otherwise.
    static func runOnTheDay(_ arguments: ParsedArguments, format: Format, context: CommandContext) throws -> Int32? {
        let table = arguments.choice("table", as: Table.self),
            pages = arguments.choice("pages", as: HTMLReport.Pages.self)
        let since = arguments.string("since")
        guard table != nil || pages != nil || since != nil else { return nil }
        if [table != nil, pages != nil, since != nil].filter({ $0 }).count > 1 {
            throw UsageError("give one of --table, --pages and --since")
        }
        if arguments.isGiven("by") { throw UsageError("--by does not apply with --table, --pages or --since") }
        if table != nil, format != .csv && format != .text { throw UsageError("--table applies to csv and text") }
        if pages != nil, format != .html { throw UsageError("--pages applies to html") }
        if since != nil, format != .html && format != .text { throw UsageError("--since applies to html and text") }
        let loaded = try LoadedTimetable(
            schedule: arguments.positional("SCHEDULE")!, problem: arguments.string("problem")!, context: context)
        let view = loaded.view, provenance = loaded.provenance(environment: context.environment)
        let out = arguments.string("output")
        var text: String, what: String
        if let table {
            let tables = table.tables(view, forText: format == .text)
            what = "\(table.rawValue), \(tables.count) table\(tables.count == 1 ? "" : "s")"
            if format == .csv {
                let bom = arguments.flag("bom") || (out != nil && out != "-" && !arguments.flag("no-bom"))
                text = ReportTable.csv(tables, byteOrderMark: bom, provenance: provenance, raw: arguments.flag("raw"))
            } else {
                text = ReportTable.text(tables) + "\n" + provenance.text + "\n"
            }
        } else if let pages {
            text = HTMLReport.renderPages(view, pages: [pages], rain: rain(loaded), provenance: provenance)
            what = pages.rawValue
        } else {
            let old = try context.loadSchedule(since!, for: loaded.problem, role: "the printed schedule")
            let messages = ChangeMessages(old: old.schedule, new: loaded.file.schedule, instance: loaded.file.instance)
            what = "changes since \(since!)"
            text =
                format == .html
                ? HTMLReport.changesSheet(messages, title: view.problem.name, provenance: provenance)
                : ([view.problem.name + ": changes since the printed version", ""] + messages.lines + [
                    "", provenance.text,
                ]).map { $0 + "\n" }.joined()
        }
        try context.emit(
            text, to: out, output: "the \(format.rawValue) export", kind: nil,
            summary: "wrote \(out ?? ""): \(format.rawValue), \(what), \((text.utf8.count + 1023) / 1024) KB")
        return ExitCode.success
    }
}
