import CarouselModel

/// The report's views of the lists (`Listing`): team lists, running orders,
/// seating plans, travel legs, the programme week by week, the hosting table
/// the notices of moved lessons and the joining links, each section a view of its own, so that
/// the filter finds it and printing puts it on its own page (a school's team
/// list, a panel's running order, a teacher's notice).
extension HTMLReport {
    /// The views of every listing that applies, and a navigation link to the
    /// first view of each.
    static func listingViews(_ view: TimetableView, provenance: Provenance?) -> (links: [String], html: String) {
        var links: [String] = [], html = ""
        for listing in view.listings {
            for (n, section) in listing.sections.enumerated() {
                let id = "list-\(listing.kind.rawValue)-\(n + 1)"
                if n == 0 { links.append(link(id, listing.title)) }
                html += sectionView(view, listing, section, id: id, provenance: provenance)
            }
        }
        return (links, html)
    }

    /// One section: its kind, title and facts, then its table (the subject
    /// and constant columns left out; a terminal's notes are a column here).
    static func sectionView(
        _ view: TimetableView, _ listing: Listing, _ section: Listing.Section, id: String,
        provenance: Provenance?
    ) -> String {
        let key = TimetableView.folded(([listing.title, section.title] + section.keywords).joined(separator: " "))
        var out = """
            <section class="view\(section.wide ? " wide" : "")" id="\(id)" data-key="\(escape(key))">
            <p class="kind">\(escape(view.problem.name)) · \(escape(listing.title.lowercased()))</p>
            <h2>\(escape(section.title))</h2>

            """
        if !section.shownFacts.isEmpty {
            out += "<p class=\"facts\">\(section.shownFacts.map(escape).joined(separator: "<br>"))</p>\n"
        }
        let shown = section.shownColumns
        if let link = section.link, !shown.contains(link), let address = section.rows.first?[link],
            linked(address) != escape(address)
        {
            out += "<p class=\"facts\">Join at \(linked(address))</p>\n"
        }
        out +=
            "<table class=\"tt\"><thead><tr>" + shown.map { "<th>\(escape(section.headers[$0]))</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for row in section.rows {
            out +=
                "<tr>"
                + shown.map { c in
                    if section.rightAligned.contains(c) { return "<td class=\"num\">\(escape(row[c]))</td>" }
                    return "<td>\(c == section.link ? linked(row[c]) : escape(row[c]))</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody></table>\n"
        if let provenance { out += "<p class=\"made\">\(escape(provenance.text))</p>\n" }
        return out + "</section>\n"
    }

    /// A web address as a link that opens apart from the report; anything
    /// else as text.
    static func linked(_ address: String) -> String {
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return escape(address) }
        return "<a href=\"\(escape(address))\" rel=\"noopener noreferrer\" target=\"_blank\">\(escape(address))</a>"
    }
}
