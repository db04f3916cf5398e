/// Placing a unit and taking it out again, with forward checking.
extension Construction {
    /// Tries the options of u best first; forward checking rejects a value
    /// that leaves another unit of the same groups without options.
    mutating func tryPlace(_ u: Int) -> Bool {
        let candidates = options(u)
        var fallback: Option?
        var checked = 0
        for option in candidates {
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
        markStale(day: o.slot / instance.periodCount, groups: table.units[u].groups)
        return true
    }

    /// Takes unit u out of its session (nothing if it is unplaced).
    mutating func unplace(_ u: Int) {
        let s = Int(state.unitSession[u])
        guard s >= 0 else { return }
        let d = state.day(ofSession: s)
        state.unassign(u)
        markStale(day: d, groups: table.units[u].groups)
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
