import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// `carousel export SCHEDULE --problem PROBLEM --as FORMAT`: timetables for
/// people (HTML report, CSV, iCalendar, text); `export itc2007` is the
/// competition's solution format.
struct ExportCommand: Command {
    /// The formats of `--as`.
    enum Format: String, CaseIterable {
        case html, csv, ics, text

        var fileExtension: String { self == .text ? "txt" : rawValue }
    }

    static let subcommands: [any Command.Type] = [ExportITC2007Command.self]

    static let spec = CommandSpec(
        name: "export",
        abstract: "Timetables as an HTML report, CSV, iCalendar or text (or itc2007).",
        discussion: """
            html: one self-contained page (no network needed) with a dashboard (score
            by term, wishes granted, room use per day, staff load), a master grid per
            day, and a timetable per school, group, room and staff member; a filter
            box; printing puts each timetable on its own page. -o FILE.

            csv: one row per group in a session: day, date, start, end, activity,
            room, site, group, school, staff, then the ids. RFC 4180 (CRLF, quoted
            fields), UTF-8 with a byte order mark in files so that Excel shows
            accents (--no-bom leaves it out; standard output gets none unless
            --bom). A cell that a spreadsheet would run as a formula (it begins
            with =, +, -, @, a tab or a carriage return) gets a leading ', and a
            last row says when and from what the file was made; --raw, for
            programs, writes cells as they are and no last row.

            ics: an iCalendar file per school (or --by group, room, staff) written
            into the folder -o DIR; floating local times from each day's "date" and
            the periods' clock times. UIDs follow the group, activity and
            occurrence, so a moved session keeps its UID and calendars update it.
            --previous DIR (the last export) carries SEQUENCE and LAST-MODIFIED
            over and sends sessions that no longer exist as cancelled. DTSTAMP is
            now, or SOURCE_DATE_EPOCH when set.

            text: aligned timetables for 80 columns (see also 'carousel show').

            --list KIND (csv or text) writes a list instead of timetables: teams
            (each school's team list, each team's members), running-order (each
            room's teams in time order: judging panels), seating (blocks per school
            or team for a together session, and the seats left), travel (moves
            between sites with times; vehicle rotas), programme (week by week),
            hosting (the hosting table; each site's calendar is --by site),
            notices (lessons moved for the event, per teacher and class) or links
            (each person's online sessions and where to join). The html report
            has every list that applies.

            html, csv and text state when, by which Carousel version and from
            which problem and schedule (short fingerprints) they were made.

            \(onTheDayHelp)

            With --by, csv and text write one file per school, group, room, staff
            member or site into the folder -o DIR (made if missing), named after it
            (st-marys-ce-primary-school.csv); entities without sessions are left out.
            Without --by, csv, text and html go to -o FILE or standard output (-).

            EXAMPLES:
              carousel export stem-week.schedule.json -p Examples/stem-week.json \\
                  --as html -o stem-week.html
              carousel export stem-week.schedule.json -p Examples/stem-week.json \\
                  --as ics -o calendars/ --previous calendars/
              carousel export stem-week.schedule.json -p Examples/stem-week.json \\
                  --as csv --by room -o rooms/
              carousel export galactic.schedule.json \\
                  -p Examples/galactic-challenge.json --as text --list teams
            """,
        positionals: [Positional("SCHEDULE", help: "The schedule file (- for standard input).")],
        options: [
            .value(
                "problem", short: "p", "PROBLEM", .file, required: true,
                help: "The problem file the schedule was made for."),
            .value(
                "as", "FORMAT", .choice(Format.allCases.map(\.rawValue)), required: true,
                help: "html, csv, ics or text."),
            .value(
                "by", "KIND", .choice(TimetableView.Dimension.allCases.map(\.rawValue)),
                defaultNote: "school for ics, else none",
                help: "One file per school, group, room, staff member or site."),
            .value(
                "list", "KIND", .choice(Listing.Kind.allCases.map(\.rawValue)),
                help: "csv, text: a list (teams, running-order, seating, travel, …)."),
            .value(
                "output", short: "o", "FILE|DIR", .path, defaultNote: "standard output",
                help: "Where to write: a file, or a folder with --by and ics."),
            .flag("no-bom", help: "csv: leave out the UTF-8 byte order mark."),
            .flag("bom", help: "csv: write the byte order mark to standard output too."),
            .flag("raw", help: "csv: cells as they are and no provenance row (for programs)."),
            .value(
                "previous", "DIR", .folder, help: "ics: the previous export, to number changes and cancel what is gone."
            ),
        ] + onTheDayOptions,
        extraArgumentHint: "give the problem with --problem")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = arguments.choice("as", as: Format.self)!
        if let code = try runOnTheDay(arguments, format: format, context: context) { return code }
        let by = arguments.choice("by", as: TimetableView.Dimension.self) ?? (format == .ics ? .school : nil)
        if format == .html, by != nil { throw UsageError("--by does not apply to html: the report has every view") }
        for flag in ["no-bom", "bom", "raw"] where format != .csv && arguments.flag(flag) {
            throw UsageError("--\(flag) applies to csv only")
        }
        if arguments.flag("bom") && arguments.flag("no-bom") { throw UsageError("give --bom or --no-bom, not both") }
        if format != .ics, arguments.isGiven("previous") { throw UsageError("--previous applies to ics only") }
        let list = arguments.choice("list", as: Listing.Kind.self)
        if list != nil, format != .csv && format != .text {
            throw UsageError("--list applies to csv and text (the html report has every list)")
        }
        if list != nil, arguments.isGiven("by") { throw UsageError("give --list or --by, not both") }
        let out = arguments.string("output")
        if let by, out == nil || out == "-" {
            throw UsageError("-o DIR is required: \(format.rawValue) by \(by.rawValue) writes one file each")
        }
        let loaded = try LoadedTimetable(
            schedule: arguments.positional("SCHEDULE")!, problem: arguments.string("problem")!, context: context)
        let view = loaded.view
        let toStandardOutput = out == nil || out == "-"
        let bom = arguments.flag("bom") || (!toStandardOutput && !arguments.flag("no-bom"))
        let provenance = loaded.provenance(environment: context.environment)
        // The previous export may be the -o folder itself: read first, then replaced.
        let previous = try arguments.string("previous").map(previousCalendars) ?? [:]
        func render(_ entity: TimetableView.Entity?) throws -> String {
            switch format {
            case .html:
                let file = loaded.file
                return HTMLReport.render(
                    view,
                    evaluation: Evaluator(file.instance).evaluate(
                        file.schedule, formatViolations: file.formatViolations),
                    provenance: provenance, pages: HTMLReport.Pages.allCases, rain: rain(loaded))
            case .csv:
                return CSVWriter.render(
                    view, entity: entity, byteOrderMark: bom, provenance: provenance, raw: arguments.flag("raw"))
            case .text: return TextTimetable.render(view, entity: entity, provenance: provenance)
            case .ics:
                do {
                    let name = entity.map { $0.fileStem + ".ics" } ?? ""
                    return try ICalendarWriter.render(
                        view, entity: entity, stamp: provenance.stamp, previous: previous[name] ?? [])
                } catch {
                    throw missingDate(error, problem: loaded.problem)
                }
            }
        }

