import CarouselModel
import CarouselSolver
import Foundation
import Testing

@testable import CarouselIO

// MARK: - Readers written for the tests

/// RFC 4180: records end with CRLF; quoted fields may hold commas, CR, LF and
/// doubled quotes. Returns nil when the text breaks the grammar (a bare LF or
/// CR outside quotes, text after a closing quote, an unclosed quote).
func parseCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var chars = Array(text.unicodeScalars)[...]
    var quoted = false, wasQuoted = false
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    chars.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"":
            guard field.isEmpty, !wasQuoted else { return nil }
            quoted = true
            wasQuoted = true
        case ",":
            record.append(field)
            field = ""
            wasQuoted = false
        case "\r":
            guard chars.popFirst() == "\n" else { return nil }
            record.append(field)
            records.append(record)
            record = []
            field = ""
            wasQuoted = false
        case "\n":
            return nil
        default:
            guard !wasQuoted else { return nil }
            field.unicodeScalars.append(c)
        }
    }
    guard !quoted, field.isEmpty, record.isEmpty else { return nil }
    return records
}

/// RFC 5545 unfolding: a CRLF followed by a space or tab is removed.
func unfold(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        .components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

/// RFC 5545 TEXT unescaping.
func unescapeText(_ value: Substring) -> String {
    var out = ""
    var escaped = false
    for c in value {
        if escaped {
            out.append(c == "n" || c == "N" ? "\n" : c)
            escaped = false
        } else if c == "\\" {
            escaped = true
        } else {
            out.append(c)
        }
    }
    return out
}

/// Checks that every element opened is closed in order, skipping void
/// elements, `/>` and the raw text of `<script>` and `<style>`. Returns the
/// first problem, or nil.
func tagBalanceProblem(_ html: String) -> String? {
    let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    var stack: [String] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
        rest = rest[open...]
        if rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!--") {
            guard let end = rest.firstIndex(of: ">") else { return "unclosed declaration" }
            rest = rest[rest.index(after: end)...]
            continue
        }
        guard let end = rest.firstIndex(of: ">") else { return "unclosed tag at \(rest.prefix(30))" }
        let tag = rest[rest.index(after: open)..<end]
        rest = rest[rest.index(after: end)...]
        if tag.hasPrefix("/") {
            let name = String(tag.dropFirst()).lowercased()
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
            continue
        }
        let name = String(tag.prefix { $0.isLetter || $0.isNumber }).lowercased()
        guard !name.isEmpty else { return "bad tag <\(tag.prefix(20))" }
        if void.contains(name) || tag.hasSuffix("/") { continue }
        if name == "script" || name == "style" {
            guard let close = rest.range(of: "</\(name)>") else { return "unclosed <\(name)>" }
            rest = rest[close.upperBound...]
            continue
        }
        stack.append(name)
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
}

/// The values of every `id="…"` attribute.
func htmlIDs(_ html: String) -> [String] {
    html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
}

// MARK: - Tests

@Suite struct ExportTests {
    @Test func entitiesCollectTheirSessionsAndHaveSafeUniqueFileNames() throws {
        let view = try ExportFixtures.view()
        let schools = view.entities(.school)
        #expect(schools.map(\.title) == ["École Saint-Jean, Paris", "Other"])
        #expect(schools.map(\.fileStem) == ["ecole-saint-jean-paris", "other"])
        #expect(schools[0].sessions.count == 2)
        #expect(view.entities(.room).map(\.sessions.count) == [2, 2, 0])
        #expect(view.entities(.staff).map(\.sessions.count) == [3, 2])
        #expect(view.entities(.staff)[1].fileStem == "bob")
        let stems = TimetableView.fileStems(["Zoë's Café", "zoes cafe", "日本", "", "a/../b"], fallback: "x")
        #expect(stems == ["zoes-cafe", "zoes-cafe-2", "x-3", "x-4", "a-b"])
    }

