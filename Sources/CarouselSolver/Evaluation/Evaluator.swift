import CarouselModel

/// Scores a whole schedule from scratch, exactly as spec sections 7 and 8
/// read (and as the independent `check.py` reads them), and describes every
/// broken rule in plain words: which group, room or staff member, which day
/// and time, what the limit was.
///
/// This is the reference the search's incremental scoring is tested against;
/// it favours clarity over speed: O(sessions × (groups + staff) × duration).
public struct Evaluator {
    public let instance: CompiledInstance

    public init(_ instance: CompiledInstance) { self.instance = instance }

    /// A session that passed the grid check, with derived facts.
    struct Placed {
        var index: Int
        var session: ScheduledSession
        var slot: Int
        var duration: Int
        var pupils: Int
        var name: String
    }

    /// Scores `schedule`. `formatViolations` are prepended (malformed entries
    /// found while decoding the schedule file).
    public func evaluate(_ schedule: Schedule, formatViolations: [Violation] = []) -> Evaluation {
        let I = instance
        var ev = Evaluation(violations: formatViolations, weights: I.weights)
        var placed: [Placed] = []
        for (i, s) in schedule.sessions.enumerated() {
            let a = Int(s.activity), d = Int(s.day), p = Int(s.start)
            let name = "\(I.activityID(a))@\(I.dayID(d)) \(I.periodID(p)) in \(I.roomID(Int(s.room)))"
            let t = I.slot(day: d, period: p)
            guard I.sessionFits.contains(a, t) else {
                ev.violations.append(Violation(rule: 9, "sessions[\(i)] \(name): duration \(I.duration[a]) from \(I.periodID(p)) does not fit in consecutive non-break periods of \(I.dayID(d))"))
                continue
            }
            let pupils = s.groups.reduce(0) { $0 + Int(I.groupSize[Int($1)]) }
            placed.append(Placed(index: i, session: s, slot: t, duration: Int(I.duration[a]), pupils: pupils, name: name))
        }
        checkSessions(placed, into: &ev)
        checkClashes(placed, into: &ev)
        checkTogether(placed, into: &ev)
        checkFixed(placed, into: &ev)
        checkGroups(placed, into: &ev)
        checkTravel(placed, into: &ev)
        checkTeams(placed, into: &ev)
        scoreContinuity(placed, into: &ev)
        checkSpacing(placed, into: &ev)
        scoreSessions(placed, into: &ev)
        scoreTravelAndHosts(placed, into: &ev)
        return ev
    }

    // MARK: Rules 2–6 per session

