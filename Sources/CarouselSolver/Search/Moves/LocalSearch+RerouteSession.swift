/// The reroute move: a session goes to a start its groups are busy at, and
/// what they have there comes back to the start it left — a Kempe chain over
/// the groups' attendances between two starts, where `kempeChain` crosses
/// whole sessions.
///
/// Where every session of an activity a group wants is at a start the group
/// has taken, and the activity may hold no more sessions (`maxSessions`), no
/// move of one unit or one session reaches it: a session must move to a start
/// the group can take, and the groups in it must give up what they have
/// there. So each attendance of the session's groups at the new start (a
/// unit of a session starting there and lasting as long) goes to the old
/// start: into a session of its activity there with a place, else a new one
/// (in the room the session left first), else, for a `oneOf` pick, another
/// of its activities it does not take yet, joined or opened. Where the new
/// start already holds a session of the activity, the session's units join
/// it instead of moving the session (one session fewer). What that leaves
/// ill-placed, the other moves tidy (a pick switched, a session left nearly
/// empty closed).
///
/// `crossUnits` is the same for one group: two of its attendances at
/// different starts cross, which empties small sessions without changing
/// any pick.
///
/// Every change goes through `PartialSchedule` (`unassign`, `relocate`,
/// `join`, `open`), so every hard rule holds throughout; a move whose
/// attendances find no place at the old start is taken back whole and
/// refused.
extension LocalSearch {
    /// Most attendances one reroute moves back to the start the session
    /// left: longer ones rarely find places for all and disturb too much of
    /// the day to be accepted.
    static let rerouteCap = 12

    /// Picks a session, and the start of another session of one of its
    /// groups (lasting as long), and reroutes.
    mutating func rerouteSession() -> Bool {
        guard let s = randomSession() else { return false }
        let groups = state.sessionGroups[s]
        guard !groups.isEmpty else { return false }
        let list = state.table.unitsOfGroup[Int(groups[random.below(groups.count)])]
        let x = Int(state.unitSession[Int(list[random.below(list.count)])])
        guard x >= 0, x != s else { return false }
        return reroute(s, to: Int(state.sessionSlot[x]))
    }

    /// Moves session s to start t2 (any day) and its groups' attendances at
    /// t2 to s's start. Where t2 has a session of s's activity, s's units
    /// join it instead (s closes: one session fewer); elsewhere s moves whole,
    /// with its room and staff where they are free. False, with the schedule
    /// as it was, when an attendance there may not move (a fixed or cohort
    /// session, one that starts elsewhere or lasts another length, more than
    /// `rerouteCap`), when s may not take t2, or when an attendance finds no
    /// place.
    mutating func reroute(_ s: Int, to t2: Int) -> Bool {
        let a = Int(state.sessionActivity[s]), t1 = Int(state.sessionSlot[s]), r1 = Int(state.sessionRoom[s])
        let P = I.periodCount, T = I.slotCount
        guard t2 != t1, t2 >= state.openFrom, !state.sessionLocked[s], I.canStart(a, at: t2) else { return false }
        guard collectRerouted(from: s, at: t2) else { return refuse() }
        let returning = victims.count
        let merging = !state.sessionsAt[a * T + t2].isEmpty
        if merging {
            // s's own units go too, into the sessions of a at t2.
            for i in state.sessionUnits[s].indices {
                let v = Int(state.sessionUnits[s][i])
                guard movableUnit(of: Int(state.table.units[v].group), in: s) == v else { return refuse() }
                victims.append(v)
            }
        }
        eject()
        if merging {
            for i in returning..<ejected.count where !placeUnit(ejected[i].unit, activity: a, at: t2, room: r1) {
                return failReroute(movedSession: -1)
            }
        } else {
            let dayChange = t2 / P != t1 / P
            guard let r2 = roomForReroute(s, at: t2), !dayChange || state.mayAddSession(activity: a, day: t2 / P)
            else { return failReroute(movedSession: -1) }
            sessionMoves.clearKeepingCapacity()
            sessionMoves.append((session: s, slot: t2, room: r2))
            undoPlaces.clearKeepingCapacity()
            recordForUndo(s)
            noteSession(s, groups: true, dayChange: dayChange)
            guard state.relocate(sessionMoves) else { return failReroute(movedSession: -1) }
            noteSession(s, groups: true, dayChange: dayChange)
        }
        let moved = merging ? -1 : s
        for i in 0..<returning where !placeRerouted(ejected[i].unit, activity: ejected[i].activity, at: t1, room: r1) {
            return failReroute(movedSession: moved)
        }
        undo = .reroute(session: moved)
        return true
    }

