/// Random picks that several moves share.
extension LocalSearch {
    /// A random live, unlocked session, or nil.
    mutating func randomSession() -> Int? {
        let n = state.sessionAlive.count
        guard n > 0 else { return nil }
        for _ in 0..<8 {
            let s = random.below(n)
            if state.sessionAlive[s] && !state.sessionLocked[s] { return s }
        }
        return nil
    }

    /// A random day on which every one of `groups` is on site, or nil.
    mutating func randomVisitDay(of groups: [Int32]) -> Int? {
        targets.clearKeepingCapacity()
        for d in 0..<I.dayCount where groups.allSatisfy({ I.groupVisitsDay.contains(Int($0), d) }) { targets.append(d) }
        return targets.isEmpty ? nil : targets[random.below(targets.count)]
    }

    /// A random unit that a move may take out of its session — placed, in a
    /// session that is not fixed, and not a cohort (which is its session) —
    /// with that session; nil when the one draw falls on another.
    mutating func randomMovableUnit() -> (unit: Int, session: Int)? {
        let U = state.table.units.count
        guard U > 0 else { return nil }
        let u = random.below(U)
        let s = Int(state.unitSession[u])
        guard s >= 0, !state.sessionLocked[s], state.table.units[u].kind != .cohort else { return nil }
        return (u, s)
    }
}
