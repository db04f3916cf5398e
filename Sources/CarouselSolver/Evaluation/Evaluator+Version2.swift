import CarouselModel

/// The version 2 rules and terms (spec sections 10–14) of the from-scratch
/// scorer: travel (rule 9 and soft `travel`), teams (rule 10), continuity
/// (soft `continuity` and rule 11), spacing (rule 12) and `hostBalance`.
/// (`displaced` comes with rule 8 in `checkFixed`.)
extension Evaluator {
    // MARK: Rule 9

    /// For every group and staff member and every two of its sessions A and
    /// B on one day where B starts at the earliest start later than A's:
    /// start(B) − end(A) ≥ travel(site(A), site(B)). One violation per
    /// person and pair.
    func checkTravel(_ placed: [Placed], into ev: inout Evaluation) {
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

    private func checkTravel(_ list: [Int], _ placed: [Placed], who: String, into ev: inout Evaluation) {
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
                        ev.violations.append(Violation(rule: 9, "\(who): \(placed[a].name) ends \(Int(end(a)).clockText) at \(I.siteNames[siteA]), \(placed[b].name) starts \(Int(next).clockText) at \(I.siteNames[siteB]): \(gap) min between, travel takes \(minutes)"))
                    }
                }
            }
        }
    }

    // MARK: Rule 10

    /// Pools appear in no session; every formation's teams place every pool's
    /// pupils, with sizes, schools, requirements and names as it says.
    func checkTeams(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance, p = I.problem
        for S in placed {
            for g in S.session.groups where I.groupIsPool[Int(g)] {
                ev.violations.append(Violation(rule: 10, "\(S.name): pool group \(I.groupID(Int(g))) is in a session (a pool's pupils attend through teams)"))
            }
        }
        for (f, formation) in p.formations.enumerated() {
            let mine = p.groups.filter { $0.team?.formation == f }
            for x in formation.pools {
                let placedPupils = mine.reduce(0) { $0 + ($1.team!.members[x] ?? 0) }
                if placedPupils != p.groups[x].size {
                    ev.violations.append(Violation(rule: 10, "formation \(formation.id): pool \(p.groups[x].id) has \(p.groups[x].size) pupils, its teams place \(placedPupils)"))
                }
            }
            for team in mine {
                let info = team.team!
                let n = info.members.values.reduce(0, +)
                if n < formation.minSize || n > (formation.maxSize ?? Int.max) {
                    let range = formation.maxSize.map { "\(formation.minSize)-\($0)" } ?? "at least \(formation.minSize)"
                    ev.violations.append(Violation(rule: 10, "team \(team.id) (\(formation.id)): \(n) members, size must be \(range)"))
                }
                var schools = Set<String>()
                for (x, k) in info.members where k > 0 { schools.insert(p.groups[x].school ?? "\u{0}pool \(x)") }
                if schools.count < formation.minSchools {
                    ev.violations.append(Violation(rule: 10, "team \(team.id) (\(formation.id)): members from \(schools.count) school(s), minSchools \(formation.minSchools)"))
                }
                for req in formation.require {
                    let got = req.pools.reduce(0) { $0 + (info.members[$1] ?? 0) }
                    if got < req.min {
                        ev.violations.append(Violation(rule: 10, "team \(team.id) (\(formation.id)): \(got) member(s) from \(req.pools.map { p.groups[$0].id }.joined(separator: ", ")), require min \(req.min)"))
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
                        ev.violations.append(Violation(rule: 10, "team \(team.id) (\(formation.id)): lists \(list.count) pupil(s) of pool \(pid) but has \(k) member(s) from it"))
                    }
                    for name in list {
                        if known.contains(name) {
                            teamsOf[name, default: []].append(team.id)
                        } else {
                            ev.violations.append(Violation(rule: 10, "team \(team.id) (\(formation.id)): pupil \"\(name)\" is not in pool \(pid)'s pupils"))
                        }
                    }
                }
                for name in names {
                    let list = teamsOf[name] ?? []
                    if list.isEmpty {
                        ev.violations.append(Violation(rule: 10, "formation \(formation.id): pupil \"\(name)\" of pool \(pid) is in no team"))
                    } else if list.count > 1 {
                        ev.violations.append(Violation(rule: 10, "formation \(formation.id): pupil \"\(name)\" of pool \(pid) is in \(list.count) teams (\(list.joined(separator: ", ")))"))
                    }
                }
            }
        }
    }

    // MARK: Continuity and rule 11

    /// Per group: distinct continuity-role staff over its sessions minus the
    /// most of them in one session; a `sameStaff` group must have 0.
    func scoreContinuity(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        var byGroup = [[Int]](repeating: [], count: I.groupCount)
        for (k, S) in placed.enumerated() {
            for g in S.session.groups { byGroup[Int(g)].append(k) }
        }
        var total = 0
        for g in 0..<I.groupCount {
            var union = Set<Int32>()
            var most = 0
            for k in byGroup[g] {
                let here = placed[k].session.staff.filter { I.staffContinuity[Int($0)] }
                union.formUnion(here)
                most = max(most, here.count)
            }
            let cost = union.count - most
            total += cost
            if cost > 0 && I.groupSameStaff[g] {
                let ids = union.map { I.staffID(Int($0)) }.sorted().joined(separator: ", ")
                ev.violations.append(Violation(rule: 11, "group \(I.groupID(g)) (sameStaff): sees \(union.count) continuity staff (\(ids)), at most \(most) in one session"))
            }
        }
        ev.costs[Weights.Term.continuity.index] = Double(total)
    }

    // MARK: Rule 12

    /// Sessions of one spacing entry's activities start on dates at least
    /// `minDays` apart; one violation per pair.
    func checkSpacing(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance, p = I.problem
        for (e, entry) in p.spacing.enumerated() {
            var dated: [(Int, Int)] = []
            for (k, S) in placed.enumerated() where entry.activities.contains(Int(S.session.activity)) {
                guard let n = I.spacing.dayNumber[Int(S.session.day)] else {
                    ev.violations.append(Violation(rule: 12, "\(S.name): day \(I.dayID(Int(S.session.day))) has no date, needed by spacing[\(e)]"))
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
                    ev.violations.append(Violation(rule: 12, "\(A.name) (\(date(A))) and \(B.name) (\(date(B))) are \(apart) day(s) apart; spacing [\(acts)] needs \(entry.minDays)"))
                }
            }
        }
    }

    private func date(_ S: Placed) -> String { instance.problem.calendar.days[Int(S.session.day)].date ?? "no date" }

    // MARK: Travel and hosting

    /// Soft `travel`: per session, per group and staff member with a home,
    /// the minutes from home to the session's site. Soft `hostBalance`: with
    /// H the host sites, N the sessions held at them and target(h) =
    /// N × share(h) / Σ shares, Σ over h of |hosted(h) − target(h)|.
    func scoreTravelAndHosts(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        var travel = 0
        var hosted = [Int](repeating: 0, count: I.sites.count)
        for S in placed {
            let site = Int(I.roomSite[Int(S.session.room)])
            hosted[site] += 1
            for g in S.session.groups where I.sites.groupHome[Int(g)] >= 0 {
                travel += Int(I.sites.minutes(Int(I.sites.groupHome[Int(g)]), site))
            }
            for s in S.session.staff where I.sites.staffHome[Int(s)] >= 0 {
                travel += Int(I.sites.minutes(Int(I.sites.staffHome[Int(s)]), site))
            }
        }
        ev.costs[Weights.Term.travel.index] = Double(travel)
        ev.costs[Weights.Term.hostBalance.index] = HostBalance.cost(counts: hosted.map { Int32($0) }, sites: I.sites)
    }
}

/// Soft `hostBalance` (spec section 13) from the sessions held at each site.
public enum HostBalance {
    /// Σ over host sites h of |hosted(h) − N × share(h) / Σ shares|, with N
    /// the sessions held at host sites; 0 without hosts.
    public static func cost(counts hosted: [Int32], sites: SiteTable) -> Double {
        guard sites.hasHosts else { return 0 }
        var n = 0, shares = 0.0
        for h in 0..<sites.count where sites.host[h] {
            n += Int(hosted[h])
            shares += sites.share[h]
        }
        var cost = 0.0
        for h in 0..<sites.count where sites.host[h] {
            cost += abs(Double(hosted[h]) - Double(n) * sites.share[h] / shares)
        }
        return cost
    }
}
