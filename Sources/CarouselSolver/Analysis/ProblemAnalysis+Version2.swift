import CarouselModel

/// `carousel check`'s findings on the version 2 rules (spec sections 10–14),
/// each a relaxation like the others, so that an error is always real:
/// teams a formation cannot form, spacing the dates cannot fit, `sameStaff`
/// groups whose continuity staff are not around on the days they must come,
/// travel that no start times allow, and fixed sessions that may move but
/// have nowhere to go.
extension ProblemAnalysis {
    func version2Findings() -> [Finding] {
        teamFormations() + spacingFits() + sameStaffAvailability() + requiredTravel() + movingFixedSessions()
    }

    // MARK: Teams (rule 10)

    /// Whether each formation's pools can make teams at all, by counting
    /// (sizes, `require` supply, schools); when they can, whether the team
    /// builder met every rule.
    func teamFormations() -> [Finding] {
        let problem = I.problem.withoutTeams
        var builder = TeamBuilder(problem, seed: 1)
        var out: [Finding] = []
        for (f, formation) in problem.formations.enumerated() {
            if let why = TeamCounting(problem, formation).obstacle {
                out.append(Finding(severity: .error, message: "teams \(formation.id): \(why)"))
                continue
            }
            let formed = builder.form(f)
            if formed.violations > 0 {
                out.append(
                    Finding(
                        severity: .warning,
                        message:
                            "teams \(formation.id): the counting allows teams, but Carousel's team builder formed \(formed.teams.count) teams that still break rule 10 \(formed.violations) time\(formed.violations == 1 ? "" : "s") (schools or require); solving will report them: loosen minSchools or require, or change the pools"
                    ))
            }
        }
        return out
    }

    // MARK: Spacing (rule 12)

