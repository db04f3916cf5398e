import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Issue 17's reports: headcounts against a recount, the tables in text,
/// CSV and HTML, and the printed pages (in headless Chromium when it is
/// installed).
@Suite("On-the-day reports")
struct OnTheDayReportTests {
    static let stemWeek: TimetableView = { (try! ExportFixtures.stemWeek()).0 }()

    /// Per day by school, per meal sitting and per room and period, the
    /// counts equal a recount straight from the schedule's sessions.
    @Test func headcountsEqualARecount() throws {
        let view = Self.stemWeek, p = view.problem
        let counts = Headcounts(view)
        #expect(counts.needs.contains("vegetarian"))
        for day in counts.days {
            let groups = Set(view.sessions.filter { $0.day == day.day }.flatMap(\.groups))
            #expect(day.total.pupils == groups.reduce(0) { $0 + p.groups[$1].size })
            #expect(day.total.adults == groups.reduce(0) { $0 + p.groups[$1].adults })
            #expect(day.total.staff == Set(view.sessions.filter { $0.day == day.day }.flatMap(\.staff)).count)
            for (k, need) in counts.needs.enumerated() {
                let recount = groups.reduce(0) { $0 + (p.groups[$1].dietary.first { $0.need == need }?.count ?? 0) }
                #expect(day.total.dietary[k] == recount, "\(need) on day \(day.day)")
            }
            for school in day.schools {
                let mine = groups.filter { view.schoolName($0) == school.school }
                #expect(Set(school.groups) == mine)
                #expect(school.count.pupils == mine.reduce(0) { $0 + p.groups[$1].size })
            }
            // Every group lunches once a day in the STEM Week: the sittings hold the day's pupils.
            let sittings = counts.sittings.filter { $0.day == day.day }
            #expect(!sittings.isEmpty)
            #expect(sittings.reduce(0) { $0 + $1.total.pupils } == day.total.pupils)
            // Each working staff member eats at one sitting at most.
            let eating = sittings.flatMap(\.staff)
            #expect(eating.count == Set(eating).count)
        }
        // Fire registers: every (day, non-break period, room) with a session.
        var recount: [String: (pupils: Int, adults: Int, staff: Int)] = [:]
        for s in view.sessions {
            for q in s.periods where !p.calendar.periods[q].isBreak {
                let key = "\(s.day) \(q) \(s.room)"
                var c = recount[key] ?? (0, 0, 0)
                c.pupils += s.groups.reduce(0) { $0 + p.groups[$1].size }
                c.adults += s.groups.reduce(0) { $0 + p.groups[$1].adults }
                c.staff += s.staff.count
                recount[key] = c
            }
        }
        #expect(counts.rooms.count == recount.count)
        for e in counts.rooms {
            let c = recount["\(e.day) \(e.period) \(e.room)"]
            #expect(c?.pupils == e.count.pupils && c?.adults == e.count.adults && c?.staff == e.count.staff)
        }
    }

    /// The tables come out as aligned text, as CSV with a title column and
    /// neutralised formulas, and as escaped HTML.
    @Test func tablesRenderInEveryFormat() throws {
        let view = Self.stemWeek
        let catering = Headcounts(view).cateringTables(view)
        let text = ReportTable.text(catering, width: 80)
        #expect(text.contains("on site all day") && text.contains("sitting"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let csv = ReportTable.csv(catering, byteOrderMark: false, provenance: nil, raw: false)
        #expect(csv.hasPrefix("table,school,groups,pupils,adults,staff,"))
        let table = ReportTable(title: "t", headers: ["a"], rows: [["=1+1"], ["<b>"]])
        #expect(ReportTable.csv([table], byteOrderMark: false, provenance: nil, raw: false).contains("'=1+1"))
        #expect(table.html.contains("&lt;b&gt;") && !table.html.contains("<b>"))
        let rotations = Rotations.tables(view)
        #expect(rotations.count == view.problem.groups.count)
        for t in rotations { #expect(t.rows.map(\.first!) == (1...t.rows.count).map(String.init)) }
        let sheets = DaySheets.tables(view)
        #expect(sheets.contains { $0.rows.contains { $0[6].contains("32 safety goggles") } })
    }

    /// The report holds every on-the-day page, needs nothing from the
    /// network, and its print styles size the cards A5 and the sheets A4,
    /// each on its own page.
    @Test func reportStructureAndPrintStyles() throws {
        let view = Self.stemWeek
        let (_, evaluation) = try ExportFixtures.stemWeek()
        let html = HTMLReport.render(view, evaluation: evaluation, pages: HTMLReport.Pages.allCases)
        for id in [
            "id=\"catering\"", "id=\"fire-0\"", "id=\"arrivals-0\"", "id=\"sheets\"", "id=\"card-0\"",
            "id=\"sheet-room-",
        ] {
            #expect(html.contains(id), "missing \(id)")
        }
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("@page card { size: A5;") && html.contains("@page sheet { size: A4;"))
        #expect(html.contains(".card { page: card; break-before: page;"))
        let cards = html.components(separatedBy: "class=\"view card\"").count - 1
        #expect(cards == Set(view.sessions.flatMap(\.groups)).count)
    }

    /// The changes sheet says who is told what, in words, on one page.
    @Test func changesSheetNamesPeopleNotIds() throws {
        let view = try ExportFixtures.view()
        var moved = ExportFixtures.schedule
        moved.sessions[1].start = 2
        moved.sessions[1].room = 2
        let messages = ChangeMessages(old: ExportFixtures.schedule, new: moved, instance: view.instance)
        #expect(!messages.isEmpty)
        let sheet = HTMLReport.changesSheet(messages, title: "Fair", provenance: nil)
        #expect(sheet.contains("Zo") && sheet.contains("Shed"))
        #expect(sheet.contains("changes since the printed version"))
    }

    // MARK: Headless Chromium

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Prints `html` to PDF with headless Chromium; the PDF's pages' sizes
    /// in points.
    static func printedPages(_ html: String) throws -> [(width: Double, height: Double)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carousel-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html"), pdf = folder.appendingPathComponent("page.pdf")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let regex = try NSRegularExpression(pattern: #"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]"#)
        return regex.matches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes)).map { m in
            (
                Double((bytes as NSString).substring(with: m.range(at: 1)))!,
                Double((bytes as NSString).substring(with: m.range(at: 2)))!
            )
        }
    }

    /// Each class card prints on exactly one A5 page, and each day sheet on
    /// one A4 page (the pages of the print PDF, counted and measured).
    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func cardsAndSheetsFitTheirPagesInChromium() throws {
        let view = Self.stemWeek
        let cards = Set(view.sessions.flatMap(\.groups)).count
        let cardPages = try Self.printedPages(HTMLReport.renderPages(view, pages: [.cards], rain: [], provenance: nil))
        // The cover page, then one A5 page per card (A5: 419.5 × 595.3 pt).
        #expect(cardPages.count == cards + 1, "\(cardPages.count) pages for \(cards) cards")
        #expect(
            cardPages.dropFirst().allSatisfy { abs($0.width - 419.5) < 2 && abs($0.height - 595.3) < 2 },
            "\(cardPages.prefix(3))")
        let sheets = DaySheets.tables(view).count
        let sheetPages = try Self.printedPages(
            HTMLReport.renderPages(view, pages: [.sheets], rain: [], provenance: nil))
        #expect(sheetPages.count == sheets + 1, "\(sheetPages.count) pages for \(sheets) sheets")
        #expect(sheetPages.dropFirst().allSatisfy { abs($0.width - 595.3) < 2 && abs($0.height - 841.9) < 2 })
    }
}
