import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Issue 13, items 4, 5, 11, 12, 15 and 17 at the library level: what the
/// exports write when names are hostile, calendars across a repair,
/// provenance, display widths, and names typed as people type them.
@Suite struct SafeExportTests {
    // MARK: Item 4: formula injection

    @Test func csvCellsThatWouldRunAsFormulasAreNeutralised() throws {
        let json = ExportFixtures.problemJSON.replacingOccurrences(
            of: #""name": "Zoë's class""#, with: #""name": "=HYPERLINK(\"http://x\",\"click\")""#
        )
        .replacingOccurrences(of: #""name": "5B""#, with: #""name": "@SUM(A1)""#)
        .replacingOccurrences(of: #""school": "Other""#, with: #""school": "+1 tab\tstart""#)
        let view = try ExportFixtures.view(json)
        let csv = CSVWriter.render(view, byteOrderMark: false)
        #expect(csv.contains(#""'=HYPERLINK(""http://x"",""click"")""#))
        #expect(csv.contains(",'@SUM(A1),"))
        #expect(csv.contains(",'+1 tab\tstart,"))
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSVWriter.neutralised(start + "x") == "'" + start + "x")
        }
        #expect(CSVWriter.neutralised("St Mary's") == "St Mary's")
        // For programs: every cell as it is.
        let raw = CSVWriter.render(view, byteOrderMark: false, raw: true)
        #expect(raw.contains(#""=HYPERLINK(""http://x"",""click"")""#) && raw.contains(",@SUM(A1),"))
        #expect(!raw.contains("'@"))
    }

