import CarouselModel

/// A programme over many weeks (a term's Tuesdays, a year's calendar) shown
/// week by week: a grid of each group's rotation, then each week's sessions.
extension TimetableView {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// The Monday of the week of day d's date, as days since 1970, or nil
    /// for a day without a date.
    func weekStart(ofDay d: Int) -> Int? {
        guard let date = problem.calendar.days[d].date.flatMap(CivilDate.init(iso:)) else { return nil }
        let n = date.daysSinceEpoch
        // 1970-01-01 was a Thursday: Monday-based weekday index 3.
        return n - ((n % 7 + 7 + 3) % 7)
    }

    /// When the dated days span two weeks or more: a grid of groups × weeks
    /// (the HTML report's; each cell the group's activities that week), and
    /// per week with sessions its sessions by group. Columns: Week, Day,
    /// Time, Group, Activity, Room.
    func programmeSections() -> [Listing.Section] {
        let weekOf = problem.calendar.days.indices.map(weekStart(ofDay:))
        let weeks = Array(Set(weekOf.compactMap { $0 })).sorted()
        guard weeks.count >= 2 else { return [] }
        let used = weeks.filter { w in sessions.contains { weekOf[$0.day] == w } }
        func label(_ w: Int, long: Bool) -> String {
            let date = CivilDate(daysSinceEpoch: w)
            let month = Self.monthNames[date.month - 1]
            return long ? "Monday \(date.day) \(month) \(date.year)" : "\(date.day) \(month.prefix(3))"
        }
        let groups = problem.groups.indices.filter { g in
            !problem.groups[g].pool && sessions.contains { $0.groups.contains(g) }
        }
        let grid = groups.map { g in
            [groupName(g)]
                + used.map { w in
                    sessions.filter { weekOf[$0.day] == w && $0.groups.contains(g) }.map { activityName($0.activity) }
                        .joined(separator: "; ")
                }
        }
        var out = [
            Listing.Section(
                title: "Programme by week", facts: ["Each group's sessions in each week (weeks beginning on Monday)"],
                headers: ["Group"] + used.map { "w/c " + label($0, long: false) }, rows: grid, wide: true,
                keywords: ["programme week"])
        ]
        let headers = ["Week", "Day", "Time", "Group", "Activity", "Room"]
        for w in used {
            let title = "Week of " + label(w, long: true)
            var rows: [[String]] = []
            for s in sessions where weekOf[s.day] == w {
                let shown = s.groups.isEmpty ? [nil] : s.groups.map(Optional.some)
                for g in shown {
                    rows.append([
                        title, shortDay(s.day), timeText(s), g.map(groupName) ?? "", activityName(s.activity),
                        placeText(s.room),
                    ])
                }
            }
            let days = Set(rows.map { $0[1] }).count, held = sessions.filter { weekOf[$0.day] == w }.count
            out.append(
                Listing.Section(
                    title: title,
                    facts: ["\(held) session\(held == 1 ? "" : "s") on \(days) day\(days == 1 ? "" : "s")"],
                    headers: headers, rows: rows, subject: 0, keywords: ["week"]))
        }
        return out
    }
}
