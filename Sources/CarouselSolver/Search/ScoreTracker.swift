import CarouselModel

/// The soft score of a `PartialSchedule`, kept up to date incrementally.
///
/// The score is a sum of small components — one per (group, day) for the day
/// shape terms, one per group for preference and spread, one per session,
/// activity and (staff, day) — each cached with its last value. After a move,
/// `refresh` recomputes only the components the move touched and adds the
/// differences to the totals, so a move costs O(what it touched), never a
/// rescore. `Evaluator` remains the reference: tests check the two agree
/// after thousands of random moves.
///
/// Every change to a cached component since `beginMove()` is journaled, so
/// that a move taken back exactly (the schedule restored as it was) is taken
/// back here by `rollBack()` without recomputing anything.
public struct ScoreTracker: Sendable {
    let instance: CompiledInstance
    /// Unweighted totals per term (`Weights.Term.index`).
    public private(set) var costs: [Int]
    private let weight: [Double]

    private var dayIdle: [Int32]
    private var dayIsolated: [Int32]
    private var daySites: [Int32]
    private var groupPreference: [Int32]
    private var groupSpread: [Int32]
    private var sessionMix: [Int32]
    private var sessionOver: [Int32]
    private var sessionCounted: [Bool]
    private var activityStability: [Int32]
    private var staffOverload: [Int32]
    // Version 2 (spec sections 10–14), each kept only when its weight counts.
    private var sessionTravel: [Int32]
    private var groupContinuity: [Int32]
    private var activityDisplaced: [Int32]
    /// Sessions held at each site, and the site each session was counted
    /// at (-1: not counted), for `hostBalance`.
    private var siteSessions: [Int32]
    private var sessionSite: [Int32]
    /// `hostBalance`, from `siteSessions` (fractional, so kept apart from `costs`).
    public private(set) var hostBalance = 0.0
    private let tracksTravel: Bool
    private let tracksContinuity: Bool
    private let tracksHosts: Bool
    /// Activities with fixed sessions that may move (their `displaced`).
    private let movingActivities: [Bool]
    /// Scratch for continuity: a mark per staff member.
    private var staffMarks: [UInt32]
    private var markStamp: UInt32 = 0
    /// Whether some activity is in two of the group's oneOf lists (then the
    /// preference needs the general assignment).
    private let overlappingChoices: [Bool]
    /// The schedule being repaired, if any, and each session's share of the
    /// change from it (Σ `Reference.cost` over the session's units).
    private let reference: Reference?
    private var sessionChange: [Int32]
    /// Weighted changes from the reference schedule (0 without one): what
    /// repair minimises ahead of the soft score.
    public private(set) var perturbation = 0

    /// The cached components, as the journal names them.
    private enum Cache: UInt8 {
        case dayIdle, dayIsolated, daySites, groupPreference, groupSpread
        case sessionMix, sessionOver, sessionCounted, sessionChange, activityStability, staffOverload
        case sessionTravel, groupContinuity, activityDisplaced, siteSessions, sessionSite

        /// The total the component adds to.
        var total: Total {
            switch self {
            case .dayIdle: .term(.idleGap)
            case .dayIsolated: .term(.isolated)
            case .daySites: .term(.siteChange)
            case .groupPreference: .term(.preference)
            case .groupSpread: .term(.spread)
            case .sessionMix: .term(.mixSchools)
            case .sessionOver: .term(.overCapacity)
            case .sessionCounted: .term(.sessions)
            case .sessionChange: .perturbation
            case .activityStability: .term(.roomStability)
            case .staffOverload: .term(.staffOverload)
            case .sessionTravel: .term(.travel)
            case .groupContinuity: .term(.continuity)
            case .activityDisplaced: .term(.displaced)
            // Counts `hostBalance` is computed from, not a sum of its own.
            case .siteSessions, .sessionSite: .none
            }
        }
    }

    /// Where a component's changes are added.
    private enum Total {
        case term(Weights.Term)
        /// The weighted change from the reference schedule.
        case perturbation
        case none
    }
    /// Each component changed since `beginMove()` with its value before (the
    /// storage is kept from move to move).
    private var journal: [(cache: Cache, index: Int32, old: Int32)] = []