    /// Sessions an entry's activities need at least, against the most its
    /// possible dates hold at `minDays` apart (the earliest date first, then
    /// each next date far enough from the last: the most there can be).
    func spacingFits() -> [Finding] {
        var out: [Finding] = []
        for (e, entry) in I.problem.spacing.enumerated() where entry.minDays > 0 {
            let need = entry.activities.reduce(0) { $0 + leastSessions($1) }
            guard need > 1 else { continue }
            var dates: [Int] = []
            for d in 0..<I.dayCount {
                guard let n = I.spacing.dayNumber[d],
                    entry.activities.contains(where: { a in
                        (0..<I.periodCount).contains { I.canStart(a, at: I.slot(day: d, period: $0)) }
                    })
                else { continue }
                dates.append(n)
            }
            dates = Array(Set(dates)).sorted()
            var most = 0, last = Int.min
            for n in dates where most == 0 || n - last >= entry.minDays {
                most += 1
                last = n
            }
            if need > most {
                let names = entry.activities.map { I.activityID($0) }
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "spacing[\(e)] (\(ListText.joined(names)), \(entry.minDays) days apart) needs at least \(need) sessions, but the \(dates.count) dates they could be held on allow at most \(most) that far apart"
                    ))
            }
        }
        return out
    }

    /// The fewest sessions activity `a` can have: a session per cohort unit
    /// of a together activity; otherwise enough for every unit that can only
    /// take it (`maxGroups` at a time; a group's several sessions distinct);
    /// and at least one per fixed session of it.
    func leastSessions(_ a: Int) -> Int {
        let units = table.units.filter { $0.activities == [Int32(a)] }
        var bound: Int
        if I.together[a] {
            bound = units.count
        } else {
            var perGroup: [Int32: Int] = [:]
            for unit in units { perGroup[unit.group, default: 0] += 1 }
            bound = max((units.count + Int(I.maxGroups[a]) - 1) / Int(I.maxGroups[a]), perGroup.values.max() ?? 0)
        }
        return max(bound, I.fixed.filter { $0.activity == a }.count)
    }

    // MARK: Same staff (rule 11)

    /// A `sameStaff` group's largest session holds every continuity-role
    /// person it ever sees, so they are all available on that session's
    /// day; each session on a day the group must come needs its share of
    /// them there too. Checked by day: some day's available continuity
    /// staff must cover every such day's need.
    func sameStaffAvailability() -> [Finding] {
        var out: [Finding] = []
        for g in 0..<I.groupCount where I.groupSameStaff[g] && !I.groupIsPool[g] {
            let units = table.unitsOfGroup[g].map { table.units[Int($0)] }
            let needs = units.map(continuityNeed)
            guard needs.contains(where: { $0 > 0 }) else { continue }
            let candidates = Set(
                units.flatMap { unit in
                    unit.activities.flatMap { continuityRows(Int($0)).flatMap { I.rows[$0].members } }
                })
            // The continuity staff available on day d while the group visits.
            func available(_ d: Int) -> Set<Int32> {
                candidates.filter { s in
                    (0..<I.periodCount).contains { p in
                        let t = I.slot(day: d, period: p)
                        return I.position[t] >= 0 && I.groupVisit.contains(g, t) && I.staffAvailable.contains(Int(s), t)
                    }
                }
            }
            let required = requiredDays(of: g).compactMap { d -> (day: Int, need: Int)? in
                let onDay = table.unitsOfGroup[g].indices.filter { k in
                    table.unitsOfDay[d].contains(table.unitsOfGroup[g][k])
                }
                let need = onDay.map { needs[$0] }.min() ?? 0
                return need > 0 ? (d, need) : nil
            }
            guard !required.isEmpty else { continue }
            let possibleDays = (0..<I.dayCount).filter { d in
                table.unitsOfGroup[g].contains { table.unitsOfDay[d].contains($0) }
            }
            var availableOn: [Int: Set<Int32>] = [:]
            for d in Set(possibleDays + required.map(\.day)) { availableOn[d] = available(d) }
            // The first day tried as the largest session's, and a day it leaves short.
            var shortfall: (largest: Int, day: Int, need: Int, have: Int)?
            var someDayServes = false
            for d in possibleDays {
                let present = availableOn[d]!
                guard let short = required.first(where: { present.intersection(availableOn[$0.day]!).count < $0.need })
                else {
                    someDayServes = true
                    break
                }
                if shortfall == nil {
                    shortfall = (d, short.day, short.need, present.intersection(availableOn[short.day]!).count)
                }
            }
            guard !someDayServes, let shortfall else { continue }
            let roles = I.problem.continuityRoles.map { ListText.joined($0.sorted()) } ?? "staff"
            let days = required.map { I.dayID($0.day) }
            out.append(
                Finding(
                    severity: .error,
                    message:
                        "group \(I.groupID(g)) must see the same continuity staff (\(roles)) every time, and must come on \(ListText.joined(days)) needing at least \(required.map(\.need).min()!) of them each time; but of those who could serve it, no day's available ones are enough on every one of those days (e.g. of those available on \(I.dayID(shortfall.largest)), \(shortfall.have) \(shortfall.have == 1 ? "is" : "are") available on \(I.dayID(shortfall.day)), where \(shortfall.need) \(shortfall.need == 1 ? "is" : "are") needed)"
                ))
        }
        return out
    }

    /// The rows of activity `a` that only continuity-role staff can fill.
    func continuityRows(_ a: Int) -> [Int] {
        I.rowRange(a).filter { i in
            !I.rows[i].members.isEmpty && I.rows[i].members.allSatisfy { I.staffContinuity[Int($0)] }
        }
    }

    /// Continuity-role staff a session of the unit needs at least (its
    /// cheapest activity, counting its own pupils only).
    func continuityNeed(_ unit: Unit) -> Int {
        unit.activities.map { a in continuityRows(Int(a)).reduce(0) { $0 + Int(I.rows[$1].needed(pupils: unit.pupils)) }
        }.min() ?? 0
    }

    /// Days the group must have a session on: the only day a unit can take,
    /// or a day without which its visit has fewer periods than its units.
    func requiredDays(of g: Int) -> [Int] {
        var periods = [Int](repeating: 0, count: I.dayCount)
        for d in 0..<I.dayCount {
            for p in 0..<I.periodCount
            where I.position[I.slot(day: d, period: p)] >= 0 && I.groupVisit.contains(g, I.slot(day: d, period: p)) {
                periods[d] += 1
            }
        }
        let units = table.unitsOfGroup[g]
        let demand = units.reduce(0) {
            $0 + (table.units[Int($1)].activities.map { Int(I.duration[Int($0)]) }.min() ?? 1)
        }
        let supply = periods.reduce(0, +)
        return (0..<I.dayCount).filter { d in
            supply - periods[d] < demand
                || units.contains { u in daysOfUnit[Int(u)] == 1 && table.unitsOfDay[d].contains(u) }
        }
    }

    // MARK: Travel (rule 9)

    /// Two sessions a group must have on one day (units that can only take
    /// that day and one activity, and fixed sessions) at sites so far apart
    /// that no start times within its visit leave the travel time between
    /// them. Pairs are enough when travel is a metric (a session between
    /// the two only adds to the way); otherwise only a day with just those
    /// two is checked.
    func requiredTravel() -> [Finding] {
        guard I.sites.hasTravel else { return [] }
        struct Required {
            var label: String
            var options: [(t: Int, k: Int, site: Int)]
        }
        var out: [Finding] = []
        for g in 0..<I.groupCount where !I.groupIsPool[g] {
            var byDay = [[Required]](repeating: [], count: I.dayCount)
            for u in table.unitsOfGroup[g] where daysOfUnit[Int(u)] == 1 {
                let unit = table.units[Int(u)]
                guard unit.activities.count == 1,
                    let d = (0..<I.dayCount).first(where: { table.unitsOfDay[$0].contains(u) })
                else { continue }
                let a = Int(unit.activities[0]), k = Int(I.duration[a])
                let sites = Set(
                    I.activityRooms[a].filter { I.roomMeetsNeeds(of: unit, room: Int($0)) }
                        .map { Int(I.roomSite[Int($0)]) })
                var options: [(t: Int, k: Int, site: Int)] = []
                for p in 0..<I.periodCount {
                    let t = I.slot(day: d, period: p)
                    guard I.canStart(a, at: t), I.unitAllows(unit, activity: a, at: t),
                        unit.groups.allSatisfy({ I.groupVisit.containsAll(Int($0), from: t, count: k) })
                    else { continue }
                    options += sites.map { (t, k, $0) }
                }
                byDay[d].append(Required(label: I.activityID(a), options: options))
            }
            for f in I.fixed where f.move == nil && f.groups.contains(g) {
                let t = I.slot(day: f.day, period: f.start)
                byDay[f.day].append(
                    Required(
                        label: "\(I.activityID(f.activity)) (fixed)",
                        options: [(t, Int(I.duration[f.activity]), Int(I.roomSite[f.room]))]))
            }
            for d in 0..<I.dayCount where byDay[d].count >= 2 {
                let onlyThese =
                    byDay[d].count == 2 && table.unitsOfGroup[g].filter { table.unitsOfDay[d].contains($0) }.count <= 2
                guard I.sites.removalIsSafe || onlyThese else { continue }
                let list = byDay[d]
                pairs: for i in list.indices {
                    for j in list.indices where j > i {
                        let a = list[i], b = list[j]
                        guard !a.options.isEmpty, !b.options.isEmpty else { continue }
                        if a.options.contains(where: { x in b.options.contains { y in travelAllows(x, y) } }) {
                            continue
                        }
                        let minutes =
                            a.options.flatMap { x in
                                b.options.map { y in
                                    max(Int(I.sites.minutes(x.site, y.site)), Int(I.sites.minutes(y.site, x.site)))
                                }
                            }.min() ?? 0
                        out.append(
                            Finding(
                                severity: .error,
                                message:
                                    "group \(I.groupID(g)) must have \(a.label) and \(b.label) on \(I.dayID(d)), but no start times within its visit leave the \(minutes) minutes it takes to travel between their sites"
                            ))
                        break pairs
                    }
                }
            }
        }
        return out
    }

    /// Whether sessions x and y (start slot, periods, site) can both be held
    /// by one person: they do not overlap, and the later starts at least the
    /// travel time after the earlier ends.
    func travelAllows(_ x: (t: Int, k: Int, site: Int), _ y: (t: Int, k: Int, site: Int)) -> Bool {
        guard x.t / I.periodCount == y.t / I.periodCount else { return true }
        let (first, second) = x.t <= y.t ? (x, y) : (y, x)
        guard first.t + first.k <= second.t else { return false }
        let gap =
            Int(I.periodStart[second.t % I.periodCount]) - Int(I.periodEnd[(first.t + first.k - 1) % I.periodCount])
        return gap >= Int(I.sites.minutes(first.site, second.site))
    }

    // MARK: Fixed sessions that may move (spec section 14)

    /// A fixed session with `move: "room"` needs a free room it may use at
    /// its written time, one each for those written at the same time; with
    /// `move: "any"` some time and room at all. Rooms held by fixed sessions
    /// that do not move are taken.
    func movingFixedSessions() -> [Finding] {
        var out: [Finding] = []
        var taken = [Set<Int>](repeating: [], count: I.slotCount)
        for f in I.fixed where f.move == nil {
            let t = I.slot(day: f.day, period: f.start)
            for s in t..<min(I.slotCount, t + Int(I.duration[f.activity])) { taken[s].insert(f.room) }
        }
        /// Rooms entry f could be held in from slot t.
        func rooms(_ f: FixedSession, at t: Int) -> [Int] {
            let a = f.activity, k = Int(I.duration[a])
            let pupils = f.groups.reduce(0) { $0 + Int(I.groupSize[$1]) }
            return I.activityRooms[a].map(Int.init).filter { r in
                f.groups.allSatisfy { I.groupNeedsMet.contains($0, r) }
                    && !I.roomUnavailable.containsAny(r, from: t, count: k)
                    && (t..<(t + k)).allSatisfy { !taken[$0].contains(r) }
                    && (I.weights.overCapacity != nil
                        || pupils <= min(Int(I.roomCapacity[r]), Int(I.activityCapacity[a])))
            }
        }
        func label(_ i: Int) -> String {
            let f = I.fixed[i]
            return
                "fixed[\(i)] \(I.activityID(f.activity)) on \(I.dayID(f.day)) \(I.periodID(f.start)) (move: \(f.move!.rawValue); written in \(I.roomID(f.room)))"
        }
        var candidates: [Int: [Int]] = [:]
        for (i, f) in I.fixed.enumerated() where f.move == .room {
            let t = I.slot(day: f.day, period: f.start)
            guard I.fitsGrid.contains(f.activity, t) else { continue }
            candidates[i] = rooms(f, at: t)
            if candidates[i]!.isEmpty {
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "\(label(i)): no room it may use is free then (each lacks a feature, is closed, too small or held by a fixed session that does not move)"
                    ))
            }
        }
        // Entries in one period need different rooms.
        for s in 0..<I.slotCount {
            let here = candidates.keys.filter { i in
                let f = I.fixed[i], t = I.slot(day: f.day, period: f.start)
                return !candidates[i]!.isEmpty && t <= s && s < t + Int(I.duration[f.activity])
            }.sorted()
            guard here.count > 1 else { continue }
            let matched = Self.matchingSize(here.map { candidates[$0]! })
            if matched < here.count {
                let union = Set(here.flatMap { candidates[$0]! })
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "at \(I.slotName(s)), \(here.count) fixed sessions that may change room (\(ListText.joined(here.map { I.activityID(I.fixed[$0].activity) }))) need different rooms, but only \(matched) can have one of the \(union.count) free rooms they may use"
                    ))
            }
        }
        for (i, f) in I.fixed.enumerated() where f.move == .any {
            let a = f.activity, k = Int(I.duration[a])
            let somewhere = (0..<I.slotCount).contains { t in
                I.canStart(a, at: t) && f.groups.allSatisfy { I.groupVisit.containsAll($0, from: t, count: k) }
                    && f.staff.allSatisfy { I.staffAvailable.containsAll($0, from: t, count: k) }
                    && !rooms(f, at: t).isEmpty
            }
            if !somewhere {
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "\(label(i)): no day, start and room fit it (its window, its groups' visits, its staff's availability and its rooms' closures)"
                    ))
            }
        }
        return out
    }

    /// The size of a maximum matching of entries to distinct rooms (Kuhn's
    /// augmenting paths; the lists are small).
    static func matchingSize(_ options: [[Int]]) -> Int {
        var owner: [Int: Int] = [:]
        func augment(_ e: Int, _ seen: inout Set<Int>) -> Bool {
            for r in options[e] where seen.insert(r).inserted {
                if let other = owner[r] {
                    guard augment(other, &seen) else { continue }
                }
                owner[r] = e
                return true
            }
            return false
        }
        var size = 0
        for e in options.indices {
            var seen: Set<Int> = []
            if augment(e, &seen) { size += 1 }
        }
        return size
    }
}