    /// The reroute of one group: two of its attendances at different
    /// starts (lasting as long) cross, each into a session of its activity
    /// at the other's start (or, as above, a new one, or for a `oneOf`
    /// pick another activity). With the group's picks as they are, the
    /// sessions its attendances leave may close (`sessions`), and a pick may
    /// reach a start where its activity has room.
    mutating func crossUnits() -> Bool {
        guard let (u, s1) = randomMovableUnit() else { return false }
        let list = state.table.unitsOfGroup[Int(state.table.units[u].group)]
        let v = Int(list[random.below(list.count)])
        let s2 = Int(state.unitSession[v])
        guard v != u, s2 >= 0, s2 != s1, !state.sessionLocked[s2], state.table.units[u].groups.count == 1,
            movableUnit(of: Int(state.table.units[u].group), in: s1) == u,
            movableUnit(of: Int(state.table.units[v].group), in: s2) == v
        else { return false }
        let a1 = Int(state.sessionActivity[s1]), t1 = Int(state.sessionSlot[s1]), r1 = Int(state.sessionRoom[s1])
        let a2 = Int(state.sessionActivity[s2]), t2 = Int(state.sessionSlot[s2]), r2 = Int(state.sessionRoom[s2])
        guard I.duration[a1] == I.duration[a2] else { return false }
        victims.clearKeepingCapacity()
        victims.append(u)
        victims.append(v)
        eject()
        guard placeRerouted(u, activity: a1, at: t2, room: r2, avoiding: a2) else {
            return failReroute(movedSession: -1)
        }
        guard placeRerouted(v, activity: a2, at: t1, room: r1) else { return failReroute(movedSession: -1) }
        undo = .reroute(session: -1)
        return true
    }

    /// Fills `victims` with the units of session s's groups at start t2:
    /// false when one of them may not move back (its session is fixed or
    /// starts elsewhere or lasts another length than s, it is a cohort or
    /// bound to a fixed session with others), a group is not on site then,
    /// or there are more than `rerouteCap`.
    private mutating func collectRerouted(from s: Int, at t2: Int) -> Bool {
        let k = Int(I.duration[Int(state.sessionActivity[s])])
        victims.clearKeepingCapacity()
        // (Lists read in place: iterating one would retain it.)
        for i in state.sessionGroups[s].indices {
            let g = Int(state.sessionGroups[s][i])
            guard state.groupVisits(g, at: t2, duration: k) else { return false }
            for q in t2..<(t2 + k) {
                let x = Int(state.groupSession(g, at: q))
                guard x >= 0 else { continue }
                guard x != s, !state.sessionLocked[x], Int(state.sessionSlot[x]) == t2,
                    Int(I.duration[Int(state.sessionActivity[x])]) == k
                else { return false }
                guard let v = movableUnit(of: g, in: x) else { return false }
                if !victims.contains(v) { victims.append(v) }
            }
        }
        return victims.count <= Self.rerouteCap
    }

    /// Group g's unit in session x, if a reroute may take it out (not a
    /// cohort, and not bound to a fixed session that may move: such a unit
    /// may only rejoin a session holding its entry, which taking it out can
    /// leave without one); nil otherwise.
    private func movableUnit(of g: Int, in x: Int) -> Int? {
        for j in state.sessionUnits[x].indices {
            let v = Int(state.sessionUnits[x][j])
            guard state.table.units[v].groups.contains(Int32(g)) else { continue }
            guard state.table.units[v].kind != .cohort, state.table.units[v].fixedEntry < 0 else { return nil }
            return v
        }
        return nil
    }

    /// A room for session s at t2 once its groups' units there are out: its
    /// own if it may, else another of its activity's rooms (from a random
    /// one); nil when none may take it.
    private mutating func roomForReroute(_ s: Int, at t2: Int) -> Int? {
        let a = Int(state.sessionActivity[s]), r1 = Int(state.sessionRoom[s]), d = t2 / I.periodCount
        if state.mayRelocate(s, room: r1, day: d) && state.mayRelocate(s, to: t2, inAllowedRoom: r1, besides: -1) {
            return r1
        }
        let n = I.activityRooms[a].count
        guard n > 0 else { return nil }
        let first = random.below(n)
        for i in 0..<n {
            let r = Int(I.activityRooms[a][(first + i) % n])
            if r != r1 && state.mayRelocate(s, to: t2, room: r, besides: -1) { return r }
        }
        return nil
    }

