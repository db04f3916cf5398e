import CarouselModel

/// The construction phase: finds a schedule that breaks no hard rule.
///
/// It is a backtracking search in the style of iterative forward search
/// (cpsolver's IFS):
/// - **Variable ordering**: the unplaced unit with the fewest remaining
///   (activity, start) options goes next (most constrained first), ties to
///   cohorts and larger groups, then to a seeded random key.
/// - **Forward checking**: option counts are maintained per unit and
///   recomputed for the units of every day a change touches (group, room and
///   staff availability per period); a value that leaves another unit of the
///   same group with no option is rejected.
/// - **Value ordering**: joining an existing session first (it uses no new
///   room or staff), then the room that fits best, the start that keeps the
///   group's day compact and its wishes met, so future options stay open.
/// - **Backjumping**: a unit with no option is placed where it conflicts with
///   the fewest, least-often-disturbed placements; those are undone and go
///   back into the queue (conflict-directed, with a short tabu list so the
///   search does not undo what it just did).
/// - **Restarts**: after long stagnation the search restarts from the fixed
///   sessions with a new random stream, keeping the best schedule found.
///
/// Staff rows are filled by bipartite matching whenever a session opens or
/// changes size. Deterministic for a given seed (unless the time limit cuts it).
public struct Construction {
    /// The outcome: the best (fewest unplaced units) schedule found.
    public struct Result: Sendable {
        public var state: PartialSchedule
        public var iterations: Int
        public var restarts: Int
        public var elapsed: Double
        /// Notes about fixed sessions that could not be honoured.
        public var notes: [String]
        /// Requirements no schedule can meet as written (a fixed session that
        /// cannot be held, a together activity its groups disagree on).
        public var blockers: [String]
        /// Every unit placed and nothing blocked: the schedule is feasible.
        public var isComplete: Bool { state.unassignedCount == 0 && blockers.isEmpty }
    }

    let instance: CompiledInstance
    let table: UnitTable
    var state: PartialSchedule
    var random: SeededRandom
    /// Cached option counts (capped), and whether they need recomputing.
    var optionCount: [Int32]
    var dirty: [Bool]
    /// How often each unit was undone by backjumping; raises its weight.
    var conflicts: [Int32]
    /// How often each unit had no option and was forced in by backjumping.
    var forced: [Int32]
    /// A unit forced in this often is given up (treated as impossible), so
    /// that one over-subscribed day cannot starve every other unit: most
    /// constrained first would otherwise pick its units for ever.
    let giveUpAfter: Int32
    /// Iteration at which each unit was last placed (tabu for backjumps).
    var placedAt: [Int]
    /// Days each unit may be placed on.
    let unitDays: [[Int32]]
    /// Static priority: cohorts, then big groups, then units with few activities.
    let priority: [Double]
    var tieBreak: [UInt64]
    var iteration = 0
    var notes: [String] = []
    var blockers: [String] = []
    /// Units that no placement can serve even by undoing others; skipped so
    /// that everything else still gets placed.
    var impossible: [Bool]
    /// The schedule being repaired: values that keep a unit where it was
    /// come first, and undoing a unit still in its old place costs more.
    var reference: Reference?

    static let countCap: Int32 = 12
    static let tabuLength = 12

    init(instance: CompiledInstance, seed: UInt64) {
        self.instance = instance
        table = UnitTable(instance)
        state = PartialSchedule(instance, table: table)
        random = SeededRandom(seed: seed)
        let U = table.units.count
        optionCount = Array(repeating: Self.countCap, count: U)
        dirty = Array(repeating: true, count: U)
        conflicts = Array(repeating: 0, count: U)
        forced = Array(repeating: 0, count: U)
        giveUpAfter = Int32(clamping: max(50, U / 4))
        placedAt = Array(repeating: -1_000, count: U)
        var days = [[Int32]](repeating: [], count: U)
        for (d, list) in table.unitsOfDay.enumerated() {
            for u in list { days[Int(u)].append(Int32(d)) }
        }
        unitDays = days
        priority = table.units.map { unit in
            (unit.kind == .cohort ? 1000 : 0) + Double(unit.pupils) / 100 - Double(unit.activities.count) / 10
        }
        impossible = Array(repeating: false, count: U)
        tieBreak = Array(repeating: 0, count: U)
        for u in 0..<U { tieBreak[u] = random.next() }
    }

