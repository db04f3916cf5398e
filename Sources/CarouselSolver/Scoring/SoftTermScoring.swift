import CarouselModel

/// How one soft term is scored: from scratch, and piece by piece as the
/// search changes the schedule.
///
/// Every term is a sum over components of one kind — (group, day), group,
/// session, activity or (staff member, day) — and `ScoreTracker` keeps each
/// component's cost, recomputing only the components a move touched. A
/// term gives the cost of one component (`component`) and, independently,
/// of a whole schedule (`evaluate`); tests hold the two to each other after
/// thousands of moves, and `evaluate` to `check.py`.
///
/// The functions are plain functions of the term's file (no captured
/// state), registered in `Weights.Term.scoring`.
struct SoftTermScoring: Sendable {
    /// The components a term is a sum over, with the cost of one.
    enum Component: Sendable {
        /// Per group per day, from the shape of the group's day (one pass
        /// over the day serves every such term).
        case groupDay(@Sendable (GroupDayShape) -> Int)
        /// Per group.
        case group(@Sendable (_ group: Int, _ state: PartialSchedule) -> Int)
        /// Per group, and a function of the staff in its sessions: kept
        /// fresh for the groups of every session a move touched, too.
        case groupStaff(@Sendable (_ group: Int, _ state: PartialSchedule) -> Int)
        /// `hostBalance`: a fractional function of the sessions held at
        /// each site, which the tracker keeps itself.
        case hosting
        /// Per live session that holds a group (others cost 0).
        case session(@Sendable (_ session: Int, _ state: PartialSchedule) -> Int)
        /// Per activity.
        case activity(@Sendable (_ activity: Int, _ state: PartialSchedule) -> Int)
        /// Per staff member per day.
        case staffDay(@Sendable (_ staff: Int, _ day: Int, _ state: PartialSchedule) -> Int)
        /// Per gate per day: a function of the arrivals of every party at
        /// the gate, refreshed with the (group, day) of each of its groups.
        case gateDay(@Sendable (_ gate: Int, _ day: Int, _ state: PartialSchedule) -> Int)
    }

    /// Which of the term's components placing one more unit can lower —
    /// what the large-neighbourhood search's bound may count on
    /// (`ScoreTracker.floor(placing:)`): the cost of a component that
    /// placements only raise stays in the bound, the others leave it.
    enum Placement: Sendable {
        /// Placing a unit never lowers any component (`sessions`,
        /// `roomStability`, …).
        case onlyRaises
        /// Placing a unit may lower the components of its own groups only
        /// (the group's, or its group-days', as an adjacent session ends
        /// an isolated one).
        case mayLowerItsGroups
        /// Placing a unit may lower any component: it can change the staff
        /// of the session it joins (a refill), and so what other groups and
        /// staff members see, or the term is a function of every session.
        case mayLowerAny
    }

    /// The term's cost of a whole schedule (a whole number but for
    /// `hostBalance`).
    let evaluate: @Sendable (PlacedSchedule) -> Double
    let component: Component
    let placement: Placement

    init(evaluate: @escaping @Sendable (PlacedSchedule) -> Int, component: Component, placement: Placement) {
        self.evaluate = { Double(evaluate($0)) }
        self.component = component
        self.placement = placement
    }

    init(exactly evaluate: @escaping @Sendable (PlacedSchedule) -> Double, component: Component, placement: Placement) {
        self.evaluate = evaluate
        self.component = component
        self.placement = placement
    }
}

/// The shape of one group's day in a partial schedule, from one pass over
/// its non-break periods (a session is a run of one session id): what the
/// per-(group, day) terms are computed from.
struct GroupDayShape {
    let group: Int
    let day: Int
    /// Non-break periods in a session, and the first and last such position (-1 when none).
    var busy = 0
    var first = -1
    var last = -1
    /// Sessions with no session of the group in the non-break period just
    /// before or just after.
    var isolated = 0
    /// Consecutive sessions in rooms of different sites.
    var siteChanges = 0

    init(group g: Int, day d: Int, _ state: borrowing PartialSchedule) {
        group = g
        day = d
        let I = state.instance, P = I.periodCount
        var run: Int32 = -1
        var runHasBefore = false
        var lastSite: Int32 = -1
        for p in 0..<P {
            let pos = Int(I.position[d * P + p])
            guard pos >= 0 else { continue }
            let s = state.groupSession(g, at: d * P + p)
            if s != run {
                if run >= 0 && !runHasBefore && s < 0 { isolated += 1 }
                if s >= 0 {
                    runHasBefore = run >= 0
                    let site = I.roomSite[Int(state.sessionRoom[Int(s)])]
                    // Spec section 10: a pair with a session at an online site does not count.
                    if lastSite >= 0 && site != lastSite && !I.sites.online[Int(site)] && !I.sites.online[Int(lastSite)]
                    {
                        siteChanges += 1
                    }
                    lastSite = site
                }
                run = s
            }
            if s >= 0 {
                busy += 1
                if first < 0 { first = pos }
                last = pos
            }
        }
        if run >= 0 && !runHasBefore { isolated += 1 }
    }
}