    @Test func importWarnsAboutFormulaCellsWithTheirPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-formula-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for sheet in SheetTemplate.sheets {
            try sheet.text.write(to: dir.appendingPathComponent(sheet.kind.fileName), atomically: true, encoding: .utf8)
        }
        let classes = dir.appendingPathComponent("classes.csv").path
        var text = try String(contentsOfFile: classes, encoding: .utf8)
        let header = text.split(separator: "\n")[0]
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let nameColumn = try #require(columns.firstIndex(of: "name"))
        var second = text.split(separator: "\n", omittingEmptySubsequences: false)[1].split(
            separator: ",", omittingEmptySubsequences: false
        ).map(String.init)
        second[nameColumn] = "=cmd|' /C calc'!A0"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = second.joined(separator: ",")
        text = lines.joined(separator: "\n")
        try text.write(toFile: classes, atomically: true, encoding: .utf8)
        let paths = try SheetImport.sheets(inFolder: dir.path)
        let (problem, warnings) = try SheetImport.read(paths)
        #expect(problem.groups.contains { $0.name == "=cmd|' /C calc'!A0" })
        #expect(
            warnings == [
                "\(classes):2:\(nameColumn + 1): column \"name\": cell \"=cmd|' /C calc'!A0\" begins with \"=\", which a spreadsheet runs as a formula; Carousel reads it as text, but check who wrote it"
            ])
    }

    /// Item 7's kind in the sheets: a file of commas cannot ask for a field
    /// per byte.
    @Test func aSheetOfMillionsOfCellsIsRefused() {
        #expect(
            throws: CSV.SyntaxError(
                line: 1, message: "more than 1000000 cells; Carousel's sheets hold far fewer (is this the right file?)")
        ) {
            try CSV.parse(Array(String(repeating: ",", count: CSV.maxFields).utf8))
        }
        #expect(
            (try? CSV.parse(Array(String(repeating: ",", count: CSV.maxFields - 1).utf8)))?.first?.fields.count
                == CSV.maxFields)
    }

    // MARK: Item 5: control characters never reach the terminal

    @Test func textTimetablesShowControlCharactersAsStandIns() throws {
        let json = ExportFixtures.problemJSON.replacingOccurrences(
            of: #""name": "5B""#, with: #""name": "5B\u001b]0;pwned\u0007\u001b[2J\u0000\b""#)
        let text = TextTimetable.render(try ExportFixtures.view(json))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("5B␛]0;pwned␇␛[2J␀␈"))
        // A newline inside a name stays inside its cell: "Show\r\nnight" and the lab's name.
        #expect(text.contains("Show␍␊night") && text.contains("Lab, \"Big\"␊floor 1"))
        #expect(TerminalText.sanitized("a\u{9b}31m\u{202e}b\u{7f}") == "a\u{FFFD}31m\u{FFFD}b␡")
    }

    // MARK: Item 15: display widths

    @Test func tablesMeasureDisplayWidth() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("日本語") == 6)
        #expect(TerminalText.width("😀x") == 3)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("👨‍👩‍👧") == 2)
        #expect(TerminalText.width("❤️") == 2)
        let table = TextTable(headers: ["name", "n"], rows: [["日本語の先生", "1"], ["Zoë", "2"], ["😀 party", "3"]])
        let lines = table.lines(width: 80)
        // The first column is 12 display columns wide (日本語の先生), so every
        // line, its last cell one column, is 2 + 12 + 2 + 1 columns.
        #expect(lines.map(TerminalText.width) == [17, 17, 17, 17, 17], "\(lines)")
        #expect(lines[2] == "  日本語の先生  1" && lines[3] == "  Zoë           2" && lines[4] == "  😀 party      3")
        // Wrapping counts columns too: 2 columns a character.
        #expect(TerminalText.wrap("日本語の先生", width: 5) == ["日本", "語の", "先生"])
        let narrow = TextTable(headers: ["a", "b"], rows: [[String(repeating: "語", count: 30), "x"]]).lines(width: 40)
        #expect(narrow.allSatisfy { TerminalText.width($0) <= 40 }, "\(narrow)")
    }

    // MARK: Item 17: names as people type them

    @Test func typographicQuotesAndDashesMatchTheirKeyboardForms() throws {
        let json = ExportFixtures.problemJSON.replacingOccurrences(
            of: #""school": "Other""#, with: #""school": "St Mary’s “Oak” – Primary""#)
        let view = try ExportFixtures.view(json)
        #expect(try view.entity(.school, named: "St Mary's \"Oak\" - Primary").title == "St Mary’s “Oak” – Primary")
        #expect(try view.entity(.school, named: "st mary's").title == "St Mary’s “Oak” – Primary")
        #expect(try view.entity(.group, named: "Zoe’s class").key == "g1")
        // A near miss gets a "did you mean" with the name as written.
        #expect(throws: TimetableView.LookupError.self) {
            try view.entity(.school, named: "St Marx's \"Oak\" - Primary")
        }
        do {
            _ = try view.entity(.school, named: "St Marx's \"Oak\" - Primary")
        } catch {
            #expect(
                error.description
                    == #"unknown school "St Marx's "Oak" - Primary" (did you mean "St Mary’s “Oak” – Primary"?)"#)
        }
    }

    // MARK: Item 12: provenance

    @Test func printedCopiesSayWhenAndFromWhatTheyWereMade() throws {
        let view = try ExportFixtures.view()
        let provenance = Provenance(
            stamp: 1_773_000_000, version: "9.9.9", problem: Provenance.fingerprint(of: view.problem),
            schedule: Provenance.fingerprint(of: ExportFixtures.schedule, instance: view.instance))
        let line =
            "Made by Carousel 9.9.9 on 2026-03-08 20:00 UTC from problem \(provenance.problem) and schedule \(provenance.schedule)"
        #expect(provenance.text == line)
        #expect(provenance.problem.count == 8 && provenance.schedule.count == 8)
        #expect(
            CSVWriter.render(view, provenance: provenance).hasSuffix(
                CSVWriter.record([line] + Array(repeating: "", count: 14))))
        #expect(
            TextTimetable.render(view, provenance: provenance).split(separator: "\n")[1...].joined(separator: " ")
                .contains(line.split(separator: " ").prefix(6).joined(separator: " ")))
        let html = HTMLReport.render(
            view, evaluation: Evaluator(view.instance).evaluate(ExportFixtures.schedule), provenance: provenance)
        // On every view (each printed page) and in the footer.
        #expect(
            html.components(separatedBy: "<p class=\"made\">\(line)</p>").count - 1 == view.entities(.school).count
                + view.entities(.group).count + view.entities(.room).count + view.entities(.staff).count)
        #expect(html.contains("<footer>\(line).</footer>"))
        // The fingerprints follow the content: a moved session changes the schedule's.
        var moved = ExportFixtures.schedule
        moved.sessions[1].start = 2
        #expect(Provenance.fingerprint(of: moved, instance: view.instance) != provenance.schedule)
        #expect(
            Provenance.fingerprint(
                of: Schedule(sessions: ExportFixtures.schedule.sessions.reversed()), instance: view.instance)
                == provenance.schedule)
        var renamed = view.problem
        renamed.name = "Other"
        #expect(Provenance.fingerprint(of: renamed) != provenance.problem)
        #expect(Provenance.stamp(environment: ["SOURCE_DATE_EPOCH": "42"]) == 42)
    }

    // MARK: Item 11: calendars after a repair

    static func calendar(
        _ schedule: Schedule, json: String = ExportFixtures.problemJSON, stamp: Int,
        previous: [ICalendarEvent] = []
    ) throws -> (text: String, events: [ICalendarEvent]) {
        let view = TimetableView(instance: CompiledInstance(try ExportFixtures.problem(json)), schedule: schedule)
        let g1 = view.entities(.group)[0]
        let text = try ICalendarWriter.render(view, entity: g1, stamp: stamp, previous: previous)
        return (text, ICalendarEvent.events(in: text))
    }

    @Test func aMovedSessionKeepsItsUIDAndCountsItsChange() throws {
        let (_, before) = try Self.calendar(ExportFixtures.schedule, stamp: 1_000_000_000)
        #expect(before.count == 2 && before.allSatisfy { $0.sequence == 0 && $0.lastModified == "20010909T014640Z" })
        // chem moves from mon p1 in lab to tue p2 in the shed.
        var moved = ExportFixtures.schedule
        moved.sessions[1] = ScheduledSession(activity: 0, day: 1, start: 2, room: 2, groups: [0], staff: [0])
        let (_, after) = try Self.calendar(moved, stamp: 1_000_086_400, previous: before)
        #expect(Set(after.map(\.uid)) == Set(before.map(\.uid)))
        let chem = try #require(after.first { $0["SUMMARY"]?.hasPrefix("Chemistry") == true })
        #expect(chem.uid == before.first { $0["SUMMARY"]?.hasPrefix("Chemistry") == true }?.uid)
        #expect(chem.sequence == 1 && chem.lastModified == "20010910T014640Z")
        #expect(chem["DTSTART"] == "20260310T101500" && chem["LOCATION"] == "Shed\\, main")
        // The show did not change: same SEQUENCE and LAST-MODIFIED as before.
        let show = try #require(after.first { $0["SUMMARY"]?.hasPrefix("Show") == true })
        #expect(show.sequence == 0 && show.lastModified == "20010909T014640Z")
    }

    @Test func aSessionThatNoLongerExistsIsSentAsCancelled() throws {
        let (_, before) = try Self.calendar(ExportFixtures.schedule, stamp: 1_000_000_000)
        var fewer = ExportFixtures.schedule
        fewer.sessions.remove(at: 1)
        let (text, after) = try Self.calendar(fewer, stamp: 1_000_086_400, previous: before)
        #expect(after.count == 2)
        let cancelled = try #require(after.first { $0["STATUS"] == "CANCELLED" })
        #expect(cancelled["SUMMARY"]?.hasPrefix("Chemistry") == true && cancelled.sequence == 1)
        #expect(cancelled.uid == before.first { $0["SUMMARY"]?.hasPrefix("Chemistry") == true }?.uid)
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        // Sent again unchanged on the next export.
        let (_, again) = try Self.calendar(fewer, stamp: 1_000_172_800, previous: after)
        #expect(again.first { $0["STATUS"] == "CANCELLED" }?.sequence == 1)
        // A calendar whose entity is gone altogether: only cancellations.
        let gone = ICalendarEvent.events(
            in: ICalendarWriter.cancellations(name: "x", previous: before, stamp: 1_000_086_400))
        #expect(gone.count == 2 && gone.allSatisfy { $0["STATUS"] == "CANCELLED" && $0.sequence == 1 })
    }

    @Test func renamingTheEventOrARoomChangesNoUID() throws {
        let (_, before) = try Self.calendar(ExportFixtures.schedule, stamp: 1_000_000_000)
        let renamed = ExportFixtures.problemJSON.replacingOccurrences(
            of: #"{"name": "Fair, \"Quoted\"; <b>&</b>","#, with: #"{"name": "Renamed Fair","#
        )
        .replacingOccurrences(of: #""name": "Shed""#, with: #""name": "Garden shed""#)
        let (_, after) = try Self.calendar(
            ExportFixtures.schedule, json: renamed, stamp: 1_000_086_400, previous: before)
        #expect(after.map(\.uid) == before.map(\.uid))
        // The description names the event, so it changed: the next SEQUENCE.
        #expect(after.allSatisfy { $0.sequence == 1 })
    }
}
