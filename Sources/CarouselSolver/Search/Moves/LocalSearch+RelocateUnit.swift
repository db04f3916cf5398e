/// The unit move: one group's attendance (a unit) goes elsewhere.
extension LocalSearch {
    /// Moves a random unit to a random other time/room, session or activity.
    mutating func relocateUnit() -> Bool {
        guard let (u, s0) = randomMovableUnit(), movesAlone(u) else { return false }
        // (The unit's lists, and the schedule's, are read in place: a copy
        // would retain them, and most draws are refused.)
        let unitDay = Int(state.table.units[u].day)
        let a0 = Int(state.sessionActivity[s0]), t0 = Int(state.sessionSlot[s0])
        // Choose the target before changing anything.
        let a = Int(state.table.units[u].activities[random.below(state.table.units[u].activities.count)])
        // Half the time keep the time and change only the session, room or
        // (for a choice) the activity: the group's day stays as it is.
        let keepTime = random.below(2) == 0
        let d =
            keepTime
            ? t0 / I.periodCount
            : (unitDay >= 0 ? unitDay : randomVisitDay(of: state.table.units[u].groups) ?? t0 / I.periodCount)
        var t = t0
        if !keepTime {
            // A start on day d where the activity may run and the groups are free (or in s0).
            targets.clearKeepingCapacity()
            let k = Int(I.duration[a])
            for p in 0..<I.periodCount {
                let start = d * I.periodCount + p
                guard I.canStart(a, at: start) else { continue }
                if state.table.units[u].groups.indices.allSatisfy({
                    state.groupAvailable(
                        Int(state.table.units[u].groups[$0]), at: start, duration: k, besides: s0, or: -1)
                }) {
                    targets.append(start)
                }
            }
            guard !targets.isEmpty else { return refuse() }
            t = targets[random.below(targets.count)]
        }
        guard t >= state.openFrom, I.canStart(a, at: t), t != t0 || a != a0 || random.below(2) == 0 else {
            return false
        }
        return relocate(u, from: s0, activity: a, at: t, room: -1)
    }

    /// Whether unit u may move on its own: not a cohort (which is its
    /// session), nor one of several units of a fixed session (which move
    /// only with it).
    func movesAlone(_ u: Int) -> Bool {
        guard state.table.units[u].kind != .cohort else { return false }
        let entry = Int(state.table.units[u].fixedEntry)
        return entry < 0 || state.table.unitsOfEntry[entry].count == 1
    }

