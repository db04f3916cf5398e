/// The exact repair of the large-neighbourhood search: the units a
/// neighbourhood freed are placed again by construction's search made into
/// a small branch and bound on the soft score.
///
/// As in construction, the most constrained unit goes first (the fewest
/// places it may go, counted once the neighbourhood is freed) and each unit's
/// places — a session of one of its activities to join, or a new one in a
/// free room, at every start its groups may take — are tried best first. Here
/// "best" is exact: each place is made, scored by the incremental
/// `ScoreTracker`, and taken out again, and the `width` best are branched on.
/// A branch is cut when its bound (`ScoreTracker.floor(placing:)`: the score
/// without every component the units still to place may lower) is no better
/// than the best complete rebuild found so far, which starts as the
/// schedule before the neighbourhood was freed (the incumbent). A complete
/// rebuild that beats it is kept as a copy of the schedule and its score
/// (copies on write: cheap until either changes), and the search goes on
/// for a better one until every branch is done or the evaluations run out.
///
/// The search is exact over the places it branches on: with `width` at
/// least a unit's number of places and enough evaluations, the rebuild is
/// the best the freed units can have with the rest of the schedule as it is.
/// Every place is made by `PartialSchedule.open` or `join` after the
/// schedule's own checks (`unitMayStart`, `sessionHasPlace`, `mayOpen`), so
/// rules 2–6, 12 and a placement's rule 9 hold throughout; a rebuild is
/// kept only if the rules checked after changes (rule 9 after removals,
/// rule 11) hold for it too.
extension LocalSearch {
    /// A place for a freed unit: a session to join (`session` ≥ 0), or a new
    /// session of `activity` at `slot` in `room`; with the soft score and the
    /// bound once the unit is there.
    struct RebuildOption {
        var activity: Int32
        var slot: Int32
        var session: Int32
        var room: Int32
        /// The change from the reference (a repair's; 0 otherwise) and the
        /// soft score with the unit there.
        var key = RebuildKey(change: 0, soft: 0)
        /// The bound: the change so far and the soft score's floor.
        var floor = RebuildKey(change: 0, soft: 0)
    }

    /// Places the units in `lns.freed` (all unplaced, the rest of the
    /// schedule complete) again, looking for a rebuild whose key (change,
    /// then soft score) is below `incumbent` (at most `incumbent` when
    /// `takingEqual`); the best one found is left in `lns.bestState` and
    /// `lns.bestTracker`, and the schedule is as it was when the search
    /// began (the units unplaced).
    ///
    /// In a repair the bound's change is the change of the units placed so
    /// far: placing more only adds theirs, except where a unit joining a
    /// session changes the staff the session needs (and so another unit's
    /// staff change), which the bound does not foresee.
    mutating func rebuild(below incumbent: RebuildKey, takingEqual: Bool) {
        lns.best = incumbent.nudged(takingEqual ? 1e-9 : -1e-9)
        lns.bestState = nil
        lns.bestTracker = nil
        orderFreedUnits()
        while lns.options.count < lns.freed.count { lns.options.append([]) }
        branch(depth: 0)
    }

    /// Orders `lns.freed` most constrained first: by the number of places
    /// each unit may go with every freed unit out (ties by unit, so the
    /// order is reproducible).
    private mutating func orderFreedUnits() {
        lns.counts.clearKeepingCapacity()
        var places = takePlaces()
        for i in lns.freed.indices {
            places.clearKeepingCapacity()
            appendPlaces(of: lns.freed[i], to: &places)
            lns.counts.append(places.count)
        }
        lns.places = places
        // A handful of units: insertion sort, no allocation.
        for i in 1..<max(1, lns.freed.count) {
            var j = i
            while j > 0 && (lns.counts[j], lns.freed[j]) < (lns.counts[j - 1], lns.freed[j - 1]) {
                lns.counts.swapAt(j, j - 1)
                lns.freed.swapAt(j, j - 1)
                j -= 1
            }
        }
    }

    /// Branches on the places of the unit at `depth`, best first.
    private mutating func branch(depth: Int) {
        if depth == lns.freed.count {
            if rebuildKey < lns.best && rebuildKeepsCheckedRules() {
                lns.best = rebuildKey
                lns.bestState = state
                lns.bestTracker = tracker
            }
            return
        }
        let u = lns.freed[depth]
        rankPlaces(of: u, depth: depth)
        for i in lns.options[depth].indices {
            let option = lns.options[depth][i]
            guard option.floor < lns.best, lns.evaluations < lns.evaluationLimit else { continue }
            // The schedule is as it was when the place was scored, so it can
            // be made again (a refill could only fail as it did then).
            guard place(u, option) else { continue }
            branch(depth: depth + 1)
            unplace(u)
        }
    }

