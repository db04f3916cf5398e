import CarouselModel

/// Quick necessary-condition analysis of a problem, before solving: each
/// finding names a bottleneck in plain words ("tue needs 41 room-periods in
/// lab1, lab2; 30 exist"). An error means no schedule can exist; a warning
/// means it will be tight or something looks unintended.
///
/// Every check is a relaxation (it ignores the other groups, or counts
/// periods without placing them), so an error is always real; passing every
/// check does not prove a schedule exists.
public struct ProblemAnalysis {
    public struct Finding: Sendable, Equatable {
        public enum Severity: String, Sendable { case error, warning }
        public var severity: Severity
        public var message: String
    }

    let I: CompiledInstance
    let table: UnitTable

    /// Days each unit may take, counted once.
    let daysOfUnit: [Int]

    public init(_ instance: CompiledInstance) {
        I = instance
        table = UnitTable(instance)
        var days = [Int](repeating: 0, count: table.units.count)
        for list in table.unitsOfDay { for u in list { days[Int(u)] += 1 } }
        daysOfUnit = days
    }

    /// The errors that prove no schedule exists and cost little even on the
    /// largest problems (counting only: no per-unit search for a start), for
    /// `solve` to report before it searches.
    public func proofs() -> [Finding] {
        let out: [Finding] =
            table.notes.map { Finding(severity: .error, message: $0) } + shortVisits() + roomPools() + staffPools()
            + busySlots() + spacingFits()
        return out.filter { $0.severity == .error }
    }

    public func findings() -> [Finding] {
        var out: [Finding] = table.notes.map { Finding(severity: .error, message: $0) }
        out += unusedActivities()
        out += unreachableUnits()
        out += shortVisits()
        out += roomPools()
        out += staffPools()
        out += busySlots()
        out += fixedSessions()
        out += version2Findings()
        return out
    }

    // MARK: Activities

    /// Activities no group's attend list names (a team formation's list
    /// counts: its teams attend them) and no fixed session holds.
    func unusedActivities() -> [Finding] {
        var asked = Set<Int32>()
        for g in 0..<I.groupCount {
            for d in I.direct[g] { asked.insert(d.activity) }
            for c in I.choice[g] { asked.formUnion(c.choices) }
        }
        for f in I.fixed { asked.insert(Int32(f.activity)) }
        for item in I.problem.formations.flatMap(\.attend) {
            switch item {
            case .activity(let a, _, _, _, _): asked.insert(Int32(a))
            case .oneOf(let choices, _, _, _): asked.formUnion(choices.map(Int32.init))
            }
        }
        return (0..<I.activityCount).filter { !asked.contains(Int32($0)) }.map {
            Finding(severity: .warning, message: "activity \(I.activityID($0)): no group's attend list asks for it")
        }
    }

    // MARK: Units no placement can serve

