import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel export SCHEDULE --problem PROBLEM --as FORMAT`: timetables for
/// people (HTML report, CSV, iCalendar, text), and the ITC-2007 solution
/// format (`carousel export itc2007 PROBLEM SCHEDULE`).
struct ExportCommand: Command {
    /// The formats of the `--as` form.
    enum Format: String, CaseIterable {
        case html, csv, ics, text

        var fileExtension: String { self == .text ? "txt" : rawValue }
    }

    static let name = "export"
    static let abstract = "Timetables as an HTML report, CSV, iCalendar or text (or itc2007)."
    static let usage = """
    carousel export SCHEDULE --problem PROBLEM --as html|csv|ics|text [--by school|group|room|staff] [-o FILE|DIR]
           carousel export itc2007 PROBLEM SCHEDULE [-o FILE.sol] [--ctt FILE.ctt]
    """
    static let discussion = """
    html: one self-contained page (no network needed) with a dashboard (score
    by term, wishes granted, room use per day, staff load), a master grid per
    day, and a timetable per school, group, room and staff member; a filter
    box; printing puts each timetable on its own page. -o FILE.

    csv: one row per group in a session: day, date, start, end, activity,
    room, site, group, school, staff, then the ids. RFC 4180 (CRLF, quoted
    fields), UTF-8 with a byte order mark so that Excel shows accents
    (--no-bom leaves it out).

    ics: an iCalendar file per school (or --by group, room, staff) written
    into the folder -o DIR; floating local times from each day's "date" and
    the periods' clock times; UIDs stay the same when you export again.
    DTSTAMP is now, or SOURCE_DATE_EPOCH when set.

    text: aligned timetables for 80 columns (see also 'carousel show').

    With --by, csv and text write one file per school, group, room or staff
    member into the folder -o DIR (made if missing), named after it
    (st-marys-ce-primary-school.csv); entities without sessions are left out.
    Without --by, csv, text and html go to -o FILE or standard output.

    itc2007: the competition's solution format, one line per lecture:
    course room day period (0-based). The problem must have been made by
    'carousel import itc2007'. With --ctt FILE.ctt the solution is also
    scored against the original instance by the competition's rules,
    independently of Carousel's evaluator, and the hard violations and the
    penalty by term are printed (exit status 1 when a hard rule is broken).

    EXAMPLES:
      carousel export stem.schedule.json --problem Examples/stem-week.json --as html -o stem-week.html
      carousel export stem.schedule.json --problem Examples/stem-week.json --as ics -o calendars/
      carousel export stem.schedule.json --problem Examples/stem-week.json --as csv --by room -o rooms/
      carousel export itc2007 comp01.json comp01.schedule.json -o comp01.sol --ctt comp01.ctt
    """
    static let options: [OptionSpec] = [
        .option("problem", short: "p", value: "PROBLEM", help: "The problem file the schedule was made for."),
        .option("as", value: "FORMAT", help: "html, csv, ics or text."),
        .option("by", value: "KIND", help: "One file per school, group, room or staff (ics default: school)."),
        .option("output", short: "o", value: "FILE|DIR", help: "Where to write: a file, or a folder with --by and ics."),
        .flag("no-bom", help: "csv: leave out the UTF-8 byte order mark."),
        .option("ctt", value: "FILE.ctt", help: "itc2007: also score the solution against the instance by the competition's rules."),
    ]
    /// `SCHEDULE`, or `itc2007 PROBLEM SCHEDULE` for the competition format.
    static let positionals = ["SCHEDULE", "[PROBLEM]", "[SCHEDULE]"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        if arguments.positionals[0] == "itc2007" { return try exportITC2007(arguments, console: console) }
        if arguments.positionals.count > 1 {
            throw UsageError(message: "unexpected argument \"\(arguments.positionals[1])\"; give the problem with --problem")
        }
        guard let format = try arguments.choice("as", as: Format.self) else {
            throw UsageError(message: "--as FORMAT is required: html, csv, ics or text")
        }
        let by = try arguments.choice("by", as: TimetableView.Dimension.self) ?? (format == .ics ? .school : nil)
        if format == .html, by != nil { throw UsageError(message: "--by does not apply to html: the report has every view") }
        if format != .csv, arguments.flag("no-bom") { throw UsageError(message: "--no-bom applies to csv only") }
        if arguments.string("ctt") != nil { throw UsageError(message: "--ctt applies to 'export itc2007' only") }
        let out = arguments.string("output")
        if by != nil, out == nil { throw UsageError(message: "-o DIR is required: \(format.rawValue) by \(by!.rawValue) writes one file each") }
        let loaded = try LoadedTimetable(schedule: arguments.positionals[0], problem: arguments.string("problem"), console: console)
        let view = loaded.view
        let bom = !arguments.flag("no-bom")
        let stamp = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? Int(Date().timeIntervalSince1970)
        func render(_ entity: TimetableView.Entity?) throws -> String {
            switch format {
            case .html:
                let file = loaded.file
                return HTMLReport.render(view, evaluation: Evaluator(file.instance).evaluate(file.schedule, formatViolations: file.formatViolations))
            case .csv: return CSVWriter.render(view, entity: entity, byteOrderMark: bom)
            case .text: return TextTimetable.render(view, entity: entity)
            case .ics:
                do {
                    return try ICalendarWriter.render(view, entity: entity, stamp: stamp)
                } catch {
                    throw missingDate(error, problem: loaded.problem)
                }
            }
        }

        guard let by, let out else {
            let text = try render(nil)
            try emit(text, to: out, console: console,
                     summary: "wrote \(out ?? ""): \(format.rawValue), \(view.sessions.count) sessions, \((text.utf8.count + 1023) / 1024) KB")
            return ExitCode.success
        }
        let all = view.entities(by)
        let entities = all.filter { !$0.sessions.isEmpty }
        let files = try entities.map { (name: $0.fileStem + "." + format.fileExtension, text: try render($0)) }
        let skipped = all.count - entities.count
        try emit(files: files, into: out, console: console,
                 summary: "wrote \(files.count) \(format.rawValue) file\(files.count == 1 ? "" : "s") into \(out), one per \(by.rawValue)"
                     + (skipped > 0 ? " (\(skipped) without sessions left out)" : ""))
        return ExitCode.success
    }

    /// The one-line error for a day without a date, pointing at the day in
    /// the problem file.
    static func missingDate(_ error: ICalendarWriter.MissingDate, problem: LoadedProblem) -> InputError {
        let days = (try? ProblemDecoder.parseJSON(try ProblemDecoder.readFile(problem.path), file: problem.path))?
            .object?["calendar"]?.object?["days"]?.array
        let location = days.flatMap { $0.indices.contains(error.day) ? $0[error.day].location : nil }
        return InputError(file: problem.path, location: location, path: "calendar.days[\(error.day)]",
                          message: error.description, hint: "or export csv, text or html, which need no dates")
    }

    /// `carousel export itc2007 PROBLEM SCHEDULE [-o FILE.sol] [--ctt FILE.ctt]`.
    static func exportITC2007(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard arguments.positionals.count == 3 else {
            throw UsageError(message: "missing \(["PROBLEM", "SCHEDULE"][(arguments.positionals.count - 1)...].joined(separator: " "))")
        }
        for option in ["problem", "as", "by"] where arguments.string(option) != nil {
            throw UsageError(message: "--\(option) does not apply to 'export itc2007'")
        }
        let loaded = try LoadedProblem(path: arguments.positionals[1])
        let cal = loaded.problem.calendar
        let numbered = cal.days.enumerated().allSatisfy { $1.id == "d\($0)" } && cal.periods.enumerated().allSatisfy { $1.id == "p\($0)" }
        guard numbered else {
            throw InputError(file: loaded.path, location: nil, path: "calendar",
                             message: "days and periods are not numbered d0, d1, … and p0, p1, …; was this problem made by 'carousel import itc2007'?")
        }
        let file = try ScheduleFile.read(contentsOf: arguments.positionals[2], for: loaded.instance)
        let out = arguments.string("output")
        let solution = CurriculumTimetabling.solution(file.schedule, instance: loaded.instance)
        try emit(solution, to: out, console: console, summary: "wrote \(out ?? ""): \(file.schedule.sessions.count) lectures")
        guard let ctt = arguments.string("ctt") else { return ExitCode.success }
        let a = try CurriculumTimetabling.read(contentsOf: ctt).assess(solution: solution, file: out ?? "the solution")
        let report = out == nil ? console.status : console.print
        report("ITC-2007 rules: hard \(a.hard) (missing lectures \(a.missingLectures), conflicts \(a.conflicts), unavailable \(a.unavailable), room occupancy \(a.roomOccupancy)); "
            + "penalty \(a.penalty) (room capacity \(a.roomCapacity), min working days 5 × \(a.minWorkingDays), compactness 2 × \(a.isolatedLectures), room stability \(a.roomStability))")
        return a.hard == 0 ? ExitCode.success : ExitCode.infeasible
    }
}