    private func checkSessions(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        let overSoft = I.weights.overCapacity != nil
        var overPupils = 0
        for S in placed {
            let s = S.session, a = Int(s.activity), r = Int(s.room), nm = S.name
            let act = I.problem.activities[a], room = I.problem.rooms[r]
            for q in S.slot..<(S.slot + S.duration) where I.roomUnavailable.contains(r, q) {
                ev.violations.append(Violation(rule: 3, "\(nm): room \(room.id) is unavailable at \(I.slotName(q))"))
            }
            let missing = act.roomFeatures.subtracting(room.features)
            if !missing.isEmpty {
                ev.violations.append(Violation(rule: 3, "\(nm): room \(room.id) lacks feature(s) \(missing.sorted().joined(separator: ", ")) needed by \(act.id)"))
            }
            for g in s.groups {
                let needs = I.problem.groups[Int(g)].needs.subtracting(room.features)
                if !needs.isEmpty {
                    ev.violations.append(Violation(rule: 3, "\(nm): room \(room.id) lacks \(needs.sorted().joined(separator: ", ")) needed by group \(I.groupID(Int(g)))"))
                }
            }
            if let allowed = act.rooms, !allowed.contains(r) {
                ev.violations.append(Violation(rule: 3, "\(nm): room \(room.id) is not one of \(act.id)'s rooms"))
            }
            if let cap = act.capacity, S.pupils > cap {
                ev.violations.append(Violation(rule: 4, "\(nm): \(S.pupils) pupils exceed activity capacity \(cap)"))
            }
            if let cap = room.capacity, S.pupils > cap {
                if overSoft {
                    overPupils += S.pupils - cap
                } else {
                    ev.violations.append(Violation(rule: 4, "\(nm): \(S.pupils) pupils exceed room \(room.id) capacity \(cap)"))
                }
            }
            if s.groups.count > act.maxGroups {
                ev.violations.append(Violation(rule: 4, "\(nm): \(s.groups.count) groups exceed maxGroups \(act.maxGroups)"))
            }
            if s.groups.isEmpty {
                ev.violations.append(Violation(rule: 4, "\(nm): session has no group"))
            }
            if let years = act.years {
                for g in s.groups where !I.yearAllowed(group: Int(g), activity: a) {
                    let y = I.problem.groups[Int(g)].year.map(String.init) ?? "none"
                    ev.violations.append(Violation(rule: 4, "\(nm): group \(I.groupID(Int(g))) (year \(y)) outside years \(years.lowerBound)-\(years.upperBound)"))
                }
            }
            if !I.inWindow.contains(a, S.slot) {
                let p0 = S.slot % I.periodCount, p1 = p0 + S.duration - 1
                ev.violations.append(Violation(rule: 5, "\(nm): \(Int(I.periodStart[p0]).clockText)-\(Int(I.periodEnd[p1]).clockText) is not inside any window of \(act.id)"))
            }
            for g in s.groups {
                for q in S.slot..<(S.slot + S.duration) where !I.groupVisit.contains(Int(g), q) {
                    ev.violations.append(Violation(rule: 2, "\(nm): group \(I.groupID(Int(g))) is not visiting at \(I.slotName(q))"))
                }
            }
            let rows = I.rowRange(a)
            if !rows.isEmpty {
                let need = rows.map { I.rows[$0].needed(pupils: Int32(clamping: S.pupils)) }
                let m = StaffMatching(instance: I, rows: rows, need: need, staff: s.staff)
                if m.matched < need.reduce(0, { $0 + Int($1) }) {
                    var parts: [String] = []
                    for (k, row) in act.staff.enumerated() where m.assigned[k].count < Int(need[k]) {
                        var desc: [String] = []
                        if let role = row.role { desc.append("role \(role)") }
                        if !row.skills.isEmpty { desc.append("skills \(row.skills.sorted().joined(separator: ", "))") }
                        if let ids = row.ids { desc.append("ids " + ids.sorted().map { I.staffID($0) }.joined(separator: ",")) }
                        parts.append("row (\(desc.isEmpty ? "anyone" : desc.joined(separator: "; "))) needs \(need[k]), filled \(m.assigned[k].count)")
                    }
                    ev.violations.append(Violation(rule: 6, "\(nm): staff rows not filled: " + parts.joined(separator: "; ")))
                }
            }
            for st in s.staff {
                for q in S.slot..<(S.slot + S.duration) where !I.staffAvailable.contains(Int(st), q) {
                    ev.violations.append(Violation(rule: 6, "\(nm): staff \(I.staffID(Int(st))) is not available at \(I.slotName(q))"))
                }
            }
        }
        ev.costs[Weights.Term.overCapacity.index] = Double(overPupils)
    }

    // MARK: Clashes and counts (rules 2, 3, 5, 6)

