/// Making a move and taking it back: the cycle every kind of move goes
/// through (`tryMove`, `takeBack`), and the count of refused moves.
extension LocalSearch {
    /// How to take back the last move.
    enum Undo {
        case none
        /// A unit left a session of `activity` (`takeBackUnitMove`).
        case unit(unit: Int, activity: Int)
        /// Sessions moved; where they were and their staff are in
        /// `undoPlaces` and `undoStaff`.
        case sessions
        case staff(session: Int, old: Int32, new: Int32)
        /// A group's staff member handed over in the sessions in `groupStaffSessions`.
        case groupStaff(old: Int32, new: Int32)
        /// A staff member joined session s beyond its rows.
        case lentStaff(session: Int, staff: Int32)
        /// A staff member the rows could do without left session s.
        case withdrawnStaff(session: Int, staff: Int32)
        /// Two units traded sessions; the sessions' staff before are in `undoStaff`.
        case exchange(first: Int, second: Int)
        /// The unit inserted; the units it ejected are in `ejected`.
        case insertion(unit: Int)
        /// Units moved between two starts, and session s (-1 for none)
        /// with them: where s was is in `undoPlaces`, where the units were
        /// in `ejected` (`rerouteSession`, `crossUnits`).
        case reroute(session: Int)
    }

    /// Makes one move drawn from the mix (recording how to undo it); false
    /// if the chosen move was not possible (nothing changed).
    mutating func tryMove() -> Bool {
        tryMove(mix.draw(repairing: state.unassignedCount > 0, &random))
    }

    /// Makes one move of the given kind (recording how to undo it); false if
    /// it was not possible (nothing changed).
    mutating func tryMove(_ move: Move) -> Bool {
        clearTouched()
        tracker.beginMove()
        undo = .none
        guard make(move) else { return false }
        if checksAfterMoves
            && !Self.keepsCheckedRules(
                state, groupDays: touchedGroupDays, groups: touchedGroups,
                sessions: touchedSessions, staffDays: touchedStaffDays)
        {
            takeBack()
            return refuse()
        }
        refreshTouched()
        return true
    }

    /// Whether the rules checked after changes hold for what the move
    /// touched. (Static, for the reason `refresh` is.)
    private static func keepsCheckedRules(
        _ state: PartialSchedule, groupDays: TouchedSet, groups: TouchedSet,
        sessions: TouchedSet, staffDays: TouchedSet
    ) -> Bool {
        let D = state.instance.dayCount
        for key in groupDays where !state.groupDayKeepsCheckedRules(key / D, day: key % D) { return false }
        for key in staffDays where !state.staffDayKeepsCheckedTravel(key / D, day: key % D) { return false }
        guard state.instance.hasSameStaff else { return true }
        for g in groups where !state.keepsSameStaff(g) { return false }
        for s in sessions where s < state.sessionAlive.count && state.sessionAlive[s] {
            for i in state.sessionGroups[s].indices where !state.keepsSameStaff(Int(state.sessionGroups[s][i])) {
                return false
            }
        }
        return true
    }

    /// Takes back the last move and refreshes the score.
    mutating func takeBack() {
        switch undo {
        case .none: return
        case .unit(let u, let activity):
            takeBackUnitMove(u, activity: activity)
        // These three restore the schedule exactly, so the score's
        // components roll back as they were, with nothing recomputed.
        case .sessions:
            restored(state.undoRelocate(undoPlaces, staff: undoStaff))
            return
        case .staff(let s, let old, let new):
            state.undoReplaceStaff(in: s, old, with: new)
            restored(true)
            return
        case .groupStaff(let old, let new):
            takeBackGroupStaff(old: old, new: new)
            restored(true)
            return
        case .lentStaff(let s, let st):
            state.withdraw(st, from: s)
            restored(true)
            return
        case .withdrawnStaff(let s, let st):
            state.addStaff(Int(st), to: s)
            restored(true)
            return
        case .exchange(let u, let v):
            // The sessions get back exactly the staff they had (`undoStaff`:
            // u's old session first), not whoever trading back would pick.
            restored(state.exchange(u, v, restoring: (forU: undoStaff[0], forV: undoStaff[1])))
            return
        case .insertion(let u):
            takeBackInsertion(u)
        case .reroute(let s):
            takeBackReroute(movedSession: s)
        }
        undo = .none
        // Taking back a unit move, an insertion or a reroute re-fills rows, which need
        // not give back the very staff they had: the rules checked after
        // changes are asked again, and what breaks one is taken out.
        if checksAfterMoves
            && !Self.keepsCheckedRules(
                state, groupDays: touchedGroupDays, groups: touchedGroups,
                sessions: touchedSessions, staffDays: touchedStaffDays)
        {
            settleCheckedRules()
        }
        refreshTouched()
    }

    /// Unplaces what breaks a rule checked after changes among what the last
    /// move touched: first each `sameStaff` group's rows are filled again
    /// with the staff it knows; a group still in breach, or whose day breaks
    /// rule 9, leaves its unlocked sessions, as do the sessions of a staff
    /// member whose day breaks rule 9. (Only after an inexact take-back; the
    /// insertion move places the units again.)
    mutating func settleCheckedRules() {
        let D = I.dayCount
        var groups: [Int] = Array(touchedGroups) + touchedGroupDays.map { $0 / D }
        for s in touchedSessions where s < state.sessionAlive.count && state.sessionAlive[s] {
            groups += state.sessionGroups[s].map(Int.init)
        }
        for g in groups {
            if !state.keepsSameStaff(g) {
                for v in state.table.unitsOfGroup[g] where state.unitSession[Int(v)] >= 0 {
                    let s = Int(state.unitSession[Int(v)])
                    noteSession(s)
                    state.refill(s)
                    noteSession(s)
                }
            }
            let travelBroken = (0..<D).contains { !state.groupDayKeepsCheckedTravel(g, day: $0) }
            guard travelBroken || !state.keepsSameStaff(g) else { continue }
            for v in state.table.unitsOfGroup[g] { unplaceChecked(Int(v)) }
        }
        for key in Array(touchedStaffDays) where !state.staffDayKeepsCheckedTravel(key / D, day: key % D) {
            for s in state.sessions(ofStaff: key / D, day: key % D) where !state.sessionLocked[s] {
                for v in state.sessionUnits[s] { unplaceChecked(Int(v)) }
            }
        }
    }

    /// Takes unit u out of its session (unless it is unplaced or locked in).
    private mutating func unplaceChecked(_ u: Int) {
        let s = Int(state.unitSession[u])
        guard s >= 0, !state.sessionLocked[s] else { return }
        noteUnit(u)
        noteSession(s)
        state.unassign(u)
        noteSession(s)
        unplaced.append(Int32(u))
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
