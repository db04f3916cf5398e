/// Where a unit could go now: counting its options (forward checking and
/// variable ordering) and listing them best first (value ordering).
extension Construction {
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
    ///
    /// Where more of the activity's rooms are free than cannot take the unit
    /// (`OptionBounds.freeRoomTakes`), a free room takes it and no room is
    /// scanned (the same answer: checked in debug builds).
    func countOptions(_ u: Int, cap: Int32) -> Int32 {
        let I = instance, T = I.slotCount, P = I.periodCount, unit = table.units[u]
        let fast = unit.fixedEntry < 0
        var n: Int32 = 0
        forEachStart(u) { a, t in
            var ok = false
            if fast, let i = unit.activities.firstIndex(of: Int32(a)), state.mayAddSession(activity: a, day: t / P),
                bounds.freeRoomTakes(unit: u, activityAt: i, activity: a, slot: t, instance: I)
            {
                ok = true
                assert(
                    I.activityRooms[a].contains { state.mayOpen(unit: u, activity: a, at: t, room: Int($0)) },
                    "free rooms miscounted")
            }
            if !ok { ok = state.sessionsAt[a * T + t].contains { state.sessionHasPlace(for: u, in: Int($0)) } }
            if !ok { ok = I.activityRooms[a].contains { state.mayOpen(unit: u, activity: a, at: t, room: Int($0)) } }
            if ok { n += 1 }
            return n < cap
        }
        return n
    }

    struct Option {
        var activity: Int
        var slot: Int
        /// Session to join, or -1 to open one in `room`.
        var session: Int
        var room: Int
        /// What construction expects it to cost (lower first; a little
        /// noise breaks ties).
        var cost: Double
    }

    /// All current options of unit u, in the order they are found
    /// (`CheapestFirst` hands them out best first).
    mutating func options(_ u: Int) -> [Option] {
        let I = instance, unit = table.units[u], T = I.slotCount
        var starts: [(activity: Int, slot: Int)] = []
        forEachStart(u) { a, t in
            starts.append((a, t))
            return true
        }
        var out: [Option] = []
        // The day's shape at this start is the same for every room of a site.
        var shapeOfSite: [(site: Int32, cost: Double)] = []
        for (a, t) in starts {
            let k = Int(I.duration[a])
            let wish = wishCost(u, activity: a)
            var joined = false
            shapeOfSite.removeAll(keepingCapacity: true)
            func shape(_ site: Int32) -> Double {
                if let known = shapeOfSite.first(where: { $0.site == site }) { return known.cost }
                let cost = dayShapeCost(unit, slot: t, duration: k, site: site)
                shapeOfSite.append((site, cost))
                return cost
            }
            for s32 in state.sessionsAt[a * T + t] where state.sessionHasPlace(for: u, in: Int(s32)) {
                let s = Int(s32)
                let site = I.roomSite[Int(state.sessionRoom[s])]
                var cost = wish + shape(site) - 3 + mixCost(unit, session: s)
                cost += sameStaffJoinCost(u, session: s)
                cost += random.unit() * 0.3
                out.append(Option(activity: a, slot: t, session: s, room: Int(state.sessionRoom[s]), cost: cost))
                joined = true
            }
            let joinedShape = joined ? 0 : nil as Double?
            if bounds.noRoomFree(activity: a, slot: t, instance: I) {
                // Most starts of a busy day: no room to scan (checked against the scan in debug builds).
                assert(!I.activityRooms[a].contains { state.mayOpen(unit: u, activity: a, at: t, room: Int($0)) })
                continue
            }
            for r32 in I.activityRooms[a] where state.mayOpen(unit: u, activity: a, at: t, room: Int(r32)) {
                let r = Int(r32)
                let cap = I.roomCapacity[r]
                var cost = wish + (joinedShape ?? shape(I.roomSite[r]))
                cost += I.weights[.sessions]
                if cap != CompiledInstance.unlimited {
                    cost += Double(max(0, cap - unit.pupils)) / Double(max(cap, 1))
                    if cap < unit.pupils { cost += Double(unit.pupils - cap) * (I.weights.overCapacity ?? 0) }
                } else {
                    cost += 0.5
                }
                cost += random.unit() * 0.3
                out.append(Option(activity: a, slot: t, session: -1, room: r, cost: cost))
            }
        }
        if unit.fixedEntry >= 0 {
            // A fixed session that may move stays where it is written if it can.
            let f = I.fixed[Int(unit.fixedEntry)], written = I.slot(day: f.day, period: f.start)
            for i in out.indices {
                let cost = (out[i].room != f.room ? 2 : 0) + (out[i].slot != written ? 4 : 0)
                out[i].cost += Double(cost) * max(1, I.weights[.displaced]) * 10
            }
        }
        if let reference, reference.has(u) {
            // Keeping a unit where it was outweighs every soft consideration.
            for i in out.indices {
                out[i].cost +=
                    10
                    * Double(
                        reference.cost(
                            unit: u, activity: Int32(out[i].activity), slot: Int32(out[i].slot),
                            room: Int32(out[i].room),
                            staff: reference.staff[u]))
            }
        }
        return out
    }
}
