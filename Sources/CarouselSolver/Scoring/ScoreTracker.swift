import CarouselModel

/// The soft score of a `PartialSchedule`, kept up to date incrementally.
///
/// Every soft term is a sum of small components — per (group, day), group,
/// session, activity or (staff member, day), as its registration says
/// (`SoftTermScoring.Component`) — each cached with its last value. After a
/// move, the `refresh` methods recompute only the components the move
/// touched and add the differences to the totals, so a move costs O(what it
/// touched), never a rescore. Terms without weight are not kept at all.
/// `Evaluator` remains the reference: tests check the two agree after
/// thousands of random moves.
///
/// Every change to a cached component since `beginMove()` is journaled, so
/// that a move taken back exactly (the schedule restored as it was) is taken
/// back here by `rollBack()` without recomputing anything.
public struct ScoreTracker: Sendable {
    let instance: CompiledInstance
    /// Unweighted totals per term (`Weights.Term.index`) of the terms that
    /// carry weight; the others are not kept and stay 0.
    public private(set) var costs: [Int]
    private let weight: [Double]

    /// A term the tracker keeps: its index, where its components start in
    /// its store (session terms: its column), and one component's cost. (One
    /// type per kind of component, not a generic one: a closure stored in a
    /// generic struct is called through a reabstraction thunk.)
    private struct GroupDayTerm: Sendable {
        let term: Int
        let base: Int
        let cost: @Sendable (GroupDayShape) -> Int
        let placement: SoftTermScoring.Placement
    }
    private struct EntityTerm: Sendable {
        let term: Int
        let base: Int
        let cost: @Sendable (Int, PartialSchedule) -> Int
        let placement: SoftTermScoring.Placement
    }
    private struct StaffDayTerm: Sendable {
        let term: Int
        let base: Int
        let cost: @Sendable (Int, Int, PartialSchedule) -> Int
    }

    private let groupDayTerms: [GroupDayTerm]
    private let groupTerms: [EntityTerm]
    /// Per-group terms of the staff a group sees: also refreshed for the
    /// groups of every touched session (its staff may have changed).
    private let groupStaffTerms: [EntityTerm]
    private let sessionTerms: [EntityTerm]
    private let activityTerms: [EntityTerm]
    private let staffDayTerms: [StaffDayTerm]
    /// Per-(gate, day) terms (`arrivalCrowding`), refreshed with the (group,
    /// day) of any group of the gate: the cost type is a staff day's.
    private let gateDayTerms: [StaffDayTerm]
    /// The kept terms that placing a unit may lower anywhere
    /// (`SoftTermScoring.Placement.mayLowerAny`).
    private let termsLoweredAnywhere: [Int]

    /// The cached components of the kept terms but the session ones, term
    /// after term: component i of a term at `values[base + i]`.
    private var values: [Int32]
    /// The kept session terms' components: session s's cost for the k-th
    /// at `sessionValues[s * sessionTerms.count + k]` (grows with the sessions).
    private var sessionValues: [Int32] = []
    /// The schedule being repaired (nil outside a repair), and each
    /// session's share of the change from it (Σ `Reference.cost` over the
    /// session's units).
    let reference: Reference?
    private var sessionChange: [Int32] = []
    /// Weighted changes from the reference schedule (0 without one): what
    /// repair minimises ahead of the soft score.
    public private(set) var perturbation = 0
    /// `hostBalance` (kept when it carries weight): sessions held at each
    /// site, the site each session was counted at (-1: none), and the cost
    /// they give, which may be fractional (so it is not in `costs`).
    private let tracksHosting: Bool
    private var siteSessions: [Int32]
    private var sessionSite: [Int32] = []
    public private(set) var hostBalance = 0.0

    /// Where a journaled component is kept.
    private enum Store: UInt8 {
        case values, sessionValues, sessionChange, siteSessions, sessionSite
    }
    /// The "term" of a journaled component that adds to no total (the
    /// counts behind `hostBalance`); -1 is the perturbation.
    private static let noTotal = -2
    /// Each component changed since `beginMove()` with its value before, and
    /// the term whose total it adds to (-1: `perturbation`). The storage is
    /// kept from move to move.
    private var journal: [(store: Store, term: Int16, position: Int32, old: Int32)] = []

