/// The insertion move, which repairs a schedule construction left incomplete.
///
/// An unplaced unit goes to a random start of one of its activities — into a
/// session already there, or a new one in a random room — and the few units
/// in its way are ejected: those holding its groups then, those in the room,
/// those whose staff the new session needs (as construction's backjumping
/// finds them), and, to join a session that is full, some of its groups. With
/// one unit ejected the level stays equal, and such a move is always taken
/// while units are unplaced (the search walks the plateau); with none it
/// improves. A unit just inserted is
/// not ejected again for a while (tabu), so that two units do not take each
/// other's place in turn.
///
/// Every placement goes through `PartialSchedule.open`/`join` on free
/// periods, so the schedule keeps every hard rule but rule 1 throughout.
extension LocalSearch {
    /// Where an ejected unit was, to put it back.
    struct Ejected {
        var unit: Int
        var session: Int
        var activity: Int
        var slot: Int
        var room: Int
        var staff: [Int32]
    }

    /// Most units one insertion may eject.
    static let ejectionCap = 3
    /// Insertions during which an inserted unit may not be ejected.
    static let insertionTabu = 10

    /// Inserts a random unplaced unit at a random start, ejecting what is in
    /// the way (at most `ejectionCap` units, never a fixed session's).
    mutating func insertUnit() -> Bool {
        guard let u = randomUnplaced() else { return false }
        let unit = state.table.units[u]
        let a = Int(unit.activities[random.below(unit.activities.count)])
        guard state.unitMayAttend(u, activity: a) else { return refuse() }
        let d = unit.day >= 0 ? Int(unit.day) : random.below(I.dayCount)
        let k = Int(I.duration[a]), P = I.periodCount, T = I.slotCount
        targets.clearKeepingCapacity()
        for p in 0..<P {
            let t = d * P + p
            if t >= state.openFrom && I.canStart(a, at: t) && I.unitAllows(unit, activity: a, at: t)
                && unit.groups.allSatisfy({ state.groupVisits(Int($0), at: t, duration: k) })
            {
                targets.append(t)
            }
        }
        guard !targets.isEmpty else { return refuse() }
        let t = targets[random.below(targets.count)]
        // The place: a session of a there that holds none of u's groups, or a new one in a random room.
        victims.clearKeepingCapacity()
        guard state.unitsHolding(groups: unit.groups, from: t, duration: k, into: &victims) else { return refuse() }
        var joinTarget = -1, room = -1
        let candidates = state.sessionsAt[a * T + t]
        if !candidates.isEmpty && random.below(2) == 0 {
            let s = Int(candidates[random.below(candidates.count)])
            guard !state.sessionGroups[s].contains(where: { unit.groups.contains($0) }),
                state.sessionHasPlace(for: u, in: s) || makeRoom(for: u, in: s)
            else { return refuse() }
            joinTarget = s
        } else {
            let rooms = I.activityRooms[a]
            guard !rooms.isEmpty, state.mayAddSession(activity: a, day: d),
                unit.fixedEntry < 0 || !state.entryPlaced(Int(unit.fixedEntry), besides: u)
            else { return refuse() }
            let r = Int(rooms[random.below(rooms.count)])
            guard state.roomTakes(unit: u, activity: a, room: r, at: t),
                state.unitsHolding(room: r, from: t, duration: k, into: &victims), victims.count <= Self.ejectionCap,
                let staff = state.staffConflicts(activity: a, slot: t, pupils: unit.pupils, ignoring: victims)
            else { return refuse() }
            victims.append(contentsOf: staff)
            room = r
        }
        guard victims.count <= Self.ejectionCap else { return refuse() }
        if insertedAt.isEmpty { insertedAt = Array(repeating: -Self.insertionTabu, count: state.table.units.count) }
        for v in victims where insertions - insertedAt[v] < Self.insertionTabu { return false }
        eject()
        var placedIn = -1
        // (What was ejected made the place; the rules only a placement
        // can check, such as travel to the sessions around it, are asked now.)
        if joinTarget >= 0 {
            noteSession(joinTarget)
            if state.sessionHasPlace(for: u, in: joinTarget), state.join(unit: u, session: joinTarget) {
                placedIn = joinTarget
            }
        } else if unit.groups.allSatisfy({ state.groupFree(Int($0), at: t, duration: k) }),
            state.roomAvailable(room, at: t, duration: k),
            state.unitTravelAllows(u, at: t, activity: a, room: room, besides: -1)
        {
            placedIn = state.open(activity: a, slot: t, room: room, unit: u) ?? -1
        }
        guard placedIn >= 0 else {
            putBackEjected()
            refreshTouched()
            clearTouched()
            return refuse()
        }
        noteSession(placedIn)
        noteUnit(u)
        insertedAt[u] = insertions
        insertions += 1
        if let i = unplaced.firstIndex(of: Int32(u)) {
            unplaced.swapAt(i, unplaced.count - 1)
            unplaced.removeLast()
        }
        for v in victims { unplaced.append(Int32(v)) }
        undo = .insertion(unit: u)
        return true
    }