    private func checkClashes(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        var roomUse: [Int: [Int]] = [:], groupUse: [Int: [Int]] = [:], staffUse: [Int: [Int]] = [:]
        var actDay: [Int: Int] = [:], actTotal: [Int: Int] = [:]
        var staffDay: [Int: Int] = [:], staffTotal: [Int: Int] = [:]
        let T = I.slotCount
        for (k, S) in placed.enumerated() {
            let s = S.session
            for q in S.slot..<(S.slot + S.duration) {
                roomUse[Int(s.room) * T + q, default: []].append(k)
                for g in s.groups { groupUse[Int(g) * T + q, default: []].append(k) }
                for st in s.staff { staffUse[Int(st) * T + q, default: []].append(k) }
            }
            actDay[Int(s.activity) * I.dayCount + Int(s.day), default: 0] += 1
            actTotal[Int(s.activity), default: 0] += 1
            for st in s.staff {
                staffDay[Int(st) * I.dayCount + Int(s.day), default: 0] += 1
                staffTotal[Int(st), default: 0] += 1
            }
        }
        func names(_ list: [Int]) -> String { list.map { placed[$0].name }.joined(separator: ", ") }
        for (key, list) in roomUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(Violation(rule: 3, "room \(I.roomID(key / T)) holds \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"))
        }
        for (key, list) in groupUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(Violation(rule: 2, "group \(I.groupID(key / T)) is in \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"))
        }
        for (key, list) in staffUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(Violation(rule: 6, "staff \(I.staffID(key / T)) is in \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"))
        }
        for (key, n) in actDay.sorted(by: { $0.key < $1.key }) {
            let a = key / I.dayCount, m = I.maxPerDay[a]
            if m != CompiledInstance.unlimited && n > m {
                ev.violations.append(Violation(rule: 5, "activity \(I.activityID(a)) has \(n) sessions on \(I.dayID(key % I.dayCount)), maxPerDay \(m)"))
            }
        }
        for (a, n) in actTotal.sorted(by: { $0.key < $1.key }) where I.maxSessions[a] != CompiledInstance.unlimited && n > I.maxSessions[a] {
            ev.violations.append(Violation(rule: 5, "activity \(I.activityID(a)) has \(n) sessions, maxSessions \(I.maxSessions[a])"))
        }
        var overload = 0
        for (key, n) in staffDay.sorted(by: { $0.key < $1.key }) {
            let st = key / I.dayCount, m = I.staffMaxPerDay[st]
            if m != CompiledInstance.unlimited && n > m {
                ev.violations.append(Violation(rule: 6, "staff \(I.staffID(st)) has \(n) sessions on \(I.dayID(key % I.dayCount)), maxPerDay \(m)"))
            }
            let pm = I.staffPreferredMaxPerDay[st]
            if pm != CompiledInstance.unlimited && n > pm { overload += n - Int(pm) }
        }
        for (st, n) in staffTotal.sorted(by: { $0.key < $1.key }) where I.staffMax[st] != CompiledInstance.unlimited && n > I.staffMax[st] {
            ev.violations.append(Violation(rule: 6, "staff \(I.staffID(st)) has \(n) sessions, max \(I.staffMax[st])"))
        }
        ev.costs[Weights.Term.staffOverload.index] = Double(overload)
    }

    // MARK: Rule 7

    private func checkTogether(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        for a in 0..<I.activityCount where I.together[a] {
            let mine = placed.filter { Int($0.session.activity) == a }
            var attendees = Set(mine.flatMap(\.session.groups))
            for g in 0..<I.groupCount where I.direct[g].contains(where: { Int($0.activity) == a && ($0.daily || $0.times > 0) }) {
                attendees.insert(Int32(g))
            }
            for S in mine {
                for g in attendees.subtracting(S.session.groups).sorted() {
                    ev.violations.append(Violation(rule: 7, "\(S.name): together activity \(I.activityID(a)) lacks group \(I.groupID(Int(g)))"))
                }
            }
        }
    }

    // MARK: Rule 8

    /// Entries without `move` are matched first, each to the first unused
    /// session as written; entries with `move` (spec section 14) then take
    /// distinct remaining sessions by a matching that leaves the fewest
    /// missing, then costs the least `displaced`.
    private func checkFixed(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        var used = Set<Int>()
        func describe(_ f: FixedSession) -> String {
            "fixed session \(I.activityID(f.activity)) on \(I.dayID(f.day)) \(I.periodID(f.start)) in \(I.roomID(f.room)) (groups \(f.groups.map { I.groupID($0) }.joined(separator: ", ")); staff \(f.staff.map { I.staffID($0) }.joined(separator: ", ")))"
        }
        func holds(_ S: Placed, _ f: FixedSession) -> Bool {
            Int(S.session.activity) == f.activity && Set(f.groups.map { Int32($0) }).isSubset(of: S.session.groups)
                && Set(f.staff.map { Int32($0) }).isSubset(of: S.session.staff)
        }
        for f in I.fixed where f.move == nil {
            let match = placed.first { S in
                !used.contains(S.index) && holds(S, f) && Int(S.session.day) == f.day && Int(S.session.start) == f.start
                    && Int(S.session.room) == f.room
            }
            if let match {
                used.insert(match.index)
            } else {
                ev.violations.append(Violation(rule: 8, "\(describe(f)) is missing"))
            }
        }
        let moving = I.fixed.filter { $0.move != nil }
        guard !moving.isEmpty else { return }
        let candidates: [[(Int, Int)]] = moving.map { f in
            placed.compactMap { S in
                guard !used.contains(S.index), holds(S, f) else { return nil }
                let moved = Int(S.session.day) != f.day || Int(S.session.start) != f.start
                if f.move == .room && moved { return nil }
                return (S.index, (Int(S.session.room) != f.room ? 2 : 0) + (moved ? 4 : 0))
            }
        }
        let match = MinCostMatching.solve(candidates)
        var displaced = 0
        for (k, f) in moving.enumerated() {
            if let m = match[k] {
                displaced += candidates[k].first { $0.0 == m }!.1
            } else {
                let how = f.move == .room ? "at its day and start " : ""
                ev.violations.append(Violation(rule: 8, "\(describe(f)) (move \(f.move!.rawValue)) is missing: no session of it \(how)holds those groups and staff"))
            }
        }
        ev.costs[Weights.Term.displaced.index] = Double(displaced)
    }

    // MARK: Session-level soft terms

    private func scoreSessions(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        ev.costs[Weights.Term.sessions.index] = Double(placed.count)
        var mix = 0
        var roomsPerActivity: [Int: Set<Int32>] = [:]
        for S in placed {
            let gs = S.session.groups
            if gs.count >= 2 { mix += gs.count - Set(gs.map { I.groupSchool[Int($0)] }).count }
            roomsPerActivity[Int(S.session.activity), default: []].insert(S.session.room)
        }
        ev.costs[Weights.Term.mixSchools.index] = Double(mix)
        ev.costs[Weights.Term.roomStability.index] = Double(roomsPerActivity.values.reduce(0) { $0 + $1.count - 1 })
    }
}
