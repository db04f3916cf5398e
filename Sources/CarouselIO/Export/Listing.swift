import CarouselModel

/// A list for people that is not a timetable: team lists, running orders,
/// seating plans, travel legs, a term's programme week by week, the hosting
/// table, notices of moved lessons, joining links (docs/exports.md, "Lists").
///
/// A listing is a title and sections, each a table with a title and a few
/// lines of facts; `ListingText` lays it out for a terminal, `ListingCSV`
/// as one table for spreadsheets and `HTMLReport` as printable views. Every
/// section of a listing (but `wide` ones) has the same columns, so that the
/// CSV is one table; the `subject` column (what the section is about) is
/// left out of the text and HTML tables, where the title says it.
public struct Listing: Sendable {
    /// The lists, by the word `export --list` takes.
    public enum Kind: String, CaseIterable, Sendable {
        case teams
        case runningOrder = "running-order"
        case seating
        case travel
        case programme
        case hosting
        case notices
        case links

        /// What the list is, for headings and messages.
        public var title: String {
            switch self {
            case .teams: "Team lists"
            case .runningOrder: "Running orders"
            case .seating: "Seating plans"
            case .travel: "Travel"
            case .programme: "Programme by week"
            case .hosting: "Hosting"
            case .notices: "Notices of moved lessons"
            case .links: "Online joining links"
            }
        }

        /// Why a problem has none of them, for the error `--list` gives.
        public var absence: String {
            switch self {
            case .teams, .runningOrder: "the problem forms no teams (no \"teams\" formations)"
            case .seating: "no session holds a together activity or three groups or more"
            case .travel: "nobody changes site or comes from a home elsewhere"
            case .programme: "its dated days do not span two weeks"
            case .hosting: "no site is a host (\"host\": true)"
            case .notices: "no fixed session with \"move\" was moved"
            case .links: "no room is online or has a \"url\""
            }
        }
    }

    /// One table of the list.
    public struct Section: Sendable {
        public var title: String
        /// Lines under the title.
        public var facts: [String]
        public var headers: [String]
        public var rows: [[String]]
        /// The column that names what the section is about (left out of
        /// text and HTML tables), if any.
        public var subject: Int?
        public var rightAligned: Set<Int>
        /// Too wide for a terminal or a CSV of the listing's columns (a grid
        /// of weeks): the HTML report only.
        public var wide: Bool
        /// Names the HTML filter finds the section by.
        public var keywords: [String]
        /// Columns that, when every row holds the same value, text and HTML
        /// show once among the facts (`Activity: Pitch to Panel A`) instead.
        public var collapsible: Set<Int>
        /// A column of long text that a terminal shows under each row
        /// instead of beside it, if any.
        public var note: Int?
        /// A column of addresses that the HTML report makes links of
        /// (those that begin `https://` or `http://`), if any.
        public var link: Int?

        public init(
            title: String, facts: [String] = [], headers: [String], rows: [[String]], subject: Int? = nil,
            rightAligned: Set<Int> = [], wide: Bool = false, keywords: [String] = [], collapsible: Set<Int> = [],
            note: Int? = nil, link: Int? = nil
        ) {
            self.title = title
            self.facts = facts
            self.headers = headers
            self.rows = rows
            self.subject = subject
            self.rightAligned = rightAligned
            self.wide = wide
            self.keywords = keywords
            self.collapsible = collapsible
            self.note = note
            self.link = link
        }

        /// Collapsible columns whose rows all hold one value.
        var constantColumns: [Int] {
            collapsible.sorted().filter { c in !rows.isEmpty && rows.allSatisfy { $0[c] == rows[0][c] } }
        }

        /// The columns shown in text and HTML: all but the subject and the
        /// constant collapsible ones.
        public var shownColumns: [Int] {
            let constant = constantColumns
            return headers.indices.filter { $0 != subject && !constant.contains($0) }
        }

        /// The facts, then a line per constant collapsible column.
        public var shownFacts: [String] { facts + constantColumns.map { "\(headers[$0]): \(rows[0][$0])" } }
    }

    public var kind: Kind
    public var sections: [Section]

    public var title: String { kind.title }
}

extension TimetableView {
    /// The listing of `kind` for this schedule, or nil when the problem has
    /// nothing of the kind.
    public func listing(_ kind: Listing.Kind) -> Listing? {
        let sections: [Listing.Section]
        switch kind {
        case .teams: sections = teamSections()
        case .runningOrder: sections = runningOrderSections()
        case .seating: sections = seatingSections()
        case .travel: sections = travelSections()
        case .programme: sections = programmeSections()
        case .hosting: sections = hostingSections()
        case .notices: sections = noticeSections()
        case .links: sections = linkSections()
        }
        return sections.isEmpty ? nil : Listing(kind: kind, sections: sections)
    }

    /// Every listing this schedule has, in `Listing.Kind` order.
    public var listings: [Listing] { Listing.Kind.allCases.compactMap { listing($0) } }
}

/// A listing for a terminal: the title, then per section its title, facts
/// and an aligned table that fits `width` columns (`TextTable`). Wide
/// sections are left out. Names are shown with control characters replaced.
public enum ListingText {
    public static func render(_ view: TimetableView, _ listing: Listing, width: Int = 80, provenance: Provenance? = nil)
        -> String
    {
        var lines = TerminalText.wrap(TerminalText.sanitized("\(view.problem.name): \(listing.title)"), width: width)
        if let provenance { lines += TerminalText.wrap(provenance.text, width: width) }
        for section in listing.sections where !section.wide {
            lines += [""] + TerminalText.wrap(TerminalText.sanitized(section.title), width: width)
            for fact in section.shownFacts {
                lines += TerminalText.wrap(TerminalText.sanitized(fact), width: width - 2).map { "  " + $0 }
            }
            let shown = section.shownColumns.filter { $0 != section.note }
            var table = TextTable(
                headers: shown.map { section.headers[$0] }, rows: section.rows.map { row in shown.map { row[$0] } },
                rightAligned: Set(shown.indices.filter { section.rightAligned.contains(shown[$0]) }))
            if let note = section.note {
                table.notes = section.rows.map {
                    $0[note].isEmpty ? nil : "\(section.headers[note].lowercased()): \($0[note])"
                }
            }
            lines += table.lines(width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A listing as one CSV table (RFC 4180, as `CSVWriter`): the columns of
/// its sections, a row per table row (the subject column says which
/// section it is from), formula cells neutralised unless `raw`, and a last
/// provenance row. Wide sections are left out.
public enum ListingCSV {
    public static func render(
        _ listing: Listing, byteOrderMark: Bool = true, provenance: Provenance? = nil, raw: Bool = false
    ) -> String {
        let sections = listing.sections.filter { !$0.wide }
        let header = sections.first?.headers ?? []
        var out = byteOrderMark ? "\u{FEFF}" : ""
        func add(_ fields: [String]) { out += CSVWriter.record(raw ? fields : fields.map(CSVWriter.neutralised)) }
        add(header)
        for section in sections {
            for row in section.rows { add(row) }
        }
        if let provenance, !raw, !header.isEmpty {
            add([provenance.text] + Array(repeating: "", count: header.count - 1))
        }
        return out
    }
}