    /// Builds the caches from scratch. O(size of the schedule).
    public init(_ state: PartialSchedule, reference: Reference? = nil) {
        let I = state.instance
        instance = I
        self.reference = reference
        sessionChange = []
        costs = Array(repeating: 0, count: Weights.Term.allCases.count)
        weight = Weights.Term.allCases.map { I.weights[$0] }
        dayIdle = Array(repeating: 0, count: I.groupCount * I.dayCount)
        dayIsolated = dayIdle
        daySites = dayIdle
        groupPreference = Array(repeating: 0, count: I.groupCount)
        groupSpread = groupPreference
        sessionMix = []
        sessionOver = []
        sessionCounted = []
        activityStability = Array(repeating: 0, count: I.activityCount)
        staffOverload = Array(repeating: 0, count: I.staffCount * I.dayCount)
        sessionTravel = []
        groupContinuity = Array(repeating: 0, count: I.groupCount)
        activityDisplaced = Array(repeating: 0, count: I.activityCount)
        siteSessions = Array(repeating: 0, count: I.sites.count)
        sessionSite = []
        tracksTravel = I.weights.travel > 0 && (I.sites.groupHome.contains { $0 >= 0 } || I.sites.staffHome.contains { $0 >= 0 })
        tracksContinuity = I.weights.continuity > 0
        tracksHosts = I.weights.hostBalance > 0 && I.sites.hasHosts
        var moving = [Bool](repeating: false, count: I.activityCount)
        if I.weights.displaced > 0 { for f in I.fixed where f.move != nil { moving[f.activity] = true } }
        movingActivities = moving
        staffMarks = Array(repeating: 0, count: I.staffCount)
        overlappingChoices = I.choice.map { items in
            let all = items.flatMap(\.choices)
            return Set(all).count != all.count
        }
        for g in 0..<I.groupCount {
            for d in 0..<I.dayCount { refreshGroupDay(g, d, state) }
            refreshGroup(g, state)
        }
        for s in 0..<state.sessionAlive.count { refreshSession(s, state) }
        for a in 0..<I.activityCount { refreshActivity(a, state) }
        for st in 0..<I.staffCount {
            for d in 0..<I.dayCount { refreshStaffDay(st, d, state) }
        }
        journal.removeAll()
    }

    /// Recomputes every component from scratch (the journal starts afresh).
    public mutating func rebuild(_ state: PartialSchedule) {
        self = ScoreTracker(state, reference: reference)
    }

    // MARK: - Taking a move back

    /// Starts journaling a move: `rollBack()` returns to this point.
    public mutating func beginMove() {
        journal.clearKeepingCapacity()
    }

    /// Restores every component and total to what it was at `beginMove()`.
    /// Only for a schedule that is itself back where it was then: the
    /// components are not recomputed.
    public mutating func rollBack() {
        for entry in journal.reversed() {
            let i = Int(entry.index), old = entry.old
            let now: Int32
            switch entry.cache {
            case .dayIdle: now = dayIdle[i]; dayIdle[i] = old
            case .dayIsolated: now = dayIsolated[i]; dayIsolated[i] = old
            case .daySites: now = daySites[i]; daySites[i] = old
            case .groupPreference: now = groupPreference[i]; groupPreference[i] = old
            case .groupSpread: now = groupSpread[i]; groupSpread[i] = old
            case .sessionMix: now = sessionMix[i]; sessionMix[i] = old
            case .sessionOver: now = sessionOver[i]; sessionOver[i] = old
            case .sessionCounted: now = sessionCounted[i] ? 1 : 0; sessionCounted[i] = old != 0
            case .sessionChange: now = sessionChange[i]; sessionChange[i] = old
            case .activityStability: now = activityStability[i]; activityStability[i] = old
            case .staffOverload: now = staffOverload[i]; staffOverload[i] = old
            case .sessionTravel: now = sessionTravel[i]; sessionTravel[i] = old
            case .groupContinuity: now = groupContinuity[i]; groupContinuity[i] = old
            case .activityDisplaced: now = activityDisplaced[i]; activityDisplaced[i] = old
            case .siteSessions: now = siteSessions[i]; siteSessions[i] = old
            case .sessionSite: now = sessionSite[i]; sessionSite[i] = old
            }
            Self.addToTotal(entry.cache, Int(old) - Int(now), costs: &costs, perturbation: &perturbation)
        }
        if tracksHosts { hostBalance = HostBalance.cost(counts: siteSessions, sites: instance.sites) }
        journal.clearKeepingCapacity()
    }

