import CarouselModel

/// The version 2 rules (spec sections 10–13) of the from-scratch scorer:
/// travel (rule 9), teams (rule 10), same staff (rule 11) and spacing
/// (rule 12). Rule 8's fixed sessions that may move are in `checkFixed`;
/// the four version 2 terms are registered like the others (`Scoring/Terms/`).
extension Evaluator {
    // MARK: Rule 9

    /// For every group and staff member and every two of its sessions A and
    /// B on one day where B starts at the earliest start later than A's:
    /// start(B) − end(A) ≥ travel(site(A), site(B)). One violation per
    /// person and pair.
    func checkTravel(_ schedule: PlacedSchedule, into ev: inout Evaluation) {
        let placed = schedule.sessions
        let I = instance
        guard I.sites.hasTravel else { return }
        var groupSessions = [[Int]](repeating: [], count: I.groupCount)
        var staffSessions = [[Int]](repeating: [], count: I.staffCount)
        for (k, S) in placed.enumerated() {
            for g in S.session.groups { groupSessions[Int(g)].append(k) }
            for s in S.session.staff { staffSessions[Int(s)].append(k) }
        }
        for (g, list) in groupSessions.enumerated() {
            checkTravel(list, placed, who: "group \(I.groupID(g))", into: &ev)
        }
        for (s, list) in staffSessions.enumerated() {
            checkTravel(list, placed, who: "staff \(I.staffID(s))", into: &ev)
        }
    }

    private func checkTravel(_ list: [Int], _ placed: [PlacedSchedule.Session], who: String, into ev: inout Evaluation)
    {
        let I = instance
        var byDay: [Int: [Int]] = [:]
        for k in list { byDay[Int(placed[k].session.day), default: []].append(k) }
        for d in byDay.keys.sorted() {
            let mine = byDay[d]!
            func start(_ k: Int) -> Int32 { I.periodStart[Int(placed[k].session.start)] }
            func end(_ k: Int) -> Int32 { I.periodEnd[Int(placed[k].session.start) + placed[k].duration - 1] }
            let sorted = mine.sorted { (start($0), end($0), placed[$0].index) < (start($1), end($1), placed[$1].index) }
            let starts = Array(Set(sorted.map(start))).sorted()
            for a in sorted {
                guard let i = starts.firstIndex(of: start(a)), i + 1 < starts.count else { continue }
                let next = starts[i + 1]
                let siteA = Int(I.roomSite[Int(placed[a].session.room)])
                for b in sorted where start(b) == next {
                    let siteB = Int(I.roomSite[Int(placed[b].session.room)])
                    let minutes = I.sites.minutes(siteA, siteB)
                    let gap = next - end(a)
                    if minutes > 0 && gap < minutes {
                        ev.violations.append(
                            Violation(
                                .travel,
                                "\(who): \(placed[a].name) ends \(Int(end(a)).clockText) at \(I.siteNames[siteA]), \(placed[b].name) starts \(Int(next).clockText) at \(I.siteNames[siteB]): \(gap) min between, travel takes \(minutes)"
                            ))
                    }
                }
            }
        }
    }

    // MARK: Rule 10

