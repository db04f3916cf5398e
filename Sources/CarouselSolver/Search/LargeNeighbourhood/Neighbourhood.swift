/// The parts of a schedule the large-neighbourhood search frees and
/// rebuilds: structured sets of units that a single move cannot rearrange
/// together, as in cpsolver's and the ITC-2007 solvers' neighbourhoods
/// (Müller; Lü and Hao; Kiefer, Hartl and Schnell's ALNS for course
/// timetabling) and Shaw's related removal.
///
/// Each kind starts from a random placed unit that may move (its session
/// not fixed, its day not over) and collects the units around it; a set
/// larger than the search's neighbourhood size keeps that first unit and a
/// random choice of the rest.
extension LocalSearch {
    enum Neighbourhood: Int, CaseIterable {
        /// Every session of one activity: its days, times and rooms together
        /// (spread, room stability).
        case activity
        /// One group's day: its sessions, rearranged (idle gaps, isolated
        /// sessions, site changes).
        case groupDay
        /// One room's day: the sessions in it, which may trade times and
        /// leave for other rooms.
        case roomDay
        /// One time band: the sessions over two adjacent periods of a day,
        /// which compete for its rooms and staff.
        case timeBand
        /// Shaw's related removal: units that share a group, room, staff
        /// member or activity with one already chosen, grown from a random
        /// unit.
        case related
        /// Repair only: a unit that is not where the reference schedule had
        /// it, with the units that now hold its old place — the session in
        /// its old room then, its groups' attendances then, the sessions
        /// its old staff are at then — so that it can go back when they
        /// make way. (Last, so that a search without a reference draws
        /// among the others exactly as before.)
        case changed

        /// The kinds a search draws among: `changed` only in a repair.
        static func kinds(repairing: Bool) -> ArraySlice<Neighbourhood> {
            repairing ? allCases[...] : allCases.dropLast()
        }
    }

    /// Fills `lns.freed` with the units of a neighbourhood of the given
    /// kind around a random movable unit (at most `lns.size` of them);
    /// false when there is none (every draw fell on a unit that may not
    /// move).
    mutating func choose(_ kind: Neighbourhood) -> Bool {
        lns.freed.clearKeepingCapacity()
        lns.chosen.removeAll()
        if kind == .changed { return chooseChanged() }
        guard let (u, s) = randomFreeableUnit() else { return false }
        add(u)
        let P = I.periodCount, T = I.slotCount, d = state.day(ofSession: s)
        switch kind {
        case .activity:
            let a = Int(state.sessionActivity[s])
            for x in state.sessionActivity.indices where state.sessionAlive[x] && Int(state.sessionActivity[x]) == a {
                addUnits(of: x)
            }
        case .groupDay:
            let groups = state.table.units[u].groups
            let g = Int(groups[random.below(groups.count)])
            for t in (d * P)..<((d + 1) * P) {
                let x = Int(state.groupSession(g, at: t))
                guard x >= 0, mayFree(session: x) else { continue }
                for v in state.sessionUnits[x] where state.table.units[Int(v)].groups.contains(Int32(g)) { add(Int(v)) }
            }
        case .roomDay:
            let r = Int(state.sessionRoom[s])
            for t in (d * P)..<((d + 1) * P) { addUnits(of: Int(state.roomAt[r * T + t])) }
        case .timeBand:
            let t = Int(state.sessionSlot[s])
            let first = random.below(2) == 0 ? max(d * P, t - 1) : t
            for q in first..<min((d + 1) * P, first + 2) {
                for r in 0..<I.roomCount { addUnits(of: Int(state.roomAt[r * T + q])) }
            }
        case .related:
            growRelated()
        case .changed:
            break
        }
        trimToSize()
        return !lns.freed.isEmpty
    }

