import CarouselModel

/// The lists about teams (spec section 11) and big sessions: each school's
/// team list and each team's members, each room's running order of teams,
/// and the seating of a together session.
extension TimetableView {
    /// Team lists: per school, which of its pupils (how many, or which by
    /// name) go to which team; then per team, its members school by school.
    /// Columns: Team, School, Pool, Pupils, Names.
    func teamSections() -> [Listing.Section] {
        let teams = teamGroups
        guard !teams.isEmpty else { return [] }
        let headers = ["Team", "School", "Pool", "Pupils", "Names"]
        func row(_ team: Int, _ m: (pool: Int, count: Int, names: [String])) -> [String] {
            [groupName(team), schoolName(m.pool), groupName(m.pool), String(m.count), m.names.joined(separator: ", ")]
        }
        var out: [Listing.Section] = []
        let pools = problem.groups.indices.filter { problem.groups[$0].pool }
        var schools: [String] = []
        for g in pools where !schools.contains(schoolKey(ofPool: g)) { schools.append(schoolKey(ofPool: g)) }
        for key in schools.sorted(by: { Self.folded($0) < Self.folded($1) }) {
            let mine = Set(pools.filter { schoolKey(ofPool: $0) == key })
            let rows = teams.flatMap { t in members(ofTeam: t).filter { mine.contains($0.pool) }.map { row(t, $0) } }
            let pupils = mine.reduce(0) { $0 + problem.groups[$1].size }
            let inTeams = Set(rows.map { $0[0] }).count
            let school = schoolName(mine.min()!)
            out.append(
                Listing.Section(
                    title: "\(school): team list",
                    facts: ["\(pupils) pupils in \(inTeams) team\(inTeams == 1 ? "" : "s")"],
                    headers: headers, rows: rows, subject: 1, rightAligned: [3], keywords: [school]))
        }
        for t in teams {
            let list = members(ofTeam: t)
            let schoolCount = Set(list.map { schoolKey(ofPool: $0.pool) }).count
            let formation = problem.formations[problem.groups[t].team!.formation]
            out.append(
                Listing.Section(
                    title: "Team \(groupName(t))" + (formation.name.map { " (\($0))" } ?? ""),
                    facts: [
                        "\(problem.groups[t].size) pupils from \(schoolCount) school\(schoolCount == 1 ? "" : "s"): \(makeUp(ofTeam: t))"
                    ],
                    headers: headers, rows: list.map { row(t, $0) }, subject: 0, rightAligned: [3],
                    keywords: [groupName(t)] + list.map { schoolName($0.pool) }))
        }
        return out
    }

    /// Running orders: per room that teams come to, its sessions in time
    /// order with each team's make-up by school (and the names of pupils
    /// from pools that list them). Rooms that see one team at a time (judging
    /// panels: the pitch order) come first, then the rest (stations), each
    /// in room order. Columns: Room, When, Activity, Team, Members.
    func runningOrderSections() -> [Listing.Section] {
        guard !teamGroups.isEmpty else { return [] }
        let headers = ["Room", "When", "Activity", "Team", "Members"]
        var out: [(section: Listing.Section, oneAtATime: Bool)] = []
        for r in problem.rooms.indices {
            let held = sessions.filter { s in
                s.room == r && !problem.activities[s.activity].together
                    && s.groups.contains { problem.groups[$0].team != nil }
            }
            guard !held.isEmpty else { continue }
            var rows: [[String]] = []
            for s in held {
                for g in s.groups where problem.groups[g].team != nil {
                    rows.append([
                        placeText(r), whenText(s), activityName(s.activity), groupName(g),
                        makeUp(ofTeam: g, names: true),
                    ])
                }
            }
            var staff: [Int] = []
            for s in held { for m in s.staff where !staff.contains(m) { staff.append(m) } }
            let oneAtATime = held.allSatisfy { s in s.groups.count { problem.groups[$0].team != nil } == 1 }
            var facts = [
                oneAtATime
                    ? "\(rows.count) team\(rows.count == 1 ? "" : "s"), one at a time" : "\(rows.count) team visits"
            ]
            if !staff.isEmpty { facts.append("With " + staff.map(staffName).joined(separator: ", ")) }
            out.append(
                (
                    Listing.Section(
                        title: "\(placeText(r)): running order", facts: facts, headers: headers, rows: rows, subject: 0,
                        keywords: [roomName(r)] + staff.map(staffName) + Set(held.map(\.activity)).map(activityName),
                        collapsible: [2]), oneAtATime
                ))
        }
        return out.filter(\.oneAtATime).map(\.section) + out.filter { !$0.oneAtATime }.map(\.section)
    }

    /// A session's time, with its day's name first when the event has
    /// more than one day.
    func whenText(_ s: Session) -> String {
        problem.calendar.days.count == 1 ? timeText(s) : "\(shortDay(s.day)) \(timeText(s))"
    }

    /// Seating plans: per session of a together activity, or with three
    /// groups or more, the blocks to seat (one per school for classes, one
    /// per team), their pupils, and the seats the room has left.
    /// Columns: Session, Block, Who, Pupils, Details.
    func seatingSections() -> [Listing.Section] {
        let headers = ["Session", "Block", "Who", "Pupils", "Details"]
        var out: [Listing.Section] = []
        for s in sessions where problem.activities[s.activity].together || s.groups.count >= 3 {
            let seated = s.groups.filter { problem.groups[$0].seats && !problem.groups[$0].pool }
            guard !seated.isEmpty else { continue }
            var blocks: [(who: String, pupils: Int, details: String)] = []
            var bySchool: [String: [Int]] = [:]
            for g in seated where problem.groups[g].team == nil { bySchool[schoolName(g), default: []].append(g) }
            for school in bySchool.keys.sorted(by: { Self.folded($0) < Self.folded($1) }) {
                let groups = bySchool[school]!
                blocks.append(
                    (
                        school, groups.reduce(0) { $0 + problem.groups[$1].size },
                        groups.map(groupName).joined(separator: ", ")
                    ))
            }
            for g in seated where problem.groups[g].team != nil {
                blocks.append(("Team \(groupName(g))", problem.groups[g].size, makeUp(ofTeam: g)))
            }
            let label = "\(activityName(s.activity)), \(dayName(s.day)) \(timeText(s)), \(placeText(s.room))"
            let pupils = blocks.reduce(0) { $0 + $1.pupils }
            var facts = [
                "\(pupils) pupils in \(blocks.count) block\(blocks.count == 1 ? "" : "s"), seated in this order"
            ]
            if let capacity = problem.rooms[s.room].capacity {
                facts.append(
                    capacity >= pupils
                        ? "The room holds \(capacity): \(capacity - pupils) seats left for parents, guests and staff"
                        : "The room holds \(capacity): \(pupils - capacity) pupils more than its seats")
            }
            out.append(
                Listing.Section(
                    title: "Seating: \(label)", facts: facts, headers: headers,
                    rows: blocks.enumerated().map {
                        [label, String($0.offset + 1), $0.element.who, String($0.element.pupils), $0.element.details]
                    },
                    subject: 0, rightAligned: [1, 3], keywords: [activityName(s.activity), roomName(s.room)]))
        }
        return out
    }

    /// A day's name (or id), without its date.
    public func dayName(_ d: Int) -> String { problem.calendar.days[d].name ?? problem.calendar.days[d].id }
}
