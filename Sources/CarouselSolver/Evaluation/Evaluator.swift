import CarouselModel

/// Scores a whole schedule from scratch, exactly as spec sections 7 and 8
/// read (and as the independent `check.py` reads them), and describes every
/// broken rule in plain words: which group, room or staff member, which day
/// and time, what the limit was.
///
/// This is the reference the search's incremental scoring is tested against;
/// it favours clarity over speed: O(sessions × (groups + staff) × duration).
/// The hard rules are checked here (each violation names its `HardRule`);
/// each soft term's cost comes from its registration (`Weights.Term.scoring`).
public struct Evaluator {
    public let instance: CompiledInstance

    public init(_ instance: CompiledInstance) { self.instance = instance }

    /// Scores `schedule`. `formatViolations` are prepended (malformed entries
    /// found while decoding the schedule file).
    public func evaluate(_ schedule: Schedule, formatViolations: [Violation] = []) -> Evaluation {
        var ev = Evaluation(violations: formatViolations, weights: instance.weights)
        let placed = place(schedule, into: &ev)
        checkSessions(placed, into: &ev)
        checkClashes(placed, into: &ev)
        checkStaffRuns(placed, into: &ev)
        checkTogether(placed, into: &ev)
        checkFixed(placed, into: &ev)
        checkAttendance(placed, into: &ev)
        checkTravel(placed, into: &ev)
        checkTeams(placed, into: &ev)
        checkSameStaff(placed, into: &ev)
        checkSpacing(placed, into: &ev)
        checkGates(placed, into: &ev)
        for term in Weights.Term.allCases { ev.costs[term.index] = term.scoring.evaluate(placed) }
        return ev
    }

    /// For each fixed session (`CompiledInstance.fixed`), the index in
    /// `schedule` of the session standing for it (rule 8, as `evaluate`
    /// matches them), or nil when none does.
    public func fixedSessionMatches(_ schedule: Schedule) -> [Int?] {
        var ev = Evaluation(violations: [], weights: instance.weights)
        return FixedSessionMatching(place(schedule, into: &ev)).session
    }

    /// The sessions that fit the period grid, laid out for scoring; a
    /// `[time]` violation for each that does not.
    private func place(_ schedule: Schedule, into ev: inout Evaluation) -> PlacedSchedule {
        let I = instance
        var sessions: [PlacedSchedule.Session] = []
        for (i, s) in schedule.sessions.enumerated() {
            let a = Int(s.activity), d = Int(s.day), p = Int(s.start)
            let name = "\(I.activityID(a))@\(I.dayID(d)) \(I.periodID(p)) in \(I.roomID(Int(s.room)))"
            let t = I.slot(day: d, period: p)
            guard I.fitsGrid.contains(a, t) else {
                ev.violations.append(
                    Violation(
                        .periodGrid,
                        "sessions[\(i)] \(name): duration \(I.duration[a]) from "
                            + "\(I.periodID(p)) does not fit in consecutive non-break periods of \(I.dayID(d))"))
                continue
            }
            let pupils = s.groups.reduce(0) { $0 + Int(I.groupSize[Int($1)]) }
            sessions.append(
                PlacedSchedule.Session(
                    index: i, session: s, slot: t, duration: Int(I.duration[a]), pupils: pupils,
                    name: name))
        }
        return PlacedSchedule(sessions, instance: I)
    }

    // MARK: Rules 2–6 per session