    /// Fills `lns.freed` for `Neighbourhood.changed`: a random unit, of a
    /// session the search may free, that costs change from the reference,
    /// and the units in the way of its old place (those the search may
    /// free). False when no unit costs change.
    private mutating func chooseChanged() -> Bool {
        guard let reference = tracker.reference else { return false }
        // A random session with change, then a random unit of it with change
        // (reservoir sampling: one pass, nothing allocated).
        var s = -1, seen = 0
        for x in state.sessionAlive.indices
        where state.sessionAlive[x] && tracker.change(ofSession: x) > 0 && mayFree(session: x) {
            seen += 1
            if random.below(seen) == 0 { s = x }
        }
        guard s >= 0 else { return false }
        var u = -1
        seen = 0
        for v in state.sessionUnits[s] {
            guard reference.cost(unit: Int(v), inSession: s, of: state) > 0 else { continue }
            seen += 1
            if random.below(seen) == 0 { u = Int(v) }
        }
        guard u >= 0 else { return false }
        add(u)
        let t0 = Int(reference.slot[u])
        let a0 = Int(reference.activity[u]), r0 = Int(reference.room[u])
        if t0 >= state.openFrom && t0 < I.slotCount && a0 < I.activityCount && r0 < I.roomCount {
            let T = I.slotCount
            let end = min(t0 + Int(I.duration[a0]), (t0 / I.periodCount + 1) * I.periodCount)
            for t in t0..<end {
                addUnits(of: Int(state.roomAt[r0 * T + t]))
                for g in state.table.units[u].groups {
                    let x = Int(state.groupSession(Int(g), at: t))
                    guard x >= 0, mayFree(session: x) else { continue }
                    for v in state.sessionUnits[x] where state.table.units[Int(v)].groups.contains(g) { add(Int(v)) }
                }
                for st in reference.staff[u] where st < I.staffCount {
                    addUnits(of: Int(state.staffAt[Int(st) * T + t]))
                }
            }
        }
        trimToSize()
        return true
    }

    /// A random placed unit that the search may free, with its session;
    /// nil after a few draws that all fell on others.
    private mutating func randomFreeableUnit() -> (unit: Int, session: Int)? {
        let U = state.table.units.count
        guard U > 0 else { return nil }
        for _ in 0..<8 {
            let u = random.below(U)
            let s = Int(state.unitSession[u])
            if s >= 0 && mayFree(session: s) { return (u, s) }
        }
        return nil
    }

    /// Whether the units of session s may be freed: it is not fixed, and its
    /// day is not over.
    private func mayFree(session s: Int) -> Bool {
        !state.sessionLocked[s] && Int(state.sessionSlot[s]) >= state.openFrom
    }

    /// Adds unit u to the neighbourhood (once).
    private mutating func add(_ u: Int) {
        guard !lns.chosen.contains(u) else { return }
        lns.chosen.insert(u)
        lns.freed.append(u)
    }

    /// Adds every unit of session x (nothing for -1 or a session that may
    /// not be freed).
    private mutating func addUnits(of x: Int) {
        guard x >= 0, state.sessionAlive[x], mayFree(session: x) else { return }
        for i in state.sessionUnits[x].indices { add(Int(state.sessionUnits[x][i])) }
    }

    /// Grows the neighbourhood from its first unit to `lns.size` units: each
    /// step takes a unit already in it and adds one related to it — a unit of
    /// one of its groups, another unit of its session or of its activity,
    /// one in its room or with one of its staff the same day.
    private mutating func growRelated() {
        let P = I.periodCount, T = I.slotCount
        var attempts = 0
        while lns.freed.count < lns.size && attempts < 8 * lns.size {
            attempts += 1
            let v = lns.freed[random.below(lns.freed.count)]
            let s = Int(state.unitSession[v])
            guard s >= 0 else { continue }
            let d = state.day(ofSession: s)
            switch random.below(4) {
            case 0:
                let groups = state.table.units[v].groups
                let list = state.table.unitsOfGroup[Int(groups[random.below(groups.count)])]
                let w = Int(list[random.below(list.count)])
                let x = Int(state.unitSession[w])
                if x >= 0 && mayFree(session: x) { add(w) }
            case 1:
                let a = Int(state.sessionActivity[s])
                let t = d * P + random.below(P)
                let here = state.sessionsAt[a * T + t]
                if !here.isEmpty { addUnits(of: Int(here[random.below(here.count)])) } else { addUnits(of: s) }
            case 2:
                addUnits(of: Int(state.roomAt[Int(state.sessionRoom[s]) * T + d * P + random.below(P)]))
            default:
                let staff = state.sessionStaff[s]
                guard !staff.isEmpty else { continue }
                addUnits(of: Int(state.staffAt[Int(staff[random.below(staff.count)]) * T + d * P + random.below(P)]))
            }
        }
    }

    /// Keeps the first unit and a random `lns.size - 1` of the others.
    private mutating func trimToSize() {
        guard lns.freed.count > lns.size else { return }
        for i in 1..<lns.size {
            let j = i + random.below(lns.freed.count - i)
            lns.freed.swapAt(i, j)
        }
        while lns.freed.count > lns.size { lns.freed.removeLast() }
    }
}