    /// Sets `values[i]` to `value` (journaled as `name` when it changes) and
    /// adds the difference to the component's total.
    @inline(__always)
    private static func update(_ values: inout [Int32], _ name: Cache, _ i: Int, to value: Int, costs: inout [Int],
                               perturbation: inout Int, journal: inout [(cache: Cache, index: Int32, old: Int32)]) {
        let old = values[i]
        guard Int(old) != value else { return }
        journal.append((name, Int32(i), old))
        addToTotal(name, value - Int(old), costs: &costs, perturbation: &perturbation)
        values[i] = Int32(value)
    }

    /// Adds `delta` to the total component `name` counts in: its term's
    /// cost, or the perturbation.
    @inline(__always)
    private static func addToTotal(_ name: Cache, _ delta: Int, costs: inout [Int], perturbation: inout Int) {
        switch name.total {
        case .term(let term): costs[term.index] += delta
        case .perturbation: perturbation += delta
        case .none: break
        }
    }

    /// Σ weight × cost.
    public var soft: Double {
        var total = 0.0
        for i in costs.indices where costs[i] != 0 { total += weight[i] * Double(costs[i]) }
        return total + weight[Weights.Term.hostBalance.index] * hostBalance
    }

    /// The unweighted cost of a term (as `Evaluation.cost`). The version 2
    /// terms are kept only while their weight counts (0 otherwise).
    public func cost(_ term: Weights.Term) -> Double {
        term == .hostBalance ? hostBalance : Double(costs[term.index])
    }

    // MARK: - Refreshing touched components

    /// Recomputes the day-shape terms of group g on day d: one pass over the
    /// day's non-break periods, where a session is a run of one session id.
    public mutating func refreshGroupDay(_ g: Int, _ d: Int, _ state: PartialSchedule) {
        let I = instance, P = I.periodCount, T = I.slotCount
        let base = g * T + d * P
        var lo = -1, hi = -1, busy = 0, isolated = 0, sites = 0
        var run: Int32 = -1
        var runHasBefore = false
        var lastSite: Int32 = -1
        for p in 0..<P {
            let pos = Int(I.position[d * P + p])
            guard pos >= 0 else { continue }
            let s = state.groupAt[base + p]
            if s != run {
                if run >= 0 && !runHasBefore && s < 0 { isolated += 1 }
                if s >= 0 {
                    runHasBefore = run >= 0
                    let site = I.roomSite[Int(state.sessionRoom[Int(s)])]
                    // Spec section 10: a pair with a session at an online site does not count.
                    if lastSite >= 0 && site != lastSite && !I.sites.online[Int(site)] && !I.sites.online[Int(lastSite)] { sites += 1 }
                    lastSite = site
                }
                run = s
            }
            if s >= 0 {
                busy += 1
                if lo < 0 { lo = pos }
                hi = pos
            }
        }
        if run >= 0 && !runHasBefore { isolated += 1 }
        let idle = lo < 0 || !I.counts(.idleGap, forGroup: g) ? 0 : hi - lo + 1 - busy
        if !I.counts(.isolated, forGroup: g) { isolated = 0 }
        if !I.counts(.siteChange, forGroup: g) { sites = 0 }
        let i = g * I.dayCount + d
        Self.update(&dayIdle, .dayIdle, i, to: idle, costs: &costs, perturbation: &perturbation, journal: &journal)
        Self.update(&dayIsolated, .dayIsolated, i, to: isolated, costs: &costs, perturbation: &perturbation, journal: &journal)
        Self.update(&daySites, .daySites, i, to: sites, costs: &costs, perturbation: &perturbation, journal: &journal)
    }

