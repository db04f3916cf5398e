/// The group staff move: one of the continuity-role staff a group sees
/// hands over to another in every session of the group at once. A single
/// staff change cannot keep a `sameStaff` group's people the same (rule 11)
/// nor lower its `continuity`; this one can. Only in the mix when
/// continuity counts (`CompiledInstance.wantsContinuity`).
extension LocalSearch {
    mutating func reassignGroupStaff() -> Bool {
        guard I.groupCount > 0 else { return false }
        let g = random.below(I.groupCount)
        // A continuity staff member the group sees, and the sessions they share.
        targets.clearKeepingCapacity()
        state.appendSessions(ofGroup: g, into: &targets)
        guard !targets.isEmpty else { return false }
        let first = targets[random.below(targets.count)]
        let staff = state.sessionStaff[first]
        let known = staff.filter { I.staffContinuity[Int($0)] }
        guard !known.isEmpty else { return false }
        let old = known[random.below(known.count)]
        // Someone else in a row `old` fills there.
        let rows = I.rowRange(Int(state.sessionActivity[first]))
        guard let row = rows.first(where: { I.rowMember.contains($0, Int(old)) }) else { return false }
        let members = I.rows[row].members
        let new = members[random.below(members.count)]
        guard new != old, I.staffContinuity[Int(new)] else { return false }
        groupStaffSessions.clearKeepingCapacity()
        for s in targets where state.sessionStaff[s].contains(old) {
            noteSession(s)
            guard state.replaceStaff(in: s, old, with: new) else {
                // Hand back the sessions already changed.
                for done in groupStaffSessions.reversed() { state.undoReplaceStaff(in: done, old, with: new) }
                clearTouched()
                return refuse()
            }
            noteSession(s)
            groupStaffSessions.append(s)
        }
        guard !groupStaffSessions.isEmpty else { return false }
        undo = .groupStaff(old: old, new: new)
        return true
    }

    /// Takes back `reassignGroupStaff` exactly.
    mutating func takeBackGroupStaff(old: Int32, new: Int32) {
        for s in groupStaffSessions.reversed() { state.undoReplaceStaff(in: s, old, with: new) }
    }
}