    private func checkSessions(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        let overSoft = I.weights.overCapacity != nil
        for S in placed.sessions {
            let s = S.session, a = Int(s.activity), r = Int(s.room), nm = S.name
            let act = I.problem.activities[a], room = I.problem.rooms[r]
            for q in S.slot..<(S.slot + S.duration) where I.roomUnavailable.contains(r, q) {
                ev.violations.append(Violation(.roomUse, "\(nm): room \(room.id) is unavailable at \(I.slotName(q))"))
            }
            let missing = act.roomFeatures.subtracting(room.features)
            if !missing.isEmpty {
                ev.violations.append(
                    Violation(
                        .roomUse,
                        "\(nm): room \(room.id) lacks feature(s) \(missing.sorted().joined(separator: ", ")) needed by \(act.id)"
                    ))
            }
            for g in s.groups {
                let needs = I.problem.groups[Int(g)].needs.subtracting(room.features)
                if !needs.isEmpty {
                    ev.violations.append(
                        Violation(
                            .roomUse,
                            "\(nm): room \(room.id) lacks \(needs.sorted().joined(separator: ", ")) needed by group \(I.groupID(Int(g)))"
                        ))
                }
            }
            if let allowed = act.rooms, !allowed.contains(r) {
                ev.violations.append(Violation(.roomUse, "\(nm): room \(room.id) is not one of \(act.id)'s rooms"))
            }
            if let cap = act.capacity, S.pupils > cap {
                ev.violations.append(
                    Violation(.sessionMakeUp, "\(nm): \(S.pupils) pupils exceed activity capacity \(cap)"))
            }
            if let cap = room.capacity, S.pupils > cap, !overSoft {
                ev.violations.append(
                    Violation(.sessionMakeUp, "\(nm): \(S.pupils) pupils exceed room \(room.id) capacity \(cap)"))
            }
            if s.groups.count > act.maxGroups {
                ev.violations.append(
                    Violation(.sessionMakeUp, "\(nm): \(s.groups.count) groups exceed maxGroups \(act.maxGroups)"))
            }
            if s.groups.isEmpty {
                ev.violations.append(Violation(.sessionMakeUp, "\(nm): session has no group"))
            }
            if let years = act.years {
                for g in s.groups where !I.yearAllowed(group: Int(g), activity: a) {
                    let y = I.problem.groups[Int(g)].year.map(String.init) ?? "none"
                    ev.violations.append(
                        Violation(
                            .sessionMakeUp,
                            "\(nm): group \(I.groupID(Int(g))) (year \(y)) outside years \(years.lowerBound)-\(years.upperBound)"
                        ))
                }
            }
            if !I.inWindow.contains(a, S.slot) {
                let p0 = S.slot % I.periodCount, p1 = p0 + S.duration - 1
                ev.violations.append(
                    Violation(
                        .activityTimes,
                        "\(nm): \(Int(I.periodStart[p0]).clockText)-\(Int(I.periodEnd[p1]).clockText) is not inside any window of \(act.id)"
                    ))
            }
            for g in s.groups {
                for q in S.slot..<(S.slot + S.duration) where !I.groupVisit.contains(Int(g), q) {
                    ev.violations.append(
                        Violation(.groupTime, "\(nm): group \(I.groupID(Int(g))) is not visiting at \(I.slotName(q))"))
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
                        if let ids = row.ids {
                            desc.append("ids " + ids.sorted().map { I.staffID($0) }.joined(separator: ","))
                        }
                        parts.append(
                            "row (\(desc.isEmpty ? "anyone" : desc.joined(separator: "; "))) needs \(need[k]), filled \(m.assigned[k].count)"
                        )
                    }
                    ev.violations.append(
                        Violation(.staffing, "\(nm): staff rows not filled: " + parts.joined(separator: "; ")))
                }
            }
            for st in s.staff {
                for q in S.slot..<(S.slot + S.duration) where !I.staffAvailable.contains(Int(st), q) {
                    ev.violations.append(
                        Violation(.staffing, "\(nm): staff \(I.staffID(Int(st))) is not available at \(I.slotName(q))"))
                }
            }
        }
    }

    // MARK: Clashes and counts (rules 2, 3, 5, 6)

    private func checkClashes(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        var roomUse: [Int: [Int]] = [:], groupUse: [Int: [Int]] = [:], staffUse: [Int: [Int]] = [:]
        var actDay: [Int: Int] = [:], actTotal: [Int: Int] = [:]
        var staffDay: [Int: Int] = [:], staffTotal: [Int: Int] = [:]
        let T = I.slotCount
        for (k, S) in placed.sessions.enumerated() {
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
        func names(_ list: [Int]) -> String { list.map { placed.sessions[$0].name }.joined(separator: ", ") }
        for (key, list) in roomUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(
                Violation(
                    .roomUse,
                    "room \(I.roomID(key / T)) holds \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"))
        }
        for (key, list) in groupUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(
                Violation(
                    .groupTime,
                    "group \(I.groupID(key / T)) is in \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"
                ))
        }
        for (key, list) in staffUse.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            ev.violations.append(
                Violation(
                    .staffing,
                    "staff \(I.staffID(key / T)) is in \(list.count) sessions at \(I.slotName(key % T)): \(names(list))"
                ))
        }
        for (key, n) in actDay.sorted(by: { $0.key < $1.key }) {
            let a = key / I.dayCount, m = I.maxPerDay[a]
            if m != CompiledInstance.unlimited && n > m {
                ev.violations.append(
                    Violation(
                        .activityTimes,
                        "activity \(I.activityID(a)) has \(n) sessions on \(I.dayID(key % I.dayCount)), maxPerDay \(m)")
                )
            }
        }
        for (a, n) in actTotal.sorted(by: { $0.key < $1.key })
        where I.maxSessions[a] != CompiledInstance.unlimited && n > I.maxSessions[a] {
            ev.violations.append(
                Violation(
                    .activityTimes, "activity \(I.activityID(a)) has \(n) sessions, maxSessions \(I.maxSessions[a])"))
        }
        for (key, n) in staffDay.sorted(by: { $0.key < $1.key }) {
            let st = key / I.dayCount, m = I.staffMaxPerDay[st]
            if m != CompiledInstance.unlimited && n > m {
                ev.violations.append(
                    Violation(
                        .staffing,
                        "staff \(I.staffID(st)) has \(n) sessions on \(I.dayID(key % I.dayCount)), maxPerDay \(m)"))
            }
        }
        for (st, n) in staffTotal.sorted(by: { $0.key < $1.key })
        where I.staffMax[st] != CompiledInstance.unlimited && n > I.staffMax[st] {
            ev.violations.append(
                Violation(.staffing, "staff \(I.staffID(st)) has \(n) sessions, max \(I.staffMax[st])"))
        }
    }

    // MARK: maxConsecutive (a Carousel addition)

    /// Each run of periods in a row that a staff member with
    /// `maxConsecutive` spends in sessions, longer than it: the day's
    /// periods in calendar order, where a period in no session of theirs (a
    /// break, a free period) ends a run.
    private func checkStaffRuns(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance, P = I.periodCount
        guard !I.runLimitedStaff.isEmpty else { return }
        var busy = Set<Int>()
        for S in placed.sessions {
            for st in S.session.staff where I.staffMaxConsecutive[Int(st)] != CompiledInstance.unlimited {
                for q in S.slot..<(S.slot + S.duration) { busy.insert(Int(st) * I.slotCount + q) }
            }
        }
        for st32 in I.runLimitedStaff {
            let st = Int(st32), limit = Int(I.staffMaxConsecutive[st])
            for d in 0..<I.dayCount {
                var p = 0
                while p < P {
                    guard busy.contains(st * I.slotCount + d * P + p) else {
                        p += 1
                        continue
                    }
                    var end = p
                    while end + 1 < P && busy.contains(st * I.slotCount + d * P + end + 1) { end += 1 }
                    if end - p + 1 > limit {
                        ev.violations.append(
                            Violation(
                                .staffConsecutive,
                                "staff \(I.staffID(st)) is in sessions \(end - p + 1) "
                                    + "periods in a row on \(I.dayID(d)) (\(I.periodID(p))-\(I.periodID(end))), maxConsecutive \(limit)"
                            ))
                    }
                    p = end + 1
                }
            }
        }
    }

    // MARK: Rule 7

    private func checkTogether(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        for a in 0..<I.activityCount where I.together[a] {
            let mine = placed.sessions.filter { Int($0.session.activity) == a }
            var attendees = Set(mine.flatMap(\.session.groups))
            for g in 0..<I.groupCount
            where I.direct[g].contains(where: { Int($0.activity) == a && ($0.daily || $0.times > 0) }) {
                attendees.insert(Int32(g))
            }
            for S in mine {
                for g in attendees.subtracting(S.session.groups).sorted() {
                    ev.violations.append(
                        Violation(
                            .together,
                            "\(S.name): together activity \(I.activityID(a)) lacks group \(I.groupID(Int(g)))"))
                }
            }
        }
    }

    // MARK: Rule 8

    /// Every fixed session has a session standing for it (`FixedSessionMatching`:
    /// as written, or where its `move` lets it go).
    private func checkFixed(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        for k in FixedSessionMatching(placed).missing {
            let f = I.fixed[k]
            var text =
                "fixed session \(I.activityID(f.activity)) on \(I.dayID(f.day)) \(I.periodID(f.start)) in \(I.roomID(f.room)) (groups \(f.groups.map { I.groupID($0) }.joined(separator: ", ")); staff \(f.staff.map { I.staffID($0) }.joined(separator: ", "))"
            if let move = f.move {
                let how = move == .room ? "at its day and start " : ""
                text += "; move \(move.rawValue)) is missing: no session of it \(how)holds those groups and staff"
            } else {
                text += ") is missing"
            }
            ev.violations.append(Violation(.fixedSession, text))
        }
    }
}
