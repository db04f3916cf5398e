import CarouselCLI
import CarouselModel
import Foundation
import Testing

/// The fuzz fixture's problem and schedule in a fresh folder; its day `tue`
/// has no date.
private func smallEvent() throws -> (dir: URL, problem: String, schedule: String) {
    let dir = try temporaryFolder()
    let problem = dir.appendingPathComponent("p.json").path
    let schedule = dir.appendingPathComponent("s.json").path
    try FuzzFixtures.problem.write(toFile: problem, atomically: true, encoding: .utf8)
    try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)
    return (dir, problem, schedule)
}

/// The first of `names` found on PATH.
func onPath(_ names: [String]) -> String? {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    for name in names {
        for dir in dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
    }
    return nil
}

let chromium = onPath(["chromium", "chromium-browser"])

@Suite struct ExportCommandTests {
    @Test func csvGoesToStandardOutputAndTextSplitsByGroupIntoAFolder() throws {
        let (dir, problem, schedule) = try smallEvent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = Run(["export", schedule, "--problem", problem, "--as", "csv"])
        #expect(csv.code == 0, "\(csv.err)")
        // Standard output gets no byte order mark unless asked.
        #expect(csv.out.hasPrefix("day,date,start,end,activity,room,site,group,school,staff,"))
        // Five sessions, six group rows (the assembly has two groups), plus the header and the provenance row.
        #expect(csv.out.components(separatedBy: "\r\n").count - 1 == 8)
        #expect(Run(["export", schedule, "-p", problem, "--as", "csv", "--bom"]).out.hasPrefix("\u{FEFF}day,"))
        #expect(
            Run(["export", schedule, "-p", problem, "--as", "csv", "--raw"]).out.components(separatedBy: "\r\n").count
                - 1 == 7)
        // Entries that name unknown ids are left out with a warning.
        try FuzzFixtures.schedule.replacingOccurrences(of: #""room": "field""#, with: #""room": "feild""#)
            .write(toFile: schedule, atomically: true, encoding: .utf8)
        let partial = Run(["export", schedule, "--problem", problem, "--as", "csv"])
        #expect(partial.code == 0)
        #expect(
            partial.err
                == "warning: \(schedule): 1 entry does not match the problem and is left out, e.g. sessions[0] rocket@mon p1 in feild: unknown room \"feild\"\n"
        )
        #expect(partial.out.components(separatedBy: "\r\n").count - 1 == 7)
        try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)

        let out = dir.appendingPathComponent("text").path
        let text = Run(["export", schedule, "--problem", problem, "--as", "text", "--by", "group", "-o", out])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out == "wrote 2 text files into \(out), one per group\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["g1.txt", "g2.txt"])
        let g1 = try String(contentsOfFile: out + "/g1.txt", encoding: .utf8)
        #expect(g1.hasPrefix("Fuzz base: 5A (group)\n"))
        #expect(g1.contains("mon 2026-03-09") && g1.contains("11:15-12:15  assembly"))
    }

    /// `export --list` on the Galactic Challenge: every pupil of the twelve
    /// pools (127) is in exactly one school's team list, the lists name only
    /// the solver's teams, and a list that does not apply, or a format that
    /// has no lists, is a usage error.
    @Test func listsOfTheGalacticChallenge() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = example("galactic-challenge"), schedule = dir.appendingPathComponent("gc.schedule.json").path
        let solve = Run(["solve", problem, "-o", schedule, "--first", "--quiet"])
        #expect(solve.code == 0, "\(solve.err)")
        let csv = Run(["export", schedule, "-p", problem, "--as", "csv", "--list", "teams", "--raw"])
        #expect(csv.code == 0, "\(csv.err)")
        let rows = csv.out.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
        #expect(rows.first == ["Team", "School", "Pool", "Pupils", "Names"])
        // A school's rows, then each team's: every pupil counted once in each half.
        let pupils = rows.dropFirst().compactMap { Int($0[3]) }
        #expect(pupils.reduce(0, +) == 2 * 127, "\(csv.out.prefix(500))")
        let text = Run(["export", schedule, "-p", problem, "--as", "text", "--list", "running-order"])
        #expect(text.code == 0 && text.out.contains("Seminar Room 1 (Panel A): running order"), "\(text.err)")
        let panel = try #require(
            text.out.components(separatedBy: "\n\n").first { $0.hasPrefix("Seminar Room 1 (Panel A)") })
        #expect(panel.contains("one at a time") && panel.contains("Activity: Pitch to Panel A: space industry"))
        let out = dir.appendingPathComponent("seating.txt").path
        #expect(Run(["export", schedule, "-p", problem, "--as", "text", "--list", "seating", "-o", out]).code == 0)
        #expect(
            try String(contentsOfFile: out, encoding: .utf8).contains(
                "The room holds 320: 193 seats left for parents, guests and staff"))

        let wrong = Run(["export", schedule, "-p", problem, "--as", "text", "--list", "hosting"])
        #expect(
            wrong.code == 2 && wrong.err.hasPrefix("error: ")
                && wrong.err.contains("nothing to list as hosting: no site is a host"))
        #expect(
            Run(["export", schedule, "-p", problem, "--as", "html", "--list", "teams"]).err
                .hasPrefix("error: --list applies to csv and text (the html report has every list)\n"))
        #expect(Run(["export", schedule, "-p", problem, "--as", "csv", "--list", "tems"]).code == 2)
    }

    @Test func htmlReportIsWrittenToAFile() throws {
        let (dir, problem, schedule) = try smallEvent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html").path
        let run = Run(["export", schedule, "--problem", problem, "--as", "html", "-o", out])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.hasPrefix("wrote \(out): html, 5 sessions, "))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(
            html.hasPrefix("<!DOCTYPE html>") && html.contains("id=\"school-a\"") && html.contains("id=\"room-field\""))
    }

    @Test func icsNeedsADateForEveryDayWithSessions() throws {
        let (dir, problem, schedule) = try smallEvent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("ics").path
        let run = Run(["export", schedule, "--problem", problem, "--as", "ics", "-o", out])
        #expect(run.code == 2)
        #expect(
            run.err
                == "error: \(problem):8:51: calendar.days[1]: day \"tue\" has no date; calendar exports need one (\"date\": \"YYYY-MM-DD\") (or export csv, text or html, which need no dates)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out))
        // g2 visits on Monday only, which has a date.
        let field = Run(["export", schedule, "--problem", problem, "--as", "ics", "--by", "room", "-o", out])
        #expect(field.code == 2)
        try FuzzFixtures.problem.replacingOccurrences(
            of: #"{"id": "tue", "#, with: #"{"id": "tue", "date": "2026-03-10", "#
        )
        .write(toFile: problem, atomically: true, encoding: .utf8)
        let ok = Run(["export", schedule, "--problem", problem, "--as", "ics", "-o", out])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["a.ics", "b.ics"])
        let a = try String(contentsOfFile: out + "/a.ics", encoding: .utf8)
        #expect(a.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && a.contains("DTSTART:20260310T090000\r\n"))
    }

    @Test func usageMistakesSayWhatToTypeInstead() throws {
        let (dir, problem, schedule) = try smallEvent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (
                ["export", schedule, "--problem", problem, "--as", "pdf"],
                "error: --as expects one of html, csv, ics, text, got \"pdf\""
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "csv", "--by", "scool", "-o", dir.path],
                "error: --by expects one of school, group, room, staff, site, got \"scool\" (did you mean \"school\"?)"
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "html", "--by", "room", "-o", dir.path],
                "error: --by does not apply to html: the report has every view"
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "csv", "--by", "room"],
                "error: -o DIR is required: csv by room writes one file each"
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "text", "--no-bom"],
                "error: --no-bom applies to csv only"
            ),
            (
                ["export", schedule, "--as", "csv"],
                "error: --problem PROBLEM is required: the problem file the schedule was made for"
            ),
            (["export", schedule, "--problem", problem], "error: --as FORMAT is required: html, csv, ics or text"),
            (
                ["export", problem, schedule, "--as", "csv"],
                "error: unexpected argument \"\(schedule)\"; give the problem with --problem"
            ),
            (["export", "itc2007", problem], "error: missing SCHEDULE"),
            (["export", "itc2007", problem, schedule, "--as", "csv"], "error: unknown option --as"),
            (
                ["show", schedule, "--problem", problem, "--group", "g1", "--room", "hall"],
                "error: give at most one of --school, --group, --room, --staff, --site"
            ),
        ]
        for (arguments, message) in cases {
            let run = Run(arguments)
            #expect(run.code == 2, "\(arguments)")
            #expect(run.err.hasPrefix(message + "\n"), "\(run.err)")
            #expect(run.err.contains("usage: carousel \(arguments[0])"))
        }
    }

    @Test func itc2007ExportKeepsItsForm() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctt = dir.appendingPathComponent("toy.ctt").path
        try """
        Name: Toy
        Courses: 2
        Rooms: 1
        Days: 1
        Periods_per_day: 2
        Curricula: 1
        Constraints: 0

        COURSES:
        c1 t1 1 1 10
        c2 t2 1 1 10

        ROOMS:
        rA 30

        CURRICULA:
        q1 2 c1 c2

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """.write(toFile: ctt, atomically: true, encoding: .utf8)
        let problem = dir.appendingPathComponent("toy.json").path,
            schedule = dir.appendingPathComponent("toy.schedule.json").path
        #expect(Run(["import", "itc2007", ctt, "-o", problem]).code == 0)
        #expect(Run(["solve", problem, "-o", schedule, "--quiet", "--moves", "100"]).code == 0)
        let run = Run(["export", "itc2007", problem, schedule])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.split(separator: "\n").sorted().map { $0.split(separator: " ").first } == ["c1", "c2"])
    }

    @Test func showPrintsOneTimetableAndSuggestsNames() throws {
        let (dir, problem, schedule) = try smallEvent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let room = Run(["show", schedule, "--problem", problem, "--room", "HALL"])
        #expect(room.code == 0, "\(room.err)")
        #expect(
            room.out.hasPrefix("Fuzz base: hall (room)\n\nmon 2026-03-09\n  Time         Activity  Groups  Staff\n"))
        #expect(room.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let all = Run(["show", schedule, "--problem", problem])
        #expect(all.code == 0 && all.out.contains("Fuzz base: all sessions") && all.out.contains("\ntue\n"))
        let unknown = Run(["show", schedule, "--problem", problem, "--group", "g9"])
        #expect(unknown.code == 2)
        #expect(unknown.err == "error: unknown group \"g9\" (did you mean \"g1\"?)\n")
        let school = Run(["show", schedule, "--problem", problem, "--school", "c"])
        #expect(school.code == 2 && school.err.hasPrefix("error: unknown school \"c\""))
    }

    /// Renders the STEM Week report in headless Chromium: the script runs
    /// without error (it adds #script-ok), nothing is logged as uncaught, and
    /// the page shows every school and room.
    @Test(
        .enabled(
            if: chromium != nil, "chromium is not on PATH (apt-get install chromium); the browser check is skipped"))
    func stemWeekReportRendersInHeadlessChromium() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let schedule = dir.appendingPathComponent("stem.schedule.json").path,
            html = dir.appendingPathComponent("stem.html").path
        let solve = Run(["solve", example("stem-week"), "-o", schedule, "--first", "--quiet"])
        #expect(solve.code == 0, "\(solve.err)")
        let export = Run(["export", schedule, "--problem", example("stem-week"), "--as", "html", "-o", html])
        #expect(export.code == 0, "\(export.err)")
        #expect(try FileManager.default.attributesOfItem(atPath: html)[.size] as? Int ?? .max < 2_000_000)

        let dom = dir.appendingPathComponent("dom.html"), log = dir.appendingPathComponent("chromium.log")
        #expect(FileManager.default.createFile(atPath: dom.path, contents: nil))
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--dump-dom",
            URL(fileURLWithPath: html).absoluteString,
        ]
        process.standardOutput = try FileHandle(forWritingTo: dom)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let page = try String(contentsOf: dom, encoding: .utf8)
        let messages = try String(contentsOf: log, encoding: .utf8)
        print("chromium \(chromium!) rendered \(html): DOM \(page.utf8.count) bytes")
        #expect(
            page.contains("<div id=\"script-ok\" hidden=\"\"></div>"),
            "the report's script did not finish: \(messages.suffix(2000))")
        #expect(!messages.contains("Uncaught"), "\(messages.suffix(2000))")
        // Every school, group, room and staff member has its view, under its name; so has each seating plan (the show's).
        let p = try ProblemDecoder.decode(contentsOf: example("stem-week"))
        let schools = Set(p.groups.map { $0.school ?? $0.id })
        // … and the on-the-day views (issue 17): catering, fire registers, arrivals, day sheets, class cards.
        let onTheDay = ["catering\"", "fire-", "arrivals-", "plan-b-", "sheets\"", "sheet-", "cards\"", "card-"]
        let sections = page.components(separatedBy: "<section class=\"view").dropFirst().map { $0.prefix(120) }
        let onTheDayViews = sections.filter { head in onTheDay.contains { head.contains(" id=\"\($0)") } }.count
        #expect(onTheDayViews > 0)
        let seating = page.components(separatedBy: "<section class=\"view\" id=\"list-seating-").count - 1
        #expect(seating > 0)
        let views =
            1 + p.calendar.days.count + schools.count + p.groups.count + p.rooms.count + p.staff.count + seating
            + onTheDayViews
        #expect(page.contains("<span id=\"count\">\(views) views</span>"))
        func text(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        for (kind, names) in [
            ("school", Array(schools)), ("room", p.rooms.map { $0.name ?? $0.id }),
            ("staff", p.staff.map { $0.name ?? $0.id }),
        ] {
            #expect(
                page.components(separatedBy: "<section class=\"view\" id=\"\(kind)-").count - 1 == names.count,
                "\(kind)")
            for name in names { #expect(page.contains("<h2>\(text(name))</h2>"), "\(name)") }
        }
        for id in [
            "summary", "grid-mon", "grid-fri", "school-oakfield-primary-school", "room-lab-s1", "staff-dr-okafor",
        ] {
            #expect(page.contains("id=\"\(id)\""), "\(id)")
        }
    }
}
