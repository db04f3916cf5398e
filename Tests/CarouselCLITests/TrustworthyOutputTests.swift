import CarouselCLI
import CarouselModel
import Foundation
import Testing

/// Issue 13, items 5, 8, 10, 11, 12, 15 and 17 end to end: what people see
/// in the terminal and in printed or shared files.
@Suite struct TrustworthyOutputTests {
    // MARK: Item 10: a schedule made for another problem

    @Test func aScheduleForAnotherProblemIsRefusedNamingBothEvents() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summer = dir.appendingPathComponent("summer.schedule.json").path
        #expect(Run(["solve", example("summer-school"), "-o", summer, "--moves", "500", "-q"]).code == 0)
        let stem = example("stem-week")
        for arguments in [
            ["export", summer, "--problem", stem, "--as", "csv"], ["show", summer, "--problem", stem],
            ["validate", stem, summer], ["repair", stem, summer, "-o", dir.appendingPathComponent("r.json").path],
        ] {
            let run = Run(arguments)
            #expect(run.code == 2, "\(arguments[0]): \(run.out)")
            #expect(
                run.err.hasPrefix(
                    "error: \(summer): this schedule was made for \"Riverside Summer School 2026\", not for \"STEM Week 2026\" (\(stem)): "
                ), "\(run.err)")
            #expect(
                run.err.contains(
                    " sessions name activities, days, rooms, groups or staff that \(stem) does not have, e.g. sessions[0] "
                ))
            #expect(run.err.hasSuffix("(give the schedule made for \(stem), or the problem this one was made for)\n"))
            #expect(run.err.split(separator: "\n").count == 1)
        }
        // A schedule whose event was renamed since still fits: every session matches.
        let renamed = dir.appendingPathComponent("renamed.json").path
        try String(contentsOfFile: example("summer-school"), encoding: .utf8)
            .replacingOccurrences(
                of: "\"Riverside Summer School 2026\"", with: "\"Riverside Summer School 2026 (rev 2)\""
            )
            .write(toFile: renamed, atomically: true, encoding: .utf8)
        #expect(Run(["validate", renamed, summer, "-q"]).code == 0)
    }

    // MARK: Item 5: control characters in show and text exports

    @Test func showNeverSendsAControlCharacterToTheTerminal() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("p.json").path
        try FuzzFixtures.problem.replacingOccurrences(
            of: #""name": "5A""#, with: #""name": "5A\u001b[2J\u0007\u0000\b\nnext line""#
        )
        .write(toFile: problem, atomically: true, encoding: .utf8)
        let schedule = dir.appendingPathComponent("s.json").path
        try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)
        let show = Run(["show", schedule, "--problem", problem, "--group", "g1"])
        #expect(show.code == 0, "\(show.err)")
        #expect(!show.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(show.out.contains("5A␛[2J␇␀␈␊next line"), "\(show.out)")
        let out = dir.appendingPathComponent("text").path
        #expect(Run(["export", schedule, "--problem", problem, "--as", "text", "--by", "group", "-o", out]).code == 0)
        let text = try String(contentsOfFile: out + "/g1.txt", encoding: .utf8)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && text.contains("␛[2J"))
        // CSV to a terminal (not a pipe) is shown safely too, its CRLF kept.
        let box = Captured()
        let terminal = Console(out: { box.append(out: $0) }, err: { _ in }, outIsTerminal: true)
        #expect(CarouselTool.main(["export", schedule, "--problem", problem, "--as", "csv"], console: terminal) == 0)
        #expect(box.out.contains("5A␛[2J␇␀␈") && box.out.contains("\r\n") && !box.out.contains("\u{1b}"))
        let piped = Run(["export", schedule, "--problem", problem, "--as", "csv", "--raw"])
        #expect(piped.out.contains("5A\u{1b}[2J"))
        // A lookup that fails names what was typed safely too.
        let typo = Run(["show", schedule, "--problem", problem, "--school", "\u{1b}]0;x\u{7}"])
        #expect(typo.code == 2 && !typo.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(typo.err)")
    }

    // MARK: Item 17: selectors as people type them

    @Test func showFindsTypographicNamesFromKeyboardText() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("p.json").path
        try FuzzFixtures.problem.replacingOccurrences(of: #""school": "A""#, with: #""school": "St Mary’s “Oak”""#)
            .write(toFile: problem, atomically: true, encoding: .utf8)
        let schedule = dir.appendingPathComponent("s.json").path
        try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)
        let show = Run(["show", schedule, "--problem", problem, "--school", "St Mary's \"Oak\""])
        #expect(show.code == 0, "\(show.err)")
        #expect(show.out.hasPrefix("Fuzz base: St Mary’s “Oak” (school)"))
        let near = Run(["show", schedule, "--problem", problem, "--school", "St Mari's \"Oak\""])
        #expect(near.code == 2)
        #expect(
            near.err.hasPrefix("error: unknown school \"St Mari's \"Oak\"\" (did you mean \"St Mary’s “Oak”\"?)"),
            "\(near.err)")
    }

    // MARK: Items 11 and 12 end to end

    @Test func calendarsAfterARepairKeepTheirUIDsAndCancelWhatIsGone() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("p.json").path
        try FuzzFixtures.problem.replacingOccurrences(
            of: #"{"id": "tue", "#, with: #"{"id": "tue", "date": "2026-03-10", "#
        )
        .write(toFile: problem, atomically: true, encoding: .utf8)
        let schedule = dir.appendingPathComponent("s.json").path
        try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)
        let first = dir.appendingPathComponent("first").path, second = dir.appendingPathComponent("second").path
        let quiet = Console(out: { _ in }, err: { _ in })
        #expect(
            CarouselTool.main(
                ["export", schedule, "--problem", problem, "--as", "ics", "--by", "group", "-o", first],
                console: quiet, environment: ["SOURCE_DATE_EPOCH": "1773000000"]) == 0)
        // g1's chem moves from mon p1 to tue p2 (a repair), and tue's lunch is gone.
        let moved = FuzzFixtures.schedule
            .replacingOccurrences(
                of: #"{"activity": "chem", "day": "mon", "start": "p1""#,
                with: #"{"activity": "chem", "day": "tue", "start": "p2""#
            )
            .replacingOccurrences(
                of:
                    #"{"activity": "lunch", "day": "tue", "start": "p1", "room": "hall", "groups": ["g1"], "staff": ["s1"]}"#,
                with:
                    #"{"activity": "lunch", "day": "tue", "start": "p1", "room": "hall", "groups": [], "staff": ["s1"]}"#
            )
        let repaired = dir.appendingPathComponent("r.json").path
        try moved.write(toFile: repaired, atomically: true, encoding: .utf8)
        #expect(
            CarouselTool.main(
                [
                    "export", repaired, "--problem", problem, "--as", "ics", "--by", "group", "-o", second,
                    "--previous", first,
                ],
                console: quiet, environment: ["SOURCE_DATE_EPOCH": "1773086400"]) == 0)
        let before = try String(contentsOfFile: first + "/g1.ics", encoding: .utf8)
        let after = try String(contentsOfFile: second + "/g1.ics", encoding: .utf8)
        func uid(_ text: String, _ summary: String) -> String? {
            let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst()
            return events.first { $0.contains("SUMMARY:\(summary)") }?.components(separatedBy: "\r\n").first {
                $0.hasPrefix("UID:")
            }
        }
        #expect(uid(before, "chem") != nil && uid(after, "chem") == uid(before, "chem"))
        #expect(after.contains("SEQUENCE:1\r\nLAST-MODIFIED:20260309T200000Z\r\nDTSTART:20260310T100000"), "\(after)")
        #expect(after.contains("STATUS:CANCELLED"))
        // The export into the same folder as --previous works too (the usual workflow).
        #expect(
            CarouselTool.main(
                [
                    "export", repaired, "--problem", problem, "--as", "ics", "--by", "group", "-o", first, "--previous",
                    first,
                ],
                console: quiet, environment: [:]) == 0)
    }

    @Test func exportsCarryTheirProvenance() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("p.json").path, schedule = dir.appendingPathComponent("s.json").path
        try FuzzFixtures.problem.write(toFile: problem, atomically: true, encoding: .utf8)
        try FuzzFixtures.schedule.write(toFile: schedule, atomically: true, encoding: .utf8)
        let box = Captured()
        let console = Console(out: { box.append(out: $0) }, err: { box.append(err: $0) })
        let env = ["SOURCE_DATE_EPOCH": "1773000000"]
        for format in ["csv", "text", "html"] {
            #expect(
                CarouselTool.main(
                    ["export", schedule, "--problem", problem, "--as", format], console: console, environment: env) == 0
            )
        }
        let made = "Made by Carousel \(CarouselTool.version) on 2026-03-08 20:00 UTC from problem "
        #expect(box.out.components(separatedBy: made).count - 1 >= 3, "\(box.out.prefix(500))")
        // Another schedule: another fingerprint.
        let first = box.out.components(separatedBy: made)[1].prefix(30)
        try FuzzFixtures.schedule.replacingOccurrences(of: #""start": "p2""#, with: #""start": "p3""#).write(
            toFile: schedule, atomically: true, encoding: .utf8)
        let again = Captured()
        _ = CarouselTool.main(
            ["export", schedule, "--problem", problem, "--as", "csv"],
            console: Console(out: { again.append(out: $0) }, err: { _ in }), environment: env)
        #expect(again.out.components(separatedBy: made)[1].prefix(30) != first)
    }

    // MARK: Item 15: 80 columns

    @Test func summariesFitEightyColumns() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let solve = Run([
            "solve", example("stem-week"), "-o", dir.appendingPathComponent("s.json").path, "--moves", "2000", "-q",
        ])
        #expect(solve.code == 0)
        let lines = solve.out.split(separator: "\n").filter { !$0.hasPrefix("wrote ") }
        #expect(lines.allSatisfy { TerminalText.width(String($0)) <= 80 }, "\(solve.out)")
        #expect(
            solve.out.contains("  day  date        sessions  groups  pupil-sessions     rooms  staff"), "\(solve.out)")
        let validate = Run(["validate", example("stem-week"), dir.appendingPathComponent("s.json").path, "-q"])
        #expect(
            validate.out.split(separator: "\n").dropLast().allSatisfy { TerminalText.width(String($0)) <= 80 },
            "\(validate.out)")
    }

    // MARK: Item 8: explain and capacity report progress, stop at a time limit

    @Test func capacityShowsProgressAndStopsAtItsTimeLimitWithAPartialAnswer() throws {
        let start = Date()
        let run = Run(["capacity", example("stem-week"), "--like", "oakfield-4s", "--per-day", "--time-limit", "2"])
        let seconds = Date().timeIntervalSince(start)
        #expect(run.code == 0, "\(run.err)")
        #expect(
            run.out.flattened.hasPrefix("\(example("stem-week")): more classes like oakfield-4s (28 pupils, year 4)"))
        #expect(run.out.flattened.contains("PARTIAL: stopped before the end"), "\(run.out)")
        #expect(run.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(seconds < 30)
        // At least a second passed, so at least one progress line came.
        #expect(run.err.contains("] capacity: "), "\(run.err)")
        let quiet = Run(["capacity", example("stem-week"), "--like", "oakfield-4s", "--time-limit", "1", "--quiet"])
        #expect(quiet.err.isEmpty)
    }

    @Test func explainWithoutTimeToDecideSaysSo() throws {
        let run = Run(["explain", example("stem-week"), "--time-limit", "0", "--json"])
        #expect(run.code == 1)
        #expect(run.out.contains("\"complete\": false") && run.out.contains("\"feasible\": null"), "\(run.out)")
        let text = Run(["explain", example("stem-week"), "--time-limit", "0"])
        #expect(
            text.out.flattened.contains("PARTIAL: stopped before the search could tell whether a schedule exists"),
            "\(text.out)")
    }
}
