/// What stands in the way of a placement: the placed units that would have
/// to be undone for it. Construction's backjumping and the local search's
/// insertion move both eject these.
extension PartialSchedule {
    /// Appends to `list` (once each) the units that hold one of `groups` over
    /// slots `t ..< t + k` — only those units: the other groups of a shared
    /// session stay. False when a fixed session holds one of the groups then.
    /// O(groups × k × units per session).
    func unitsHolding(groups: [Int32], from t: Int, duration k: Int, into list: inout [Int]) -> Bool {
        for g in groups {
            for q in t..<(t + k) {
                let s = Int(groupSession(Int(g), at: q))
                guard s >= 0 else { continue }
                if sessionLocked[s] { return false }
                for v in sessionUnits[s] where table.units[Int(v)].groups.contains(g) && !list.contains(Int(v)) {
                    list.append(Int(v))
                }
            }
        }
        return true
    }

    /// Appends to `list` (once each) the units of the sessions that hold room
    /// r over slots `t ..< t + k`; false when one of them is fixed.
    func unitsHolding(room r: Int, from t: Int, duration k: Int, into list: inout [Int]) -> Bool {
        let T = instance.slotCount
        for q in t..<(t + k) {
            let s = Int(roomAt[r * T + q])
            guard s >= 0 else { continue }
            if sessionLocked[s] { return false }
            for v in sessionUnits[s] where !list.contains(Int(v)) { list.append(Int(v)) }
        }
        return true
    }

    /// Units whose sessions hold the staff a new session of `a` at slot t
    /// would need, or nil when the rows cannot be filled even then (staff
    /// unavailable or over their limits, or held by a fixed session).
    /// `preferring` are taken first where they fit, busy or not (the people
    /// a `sameStaff` group already has).
    func staffConflicts(
        activity a: Int, slot t: Int, pupils: Int32, ignoring: [Int], preferring: [Int32] = []
    ) -> [Int]? {
        let I = instance, rows = I.rowRange(a)
        guard !rows.isEmpty else { return [] }
        let k = Int(I.duration[a]), T = I.slotCount, d = t / I.periodCount
        let need = rows.map { I.rows[$0].needed(pupils: pupils) }
        var filler = RowFiller(rows: rows, need: need, preferred: preferring, staffCount: I.staffCount) { st in
            I.staffAvailable.containsAll(Int(st), from: t, count: k)
                && staffDay[Int(st) * I.dayCount + d] < I.staffMaxPerDay[Int(st)]
                && staffTotal[Int(st)] < I.staffMax[Int(st)]
        }
        // Staff busy then rank after those who are free.
        let busy = (0..<I.staffCount).map { st -> Int32 in (t..<(t + k)).contains { staffAt[st * T + $0] >= 0 } ? 1 : 0
        }
        let ok = filler.fill(candidates: { I.rows[rows.lowerBound + $0].members }, rank: StaffRanks(busy))
        guard ok else { return nil }
        var out: [Int] = []
        for st in filler.chosen {
            for q in t..<(t + k) {
                let s = Int(staffAt[Int(st) * T + q])
                guard s >= 0 else { continue }
                if sessionLocked[s] { return nil }
                for v in sessionUnits[s] where !out.contains(Int(v)) && !ignoring.contains(Int(v)) {
                    out.append(Int(v))
                }
            }
        }
        return out
    }
}
