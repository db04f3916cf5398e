/// Moving whole sessions at once with an exact undo: what the session
/// move, the swap and the Kempe chain share.
extension LocalSearch {
    /// Moves the sessions in `chainMoves` at once (`PartialSchedule.relocate`),
    /// noting what changes, and records where they were (`chainUndo`) and
    /// who staffed them (`undoStaff`), so that `takeBack` restores them
    /// exactly: moving back alone could keep staff the move brought in.
    mutating func relocateChain(dayChange: Bool = false) -> Bool {
        chainUndo.clearKeepingCapacity()
        for i in chainMoves.indices { recordForUndo(chainMoves[i].session) }
        for i in chainMoves.indices { noteSession(chainMoves[i].session, groups: true, dayChange: dayChange) }
        guard state.relocate(chainMoves) else {
            clearTouched()
            return false
        }
        for i in chainMoves.indices { noteSession(chainMoves[i].session, groups: true, dayChange: dayChange) }
        undo = .sessions
        return true
    }

    /// Records the place and staff of session s after the others in
    /// `chainUndo` and `undoStaff` (the caller empties `chainUndo` first).
    mutating func recordForUndo(_ s: Int) {
        let i = chainUndo.count
        chainUndo.append((s, Int(state.sessionSlot[s]), Int(state.sessionRoom[s])))
        if undoStaff.count == i { undoStaff.append([]) }
        undoStaff[i].clearKeepingCapacity()
        for j in state.sessionStaff[s].indices { undoStaff[i].append(state.sessionStaff[s][j]) }
    }
}