        if let list {
            guard let listing = view.listing(list) else {
                throw InputError(
                    file: loaded.problem.file, location: nil, path: "",
                    message: "nothing to list as \(list.rawValue): \(list.absence)")
            }
            let text =
                format == .csv
                ? ListingCSV.render(listing, byteOrderMark: bom, provenance: provenance, raw: arguments.flag("raw"))
                : ListingText.render(view, listing, provenance: provenance)
            try context.emit(
                text, to: out, output: "the \(list.rawValue) list", kind: nil,
                summary: "wrote \(out ?? ""): \(listing.title.lowercased()), \(listing.sections.count) sections")
            return ExitCode.success
        }
        guard let by, let out else {
            let text = try render(nil)
            try context.emit(
                text, to: out, output: "the \(format.rawValue) export", kind: nil,
                summary:
                    "wrote \(out ?? ""): \(format.rawValue), \(view.sessions.count) sessions, \((text.utf8.count + 1023) / 1024) KB"
            )
            return ExitCode.success
        }
        let all = view.entities(by)
        let entities = all.filter { !$0.sessions.isEmpty || previous[$0.fileStem + "." + format.fileExtension] != nil }
        var files = try entities.map { (name: $0.fileStem + "." + format.fileExtension, text: try render($0)) }
        // Calendars of the previous export whose entity is gone altogether:
        // every event in them is cancelled.
        let written = Set(files.map(\.name))
        for (name, events) in previous.sorted(by: { $0.key < $1.key }) where !written.contains(name) {
            files.append(
                (
                    name,
                    ICalendarWriter.cancellations(
                        name: "\(view.problem.name): \(name.dropLast(4))", previous: events, stamp: provenance.stamp)
                ))
        }
        let skipped = all.count - entities.count
        try context.write(files: files, intoFolder: out, output: "the \(format.rawValue) export")
        context.console.report(
            "wrote \(files.count) \(format.rawValue) file\(files.count == 1 ? "" : "s") into \(out), one per \(by.rawValue)"
                + (skipped > 0 ? " (\(skipped) without sessions left out)" : ""))
        return ExitCode.success
    }

    /// The events of every `.ics` file in `folder`, by file name.
    static func previousCalendars(in folder: String) throws(InputError) -> [String: [ICalendarEvent]] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(
                file: folder, location: nil, path: "",
                message: "no such folder; --previous takes the folder of the last ics export")
        }
        var out: [String: [ICalendarEvent]] = [:]
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) where name.hasSuffix(".ics")
        {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            let bytes = try ProblemDecoder.readFile(path)
            out[name] = ICalendarEvent.events(in: String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    /// The one-line error for a day without a date, pointing at the day in
    /// the problem file.
    static func missingDate(_ error: ICalendarWriter.MissingDate, problem: LoadedProblem) -> InputError {
        let days = problem.tree.object?["calendar"]?.object?["days"]?.array
        let location = days.flatMap { $0.indices.contains(error.day) ? $0[error.day].location : nil }
        return InputError(
            file: problem.file, location: location, path: "calendar.days[\(error.day)]",
            message: error.description, hint: "or export csv, text or html, which need no dates")
    }
}