    /// Places rerouted unit v at start t: in activity b (what it had), else
    /// for a `oneOf` pick another of its activities it does not take yet
    /// (from a random one) other than `avoiding` (one that a unit of its
    /// group still to be placed takes back). False, with v unplaced, when
    /// none has a place.
    private mutating func placeRerouted(_ v: Int, activity b: Int, at t: Int, room r1: Int, avoiding: Int = -1)
        -> Bool
    {
        if state.unitMayAttend(v, activity: b) && placeUnit(v, activity: b, at: t, room: r1) { return true }
        guard case .choice = state.table.units[v].kind else { return false }
        let n = state.table.units[v].activities.count
        let first = random.below(n)
        for i in 0..<n {
            let c = Int(state.table.units[v].activities[(first + i) % n])
            if c != b && c != avoiding && state.unitMayAttend(v, activity: c)
                && placeUnit(v, activity: c, at: t, room: r1)
            {
                return true
            }
        }
        return false
    }

    /// Puts unplaced unit v in a session of activity b at start t: one there
    /// with a place (from a random one), else a new one in room r1 if b may
    /// use it, else in another of b's rooms (from a random one). False, with
    /// nothing changed, when there is none (or staff cannot be found).
    private mutating func placeUnit(_ v: Int, activity b: Int, at t: Int, room r1: Int) -> Bool {
        guard state.unitMayStart(v, activity: b, at: t) else { return false }
        let T = I.slotCount
        let sessions = state.sessionsAt[b * T + t].count
        let firstSession = sessions > 0 ? random.below(sessions) : 0
        for i in 0..<sessions {
            let x = Int(state.sessionsAt[b * T + t][(firstSession + i) % sessions])
            guard state.sessionHasPlace(for: v, in: x) else { continue }
            // Noted before and after: staff may change with the numbers of pupils.
            noteSession(x)
            if state.join(unit: v, session: x) {
                noteSession(x)
                noteUnit(v)
                return true
            }
        }
        let rooms = I.activityRooms[b].count
        guard rooms > 0, state.mayAddSession(activity: b, day: t / I.periodCount) else { return false }
        let firstRoom = random.below(rooms)
        for i in -1..<rooms {
            let r = i < 0 ? r1 : Int(I.activityRooms[b][(firstRoom + i) % rooms])
            guard i < 0 ? I.roomAllowed.contains(b, r1) : r != r1 else { continue }
            guard state.mayOpen(unit: v, activity: b, at: t, room: r),
                let x = state.open(activity: b, slot: t, room: r, unit: v)
            else { continue }
            noteSession(x)
            noteUnit(v)
            return true
        }
        return false
    }

    /// Takes a reroute back: the units it moved leave where they went,
    /// session s (unless -1) returns to its place with its staff, and every
    /// unit goes back where it was (`putBackEjected`). (Taking back a move
    /// of units re-fills rows, so the caller refreshes the score.)
    mutating func takeBackReroute(movedSession s: Int) {
        for i in ejected.indices {
            let v = ejected[i].unit, x = Int(state.unitSession[v])
            guard x >= 0 else { continue }
            noteUnit(v)
            noteSession(x)
            state.unassign(v)
            noteSession(x)
        }
        if s >= 0 {
            let dayChange = undoPlaces[0].slot / I.periodCount != state.day(ofSession: s)
            noteSession(s, groups: true, dayChange: dayChange)
            // Exactly as it was; else with staff picked afresh (a rerouted
            // unit's session may have kept one of s's staff); else (never
            // seen) s stays, and its groups' units there stay unplaced for
            // the insertion move.
            guard state.undoRelocate(undoPlaces, staff: undoStaff) || state.relocate(undoPlaces) else {
                for i in ejected.indices where state.unitSession[ejected[i].unit] < 0 {
                    unplaced.append(Int32(ejected[i].unit))
                }
                return
            }
            noteSession(s, groups: true, dayChange: dayChange)
        }
        putBackEjected()
    }

    /// Takes back a reroute that failed halfway, refreshes the score for
    /// what it changed, and counts it refused (returns false).
    private mutating func failReroute(movedSession s: Int) -> Bool {
        takeBackReroute(movedSession: s)
        refreshTouched()
        clearTouched()
        return refuse()
    }
}