    @Test func lookupMatchesIdsNamesAndUniquePartsAndSuggestsOtherwise() throws {
        let view = try ExportFixtures.view()
        #expect(try view.entity(.school, named: "ecole saint-jean, paris").key == "École Saint-Jean, Paris")
        #expect(try view.entity(.school, named: "saint").key == "École Saint-Jean, Paris")
        #expect(try view.entity(.group, named: "ZOË'S CLASS").key == "g1")
        #expect(try view.entity(.room, named: "hall").key == "hall")
        #expect(throws: TimetableView.LookupError.self) { try view.entity(.group, named: "g") }
        do {
            _ = try view.entity(.staff, named: "anne")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "unknown staff \"anne\" (did you mean \"ann\"?)")
        }
    }

    @Test func statisticsCountRoomUseStaffLoadAndWishes() throws {
        let view = try ExportFixtures.view()
        let use = view.roomUtilisation()
        // mon and tue each hold 3 non-break periods.
        #expect(use[0] == [.init(used: 1, open: 3), .init(used: 1, open: 3)])
        #expect(use[2][0].fraction == 0)
        #expect(view.staffLoad() == [[2, 1], [1, 1]])
        #expect(view.wishes() == [.init(group: 2, granted: 1, possible: 1)])
    }

    // MARK: CSV

    @Test func csvRoundTripsThroughAnRFC4180Reader() throws {
        let view = try ExportFixtures.view()
        let text = CSVWriter.render(view)
        #expect(text.hasPrefix("\u{FEFF}"))
        let records = try #require(parseCSV(String(text.dropFirst())))
        #expect(records[0] == CSVWriter.header)
        #expect(records.dropFirst().allSatisfy { $0.count == CSVWriter.header.count })
        // One row per group in a session: chem g1, show g1 + g2, chem g3, show g3.
        #expect(records.count == 6)
        let first = Dictionary(uniqueKeysWithValues: zip(records[0], records[1]))
        #expect(first["day"] == "Monday")
        #expect(first["date"] == "2026-03-09")
        #expect(first["start"] == "09:00")
        #expect(first["end"] == "10:00")
        #expect(first["activity"] == "Chemistry, \"wet\" lab")
        #expect(first["room"] == "Lab, \"Big\"\nfloor 1")
        #expect(first["site"] == "Zoë's site")
        #expect(first["group"] == "Zoë's class")
        #expect(first["school"] == "École Saint-Jean, Paris")
        #expect(first["staff"] == "Ann Ó'Brien; PhD\\Chem")
        #expect(first["staff ids"] == "ann")
        let show = Dictionary(uniqueKeysWithValues: zip(records[0], records[2]))
        #expect(show["activity"] == "Show\r\nnight")
        #expect(show["staff"] == "Ann Ó'Brien; PhD\\Chem; 日本語の先生 with a rather long name that goes on and on and on")
        let late = Dictionary(uniqueKeysWithValues: zip(records[0], records[5]))
        #expect(late["day"] == "tue")
        #expect(late["end"] == "24:00")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.field("plain text") == "plain text")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.record(["a", "", "b"]) == "a,,b\r\n")
    }

    @Test func csvPerEntityHasOnlyItsRowsAndCanLeaveOutTheBOM() throws {
        let view = try ExportFixtures.view()
        let school = view.entities(.school)[0]
        let text = CSVWriter.render(view, entity: school, byteOrderMark: false)
        let records = try #require(parseCSV(text))
        #expect(records.count == 4)
        #expect(records.dropFirst().allSatisfy { $0[8] == "École Saint-Jean, Paris" })
        let shed = view.entities(.room)[2]
        #expect(parseCSV(CSVWriter.render(view, entity: shed, byteOrderMark: false))?.count == 1)
    }

    // MARK: iCalendar

    @Test func icsIsWellFormedFoldedEscapedAndStable() throws {
        let view = try ExportFixtures.view()
        for dimension in TimetableView.Dimension.allCases {
            for entity in view.entities(dimension) where !entity.sessions.isEmpty {
                let text = try ICalendarWriter.render(view, entity: entity, stamp: 1_773_000_000)
                // CRLF everywhere, every physical line at most 75 octets.
                #expect(text.hasSuffix("\r\n"))
                let physical = text.components(separatedBy: "\r\n").dropLast()
                #expect(physical.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
                #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "\(physical.filter { $0.utf8.count > 75 })")
                // BEGIN/END nest.
                let lines = unfold(text)
                var stack: [String] = []
                for line in lines {
                    if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
                    if line.hasPrefix("END:") { #expect(stack.popLast() == String(line.dropFirst(4))) }
                }
                #expect(stack.isEmpty)
                #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
                #expect(lines.contains("VERSION:2.0") && lines.contains { $0.hasPrefix("PRODID:") })
                #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == entity.sessions.count)
                for key in ["UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SUMMARY:", "LOCATION:"] {
                    #expect(lines.filter { $0.hasPrefix(key) }.count == entity.sessions.count, "\(key)")
                }
                // UIDs unique and the same in another run at another time.
                let uids = lines.filter { $0.hasPrefix("UID:") }
                #expect(Set(uids).count == uids.count)
                let again = unfold(try ICalendarWriter.render(view, entity: entity, stamp: 1_800_000_000))
                #expect(again.filter { $0.hasPrefix("UID:") } == uids)
                #expect(again.contains("DTSTAMP:20270115T080000Z"))
            }
        }
    }

    @Test func icsEventsCarryLocalTimesAndTheNamesUnescapedBack() throws {
        let view = try ExportFixtures.view()
        let bob = try view.entity(.staff, named: "bob")
        let lines = unfold(try ICalendarWriter.render(view, entity: bob, stamp: 0))
        #expect(lines.contains("DTSTAMP:19700101T000000Z"))
        #expect(lines.contains("DTSTART:20260309T101500"))
        #expect(lines.contains("DTEND:20260309T111500"))
        // 23:00-24:00 on tue ends at midnight of the next day.
        #expect(lines.contains("DTSTART:20260310T230000"))
        #expect(lines.contains("DTEND:20260311T000000"))
        let summaries = lines.filter { $0.hasPrefix("SUMMARY:") }.map { unescapeText($0.dropFirst(8)) }
        #expect(summaries == ["Show\nnight: Zoë's class, 5B", "Show\nnight: g3"])
        let locations = lines.filter { $0.hasPrefix("LOCATION:") }.map { unescapeText($0.dropFirst(9)) }
        #expect(locations[0] == "Hall <main> & café, main")
        let descriptions = lines.filter { $0.hasPrefix("DESCRIPTION:") }.map { unescapeText($0.dropFirst(12)) }
        #expect(descriptions[0].contains("Staff: Ann Ó'Brien; PhD\\Chem, 日本語の先生"))
        #expect(lines.contains { $0.hasPrefix("X-WR-CALNAME:") && $0.contains("Fair\\, \"Quoted\"\\;") })
    }

    @Test func icsTextEscapingAndFoldingKeepMultibyteCharactersWhole() throws {
        #expect(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg\u{7}") == "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        let long = "DESCRIPTION:" + String(repeating: "日本語é", count: 40)
        let folded = ICalendarWriter.fold(long)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(unfold(folded) == [long])
        #expect(ICalendarWriter.fold("SHORT:x") == "SHORT:x\r\n")
    }

    @Test func icsNamesTheDayWithoutADate() throws {
        let json = ExportFixtures.problemJSON.replacingOccurrences(
            of: #"{"id": "tue", "date": "2026-03-10"}"#, with: #"{"id": "tue"}"#)
        let view = try ExportFixtures.view(json)
        let other = try view.entity(.school, named: "Other")
        #expect(throws: ICalendarWriter.MissingDate.self) { try ICalendarWriter.render(view, entity: other, stamp: 0) }
        do {
            _ = try ICalendarWriter.render(view, entity: other, stamp: 0)
        } catch {
            #expect(error.day == 1)
            #expect(error.description == #"day "tue" has no date; calendar exports need one ("date": "YYYY-MM-DD")"#)
        }
        // A calendar whose sessions are all on dated days is fine.
        let ecole = try view.entity(.school, named: "ecole")
        #expect(try ICalendarWriter.render(view, entity: ecole, stamp: 0).contains("BEGIN:VEVENT"))
    }

    // MARK: HTML

    @Test func htmlIsBalancedEscapedSelfContainedWithUniqueIDs() throws {
        let view = try ExportFixtures.view()
        let html = HTMLReport.render(view, evaluation: Evaluator(view.instance).evaluate(ExportFixtures.schedule))
        #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
        let ids = htmlIDs(html)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("summary") && ids.contains("grid-mon") && ids.contains("school-ecole-saint-jean-paris"))
        #expect(ids.contains("room-shed") && ids.contains("staff-bob") && ids.contains("group-g3"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="))
        #expect(!html.contains("<b>&</b>") && html.contains("Fair, &quot;Quoted&quot;; &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(html.contains("Hall &lt;main&gt; &amp; café"))
        #expect(html.contains("@media print") && html.contains("page-break-before: always"))
        #expect(html.contains("<svg") && html.contains("<input id=\"filter\""))
    }

    @Test func stemWeekReportIsUnderTwoMegabytesAndBalanced() throws {
        let (view, evaluation) = try ExportFixtures.stemWeek()
        #expect(evaluation.isFeasible)
        let html = HTMLReport.render(view, evaluation: evaluation)
        #expect(html.utf8.count < 2_000_000, "\(html.utf8.count) bytes")
        #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
        let ids = htmlIDs(html)
        #expect(Set(ids).count == ids.count)
        #expect(!html.contains("http://") && !html.contains("https://"))
        // A view per school, group, room and staff member, a grid per day, and one per section of a list (the show's seating).
        let p = view.problem
        let listed = view.listings.reduce(0) { $0 + $1.sections.count }
        #expect(view.listings.map(\.kind) == [.seating] && listed > 0)
        #expect(
            html.components(separatedBy: "<section class=\"view").count - 1
                == 1 + p.calendar.days.count + view.entities(.school).count + p.groups.count + p.rooms.count
                + p.staff.count + listed)
        for dimension in [TimetableView.Dimension.school, .room, .staff] {
            for entity in view.entities(dimension) {
                #expect(TextTimetable.render(view, entity: entity).split(separator: "\n").allSatisfy { $0.count <= 80 })
            }
        }
    }

    // MARK: Text

    @Test func textTimetablesFitTheirWidth() throws {
        let view = try ExportFixtures.view()
        for width in [80, 50] {
            var texts = [TextTimetable.render(view, width: width)]
            for dimension in TimetableView.Dimension.allCases {
                texts += view.entities(dimension).map { TextTimetable.render(view, entity: $0, width: width) }
            }
            for text in texts {
                let long = text.split(separator: "\n").filter { $0.count > width }
                #expect(long.isEmpty, "\(long)")
            }
        }
        let bob = TextTimetable.render(view, entity: try view.entity(.staff, named: "bob"))
        #expect(bob.contains("Monday 2026-03-09") && bob.contains("tue 2026-03-10"))
        #expect(bob.contains("10:15-11:15") && bob.contains("23:00-24:00"))
        #expect(TextTimetable.render(view, entity: view.entities(.room)[2]).contains("no sessions"))
    }
}
