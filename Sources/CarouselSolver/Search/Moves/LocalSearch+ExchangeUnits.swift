/// The exchange move: two groups at the same time trade sessions.
extension LocalSearch {
    /// Two groups at the same time trade sessions (and so rooms, and for
    /// `oneOf` picks activities): u leaves s1 for s2 while v leaves s2 for s1. No
    /// session changes time or room.
    mutating func exchangeUnits() -> Bool {
        guard state.table.units.count > 1, let (u, s1) = randomMovableUnit() else { return false }
        let unitU = state.table.units[u]
        let t = Int(state.sessionSlot[s1])
        let a2 = Int(unitU.activities[random.below(unitU.activities.count)])
        let others = state.sessionsAt[a2 * I.slotCount + t]
        guard !others.isEmpty else { return false }
        let s2 = Int(others[random.below(others.count)])
        guard s2 != s1, !state.sessionLocked[s2] else { return false }
        let units2 = state.sessionUnits[s2]
        let v = Int(units2[random.below(units2.count)])
        let unitV = state.table.units[v]
        let a1 = Int(state.sessionActivity[s1])
        guard unitV.kind != .cohort, unitV.group != unitU.group, unitV.activities.contains(Int32(a1)),
            I.duration[a1] == I.duration[a2]
        else { return false }
        undoPlaces.clearKeepingCapacity()
        recordForUndo(s1)
        recordForUndo(s2)
        guard trade(u, v) else {
            clearTouched()
            return refuse()
        }
        undo = .exchange(first: u, second: v)
        return true
    }

    /// Units u and v trade sessions (`PartialSchedule.exchange`), noting what
    /// changes; false, with nothing changed, when a rule would break.
    mutating func trade(_ u: Int, _ v: Int) -> Bool {
        let fu = Int(state.unitSession[u]), fv = Int(state.unitSession[v])
        // Noted before and after: staff may change with the numbers of pupils.
        noteSession(fu)
        noteSession(fv)
        guard state.exchange(u, v) else { return false }
        noteSession(fu)
        noteSession(fv)
        noteUnit(u)
        noteUnit(v)
        return true
    }
}
