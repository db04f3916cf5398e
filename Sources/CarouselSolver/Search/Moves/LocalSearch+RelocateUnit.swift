/// The unit move: one group's attendance (a unit) goes elsewhere.
extension LocalSearch {
    /// Moves a random unit to a random other time/room, session or activity.
    mutating func relocateUnit() -> Bool {
        let U = state.table.units.count
        guard U > 0 else { return false }
        let u = random.below(U)
        let s0 = Int(state.unitSession[u])
        guard s0 >= 0, !state.sessionLocked[s0] else { return false }
        // (The unit's lists, and the schedule's, are read in place: a copy
        // would retain them, and most draws are refused.)
        let kind = state.table.units[u].kind, unitDay = Int(state.table.units[u].day)
        guard kind != .cohort else { return false }
        let a0 = Int(state.sessionActivity[s0]), t0 = Int(state.sessionSlot[s0]), r0 = Int(state.sessionRoom[s0])
        // Choose the target before changing anything.
        let a = Int(state.table.units[u].activities[random.below(state.table.units[u].activities.count)])
        // Half the time keep the time and change only the session, room or
        // (for a choice) the activity: the group's day stays as it is.
        let keepTime = random.below(2) == 0
        let d = keepTime ? t0 / I.periodCount
            : (unitDay >= 0 ? unitDay : randomVisitDay(of: state.table.units[u].groups) ?? t0 / I.periodCount)
        var t = t0
        if !keepTime {
            // A start on day d where the activity may run and the groups are free (or in s0).
            choices.clearKeepingCapacity()
            let k = Int(I.duration[a])
            for p in 0..<I.periodCount {
                let start = d * I.periodCount + p
                guard I.canStart(a, at: start) else { continue }
                if state.table.units[u].groups.indices.allSatisfy({
                    state.groupFree(Int(state.table.units[u].groups[$0]), at: start, duration: k, besides: s0, or: -1)
                }) {
                    choices.append(start)
                }
            }
            guard !choices.isEmpty else { return refuse() }
            t = choices[random.below(choices.count)]
        }
        guard t >= state.openFrom, I.canStart(a, at: t), t != t0 || a != a0 || random.below(2) == 0 else { return false }
        // Check the target cheaply before changing anything: most random
        // targets fail, and a failure should cost little.
        let k = Int(I.duration[a]), T = I.slotCount
        guard unitDay < 0 || unitDay == d else { return refuse() }
        for i in state.table.units[u].groups.indices {
            let g = Int(state.table.units[u].groups[i])
            guard I.yearAllowed(group: g, activity: a), state.groupFree(g, at: t, duration: k, besides: s0, or: -1) else {
                return refuse()
            }
        }
        if case .choice = kind, a != a0, state.choiceCount[Int(state.table.units[u].group) * I.activityCount + a] > 0 {
            return refuse()
        }
        let closes = state.sessionUnits[s0].count == 1
        var joinTarget = -1, roomTarget = -1
        let candidates = state.sessionsAt[a * T + t].count
        if candidates > 0 && random.below(2) == 0 {
            let s = Int(state.sessionsAt[a * T + t][random.below(candidates)])
            guard s != s0 else { return false }
            guard state.canJoin(u, session: s) else { return refuse() }
            joinTarget = s
        } else {
            guard state.activityHasRoom(a, day: d) || (closes && a == a0 && d == t0 / I.periodCount) else { return refuse() }
            let rooms = I.activityRooms[a].count
            guard rooms > 0 else { return false }
            let r = Int(I.activityRooms[a][random.below(rooms)])
            guard state.fits(pupils: state.table.units[u].pupils, activity: a, room: r), state.unitMay(u, activity: a, room: r),
                  !I.roomUnavailable.containsAny(r, from: t, count: k) else { return refuse() }
            for q in t..<(t + k) {
                let x = Int(state.roomAt[r * T + q])
                if x != -1 && !(x == s0 && closes) { return refuse() }
            }
            roomTarget = r
        }
        chainUndo.clearKeepingCapacity()
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
            // Put it back where it was.
            if state.sessionAlive[s0] && Int(state.sessionSlot[s0]) == t0 && state.join(unit: u, session: s0) {
            } else {
                _ = state.open(activity: a0, slot: t0, room: r0, unit: u, preferredStaff: undoStaff[0])
            }
            noteUnit(u)
            noteSession(Int(state.unitSession[u]))
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
    /// it left, whose place and staff then are in `chainUndo[0]` and
    /// `undoStaff[0]` (copies: sharing the session's staff list would make
    /// the schedule copy it on its next change) — into that session if it is
    /// still there, else into one reopened in its place with its staff.
    mutating func takeBackUnitMove(_ u: Int, activity: Int) {
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
    }
}
