/// Placing a unit and taking it out again, with forward checking.
extension Construction {
    /// Tries the options of u best first; forward checking rejects a value
    /// that leaves another unit of the same groups without options.
    mutating func tryPlace(_ u: Int) -> Bool {
        var candidates = CheapestFirst(options(u))
        var fallback: Option?
        var checked = 0
        while let option = candidates.next() {
            guard place(option, unit: u) else { continue }
            if checked < 8 && wipesOut(u) {
                checked += 1
                if fallback == nil { fallback = option }
                unplace(u)
                continue
            }
            return true
        }
        if let fallback, place(fallback, unit: u) { return true }
        return false
    }

    /// Places unit u as option o says (joins its session or opens one);
    /// false, with no change, if staff cannot be found.
    mutating func place(_ o: Option, unit u: Int) -> Bool {
        if o.session >= 0 {
            guard state.join(unit: u, session: o.session) else { return false }
        } else {
            guard state.open(activity: o.activity, slot: o.slot, room: o.room, unit: u) != nil else { return false }
        }
        placedAt[u] = iteration
        markStale(
            day: o.slot / instance.periodCount, groups: table.units[u].groups,
            change: OptionBounds.Change(placing: u, in: state, instance: instance))
        if state.hasCheckedRules || instance.sites.hasTravel {
            // Rules checked after the change (and rule 9 for a placement
            // that ejected what was in its way): the placement is withdrawn.
            let s = Int(state.unitSession[u]), d = o.slot / instance.periodCount
            let travelOK =
                !instance.sites.hasTravel
                || table.units[u].groups.allSatisfy { state.groupDayKeepsTravel(Int($0), day: d) }
            if !travelOK || !state.keepsCheckedRules(session: s, groups: table.units[u].groups, day: d) {
                unplace(u)
                return false
            }
        }
        return true
    }

    /// Takes unit u out of its session (nothing if it is unplaced).
    mutating func unplace(_ u: Int) {
        let s = Int(state.unitSession[u])
        guard s >= 0 else { return }
        let d = state.day(ofSession: s)
        let change = OptionBounds.Change(removing: u, from: s, in: state, instance: instance)
        state.unassign(u)
        markStale(day: d, groups: table.units[u].groups, change: change)
        if state.hasCheckedRules { settle(session: s, groups: table.units[u].groups, day: d) }
    }

    /// After a unit left session s on day d: withdraws what now breaks a
    /// rule checked after changes — the units of a group whose day broke
    /// rule 9 or whose staff broke rule 11 (their rows are first refilled
    /// with the staff the group knows), and the units of a session whose
    /// staff broke rule 9, and the units of a party whose arrival now
    /// overfills its gate (`settleArrivals`). Locked sessions stay.
    mutating func settle(session s: Int, groups: [Int32], day d: Int) {
        settleArrivals(groups: groups, day: d)
        var queue: [Int32] = groups
        if s >= 0 && state.sessionAlive[s] { queue += state.sessionGroups[s] }
        for g32 in queue {
            let g = Int(g32)
            if !state.keepsSameStaff(g) {
                for v in table.unitsOfGroup[g] where state.unitSession[Int(v)] >= 0 {
                    state.refill(Int(state.unitSession[Int(v)]))
                }
            }
            guard !state.groupDayKeepsCheckedTravel(g, day: d) || !state.keepsSameStaff(g) else { continue }
            for v in table.unitsOfGroup[g] {
                let x = Int(state.unitSession[Int(v)])
                if x >= 0 && !state.sessionLocked[x] { unplace(Int(v)) }
            }
        }
        guard s >= 0 && state.sessionAlive[s] else { return }
        for st in state.sessionStaff[s] where !state.staffDayKeepsCheckedTravel(Int(st), day: d) {
            for x in state.sessions(ofStaff: Int(st), day: d) where !state.sessionLocked[x] {
                for v in state.sessionUnits[x] { unplace(Int(v)) }
            }
        }
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
}