    /// Pools appear in no session; every formation's teams place every pool's
    /// pupils, with sizes, schools, requirements and names as it says.
    func checkTeams(_ schedule: PlacedSchedule, into ev: inout Evaluation) {
        let placed = schedule.sessions
        let I = instance, p = I.problem
        for S in placed {
            for g in S.session.groups where I.groupIsPool[Int(g)] {
                ev.violations.append(
                    Violation(
                        .teams,
                        "\(S.name): pool group \(I.groupID(Int(g))) is in a session (a pool's pupils attend through teams)"
                    ))
            }
        }
        for (f, formation) in p.formations.enumerated() {
            let mine = p.groups.filter { $0.team?.formation == f }
            for x in formation.pools {
                let placedPupils = mine.reduce(0) { $0 + ($1.team!.members[x] ?? 0) }
                if placedPupils != p.groups[x].size {
                    ev.violations.append(
                        Violation(
                            .teams,
                            "formation \(formation.id): pool \(p.groups[x].id) has \(p.groups[x].size) pupils, its teams place \(placedPupils)"
                        ))
                }
            }
            for team in mine {
                let info = team.team!
                let n = info.members.values.reduce(0, +)
                if n < formation.minSize || n > (formation.maxSize ?? Int.max) {
                    let range =
                        formation.maxSize.map { "\(formation.minSize)-\($0)" } ?? "at least \(formation.minSize)"
                    ev.violations.append(
                        Violation(.teams, "team \(team.id) (\(formation.id)): \(n) members, size must be \(range)"))
                }
                var schools = Set<String>()
                for (x, k) in info.members where k > 0 { schools.insert(p.groups[x].school ?? "\u{0}pool \(x)") }
                if schools.count < formation.minSchools {
                    ev.violations.append(
                        Violation(
                            .teams,
                            "team \(team.id) (\(formation.id)): members from \(schools.count) school(s), minSchools \(formation.minSchools)"
                        ))
                }
                for req in formation.require {
                    let got = req.pools.reduce(0) { $0 + (info.members[$1] ?? 0) }
                    if got < req.min {
                        ev.violations.append(
                            Violation(
                                .teams,
                                "team \(team.id) (\(formation.id)): \(got) member(s) from \(req.pools.map { p.groups[$0].id }.joined(separator: ", ")), require min \(req.min)"
                            ))
                    }
                }
            }
            for x in formation.pools {
                guard let names = p.groups[x].pupils else { continue }
                let pid = p.groups[x].id
                let known = Set(names)
                var teamsOf: [String: [String]] = [:]
                for team in mine {
                    let list = team.team!.pupils[x] ?? []
                    let k = team.team!.members[x] ?? 0
                    if list.count != k {
                        ev.violations.append(
                            Violation(
                                .teams,
                                "team \(team.id) (\(formation.id)): lists \(list.count) pupil(s) of pool \(pid) but has \(k) member(s) from it"
                            ))
                    }
                    for name in list {
                        if known.contains(name) {
                            teamsOf[name, default: []].append(team.id)
                        } else {
                            ev.violations.append(
                                Violation(
                                    .teams,
                                    "team \(team.id) (\(formation.id)): pupil \"\(name)\" is not in pool \(pid)'s pupils"
                                ))
                        }
                    }
                }
                for name in names {
                    let list = teamsOf[name] ?? []
                    if list.isEmpty {
                        ev.violations.append(
                            Violation(
                                .teams, "formation \(formation.id): pupil \"\(name)\" of pool \(pid) is in no team"))
                    } else if list.count > 1 {
                        ev.violations.append(
                            Violation(
                                .teams,
                                "formation \(formation.id): pupil \"\(name)\" of pool \(pid) is in \(list.count) teams (\(list.joined(separator: ", ")))"
                            ))
                    }
                }
            }
        }
    }

    // MARK: Rule 11

    /// A `sameStaff` group's continuity (spec section 12) is 0: one
    /// violation per group with a positive cost.
    func checkSameStaff(_ schedule: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        for g in 0..<I.groupCount where I.groupSameStaff[g] {
            let (union, most) = Continuity.staff(of: g, in: schedule)
            if union.count - most > 0 {
                let ids = union.map { I.staffID(Int($0)) }.sorted().joined(separator: ", ")
                ev.violations.append(
                    Violation(
                        .sameStaff,
                        "group \(I.groupID(g)) (sameStaff): sees \(union.count) continuity staff (\(ids)), at most \(most) in one session"
                    ))
            }
        }
    }

    // MARK: Rule 12

    /// Sessions of one spacing entry's activities start on dates at least
    /// `minDays` apart; one violation per pair.
    func checkSpacing(_ schedule: PlacedSchedule, into ev: inout Evaluation) {
        let placed = schedule.sessions
        let I = instance, p = I.problem
        for (e, entry) in p.spacing.enumerated() {
            var dated: [(Int, Int)] = []
            for (k, S) in placed.enumerated() where entry.activities.contains(Int(S.session.activity)) {
                guard let n = I.spacing.dayNumber[Int(S.session.day)] else {
                    ev.violations.append(
                        Violation(
                            .spacing,
                            "\(S.name): day \(I.dayID(Int(S.session.day))) has no date, needed by spacing[\(e)]"))
                    continue
                }
                dated.append((n, k))
            }
            dated.sort { ($0.0, placed[$0.1].index) < ($1.0, placed[$1.1].index) }
            let acts = entry.activities.map { I.activityID($0) }.joined(separator: ", ")
            for i in dated.indices {
                for j in (i + 1)..<dated.count {
                    let apart = dated[j].0 - dated[i].0
                    if apart >= entry.minDays { break }
                    let A = placed[dated[i].1], B = placed[dated[j].1]
                    ev.violations.append(
                        Violation(
                            .spacing,
                            "\(A.name) (\(date(A))) and \(B.name) (\(date(B))) are \(apart) day(s) apart; spacing [\(acts)] needs \(entry.minDays)"
                        ))
                }
            }
        }
    }

    private func date(_ S: PlacedSchedule.Session) -> String {
        instance.problem.calendar.days[Int(S.session.day)].date ?? "no date"
    }
}