    /// Recomputes preference and spread of group g.
    public mutating func refreshGroup(_ g: Int, _ state: PartialSchedule) {
        let I = instance
        var preference = 0
        if !I.choice[g].isEmpty && !overlappingChoices[g] {
            // Each chosen activity belongs to exactly one list: sum ranks per item.
            for (k, item) in I.choice[g].enumerated() {
                guard let rank = item.rank else { continue }
                var sum = 0
                for u in state.table.unitsOfGroup[g] {
                    let a = state.unitActivity[Int(u)]
                    guard a >= 0, case .choice(let kk) = state.table.units[Int(u)].kind, Int(kk) == k,
                          let i = item.choices.firstIndex(of: a) else { continue }
                    sum += Int(rank[i])
                }
                preference += max(0, sum - Int(item.leastRankSum))
            }
        } else if !I.choice[g].isEmpty {
            var chosen: [Int] = []
            for u in state.table.unitsOfGroup[g] {
                if case .choice = state.table.units[Int(u)].kind, state.unitActivity[Int(u)] >= 0 { chosen.append(Int(state.unitActivity[Int(u)])) }
            }
            preference = ChoiceAssignment.best(items: I.choice[g], chosen: chosen).1
        }
        var spread = 0
        for item in I.spread[g] {
            var days: UInt64 = 0
            var extra = Set<Int>()
            // An item with `within` counts only its own units (those inside its ranges).
            for u in state.table.unitsOfGroup[g]
            where state.unitActivity[Int(u)] == item.activity && (item.within < 0 || state.table.units[Int(u)].within == item.within) {
                let d = state.day(ofSession: Int(state.unitSession[Int(u)]))
                if d < 64 { days |= 1 << UInt64(d) } else { extra.insert(d) }
            }
            spread += max(0, Int(item.minDays) - days.nonzeroBitCount - extra.count)
        }
        if !I.counts(.preference, forGroup: g) { preference = 0 }
        if !I.counts(.spread, forGroup: g) { spread = 0 }
        Self.update(&groupPreference, .groupPreference, g, to: preference, costs: &costs, perturbation: &perturbation, journal: &journal)
        Self.update(&groupSpread, .groupSpread, g, to: spread, costs: &costs, perturbation: &perturbation, journal: &journal)
        refreshContinuity(g, state)
    }

    /// Recomputes the continuity of group g (spec section 12).
    public mutating func refreshContinuity(_ g: Int, _ state: PartialSchedule) {
        guard tracksContinuity else { return }
        let value = state.continuity(ofGroup: g, marks: &staffMarks, stamp: &markStamp)
        Self.update(&groupContinuity, .groupContinuity, g, to: value, costs: &costs, perturbation: &perturbation, journal: &journal)
    }