    /// Scores every place unit u may go now and keeps the `lns.width`
    /// best, lowest key first, in `lns.options[depth]`.
    private mutating func rankPlaces(of u: Int, depth: Int) {
        lns.options[depth].clearKeepingCapacity()
        lns.placing.removeAll()
        for i in (depth + 1)..<lns.freed.count {
            for g in state.table.units[lns.freed[i]].groups { lns.placing.insert(Int(g)) }
        }
        var places = takePlaces()
        places.clearKeepingCapacity()
        appendPlaces(of: u, to: &places)
        for var option in places where lns.evaluations < lns.evaluationLimit {
            lns.evaluations += 1
            guard place(u, option) else { continue }
            option.key = rebuildKey
            option.floor = RebuildKey(change: tracker.perturbation, soft: tracker.floor(placing: lns.placing))
            unplace(u)
            keepIfAmongBest(option, depth: depth)
        }
        lns.places = places
    }

    /// The scratch list of places, taken out of `lns` (so that the
    /// schedule can be read while it is filled) to be put back after.
    private mutating func takePlaces() -> [RebuildOption] {
        let places = lns.places
        lns.places = []
        return places
    }

    /// Inserts `option` into `lns.options[depth]`, kept sorted by key and
    /// at most `lns.width` long.
    private mutating func keepIfAmongBest(_ option: RebuildOption, depth: Int) {
        let width = lns.width
        if lns.options[depth].count == width {
            guard option.key < lns.options[depth][width - 1].key else { return }
            lns.options[depth].removeLast()
        }
        var i = lns.options[depth].count
        lns.options[depth].append(option)
        while i > 0 && option.key < lns.options[depth][i - 1].key {
            lns.options[depth][i] = lns.options[depth][i - 1]
            i -= 1
        }
        lns.options[depth][i] = option
    }

    /// Appends to `places` every place unit u may go now: for each of its
    /// activities it may attend, each day its groups visit (its own day if
    /// it has one) and each start it may take, the sessions there with a
    /// place for it and the rooms where it may open one.
    private func appendPlaces(of u: Int, to places: inout [RebuildOption]) {
        let P = I.periodCount, T = I.slotCount
        let unitDay = Int(state.table.units[u].day)
        for i in state.table.units[u].activities.indices {
            let a = Int(state.table.units[u].activities[i])
            guard state.unitMayAttend(u, activity: a) else { continue }
            for d in 0..<I.dayCount where unitDay < 0 || unitDay == d {
                guard state.table.units[u].groups.allSatisfy({ I.groupVisitsDay.contains(Int($0), d) }) else {
                    continue
                }
                for t in (d * P)..<((d + 1) * P) where state.unitMayStart(u, activity: a, at: t) {
                    for j in state.sessionsAt[a * T + t].indices {
                        let s = Int(state.sessionsAt[a * T + t][j])
                        if state.sessionHasPlace(for: u, in: s) {
                            places.append(
                                RebuildOption(
                                    activity: Int32(a), slot: Int32(t), session: Int32(s),
                                    room: state.sessionRoom[s]))
                        }
                    }
                    guard state.mayAddSession(activity: a, day: d) else { continue }
                    for r in I.activityRooms[a] where state.mayOpen(unit: u, activity: a, at: t, room: Int(r)) {
                        places.append(
                            RebuildOption(activity: Int32(a), slot: Int32(t), session: -1, room: r))
                    }
                }
            }
        }
    }

    /// Puts unit u at `option` and refreshes the score; false (the score
    /// refreshed for whatever a failed refill changed) when staff cannot be
    /// found.
    private mutating func place(_ u: Int, _ option: RebuildOption) -> Bool {
        clearTouched()
        noteUnit(u)
        var placedIn = -1
        if option.session >= 0 {
            let s = Int(option.session)
            noteSession(s)
            if state.join(unit: u, session: s) { placedIn = s } else { noteSession(s) }
        } else if let s = state.open(
            activity: Int(option.activity), slot: Int(option.slot), room: Int(option.room), unit: u)
        {
            placedIn = s
        }
        if placedIn >= 0 {
            noteSession(placedIn)
            noteUnit(u)
        }
        refreshTouched()
        return placedIn >= 0
    }

    /// Takes unit u out of its session again and refreshes the score.
    private mutating func unplace(_ u: Int) {
        clearTouched()
        let s = Int(state.unitSession[u])
        noteUnit(u)
        noteSession(s)
        state.unassign(u)
        noteSession(s)
        refreshTouched()
    }

    /// Whether the rebuilt schedule keeps the rules checked after changes
    /// (rule 9 where taking a session away can break it, rule 11) and rule 9
    /// for every day (a refill may have moved staff): checked over the whole
    /// schedule, which only a rebuild better than the best so far pays for.
    private func rebuildKeepsCheckedRules() -> Bool {
        guard state.hasCheckedRules || I.sites.hasTravel else { return true }
        for g in 0..<I.groupCount {
            if !state.keepsSameStaff(g) { return false }
            for d in 0..<I.dayCount where !state.groupDayKeepsTravel(g, day: d) { return false }
        }
        for st in 0..<I.staffCount {
            for d in 0..<I.dayCount where !state.staffDayKeepsTravel(st, day: d) { return false }
        }
        return true
    }
}
