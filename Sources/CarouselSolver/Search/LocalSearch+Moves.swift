/// Making a move and taking it back: the cycle every kind of move goes
/// through (`tryMove`, `takeBack`), and the count of refused moves.
extension LocalSearch {
    /// Makes one random move (recording how to undo it); false if the chosen
    /// move was not possible (nothing changed). While units are unplaced,
    /// a share of the moves try to insert one.
    mutating func tryMove() -> Bool {
        if state.unassignedCount > 0 && random.below(100) < 30 { return tryMove(.insertUnit) }
        let r = random.below(100)
        let move: Move
        if r < 30 {
            move = .relocateUnit
        } else if r < 45 {
            move = .exchangeUnits
        } else if r < 65 {
            move = .moveSession
        } else if r < 84 {
            move = .swapSessions
        } else if r < 92 {
            move = .kempeChain
        } else {
            move = .reassignStaff
        }
        return tryMove(move)
    }

    /// Makes one move of the given kind (recording how to undo it); false if
    /// it was not possible (nothing changed).
    mutating func tryMove(_ move: Move) -> Bool {
        clearTouched()
        tracker.beginMove()
        undo = .none
        let made = switch move {
        case .relocateUnit: relocateUnit()
        case .exchangeUnits: exchangeUnits()
        case .moveSession: moveSession()
        case .swapSessions: swapSessions()
        case .kempeChain: kempeMove()
        case .reassignStaff: reassignStaff()
        case .insertUnit: insertUnit()
        }
        if made { refreshTouched() }
        return made
    }

    /// Takes back the last move and refreshes the score.
    mutating func takeBack() {
        switch undo {
        case .none: return
        case let .unit(u, activity):
            let (session, slot, room) = chainUndo[0]
            let from = Int(state.unitSession[u])
            noteUnit(u)
            noteSession(from)
            noteSession(session)
            state.unassign(u)
            noteSession(from)
            if session >= 0 && state.sessionAlive[session] && Int(state.sessionActivity[session]) == activity
                && Int(state.sessionSlot[session]) == slot && state.join(unit: u, session: session) {
                noteSession(session)
            } else if let s = state.open(activity: activity, slot: slot, room: room, unit: u, preferredStaff: undoStaff[0]) {
                noteSession(s)
            }
            noteUnit(u)
        // These three restore the schedule exactly, so the score's
        // components roll back as they were, with nothing recomputed.
        case .sessions:
            restored(state.undoRelocate(chainUndo, staff: undoStaff))
            return
        case let .staff(s, old, new):
            restored(state.replaceStaff(in: s, new, with: old))
            return
        case let .exchange(u, v):
            // The sessions get back exactly the staff they had (`undoStaff`:
            // u's old session first), not whoever trading back would pick.
            restored(state.exchange(u, v, restoring: (forU: undoStaff[0], forV: undoStaff[1])))
            return
        case let .insertion(u):
            takeBackInsertion(u)
        }
        undo = .none
        refreshTouched()
    }

    /// Finishes taking back a move that restores the schedule exactly: rolls
    /// the score back, or (never expected: the restore failed, so the
    /// schedule is not as it was) recomputes it whole.
    mutating func restored(_ exactly: Bool) {
        undo = .none
        if exactly { tracker.rollBack() } else { tracker.rebuild(state) }
    }

    /// Counts a move that was picked and evaluated but would break a hard
    /// rule, and returns false (the move is not made).
    mutating func refuse() -> Bool {
        refused += 1
        return false
    }
}
