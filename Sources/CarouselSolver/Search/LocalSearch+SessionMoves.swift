/// Moving whole sessions at once with an exact undo: what the session
/// move, the swap and the Kempe chain share.
extension LocalSearch {
    /// Moves the sessions in `sessionMoves` at once (`PartialSchedule.relocate`),
    /// noting what changes, and records where they were (`undoPlaces`) and
    /// who staffed them (`undoStaff`), so that `takeBack` restores them
    /// exactly: moving back alone could keep staff the move brought in.
    mutating func relocateSessions(dayChange: Bool = false) -> Bool {
        undoPlaces.clearKeepingCapacity()
        for i in sessionMoves.indices { recordForUndo(sessionMoves[i].session) }
        for i in sessionMoves.indices { noteSession(sessionMoves[i].session, groups: true, dayChange: dayChange) }
        guard state.relocate(sessionMoves) else {
            clearTouched()
            return false
        }
        for i in sessionMoves.indices { noteSession(sessionMoves[i].session, groups: true, dayChange: dayChange) }
        undo = .sessions
        return true
    }

    /// Records the place and staff of session s after the others in
    /// `undoPlaces` and `undoStaff` (the caller empties `undoPlaces` first).
    mutating func recordForUndo(_ s: Int) {
        let i = undoPlaces.count
        undoPlaces.append((s, Int(state.sessionSlot[s]), Int(state.sessionRoom[s])))
        if undoStaff.count == i { undoStaff.append([]) }
        undoStaff[i].clearKeepingCapacity()
        for j in state.sessionStaff[s].indices { undoStaff[i].append(state.sessionStaff[s][j]) }
    }
}
