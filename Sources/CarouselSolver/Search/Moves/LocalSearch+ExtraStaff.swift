/// The extra staff moves: a continuity-role staff member a group already
/// sees joins another of its sessions beyond the rows (`lendStaff`), or a
/// member a session's rows can do without leaves it (`withdrawStaff`).
/// The spec lets more staff than needed be assigned (section 4); for
/// `continuity` (section 12) a session in which a group meets all of its
/// people makes the others' changing faces cost nothing. Only in the mix
/// when continuity carries weight; lending waits until every unit is placed.
extension LocalSearch {
    mutating func lendStaff() -> Bool {
        // Not while units are unplaced: a lent member is one fewer free for them.
        guard I.groupCount > 0, state.unassignedCount == 0 else { return false }
        let g = random.below(I.groupCount)
        targets.clearKeepingCapacity()
        state.appendSessions(ofGroup: g, into: &targets)
        guard targets.count > 1 else { return false }
        let s = targets[random.below(targets.count)], other = targets[random.below(targets.count)]
        guard other != s, !state.sessionStaff[other].isEmpty else { return false }
        let st = state.sessionStaff[other][random.below(state.sessionStaff[other].count)]
        guard I.staffContinuity[Int(st)], !state.sessionStaff[s].contains(st) else { return false }
        guard state.staffMayServe(Int(st), session: s) else { return refuse() }
        noteSession(s)
        state.addStaff(Int(st), to: s)
        noteSession(s)
        undo = .lentStaff(session: s, staff: st)
        return true
    }

    mutating func withdrawStaff() -> Bool {
        guard let s = randomSession(), state.sessionStaff[s].count > 1 else { return false }
        let st = state.sessionStaff[s][random.below(state.sessionStaff[s].count)]
        guard state.mayWithdraw(st, from: s) else { return refuse() }
        noteSession(s)
        state.withdraw(st, from: s)
        noteSession(s)
        undo = .withdrawnStaff(session: s, staff: st)
        return true
    }
}