    /// Recomputes mixSchools, overCapacity, the session count and the change
    /// from the reference for session s.
    public mutating func refreshSession(_ s: Int, _ state: PartialSchedule) {
        let I = instance
        while sessionMix.count <= s {
            sessionMix.append(0)
            sessionOver.append(0)
            sessionCounted.append(false)
            sessionChange.append(0)
            sessionTravel.append(0)
            sessionSite.append(-1)
        }
        let alive = s < state.sessionAlive.count && state.sessionAlive[s] && !state.sessionGroups[s].isEmpty
        var mix = 0, over = 0
        if alive {
            let groups = state.sessionGroups[s]
            // Groups beyond the first of their school (no allocation: a
            // session holds a handful of groups).
            for i in groups.indices.dropFirst() {
                let school = I.groupSchool[Int(groups[i])]
                if groups[..<i].contains(where: { I.groupSchool[Int($0)] == school }) { mix += 1 }
            }
            if I.weights.overCapacity != nil {
                let cap = I.roomCapacity[Int(state.sessionRoom[s])]
                if cap != CompiledInstance.unlimited { over = max(0, Int(state.sessionPupils[s]) - Int(cap)) }
            }
        }
        Self.update(&sessionMix, .sessionMix, s, to: mix, costs: &costs, perturbation: &perturbation, journal: &journal)
        Self.update(&sessionOver, .sessionOver, s, to: over, costs: &costs, perturbation: &perturbation, journal: &journal)
        if sessionCounted[s] != alive {
            journal.append((.sessionCounted, Int32(s), sessionCounted[s] ? 1 : 0))
            Self.addToTotal(.sessionCounted, alive ? 1 : -1, costs: &costs, perturbation: &perturbation)
            sessionCounted[s] = alive
        }
        if let reference {
            var change: Int32 = 0
            if alive {
                for u in state.sessionUnits[s] {
                    change += reference.cost(unit: Int(u), slot: state.sessionSlot[s], room: state.sessionRoom[s],
                                             staff: state.sessionStaff[s])
                }
            }
            Self.update(&sessionChange, .sessionChange, s, to: Int(change), costs: &costs, perturbation: &perturbation, journal: &journal)
        }
        if tracksTravel { refreshTravel(s, alive: alive, state) }
        if tracksHosts {
            let site = alive ? Int(I.roomSite[Int(state.sessionRoom[s])]) : -1
            let was = Int(sessionSite[s])
            if site != was {
                if was >= 0 {
                    Self.update(&siteSessions, .siteSessions, was, to: Int(siteSessions[was]) - 1, costs: &costs,
                                perturbation: &perturbation, journal: &journal)
                }
                if site >= 0 {
                    Self.update(&siteSessions, .siteSessions, site, to: Int(siteSessions[site]) + 1, costs: &costs,
                                perturbation: &perturbation, journal: &journal)
                }
                Self.update(&sessionSite, .sessionSite, s, to: site, costs: &costs, perturbation: &perturbation, journal: &journal)
                hostBalance = HostBalance.cost(counts: siteSessions, sites: I.sites)
            }
        }
        if tracksContinuity && alive {
            // Its staff may have changed: every group in it sees them.
            for i in state.sessionGroups[s].indices { refreshContinuity(Int(state.sessionGroups[s][i]), state) }
        }
    }

    /// Recomputes session s's travel: minutes from each member's home.
    private mutating func refreshTravel(_ s: Int, alive: Bool, _ state: PartialSchedule) {
        let I = instance
        var minutes = 0
        if alive {
            let site = Int(I.roomSite[Int(state.sessionRoom[s])])
            for i in state.sessionGroups[s].indices {
                let home = I.sites.groupHome[Int(state.sessionGroups[s][i])]
                if home >= 0 { minutes += Int(I.sites.minutes(Int(home), site)) }
            }
            for i in state.sessionStaff[s].indices {
                let home = I.sites.staffHome[Int(state.sessionStaff[s][i])]
                if home >= 0 { minutes += Int(I.sites.minutes(Int(home), site)) }
            }
        }
        Self.update(&sessionTravel, .sessionTravel, s, to: minutes, costs: &costs, perturbation: &perturbation, journal: &journal)
    }

    /// Recomputes roomStability of activity a.
    public mutating func refreshActivity(_ a: Int, _ state: PartialSchedule) {
        let value = max(0, Int(state.activityRoomsUsed[a]) - 1)
        Self.update(&activityStability, .activityStability, a, to: value, costs: &costs, perturbation: &perturbation, journal: &journal)
        if movingActivities[a] {
            Self.update(&activityDisplaced, .activityDisplaced, a, to: state.displaced(activity: a), costs: &costs,
                        perturbation: &perturbation, journal: &journal)
        }
    }

    /// Recomputes staffOverload of staff member st on day d.
    public mutating func refreshStaffDay(_ st: Int, _ d: Int, _ state: PartialSchedule) {
        let I = instance
        let preferred = I.staffPreferredMaxPerDay[st]
        let n = state.staffDay[st * I.dayCount + d]
        let value = preferred == CompiledInstance.unlimited ? 0 : max(0, Int(n) - Int(preferred))
        Self.update(&staffOverload, .staffOverload, st * I.dayCount + d, to: value, costs: &costs, perturbation: &perturbation, journal: &journal)
    }
}
