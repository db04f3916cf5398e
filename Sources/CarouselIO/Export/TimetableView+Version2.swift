import CarouselModel

/// Names and facts of the version 2 things (spec sections 10–15) as people
/// read them: sites, online rooms, teams and their make-up.
extension TimetableView {
    /// The sites: the problem's `sites` list, or without one the rooms'
    /// sites in order of first use.
    public var siteIDs: [String] {
        if let sites = problem.sites { return sites.map(\.id) }
        var seen: [String] = []
        for room in problem.rooms where !seen.contains(room.site) { seen.append(room.site) }
        return seen
    }

    /// A site's name, else its id.
    public func siteName(_ id: String) -> String { problem.sites?.first { $0.id == id }?.name ?? id }

    /// Where a session in room r is, for people: the room, with its site
    /// when that is not `main`; a room at an online site is a meeting link,
    /// shown as `online: NAME` instead of a place. A room's `url` follows
    /// its name (`online: Panel link 1 (https://…)`).
    public func placeText(_ r: Int) -> String {
        let url = problem.rooms[r].url.map { " (\($0))" } ?? ""
        if problem.isOnline(room: r) { return "online: \(roomName(r))\(url)" }
        return roomName(r) + (problem.rooms[r].site == "main" ? "" : " (\(problem.rooms[r].site))") + url
    }

    /// Where people join a session in room r: its `url`, else (an online
    /// room) its name, else nil.
    public func joiningLink(_ r: Int) -> String? {
        problem.rooms[r].url ?? (problem.isOnline(room: r) ? roomName(r) : nil)
    }

    /// The school a pool's pupils belong to (its `school`, or the pool as a
    /// school of its own), as `entities(.school)` keys it.
    func schoolKey(ofPool g: Int) -> String { problem.groups[g].school ?? problem.groups[g].id }

    /// A group as a timetable names it: in a school's timetable, a team
    /// says how many of the school's pupils are in it (`gc-3 (2 of ours)`).
    public func groupLabel(_ g: Int, in entity: Entity?) -> String {
        guard entity?.dimension == .school, let team = problem.groups[g].team else { return groupName(g) }
        let ours = team.members.filter { schoolKey(ofPool: $0.key) == entity!.key }.reduce(0) { $0 + $1.value }
        return "\(groupName(g)) (\(ours) of ours)"
    }

    /// A team's members pool by pool, in pool order: how many, and their
    /// names when the pool lists them.
    public func members(ofTeam g: Int) -> [(pool: Int, count: Int, names: [String])] {
        guard let team = problem.groups[g].team else { return [] }
        return team.members.keys.sorted().compactMap { pool in
            let n = team.members[pool]!
            return n > 0 ? (pool, n, team.pupils[pool] ?? []) : nil
        }
    }

    /// A team's make-up by school: `Kingsmead Academy 1, Oakfield Primary
    /// School 2`, schools in order of their first pool; with `names`, the
    /// names of pupils from pools that list them follow their school's
    /// count (`Oakfield Primary School 2 (Amy B, Ben C)`).
    public func makeUp(ofTeam g: Int, names: Bool = false) -> String {
        var order: [String] = [], count: [String: Int] = [:], named: [String: [String]] = [:]
        for m in members(ofTeam: g) {
            let school = schoolName(m.pool)
            if count[school] == nil { order.append(school) }
            count[school, default: 0] += m.count
            named[school, default: []] += m.names
        }
        return order.map { school in
            "\(school) \(count[school]!)"
                + (names && !named[school]!.isEmpty ? " (\(named[school]!.joined(separator: ", ")))" : "")
        }.joined(separator: ", ")
    }

    /// A day as a table cell: `Wed 17 Sep` when it has a date, else its
    /// name or id.
    public func shortDay(_ d: Int) -> String {
        let day = problem.calendar.days[d]
        guard let date = day.date.flatMap(CivilDate.init(iso:)) else { return day.name ?? day.id }
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(date.daysSinceEpoch % 7 + 7) % 7]
        return "\(weekday) \(date.day) \(Self.monthNames[date.month - 1].prefix(3))"
    }

    /// The teams among the groups, in order.
    public var teamGroups: [Int] { problem.groups.indices.filter { problem.groups[$0].team != nil } }
}