    /// Adds to `victims` units of the full session s, taken in a random
    /// rotation, until u could join it (groups and pupils within its
    /// limits). False when u could not join even then: the session is fixed,
    /// its room does not suit u's groups, or it would be left empty.
    private mutating func makeRoom(for u: Int, in s: Int) -> Bool {
        let unit = state.table.units[u], a = Int(state.sessionActivity[s]), r = Int(state.sessionRoom[s])
        guard unit.kind != .cohort, !state.sessionLocked[s], Int(state.sessionSlot[s]) >= state.openFrom,
            state.roomMeetsNeeds(ofUnit: u, room: r),
            unit.fixedEntry < 0 || state.holdsEntry(Int(unit.fixedEntry), session: s)
        else { return false }
        let members = state.sessionUnits[s]
        var groups = state.sessionGroups[s].count + unit.groups.count
        var pupils = Int(state.sessionPupils[s]) + Int(unit.pupils)
        func full() -> Bool {
            groups > Int(I.maxGroups[a]) || !state.fits(pupils: Int32(clamping: pupils), activity: a, room: r)
        }
        let first = random.below(members.count)
        var staying = members.count
        for i in members.indices where full() {
            let v = Int(members[(first + i) % members.count])
            if !victims.contains(v) { victims.append(v) }
            staying -= 1
            groups -= state.table.units[v].groups.count
            pupils -= Int(state.table.units[v].pupils)
        }
        return staying > 0 && !full()
    }

    /// Takes back the insertion of u: u leaves, the units it ejected return.
    mutating func takeBackInsertion(_ u: Int) {
        let s = Int(state.unitSession[u])
        guard s >= 0 else { return }
        noteUnit(u)
        noteSession(s)
        state.unassign(u)
        noteSession(s)
        unplaced.append(Int32(u))
        putBackEjected()
        let sessionOf = state.unitSession
        unplaced.removeAll { sessionOf[Int($0)] >= 0 }
    }

    /// Unassigns the units in `victims`, recording in `ejected` where they were.
    mutating func eject() {
        ejected.removeAll(keepingCapacity: true)
        for v in victims {
            let s = Int(state.unitSession[v])
            ejected.append(
                Ejected(
                    unit: v, session: s, activity: Int(state.sessionActivity[s]), slot: Int(state.sessionSlot[s]),
                    room: Int(state.sessionRoom[s]), staff: state.sessionStaff[s]))
            noteUnit(v)
            noteSession(s)
            state.unassign(v)
            noteSession(s)
        }
    }

    /// Puts the units in `ejected` back where they were: into their session
    /// if it is still there, else into a session reopened at its time and
    /// room with its staff where they fit (units that shared a closed session
    /// share the reopened one); then, in a repair, every session the move
    /// touched gets back exactly its staff (`restoreJournaledStaff`).
    mutating func putBackEjected() {
        for i in ejected.indices {
            let e = ejected[i]
            var target = -1
            if let j = ejected[..<i].firstIndex(where: { $0.session == e.session }) {
                target = Int(state.unitSession[ejected[j].unit])
            } else if state.sessionAlive[e.session] && Int(state.sessionActivity[e.session]) == e.activity
                && Int(state.sessionSlot[e.session]) == e.slot && Int(state.sessionRoom[e.session]) == e.room
            {
                target = e.session
            }
            if target >= 0 {
                // (Should the session not take it back, the unit stays
                // unplaced: the room is the session's.)
                if state.join(unit: e.unit, session: target, preferredStaff: e.staff) { noteSession(target) }
            } else if let s = state.open(
                activity: e.activity, slot: e.slot, room: e.room, unit: e.unit, preferredStaff: e.staff)
            {
                noteSession(s)
            }
            noteUnit(e.unit)
        }
        restoreJournaledStaff()
    }

    /// A random unplaced unit, or nil when all are placed. The list of
    /// unplaced units is rebuilt (O(units)) when it no longer matches the
    /// schedule, which only other moves failing to put a unit back can cause.
    private mutating func randomUnplaced() -> Int? {
        guard state.unassignedCount > 0 else { return nil }
        if unplaced.count == state.unassignedCount {
            let u = Int(unplaced[random.below(unplaced.count)])
            if state.unitSession[u] < 0 { return u }
        }
        unplaced.clearKeepingCapacity()
        for u in state.unitSession.indices where state.unitSession[u] < 0 { unplaced.append(Int32(u)) }
        return Int(unplaced[random.below(unplaced.count)])
    }
}