    /// Moves unit u (which `movesAlone`) from session s0 into activity a (one
    /// of its own) at start t: into a session of a there (in room `wanted`
    /// when that is not -1, else a random one half the time) or a new one (in
    /// `wanted`, else a random room of a). False, with nothing changed, when
    /// a hard rule forbids it.
    mutating func relocate(_ u: Int, from s0: Int, activity a: Int, at t: Int, room wanted: Int) -> Bool {
        let kind = state.table.units[u].kind, unitDay = Int(state.table.units[u].day)
        let a0 = Int(state.sessionActivity[s0]), t0 = Int(state.sessionSlot[s0]), r0 = Int(state.sessionRoom[s0])
        let d = t / I.periodCount
        // Check the target cheaply before changing anything: most random
        // targets fail, and a failure should cost little.
        let k = Int(I.duration[a]), T = I.slotCount
        guard unitDay < 0 || unitDay == d, I.inside(within: state.table.units[u].within, activity: a, at: t) else {
            return refuse()
        }
        for i in state.table.units[u].groups.indices {
            let g = Int(state.table.units[u].groups[i])
            guard I.yearAllowed(group: g, activity: a), state.groupAvailable(g, at: t, duration: k, besides: s0, or: -1)
            else {
                return refuse()
            }
        }
        if case .choice = kind, a != a0, state.choiceCount[Int(state.table.units[u].group) * I.activityCount + a] > 0 {
            return refuse()
        }
        let closes = state.sessionUnits[s0].count == 1
        var joinTarget = -1, roomTarget = -1
        let candidates = state.sessionsAt[a * T + t].count
        if wanted >= 0 {
            // The session in that room then, if any (else a new one there).
            for i in 0..<candidates where Int(state.sessionRoom[Int(state.sessionsAt[a * T + t][i])]) == wanted {
                joinTarget = Int(state.sessionsAt[a * T + t][i])
            }
        } else if candidates > 0 && random.below(2) == 0 {
            joinTarget = Int(state.sessionsAt[a * T + t][random.below(candidates)])
        }
        if joinTarget >= 0 {
            guard joinTarget != s0 else { return false }
            guard state.sessionHasPlace(for: u, in: joinTarget) else { return refuse() }
        } else {
            // s0 closes when u leaves it alone: its room and its place in
            // the activity's counts are then u's to take.
            let replacing = closes ? s0 : -1
            // (Checked before the room is drawn, so that a refusal costs no draw.)
            guard state.mayAddSession(activity: a, day: d, replacing: replacing) else { return refuse() }
            let rooms = I.activityRooms[a].count
            guard wanted >= 0 || rooms > 0 else { return false }
            let r = wanted >= 0 ? wanted : Int(I.activityRooms[a][random.below(rooms)])
            guard state.mayOpen(unit: u, activity: a, at: t, room: r, replacing: replacing) else { return refuse() }
            roomTarget = r
        }
        undoPlaces.clearKeepingCapacity()
        recordForUndo(s0)
        noteUnit(u)
        noteSession(s0)
        state.unassign(u)
        var placedIn = -1
        if joinTarget >= 0 {
            noteSession(joinTarget)
            if state.join(unit: u, session: joinTarget) { placedIn = joinTarget }
        } else if let s = state.open(activity: a, slot: t, room: roomTarget, unit: u) {
            placedIn = s
        }
        if placedIn < 0 {
            // Put it back where it was: into s0 if it is still there (its
            // room is then s0's, so nothing else may open there), else into
            // a session reopened in its place.
            if state.sessionAlive[s0] && Int(state.sessionSlot[s0]) == t0 {
                _ = state.join(unit: u, session: s0, preferredStaff: undoStaff[0])
            } else {
                _ = state.open(activity: a0, slot: t0, room: r0, unit: u, preferredStaff: undoStaff[0])
            }
            noteUnit(u)
            noteSession(Int(state.unitSession[u]))
            restoreJournaledStaff()
            refreshTouched()
            clearTouched()
            return refuse()
        }
        noteSession(placedIn)
        noteSession(s0)
        noteUnit(u)
        undo = .unit(unit: u, activity: a0)
        return true
    }

    /// Takes back a unit move: unit u returns to the session of `activity`
    /// it left, whose place and staff then are in `undoPlaces[0]` and
    /// `undoStaff[0]` (copies: sharing the session's staff list would make
    /// the schedule copy it on its next change) — into that session if it is
    /// still there, else into one reopened in its place with its staff. (If
    /// the session is there and cannot take u back, u stays unplaced: its
    /// room is the session's, and the insertion move will place u again.)
    mutating func takeBackUnitMove(_ u: Int, activity: Int) {
        let (session, slot, room) = undoPlaces[0]
        let from = Int(state.unitSession[u])
        noteUnit(u)
        noteSession(from)
        noteSession(session)
        state.unassign(u)
        noteSession(from)
        if session >= 0 && state.sessionAlive[session] && Int(state.sessionActivity[session]) == activity
            && Int(state.sessionSlot[session]) == slot
        {
            if state.join(unit: u, session: session, preferredStaff: undoStaff[0]) { noteSession(session) }
        } else if let s = state.open(activity: activity, slot: slot, room: room, unit: u, preferredStaff: undoStaff[0])
        {
            noteSession(s)
        }
        noteUnit(u)
        restoreJournaledStaff()
    }
}
