import CarouselModel
import CarouselSolver

/// The host school's side of an event (spec sections 13 and 14): the hosting
/// table of a year's calendar, and the notices for teachers and classes
/// whose own lessons move while the event uses their rooms.
extension TimetableView {
    /// The hosting table: per host site its share, its target (N × share /
    /// Σ shares, N the sessions at host sites, as `hostBalance` counts), the
    /// sessions it holds and the difference, and what they are. Each site's
    /// calendar is its timetable (`--by site`). Columns: Site, Share, Target,
    /// Hosted, Difference, Events.
    func hostingSections() -> [Listing.Section] {
        guard let sites = problem.sites, sites.contains(where: \.host) else { return [] }
        let hosts = sites.filter(\.host)
        let held = hosts.map { h in sessions.filter { problem.rooms[$0.room].site == h.id } }
        let n = held.reduce(0) { $0 + $1.count }
        let shares = hosts.reduce(0) { $0 + $1.share }
        func number(_ x: Double) -> String {
            x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
        }
        let rows = zip(hosts, held).map { h, list -> [String] in
            // The difference from the target as shown, so that the columns add up for the reader.
            let target = (Double(n) * h.share / shares * 10).rounded() / 10
            let difference = Double(list.count) - target
            let events = list.map { s in
                let date =
                    problem.calendar.days[s.day].date.flatMap(CivilDate.init(iso:))
                    .map { "\($0.day) \(Self.monthNames[$0.month - 1].prefix(3))" } ?? dayName(s.day)
                return "\(date) \(activityName(s.activity))"
            }
            return [
                siteName(h.id), number(h.share), number(target), String(list.count),
                (difference > 0 ? "+" : "") + number(difference), events.joined(separator: "; "),
            ]
        }
        return [
            Listing.Section(
                title: "Hosting table",
                facts: [
                    "\(n) sessions at \(hosts.count) host sites; each host's target is its share of them",
                    "Each site's own calendar: carousel export --by site (ics too)",
                ],
                headers: ["Site", "Share", "Target", "Hosted", "Difference", "Events"], rows: rows,
                rightAligned: [1, 2, 3, 4], keywords: ["hosting"] + hosts.map { siteName($0.id) }, note: 5)
        ]
    }

    /// Notices for the host's own lessons that moved (fixed sessions with
    /// `move` held elsewhere than written, or not held): one per teacher and
    /// one per class, each lesson from where the timetable has it to where
    /// it now is. Columns: For, Lesson, Class, Teacher, Was, Now.
    func noticeSections() -> [Listing.Section] {
        let fixed = problem.fixed
        guard fixed.contains(where: { $0.move != nil }) else { return [] }
        let schedule = Schedule(
            sessions: sessions.map { s in
                ScheduledSession(
                    activity: Int32(s.activity), day: Int32(s.day), start: Int32(s.periods.lowerBound),
                    room: Int32(s.room),
                    groups: s.groups.map(Int32.init), staff: s.staff.map(Int32.init))
            })
        let matches = Evaluator(instance).fixedSessionMatches(schedule)
        func written(_ f: FixedSession) -> String {
            let periods = problem.calendar.periods
            let last = min(periods.count - 1, f.start + problem.activities[f.activity].duration - 1)
            let time = "\(periods[f.start].start.clockText)-\(periods[last].end.clockText)"
            return "\(problem.calendar.days.count == 1 ? time : "\(shortDay(f.day)) \(time)") in \(placeText(f.room))"
        }
        let moved: [(entry: FixedSession, now: String)] = fixed.indices.compactMap { k in
            let f = fixed[k]
            guard f.move != nil else { return nil }
            guard let m = matches[k] else { return (f, "not in the schedule: ask the organiser") }
            let s = sessions[m]
            guard s.day != f.day || s.periods.lowerBound != f.start || s.room != f.room else { return nil }
            return (f, "\(whenText(s)) in \(placeText(s.room))")
        }
        guard !moved.isEmpty else { return [] }
        let headers = ["For", "Lesson", "Class", "Teacher", "Was", "Now"]
        func section(_ name: String, _ lessons: [(entry: FixedSession, now: String)]) -> Listing.Section {
            let rows = lessons.map { l in
                [
                    name, activityName(l.entry.activity), l.entry.groups.map(groupName).joined(separator: ", "),
                    l.entry.staff.map(staffName).joined(separator: ", "), written(l.entry), l.now,
                ]
            }
            let n = lessons.count
            return Listing.Section(
                title: "Notice for \(name)",
                facts: [
                    "During \(problem.name), \(n == 1 ? "this lesson is" : "these \(n) lessons are") not where the usual timetable has \(n == 1 ? "it" : "them"):"
                ],
                headers: headers, rows: rows, subject: 0, keywords: [name], collapsible: [2, 3])
        }
        var out: [Listing.Section] = []
        for m in problem.staff.indices {
            let mine = moved.filter { $0.entry.staff.contains(m) }
            if !mine.isEmpty { out.append(section(staffName(m), mine)) }
        }
        for g in problem.groups.indices {
            let mine = moved.filter { $0.entry.groups.contains(g) }
            if !mine.isEmpty { out.append(section(groupName(g), mine)) }
        }
        return out
    }
}