    /// Why unit u cannot take activity a at all, or nil if some placement
    /// exists on an empty schedule.
    func obstacle(unit u: Int, activity a: Int) -> String? {
        let unit = table.units[u]
        for g in unit.groups where !I.yearAllowed(group: Int(g), activity: a) {
            let y = I.groupYear[Int(g)] == Int32.min ? "no year" : "year \(I.groupYear[Int(g)])"
            return
                "\(I.activityID(a)) is for years \(I.yearsLow[a])-\(I.yearsHigh[a]); group \(I.groupID(Int(g))) has \(y)"
        }
        let k = Int(I.duration[a])
        var starts: [Int] = []
        for t in 0..<I.slotCount where I.canStart(a, at: t) {
            if !I.unitAllows(unit, activity: a, at: t) { continue }
            if unit.groups.allSatisfy({ I.groupVisit.containsAll(Int($0), from: t, count: k) }) { starts.append(t) }
        }
        if starts.isEmpty {
            return
                "no start time for \(I.activityID(a)) (\(k) period\(k == 1 ? "" : "s")\(I.problem.activities[a].window != nil ? ", inside its window" : "")) lies within the visit"
        }
        let rooms = I.activityRooms[a].map(Int.init)
        if rooms.isEmpty {
            let activity = I.problem.activities[a]
            if activity.rooms?.isEmpty == true { return "\(I.activityID(a))'s \"rooms\" list is empty" }
            return
                "no room \(activity.rooms == nil ? "" : "in its \"rooms\" list ")has the features \(I.activityID(a)) needs (\(activity.roomFeatures.sorted().joined(separator: ", ")))"
        }
        let suitable = rooms.filter { I.roomMeetsNeeds(of: unit, room: $0) }
        if suitable.isEmpty {
            let needs = Set(unit.groups.flatMap { I.problem.groups[Int($0)].needs }).sorted().joined(separator: ", ")
            return "none of \(I.activityID(a))'s rooms (\(ListText.joined(rooms.map { I.roomID($0) }))) has \(needs)"
        }
        let big = suitable.filter { I.seats(unit.pupils, activity: a, room: $0) }
        if big.isEmpty {
            return
                "\(unit.pupils) pupils do not fit \(I.activityID(a)) in any suitable room (largest holds \(suitable.map { I.roomCapacity[$0] }.max() ?? 0), activity capacity \(I.activityCapacity[a] == CompiledInstance.unlimited ? "none" : String(I.activityCapacity[a])))"
        }
        let open = starts.filter { t in big.contains { !I.roomUnavailable.containsAny($0, from: t, count: k) } }
        if open.isEmpty { return "\(I.activityID(a))'s rooms are unavailable whenever the group could attend" }
        let rows = I.rowRange(a)
        if !rows.isEmpty {
            let need = rows.map { I.rows[$0].needed(pupils: unit.pupils) }
            let staffed = open.contains { t in
                var filler = RowFiller(rows: rows, need: need, preferred: [], staffCount: I.staffCount) {
                    I.staffAvailable.containsAll(Int($0), from: t, count: k)
                }
                return filler.fill(candidates: { I.rows[rows.lowerBound + $0].members })
            }
            if !staffed {
                return "\(I.activityID(a)) cannot be staffed when the group could attend (\(describeRows(a)))"
            }
        }
        return nil
    }

    func describeRows(_ a: Int) -> String {
        zip(I.problem.activities[a].staff, I.rowRange(a)).map { row, i in
            var parts: [String] = []
            if let role = row.role { parts.append("role \(role)") }
            if !row.skills.isEmpty { parts.append("skills \(row.skills.sorted().joined(separator: "+"))") }
            if let ids = row.ids { parts.append(ids.sorted().map { I.staffID($0) }.joined(separator: "/")) }
            return "\(parts.isEmpty ? "anyone" : parts.joined(separator: " ")): \(I.rows[i].members.count) match"
        }.joined(separator: "; ")
    }

    func unreachableUnits() -> [Finding] {
        // Aggregate identical reasons so 70 groups do not give 70 lines.
        var byReason: [String: [String]] = [:]
        var order: [String] = []
        for u in table.units.indices {
            let unit = table.units[u]
            var reasons: [String] = []
            var reachable = 0
            for a in unit.activities {
                if let why = obstacle(unit: u, activity: Int(a)) { reasons.append(why) } else { reachable += 1 }
            }
            let needed: Int
            if case .choice(let item) = unit.kind {
                needed = Int(I.choice[Int(unit.group)][Int(item)].count)
            } else {
                needed = 1
            }
            guard reachable < needed else { continue }
            let what: String
            switch unit.kind {
            case .choice:
                what =
                    "cannot take \(needed) of \(unit.activities.map { I.activityID(Int($0)) }.joined(separator: ", ")) (\(reachable) possible)"
            case .direct, .cohort:
                what =
                    "cannot attend \(I.activityID(Int(unit.activities[0])))\(unit.day >= 0 ? " on \(I.dayID(Int(unit.day)))" : "")"
            }
            let key = "\(what): \(reasons.first ?? "no option")"
            let who = unit.kind == .cohort ? "the cohort of \(unit.groups.count) groups" : I.groupID(Int(unit.group))
            if byReason[key] == nil { order.append(key) }
            if !(byReason[key]?.contains(who) ?? false) { byReason[key, default: []].append(who) }
        }
        return order.map { key in
            let who = byReason[key]!
            let list = who.prefix(5).joined(separator: ", ") + (who.count > 5 ? " and \(who.count - 5) more" : "")
            return Finding(
                severity: .error, message: "\(who.count == 1 ? "group" : "\(who.count) groups") \(list) \(key)")
        }
    }

    // MARK: Visits

    func shortVisits() -> [Finding] {
        var out: [Finding] = []
        for g in 0..<I.groupCount {
            var needed = 0
            for u in table.unitsOfGroup[g] {
                let unit = table.units[Int(u)]
                needed += unit.activities.map { Int(I.duration[Int($0)]) }.min() ?? 0
            }
            var visiting = 0
            for t in 0..<I.slotCount where I.position[t] >= 0 && I.groupVisit.contains(g, t) { visiting += 1 }
            if needed > visiting {
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "group \(I.groupID(g)) must attend \(needed) periods of sessions but visits for only \(visiting) non-break periods"
                    ))
            }
        }
        return out
    }

    // MARK: Rooms

    /// Room-periods needed versus available, per day, for every set of rooms
    /// that some activity is confined to (Hall's condition over those sets).
    func roomPools() -> [Finding] {
        var out: [Finding] = []
        // Demand per (activity, day) from units pinned to one day; choice
        // units count towards the union of their options' rooms.
        struct Demand {
            var rooms: Set<Int32>
            var day: Int
            var periods: Double
            var label: String
            var activities: [Int32]
        }
        var demands: [Demand] = []
        // The units in one pass: pinned single-activity units per (activity,
        // day), every single-activity unit per activity.
        let D = I.dayCount
        var pinned = [[Int32]](repeating: [], count: I.activityCount * D)
        var ofActivity = [[Int32]](repeating: [], count: I.activityCount)
        for d in 0..<D {
            for u in table.unitsOfDay[d] where daysOfUnit[Int(u)] == 1 && table.units[Int(u)].activities.count == 1 {
                pinned[Int(table.units[Int(u)].activities[0]) * D + d].append(u)
            }
        }
        for (u, unit) in table.units.enumerated() where unit.activities.count == 1 {
            ofActivity[Int(unit.activities[0])].append(Int32(u))
        }
        for a in 0..<I.activityCount {
            for d in 0..<D {
                let units = pinned[a * D + d]
                guard !units.isEmpty else { continue }
                let groups = units.reduce(0) { $0 + table.units[Int($1)].groups.count }
                let pupils = units.reduce(0) { $0 + Int(table.units[Int($1)].pupils) }
                let biggest = I.activityRooms[a].map { min(I.roomCapacity[Int($0)], I.activityCapacity[a]) }.max() ?? 1
                let sessions = max(
                    (groups + Int(I.maxGroups[a]) - 1) / Int(I.maxGroups[a]),
                    biggest == CompiledInstance.unlimited ? 1 : (pupils + Int(biggest) - 1) / max(Int(biggest), 1))
                let perSession = I.together[a] ? 1 : sessions
                demands.append(
                    Demand(
                        rooms: Set(I.activityRooms[a]), day: d, periods: Double(perSession * Int(I.duration[a])),
                        label: I.activityID(a),
                        activities: [Int32(a)]))
            }
        }
        for d in 0..<D {
            // Choice units with the same options add up into one demand.
            var index: [[Int32]: Int] = [:]
            for u in table.unitsOfDay[d] where daysOfUnit[Int(u)] == 1 && table.units[Int(u)].activities.count > 1 {
                let unit = table.units[Int(u)]
                let share = unit.activities.map { Double(I.maxGroups[Int($0)]) }.max() ?? 1
                let length = unit.activities.map { Double(I.duration[Int($0)]) }.min() ?? 1
                if let i = index[unit.activities] {
                    demands[i].periods += length / share
                } else {
                    index[unit.activities] = demands.count
                    let rooms = Set(unit.activities.flatMap { I.activityRooms[Int($0)] })
                    demands.append(
                        Demand(
                            rooms: rooms, day: d, periods: length / share, label: "choices", activities: unit.activities
                        ))
                }
            }
        }
        // The whole event too, counting every unit whatever day it may take.
        let week = -1
        for a in 0..<I.activityCount {
            let units = ofActivity[a]
            guard !units.isEmpty else { continue }
            let groups = units.reduce(0) { $0 + table.units[Int($1)].groups.count }
            let sessions = I.together[a] ? units.count : (groups + Int(I.maxGroups[a]) - 1) / Int(I.maxGroups[a])
            demands.append(
                Demand(
                    rooms: Set(I.activityRooms[a]), day: week, periods: Double(sessions * Int(I.duration[a])),
                    label: I.activityID(a),
                    activities: [Int32(a)]))
        }
        var byDay: [Int: [Demand]] = [:]
        for dm in demands { byDay[dm.day, default: []].append(dm) }
        var pools: [Set<Int32>] = []
        for dm in demands where !dm.rooms.isEmpty && !pools.contains(dm.rooms) { pools.append(dm.rooms) }
        for pool in pools {
            for d in (I.dayCount > 1 ? [week] : []) + Array(0..<I.dayCount) {
                let within = (byDay[d] ?? []).filter { $0.rooms.isSubset(of: pool) }
                let need = within.reduce(0.0) { $0 + $1.periods }
                guard need > 0 else { continue }
                // A room-period counts when one of these activities could be
                // held in the room then (a start its grid and window allow).
                let acts = Set(within.flatMap(\.activities))
                var supply = 0
                for dd in (d == week ? Array(0..<I.dayCount) : [d]) {
                    for r in pool {
                        for p in 0..<I.periodCount
                        where I.position[dd * I.periodCount + p] >= 0
                            && !I.roomUnavailable.contains(Int(r), dd * I.periodCount + p)
                        {
                            let t = dd * I.periodCount + p
                            if acts.contains(where: { I.roomAllowed.contains(Int($0), Int(r)) && covers(Int($0), t) }) {
                                supply += 1
                            }
                        }
                    }
                }
                let labels = Array(Set(within.map(\.label))).sorted()
                let names =
                    pool.sorted().prefix(6).map { I.roomID(Int($0)) }.joined(separator: ", ")
                    + (pool.count > 6 ? ", …" : "")
                let needText = need == need.rounded() ? String(Int(need)) : String(format: "%.1f", need)
                let when = d == week ? "the event" : I.dayID(d)
                if need > Double(supply) {
                    out.append(
                        Finding(
                            severity: .error,
                            message:
                                "\(when) needs at least \(needText) room-periods in \(names) (for \(ListText.joined(labels))); \(supply) exist"
                        ))
                } else if d != week && need > 0.9 * Double(supply) {
                    out.append(
                        Finding(
                            severity: .warning,
                            message:
                                "\(when) needs at least \(needText) of the \(supply) room-periods in \(names) (for \(ListText.joined(labels))): tight"
                        ))
                }
            }
        }
        return out
    }

    /// Whether a session of activity a may be under way at slot t: some
    /// start the grid and window allow covers it.
    func covers(_ a: Int, _ t: Int) -> Bool {
        let k = Int(I.duration[a])
        for start in max(0, t - k + 1)...t where I.canStart(a, at: start) { return true }
        return false
    }

    // MARK: Staff

    /// Staff-periods needed versus available per day, for each set of staff
    /// that some row is confined to.
    func staffPools() -> [Finding] {
        var out: [Finding] = []
        struct Demand {
            var members: Set<Int32>
            var day: Int
            var periods: Int
            var label: String
        }
        var demands: [Demand] = []
        let D = I.dayCount
        var pinned = [[Int32]](repeating: [], count: I.activityCount * D)
        for d in 0..<D {
            for u in table.unitsOfDay[d] where daysOfUnit[Int(u)] == 1 && table.units[Int(u)].activities.count == 1 {
                pinned[Int(table.units[Int(u)].activities[0]) * D + d].append(u)
            }
        }
        /// Each row's staff-periods for the sessions these units of activity a need.
        func addDemands(activity a: Int, units: [Int32], day: Int) {
            guard !units.isEmpty else { return }
            let groups = units.reduce(0) { $0 + table.units[Int($1)].groups.count }
            let pupils = units.reduce(0) { $0 + Int(table.units[Int($1)].pupils) }
            let sessions = I.together[a] ? units.count : (groups + Int(I.maxGroups[a]) - 1) / Int(I.maxGroups[a])
            for i in I.rowRange(a) {
                let row = I.rows[i]
                let n =
                    Int(row.count) * sessions
                    + (row.perPupils > 0 ? (pupils + Int(row.perPupils) - 1) / Int(row.perPupils) : 0)
                guard n > 0 else { continue }
                demands.append(
                    Demand(members: Set(row.members), day: day, periods: n * Int(I.duration[a]), label: I.activityID(a))
                )
            }
        }
        for a in 0..<I.activityCount where !I.rowRange(a).isEmpty {
            for d in 0..<I.dayCount { addDemands(activity: a, units: pinned[a * D + d], day: d) }
        }
        // The whole event too, counting every unit whatever day it may take.
        let week = -1
        for a in 0..<I.activityCount where !I.rowRange(a).isEmpty && I.dayCount > 1 {
            addDemands(
                activity: a,
                units: table.units.indices.filter {
                    table.units[$0].activities.count == 1 && table.units[$0].activities[0] == Int32(a)
                }.map { Int32($0) }, day: week)
        }
        let longest = Int(I.duration.max() ?? 1)
        var pools: [Set<Int32>] = []
        for dm in demands where !pools.contains(dm.members) { pools.append(dm.members) }
        var byDay: [Int: [Demand]] = [:]
        for dm in demands { byDay[dm.day, default: []].append(dm) }
        for pool in pools {
            for d in [week] + Array(0..<I.dayCount) {
                let within = (byDay[d] ?? []).filter { $0.members.isSubset(of: pool) }
                let need = within.reduce(0) { $0 + $1.periods }
                guard need > 0 else { continue }
                var supply = 0
                for s in pool {
                    var total = 0
                    for dd in (d == week ? Array(0..<I.dayCount) : [d]) {
                        var periods = 0
                        for p in 0..<I.periodCount
                        where I.position[dd * I.periodCount + p] >= 0
                            && I.staffAvailable.contains(Int(s), dd * I.periodCount + p)
                        {
                            periods += 1
                        }
                        let cap = I.staffMaxPerDay[Int(s)]
                        if cap != CompiledInstance.unlimited { periods = min(periods, Int(cap) * longest) }
                        total += periods
                    }
                    let cap = I.staffMax[Int(s)]
                    if cap != CompiledInstance.unlimited { total = min(total, Int(cap) * longest) }
                    supply += total
                }
                let labels = Array(Set(within.map(\.label))).sorted().joined(separator: ", ")
                let who =
                    pool.isEmpty
                    ? "matching staff (none match)"
                    : "staff like \(pool.sorted().prefix(3).map { I.staffID(Int($0)) }.joined(separator: ", "))\(pool.count > 3 ? " (\(pool.count) in all)" : "")"
                let when = d == week ? "the event" : I.dayID(d)
                if need > supply {
                    out.append(
                        Finding(
                            severity: .error,
                            message:
                                "\(when) needs at least \(need) staff-periods from \(who) for \(labels); \(supply) are available"
                        ))
                } else if d != week && Double(need) > 0.9 * Double(supply) {
                    out.append(
                        Finding(
                            severity: .warning,
                            message:
                                "\(when) needs at least \(need) of \(supply) available staff-periods from \(who) for \(labels): tight"
                        ))
                }
            }
        }
        return out
    }

    // MARK: Fixed sessions

    /// Fixed sessions that cannot be held as written (with `move: "room"`,
    /// at the written time in any room: `movingFixedSessions` looks for
    /// one; with `move: "any"`, anywhere: checked there).
    func fixedSessions() -> [Finding] {
        var out: [Finding] = []
        for (i, f) in I.fixed.enumerated() where f.move != .any {
            let a = f.activity, t = I.slot(day: f.day, period: f.start), k = Int(I.duration[a])
            let label =
                "fixed[\(i)] \(I.activityID(a)) on \(I.dayID(f.day)) \(I.periodID(f.start)) in \(I.roomID(f.room))"
            if !I.fitsGrid.contains(a, t) {
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "\(label): \(k) period\(k == 1 ? "" : "s") from \(I.periodID(f.start)) do not fit the day's periods"
                    ))
                continue
            }
            if !I.inWindow.contains(a, t) {
                out.append(Finding(severity: .error, message: "\(label): outside the activity's window"))
            }
            if f.move == nil {
                if !I.roomAllowed.contains(a, f.room) {
                    out.append(
                        Finding(
                            severity: .error,
                            message: "\(label): the room lacks the activity's features or is not in its rooms list"))
                }
                if I.roomUnavailable.containsAny(f.room, from: t, count: k) {
                    out.append(Finding(severity: .error, message: "\(label): the room is unavailable then"))
                }
            }
            for g in f.groups where !I.groupVisit.containsAll(g, from: t, count: k) {
                out.append(Finding(severity: .error, message: "\(label): group \(I.groupID(g)) is not visiting then"))
            }
            for s in f.staff where !I.staffAvailable.containsAll(s, from: t, count: k) {
                out.append(Finding(severity: .error, message: "\(label): staff \(I.staffID(s)) is not available then"))
            }
        }
        return out
    }
}