    /// Runs the phase until every unit is placed or `termination` says stop.
    public static func run(_ instance: CompiledInstance, seed: UInt64, termination: Termination,
                           progress: ((SearchProgress) -> Void)? = nil) -> Result {
        var search = Construction(instance: instance, seed: seed)
        search.placeFixed()
        return search.solve(termination: termination, progress: progress)
    }

    /// Runs the phase from the sessions of `old` that the changed problem
    /// still allows (see `restore`), placing the rest with a preference for
    /// their old times and rooms. Days before `keepDays` are over: their
    /// sessions are kept as they were and nothing new goes there.
    public static func repair(_ instance: CompiledInstance, old: Schedule, keepDays: Int, seed: UInt64,
                              termination: Termination, progress: ((SearchProgress) -> Void)? = nil) -> (Result, Reference) {
        var search = Construction(instance: instance, seed: seed)
        let reference = Reference(old, table: search.table, instance: instance)
        search.reference = reference
        search.placeFixed()
        search.restore(old, keepDays: keepDays)
        return (search.solve(termination: termination, progress: progress), reference)
    }

    /// Places units until all are placed or `termination` says stop; a
    /// restart goes back to the state this starts from.
    mutating func solve(termination: Termination, progress: ((SearchProgress) -> Void)?) -> Result {
        let fixedState = state
        var best = state
        var restarts = 0
        var sinceImprovement = 0
        var restartAfter = max(2_000, 4 * table.units.count)
        var lastReport = termination.elapsed
        while state.unassignedCount > 0 {
            if iteration & 31 == 0 {
                if termination.shouldStop(iterations: iteration) { break }
                if let progress, termination.elapsed - lastReport >= 1 {
                    lastReport = termination.elapsed
                    progress(SearchProgress(phase: "construct", elapsed: lastReport, iterations: iteration,
                                      unplaced: state.unassignedCount, bestUnplaced: min(best.unassignedCount, state.unassignedCount)))
                }
            }
            iteration += 1
            guard let u = selectUnit() else { break }
            if tryPlace(u) {
                sinceImprovement += 1
                continue
            }
            if state.unassignedCount < best.unassignedCount {
                best = state
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if sinceImprovement > restartAfter {
                restarts += 1
                sinceImprovement = 0
                restartAfter += restartAfter / 2
                state = fixedState
                for u in dirty.indices { dirty[u] = true; tieBreak[u] = random.next() }
                continue
            }
            backjump(u)
        }
        if state.unassignedCount < best.unassignedCount || state.unassignedCount == 0 { best = state }
        return Result(state: best, iterations: iteration, restarts: restarts, elapsed: termination.elapsed, notes: notes,
                      blockers: blockers + table.notes)
    }

    // MARK: - Variable ordering

    /// The unplaced unit with the fewest options (recomputing stale counts).
    mutating func selectUnit() -> Int? {
        var best = -1
        var bestCount = Int32.max
        var bestPriority = -Double.infinity
        var bestTie: UInt64 = 0
        for u in 0..<table.units.count where state.unitSession[u] < 0 && !impossible[u] {
            if dirty[u] {
                optionCount[u] = countOptions(u, cap: Self.countCap)
                dirty[u] = false
            }
            let c = optionCount[u]
            if c < bestCount || (c == bestCount && (priority[u] > bestPriority || (priority[u] == bestPriority && tieBreak[u] < bestTie))) {
                best = u
                bestCount = c
                bestPriority = priority[u]
                bestTie = tieBreak[u]
            }
        }
        return best >= 0 ? best : nil
    }

    /// Marks stale the counts of units that could use day d or group g.
    mutating func touched(day d: Int, groups: [Int32]) {
        for u in table.unitsOfDay[d] { dirty[Int(u)] = true }
        for g in groups { for u in table.unitsOfGroup[Int(g)] { dirty[Int(u)] = true } }
    }

    /// Calls `body(a, t)` for every activity a and start slot t where unit
    /// u's groups may start a now (grid, window, day, visit, free, years,
    /// distinct choices). Stops early when `body` returns false.
    func forEachStart(_ u: Int, _ body: (_ activity: Int, _ slot: Int) -> Bool) {
        let P = instance.periodCount
        for a32 in table.units[u].activities {
            let a = Int(a32)
            guard state.unitMayAttend(u, activity: a) else { continue }
            for d32 in unitDays[u] {
                let d = Int(d32)
                for p in 0..<P where state.unitMayStart(u, activity: a, at: d * P + p) {
                    if !body(a, d * P + p) { return }
                }
            }
        }
    }

    /// Counts (activity, start) pairs where unit u could go now, up to `cap`:
    /// a session to join, or a free suitable room. Staff are checked only
    /// when a value is tried.
    func countOptions(_ u: Int, cap: Int32) -> Int32 {
        let I = instance, T = I.slotCount
        var n: Int32 = 0
        forEachStart(u) { a, t in
            var ok = state.sessionsAt[a * T + t].contains { state.sessionHasPlace(for: u, in: Int($0)) }
            if !ok { ok = I.activityRooms[a].contains { state.mayOpen(unit: u, activity: a, at: t, room: Int($0)) } }
            if ok { n += 1 }
            return n < cap
        }
        return n
    }

    // MARK: - Value ordering

    struct Option {
        var activity: Int
        var slot: Int
        /// Session to join, or -1 to open one in `room`.
        var session: Int
        var room: Int
        var score: Double
    }

    /// All current options of unit u, best first.
    mutating func options(_ u: Int) -> [Option] {
        let I = instance, unit = table.units[u], T = I.slotCount
        var starts: [(activity: Int, slot: Int)] = []
        forEachStart(u) { a, t in
            starts.append((a, t))
            return true
        }
        var out: [Option] = []
        for (a, t) in starts {
            let k = Int(I.duration[a])
            let wish = wishCost(u, activity: a)
            var joined = false
            for s32 in state.sessionsAt[a * T + t] where state.sessionHasPlace(for: u, in: Int(s32)) {
                let s = Int(s32)
                let site = I.roomSite[Int(state.sessionRoom[s])]
                var score = wish + dayShapeCost(unit, slot: t, duration: k, site: site) - 3 + mixCost(unit, session: s)
                score += random.unit() * 0.3
                out.append(Option(activity: a, slot: t, session: s, room: Int(state.sessionRoom[s]), score: score))
                joined = true
            }
            let shape = joined ? 0 : nil as Double?
            for r32 in I.activityRooms[a] where state.mayOpen(unit: u, activity: a, at: t, room: Int(r32)) {
                let r = Int(r32)
                let cap = I.roomCapacity[r]
                var score = wish + (shape ?? dayShapeCost(unit, slot: t, duration: k, site: I.roomSite[r]))
                score += I.weights[.sessions]
                if cap != CompiledInstance.unlimited {
                    score += Double(max(0, cap - unit.pupils)) / Double(max(cap, 1))
                    if cap < unit.pupils { score += Double(unit.pupils - cap) * (I.weights.overCapacity ?? 0) }
                } else {
                    score += 0.5
                }
                score += random.unit() * 0.3
                out.append(Option(activity: a, slot: t, session: -1, room: r, score: score))
            }
        }
        if let reference, reference.has(u) {
            // Keeping a unit where it was outweighs every soft consideration.
            for i in out.indices {
                out[i].score += 10 * Double(reference.cost(unit: u, slot: Int32(out[i].slot), room: Int32(out[i].room),
                                                           staff: reference.staff[u]))
            }
        }
        out.sort { $0.score < $1.score }
        return out
    }

    /// Preference cost of a choice unit picking activity a.
    func wishCost(_ u: Int, activity a: Int) -> Double {
        let unit = table.units[u]
        guard case .choice(let item) = unit.kind else { return 0 }
        let demand = instance.choice[Int(unit.group)][Int(item)]
        guard let rank = demand.rank, let i = demand.choices.firstIndex(of: Int32(a)) else { return 0 }
        return Double(rank[i]) * instance.weights[.preference]
    }

    /// Soft cost of the unit's groups' day if a session were added at slot t:
    /// idle periods it would create between sessions, a session far from the
    /// others, a change of site next to it.
    func dayShapeCost(_ unit: Unit, slot t: Int, duration k: Int, site: Int32) -> Double {
        let I = instance, P = I.periodCount, T = I.slotCount, W = I.weights
        let d = t / P
        let lo0 = Int(I.position[t]), hi0 = Int(I.position[t + k - 1])
        var cost = 0.0
        for g32 in unit.groups.prefix(4) {
            let g = Int(g32)
            var lo = Int.max, hi = Int.min, busy = 0
            var prevSite: Int32 = -1, nextSite: Int32 = -1, prevPos = Int.min, nextPos = Int.max
            var before = false, after = false
            for p in 0..<P {
                let s = state.groupAt[g * T + d * P + p]
                guard s >= 0 else { continue }
                let pos = Int(I.position[d * P + p])
                busy += 1
                lo = min(lo, pos)
                hi = max(hi, pos)
                if pos < lo0 && pos > prevPos { prevPos = pos; prevSite = I.roomSite[Int(state.sessionRoom[Int(s)])] }
                if pos > hi0 && pos < nextPos { nextPos = pos; nextSite = I.roomSite[Int(state.sessionRoom[Int(s)])] }
                if pos == lo0 - 1 { before = true }
                if pos == hi0 + 1 { after = true }
            }
            guard busy > 0 else { continue }
            let oldGap = hi - lo + 1 - busy
            let newLo = min(lo, lo0), newHi = max(hi, hi0)
            let newGap = newHi - newLo + 1 - busy - (hi0 - lo0 + 1)
            cost += Double(newGap - oldGap) * max(W[.idleGap], 0.2)
            if !before && !after { cost += W[.isolated] + 0.1 }
            if prevSite >= 0 && prevSite != site { cost += W[.siteChange] }
            if nextSite >= 0 && nextSite != site { cost += W[.siteChange] }
        }
        return cost
    }

    /// mixSchools cost of joining session s.
    func mixCost(_ unit: Unit, session s: Int) -> Double {
        let w = instance.weights[.mixSchools]
        guard w > 0 else { return 0 }
        let school = instance.groupSchool[Int(unit.group)]
        return state.sessionGroups[s].contains { instance.groupSchool[Int($0)] == school } ? w : 0
    }

    // MARK: - Placing

    /// Tries the options of u best first; forward checking rejects a value
    /// that leaves another unit of the same groups without options.
    mutating func tryPlace(_ u: Int) -> Bool {
        let candidates = options(u)
        var fallback: Option?
        var checked = 0
        for option in candidates {
            guard apply(option, unit: u) else { continue }
            if checked < 8 && wipesOut(u) {
                checked += 1
                if fallback == nil { fallback = option }
                undo(u)
                continue
            }
            return true
        }
        if let fallback, apply(fallback, unit: u) { return true }
        return false
    }

    /// Applies an option; false (no change) if staff cannot be found.
    mutating func apply(_ o: Option, unit u: Int) -> Bool {
        if o.session >= 0 {
            guard state.join(unit: u, session: o.session) else { return false }
        } else {
            guard state.open(activity: o.activity, slot: o.slot, room: o.room, unit: u) != nil else { return false }
        }
        placedAt[u] = iteration
        touched(day: o.slot / instance.periodCount, groups: table.units[u].groups)
        return true
    }

    mutating func undo(_ u: Int) {
        let s = Int(state.unitSession[u])
        guard s >= 0 else { return }
        let d = state.day(ofSession: s)
        state.unassign(u)
        touched(day: d, groups: table.units[u].groups)
    }

    /// Whether placing u left some other unplaced unit of its groups with no option.
    func wipesOut(_ u: Int) -> Bool {
        for g in table.units[u].groups {
            for v32 in table.unitsOfGroup[Int(g)] {
                let v = Int(v32)
                if v != u && state.unitSession[v] < 0 && countOptions(v, cap: 1) == 0 { return true }
            }
        }
        return false
    }

    // MARK: - Backjumping

    /// Places u where it conflicts least, undoing the conflicting placements.
    mutating func backjump(_ u: Int) {
        let I = instance, unit = table.units[u], T = I.slotCount, P = I.periodCount
        forced[u] += 1
        guard forced[u] <= giveUpAfter else {
            impossible[u] = true
            return
        }
        var best: (Option, [Int])?
        var bestCost = Double.infinity
        var seen = [Int]()
        for a32 in unit.activities {
            let a = Int(a32)
            var yearsOK = true
            for g in unit.groups where !I.yearAllowed(group: Int(g), activity: a) { yearsOK = false }
            guard yearsOK else { continue }
            if case .choice = unit.kind, state.choiceCount[Int(unit.group) * I.activityCount + a] > 0 { continue }
            let k = Int(I.duration[a])
            for d32 in unitDays[u] {
                let d = Int(d32)
                for p in 0..<P {
                    let t = d * P + p
                    guard t >= state.openFrom, I.canStart(a, at: t), unit.groups.allSatisfy({ state.groupVisits(Int($0), at: t, duration: k) }) else { continue }
                    // Units of u's groups in the way.
                    seen.removeAll(keepingCapacity: true)
                    guard state.unitsHolding(groups: unit.groups, from: t, duration: k, into: &seen) else { continue }
                    let groupConflicts = seen
                    // Join an existing session.
                    for s32 in state.sessionsAt[a * T + t] where state.sessionHasPlace(for: u, in: Int(s32)) {
                        let cost = conflictCost(groupConflicts)
                        if cost < bestCost {
                            bestCost = cost
                            best = (Option(activity: a, slot: t, session: Int(s32), room: Int(state.sessionRoom[Int(s32)]), score: 0), groupConflicts)
                        }
                    }
                    // Or open one, displacing what holds the room.
                    for r32 in I.activityRooms[a] {
                        let r = Int(r32)
                        guard state.roomTakes(unit: u, activity: a, room: r, at: t) else { continue }
                        var list = groupConflicts
                        guard state.unitsHolding(room: r, from: t, duration: k, into: &list) else { continue }
                        if !state.mayAddSession(activity: a, day: d) {
                            // Make room under maxPerDay/maxSessions by displacing another session of a that day.
                            guard let s = displaceableSession(activity: a, day: d) else { continue }
                            for v in state.sessionUnits[s] where !list.contains(Int(v)) { list.append(Int(v)) }
                        }
                        guard let staffConflicts = state.staffConflicts(activity: a, slot: t, pupils: unit.pupils, ignoring: list) else { continue }
                        for v in staffConflicts where !list.contains(v) { list.append(v) }
                        let cost = conflictCost(list) + 0.01 * Double(list.count)
                        if cost < bestCost {
                            bestCost = cost
                            best = (Option(activity: a, slot: t, session: -1, room: r, score: 0), list)
                        }
                    }
                }
            }
        }
        guard let (option, victims) = best else {
            impossible[u] = true
            return
        }
        for v in victims {
            conflicts[v] += 1
            undo(v)
        }
        if option.session >= 0 && !state.sessionAlive[option.session] {
            _ = apply(Option(activity: option.activity, slot: option.slot, session: -1, room: option.room, score: 0), unit: u)
        } else if !apply(option, unit: u), option.session >= 0 {
            // The session would not take u (no staff for the larger
            // session): u opens one of its own, in a room free then — not
            // the session's, which it still holds.
            let a = option.activity, t = option.slot
            if let r = instance.activityRooms[a].first(where: { state.mayOpen(unit: u, activity: a, at: t, room: Int($0)) }) {
                _ = apply(Option(activity: a, slot: t, session: -1, room: Int(r), score: 0), unit: u)
            }
        }
    }

    /// An unlocked session of activity a, on day d if that day is full, else
    /// on any day (when `maxSessions` is what binds).
    func displaceableSession(activity a: Int, day d: Int) -> Int? {
        let I = instance, T = I.slotCount, P = I.periodCount
        let dayFull = state.activityDay[a * I.dayCount + d] >= I.maxPerDay[a]
        let days = dayFull ? d...d : 0...(I.dayCount - 1)
        for dd in days {
            for p in 0..<P {
                for s in state.sessionsAt[a * T + dd * P + p] where !state.sessionLocked[Int(s)] { return Int(s) }
            }
        }
        return nil
    }

    /// Weight of undoing these units: recently placed ones are tabu, often
    /// disturbed ones cost more; a little noise breaks ties.
    mutating func conflictCost(_ units: [Int]) -> Double {
        var cost = random.unit() * 0.5
        for v in units {
            cost += 1 + Double(conflicts[v]) * 0.3 + Double(table.units[v].groups.count - 1) * 0.5
            if iteration - placedAt[v] < Self.tabuLength { cost += 50 }
            if let reference, reference.has(v) {
                // Still where the repaired schedule had it: undo others first.
                let s = Int(state.unitSession[v])
                if s >= 0 && reference.slot[v] == state.sessionSlot[s] && reference.room[v] == state.sessionRoom[s] { cost += 20 }
            }
        }
        return cost
    }

    // MARK: - Fixed sessions

    /// Why fixed session f cannot be held as written with these units, or nil.
    func fixedObstacle(_ f: FixedSession, units: [Int]) -> String? {
        let I = instance, a = f.activity, t = I.slot(day: f.day, period: f.start), k = Int(I.duration[a])
        guard I.sessionFits.contains(a, t) else { return "\(k) period(s) from \(I.periodID(f.start)) do not fit the day" }
        guard I.inWindow.contains(a, t) else { return "outside the activity's window" }
        guard I.roomAllowed.contains(a, f.room) else { return "the room lacks the activity's features or is not among its rooms" }
        guard state.roomAvailable(f.room, at: t, duration: k) else { return "the room is unavailable or taken then" }
        let pupils = units.reduce(0) { $0 + Int(table.units[$1].pupils) }
        guard state.fits(pupils: Int32(clamping: pupils), activity: a, room: f.room) else { return "\(pupils) pupils do not fit" }
        guard units.reduce(0, { $0 + table.units[$1].groups.count }) <= Int(I.maxGroups[a]) else { return "more groups than maxGroups" }
        for u in units {
            guard state.unitMayAttend(u, activity: a) else { return "a group's year is outside the activity's years" }
            for g in table.units[u].groups {
                guard I.groupNeedsMet.contains(Int(g), f.room) else { return "the room lacks what group \(I.groupID(Int(g))) needs" }
                guard state.groupVisits(Int(g), at: t, duration: k) else { return "group \(I.groupID(Int(g))) is not visiting then" }
                guard state.groupFree(Int(g), at: t, duration: k) else { return "group \(I.groupID(Int(g))) is already busy then" }
            }
        }
        for st in f.staff where !I.staffAvailable.containsAll(st, from: t, count: k) {
            return "staff \(I.staffID(st)) is not available then"
        }
        return nil
    }

    /// Places the fixed sessions first and locks them.
    mutating func placeFixed() {
        let I = instance
        for f in I.fixed {
            let a = f.activity, t = I.slot(day: f.day, period: f.start)
            let label = "fixed session \(I.activityID(a)) on \(I.dayID(f.day)) \(I.periodID(f.start)) in \(I.roomID(f.room))"
            // Units this session serves: the cohort for a together activity,
            // else one unit per listed group.
            var units: [Int] = []
            if I.together[a] {
                if let u = table.units.indices.first(where: { table.units[$0].kind == .cohort && table.units[$0].activities == [Int32(a)]
                    && (table.units[$0].day < 0 || Int(table.units[$0].day) == f.day) && state.unitSession[$0] < 0 }) {
                    units = [u]
                }
            } else {
                for g in f.groups {
                    if let u = table.unitsOfGroup[g].map(Int.init).first(where: { u in
                        let unit = table.units[u]
                        return state.unitSession[u] < 0 && unit.activities.contains(Int32(a)) && (unit.day < 0 || Int(unit.day) == f.day)
                            && state.unitMayAttend(u, activity: a)
                    }) {
                        units.append(u)
                    } else {
                        blockers.append("\(label): group \(I.groupID(g)) has no attend item left that this session could serve")
                    }
                }
            }
            guard let first = units.first else {
                blockers.append("\(label): no group to place in it")
                continue
            }
            if let why = fixedObstacle(f, units: units) {
                blockers.append("\(label): \(why)")
                continue
            }
            guard let s = state.open(activity: a, slot: t, room: f.room, unit: first, requiredStaff: f.staff.map { Int32($0) }, locked: true) else {
                blockers.append("\(label): its staff cannot all be there (unavailable, busy or over their limits)")
                continue
            }
            placedAt[first] = Int.max / 2
            for u in units.dropFirst() {
                if state.groupFree(Int(table.units[u].group), at: t, duration: Int(I.duration[a])), state.join(unit: u, session: s) {
                    placedAt[u] = Int.max / 2
                } else {
                    blockers.append("\(label): group \(I.groupID(Int(table.units[u].group))) cannot be added")
                }
            }
        }
    }
}