    /// Builds the caches from scratch. O(size of the schedule).
    public init(_ state: PartialSchedule, reference: Reference? = nil) {
        let I = state.instance
        instance = I
        self.reference = reference
        costs = Array(repeating: 0, count: Weights.Term.allCases.count)
        weight = Weights.Term.allCases.map { I.weights[$0] }
        var groupDay: [GroupDayTerm] = []
        var group: [EntityTerm] = [], groupStaff: [EntityTerm] = [], session: [EntityTerm] = [],
            activity: [EntityTerm] = []
        var hosting = false
        var staffDay: [StaffDayTerm] = [], gateDay: [StaffDayTerm] = []
        var size = 0
        var lowerAnywhere: [Int] = []
        for term in Weights.Term.allCases where I.weights[term] != 0 {
            let placement = term.scoring.placement
            if placement == .mayLowerAny { lowerAnywhere.append(term.index) }
            switch term.scoring.component {
            case .groupDay(let cost):
                groupDay.append(GroupDayTerm(term: term.index, base: size, cost: cost, placement: placement))
                size += I.groupCount * I.dayCount
            case .group(let cost):
                group.append(EntityTerm(term: term.index, base: size, cost: cost, placement: placement))
                size += I.groupCount
            case .groupStaff(let cost):
                groupStaff.append(EntityTerm(term: term.index, base: size, cost: cost, placement: placement))
                size += I.groupCount
            case .hosting:
                hosting = I.sites.hasHosts
            case .session(let cost):
                session.append(EntityTerm(term: term.index, base: session.count, cost: cost, placement: placement))
            case .activity(let cost):
                activity.append(EntityTerm(term: term.index, base: size, cost: cost, placement: placement))
                size += I.activityCount
            case .staffDay(let cost):
                staffDay.append(StaffDayTerm(term: term.index, base: size, cost: cost))
                size += I.staffCount * I.dayCount
            case .gateDay(let cost):
                gateDay.append(StaffDayTerm(term: term.index, base: size, cost: cost))
                size += I.arrivals.gateCount * I.dayCount
            }
        }
        termsLoweredAnywhere = lowerAnywhere
        groupDayTerms = groupDay
        groupTerms = group
        groupStaffTerms = groupStaff
        tracksHosting = hosting
        siteSessions = Array(repeating: 0, count: hosting ? I.sites.count : 0)
        sessionTerms = session
        activityTerms = activity
        staffDayTerms = staffDay
        gateDayTerms = gateDay
        values = Array(repeating: 0, count: size)
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
    mutating func rebuild(_ state: PartialSchedule) {
        self = ScoreTracker(state, reference: reference)
    }

    /// The weighted change of session s's units from the reference (0
    /// without one, or for a session not scored).
    func change(ofSession s: Int) -> Int32 { s < sessionChange.count ? sessionChange[s] : 0 }

    /// Σ weight × cost.
    public var soft: Double {
        var total = 0.0
        for i in costs.indices where costs[i] != 0 { total += weight[i] * Double(costs[i]) }
        return tracksHosting ? total + weight[Weights.Term.hostBalance.index] * hostBalance : total
    }

    /// The unweighted cost of a term, as `Evaluation.cost` gives it (0 for
    /// a term without weight, which is not kept).
    public func cost(_ term: Weights.Term) -> Double {
        term == .hostBalance ? hostBalance : Double(costs[term.index])
    }

    /// A lower bound on the soft score once units of the groups in
    /// `groups` are placed as well (none taken out): the score without every
    /// component such placements may lower (`SoftTermScoring.Placement`) —
    /// the groups' own components of the terms placements lower there, and
    /// the whole of the terms they may lower anywhere. What the large-
    /// neighbourhood search's branch and bound prunes with.
    func floor(placing groups: TouchedSet) -> Double {
        var total = soft
        for term in termsLoweredAnywhere {
            total -=
                term == Weights.Term.hostBalance.index ? weight[term] * hostBalance : weight[term] * Double(costs[term])
        }
        let D = instance.dayCount
        for k in groupDayTerms.indices where groupDayTerms[k].placement == .mayLowerItsGroups {
            let w = weight[groupDayTerms[k].term], base = groupDayTerms[k].base
            for g in groups {
                for d in 0..<D { total -= w * Double(values[base + g * D + d]) }
            }
        }
        for k in groupTerms.indices where groupTerms[k].placement == .mayLowerItsGroups {
            let w = weight[groupTerms[k].term], base = groupTerms[k].base
            for g in groups { total -= w * Double(values[base + g]) }
        }
        return total
    }

    // MARK: - Taking a move back

    /// Starts journaling a move: `rollBack()` returns to this point.
    mutating func beginMove() {
        journal.clearKeepingCapacity()
    }

    /// Restores every component and total to what it was at `beginMove()`.
    /// Only for a schedule that is itself back where it was then: the
    /// components are not recomputed.
    mutating func rollBack() {
        for entry in journal.reversed() {
            let i = Int(entry.position), old = entry.old
            let now: Int32
            switch entry.store {
            case .values:
                now = values[i]
                values[i] = old
            case .sessionValues:
                now = sessionValues[i]
                sessionValues[i] = old
            case .sessionChange:
                now = sessionChange[i]
                sessionChange[i] = old
            case .siteSessions:
                now = siteSessions[i]
                siteSessions[i] = old
            case .sessionSite:
                now = sessionSite[i]
                sessionSite[i] = old
            }
            Self.addToTotal(Int(entry.term), Int(old) - Int(now), costs: &costs, perturbation: &perturbation)
        }
        if tracksHosting { hostBalance = HostBalance.cost(counts: siteSessions, sites: instance.sites) }
        journal.clearKeepingCapacity()
    }

    /// Sets `cache[i]` to `value` (journaled when it changes) and adds the
    /// difference to `term`'s total (-1: the perturbation).
    @inline(__always)
    private static func update(
        _ cache: inout [Int32], _ store: Store, _ i: Int, to value: Int, term: Int,
        costs: inout [Int], perturbation: inout Int,
        journal: inout [(store: Store, term: Int16, position: Int32, old: Int32)]
    ) {
        let old = cache[i]
        guard Int(old) != value else { return }
        journal.append((store, Int16(term), Int32(i), old))
        addToTotal(term, value - Int(old), costs: &costs, perturbation: &perturbation)
        cache[i] = Int32(value)
    }

    @inline(__always)
    private static func addToTotal(_ term: Int, _ delta: Int, costs: inout [Int], perturbation: inout Int) {
        if term >= 0 { costs[term] += delta } else if term == -1 { perturbation += delta }
    }

    // MARK: - Refreshing touched components

    /// Recomputes the per-(group, day) terms of group g on day d, from one
    /// pass over the day (`GroupDayShape`).
    mutating func refreshGroupDay(_ g: Int, _ d: Int, _ state: PartialSchedule) {
        if !gateDayTerms.isEmpty {
            let A = instance.arrivals
            refreshGateDay(Int(A.partyGate[Int(A.partyOfGroup[g])]), d, state)
        }
        guard !groupDayTerms.isEmpty else { return }
        let shape = GroupDayShape(group: g, day: d, state)
        let i = g * instance.dayCount + d
        for k in groupDayTerms.indices {
            let term = groupDayTerms[k].term
            let value = instance.groupExempt[g] & (1 << UInt32(term)) == 0 ? groupDayTerms[k].cost(shape) : 0
            Self.update(
                &values, .values, groupDayTerms[k].base + i, to: value, term: term, costs: &costs,
                perturbation: &perturbation, journal: &journal)
        }
    }

    /// Recomputes the per-group terms of group g.
    mutating func refreshGroup(_ g: Int, _ state: PartialSchedule) {
        for k in groupTerms.indices {
            let term = groupTerms[k].term
            let value = instance.groupExempt[g] & (1 << UInt32(term)) == 0 ? groupTerms[k].cost(g, state) : 0
            Self.update(
                &values, .values, groupTerms[k].base + g, to: value, term: term, costs: &costs,
                perturbation: &perturbation, journal: &journal)
        }
        refreshGroupStaff(g, state)
    }

    /// Recomputes the per-group terms of the staff group g sees.
    mutating func refreshGroupStaff(_ g: Int, _ state: PartialSchedule) {
        for k in groupStaffTerms.indices {
            Self.update(
                &values, .values, groupStaffTerms[k].base + g, to: groupStaffTerms[k].cost(g, state),
                term: groupStaffTerms[k].term, costs: &costs, perturbation: &perturbation, journal: &journal)
        }
    }

    /// Recomputes the per-session terms and the change from the reference
    /// for session s (0 when it is dead or holds no group).
    mutating func refreshSession(_ s: Int, _ state: PartialSchedule) {
        let n = sessionTerms.count
        guard n > 0 || reference != nil || tracksHosting || !groupStaffTerms.isEmpty else { return }
        let alive = s < state.sessionAlive.count && state.sessionAlive[s] && !state.sessionGroups[s].isEmpty
        if tracksHosting { refreshHosting(s, alive: alive, state) }
        if alive && !groupStaffTerms.isEmpty {
            for i in state.sessionGroups[s].indices { refreshGroupStaff(Int(state.sessionGroups[s][i]), state) }
        }
        if n > 0 {
            while sessionValues.count < (s + 1) * n { sessionValues.append(0) }
            for k in sessionTerms.indices {
                Self.update(
                    &sessionValues, .sessionValues, s * n + k, to: alive ? sessionTerms[k].cost(s, state) : 0,
                    term: sessionTerms[k].term, costs: &costs, perturbation: &perturbation, journal: &journal)
            }
        }
        if let reference {
            while sessionChange.count <= s { sessionChange.append(0) }
            let change = alive ? reference.change(ofSession: s, in: state) : 0
            Self.update(
                &sessionChange, .sessionChange, s, to: Int(change), term: -1, costs: &costs,
                perturbation: &perturbation, journal: &journal)
        }
    }

    /// Moves session s's count to the site it is held at now (none when
    /// dead), and recomputes `hostBalance` when that changed.
    private mutating func refreshHosting(_ s: Int, alive: Bool, _ state: PartialSchedule) {
        while sessionSite.count <= s { sessionSite.append(-1) }
        let site = alive ? Int(instance.roomSite[Int(state.sessionRoom[s])]) : -1
        let was = Int(sessionSite[s])
        guard site != was else { return }
        if was >= 0 {
            Self.update(
                &siteSessions, .siteSessions, was, to: Int(siteSessions[was]) - 1, term: Self.noTotal, costs: &costs,
                perturbation: &perturbation, journal: &journal)
        }
        if site >= 0 {
            Self.update(
                &siteSessions, .siteSessions, site, to: Int(siteSessions[site]) + 1, term: Self.noTotal, costs: &costs,
                perturbation: &perturbation, journal: &journal)
        }
        Self.update(
            &sessionSite, .sessionSite, s, to: site, term: Self.noTotal, costs: &costs, perturbation: &perturbation,
            journal: &journal)
        hostBalance = HostBalance.cost(counts: siteSessions, sites: instance.sites)
    }

    /// Recomputes the per-activity terms of activity a.
    mutating func refreshActivity(_ a: Int, _ state: PartialSchedule) {
        for k in activityTerms.indices {
            Self.update(
                &values, .values, activityTerms[k].base + a, to: activityTerms[k].cost(a, state),
                term: activityTerms[k].term, costs: &costs, perturbation: &perturbation, journal: &journal)
        }
    }

    /// Recomputes the per-(gate, day) terms of gate k on day d.
    private mutating func refreshGateDay(_ k: Int, _ d: Int, _ state: PartialSchedule) {
        let i = k * instance.dayCount + d
        for j in gateDayTerms.indices {
            Self.update(
                &values, .values, gateDayTerms[j].base + i, to: gateDayTerms[j].cost(k, d, state),
                term: gateDayTerms[j].term, costs: &costs, perturbation: &perturbation, journal: &journal)
        }
    }

    /// Recomputes the per-(staff member, day) terms of staff member st on day d.
    mutating func refreshStaffDay(_ st: Int, _ d: Int, _ state: PartialSchedule) {
        let i = st * instance.dayCount + d
        for k in staffDayTerms.indices {
            Self.update(
                &values, .values, staffDayTerms[k].base + i, to: staffDayTerms[k].cost(st, d, state),
                term: staffDayTerms[k].term, costs: &costs, perturbation: &perturbation, journal: &journal)
        }
    }
}
