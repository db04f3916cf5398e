/// The staff move: one staff place of a session goes to another member of its row.
extension LocalSearch {
    /// Gives one staff place of a session to another member of the row.
    mutating func reassignStaff() -> Bool {
        guard let s = randomSession(), !state.sessionStaff[s].isEmpty else { return false }
        let staff = state.sessionStaff[s]
        let old = staff[random.below(staff.count)]
        let rows = I.rowRange(Int(state.sessionActivity[s]))
        guard let row = rows.first(where: { I.rowMember.contains($0, Int(old)) }) else { return false }
        let members = I.rows[row].members
        let new = members[random.below(members.count)]
        guard new != old else { return false }
        return replaceStaff(in: s, old, with: new)
    }

    /// Replaces staff member `old` of session s by `new` (`PartialSchedule.replaceStaff`),
    /// noting the session and recording the undo; refused, with nothing
    /// changed, when `new` may not take the place.
    mutating func replaceStaff(in s: Int, _ old: Int32, with new: Int32) -> Bool {
        noteSession(s)
        guard state.replaceStaff(in: s, old, with: new) else {
            clearTouched()
            return refuse()
        }
        noteSession(s)
        undo = .staff(session: s, old: old, new: new)
        return true
    }
}
