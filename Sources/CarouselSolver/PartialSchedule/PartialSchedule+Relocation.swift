/// Moving whole sessions to new starts and rooms, and taking such a move
/// back exactly.
extension PartialSchedule {
    /// The staff of a session `relocate` moves.
    enum StaffFate {
        /// Still listed and counted on the old day, out of every period.
        case held
        /// Following the session on the same day (periods booked anew).
        case kept
        /// Released, and the session's rows filled afresh (its old staff
        /// are in `movedStaff`).
        case refilled
    }

    /// Moves whole sessions to new slots and rooms at once (a move, or a swap
    /// when two sessions trade places), keeping their groups and, where
    /// possible, their staff. Returns false, with nothing changed, when the
    /// result would break a hard rule.
    mutating func relocate(_ moves: [(session: Int, slot: Int, room: Int)]) -> Bool {
        relocate(moves, restoring: nil)
    }

    /// Takes back a `relocate` exactly: the sessions return to the places
    /// in `moves` with exactly the staff in `staff` (the i-th list for the
    /// i-th move), as they were before it. False, with nothing changed, if
    /// that would break a rule (something else changed in between).
    @discardableResult
    mutating func undoRelocate(_ moves: [(session: Int, slot: Int, room: Int)], staff: [[Int32]]) -> Bool {
        relocate(moves, restoring: staff)
    }

    private mutating func relocate(_ moves: [(session: Int, slot: Int, room: Int)], restoring: [[Int32]]?) -> Bool {
        // Each session leaves its place and its staff leave its periods; the
        // staff stay listed and counted on its day until they are known to
        // follow it (`held`).
        movedFrom.clearKeepingCapacity()
        movedStaffFate.clearKeepingCapacity()
        for m in moves {
            let s = m.session
            movedFrom.append((sessionSlot[s], sessionRoom[s]))
            movedStaffFate.append(.held)
            for i in sessionStaff[s].indices { freeStaffPeriods(Int(sessionStaff[s][i]), session: s) }
            vacatePlace(s)
            setGroupOccupancy(of: s, to: -1)
        }
        var ok = true
        var placed = 0
        for m in moves {
            let s = m.session, a = Int(sessionActivity[s]), t = m.slot, r = m.room, k = Int(instance.duration[a])
            let d = t / instance.periodCount
            let sameDay = d == Int(movedFrom[placed].slot) / instance.periodCount
            guard t >= openFrom, instance.canStart(a, at: t), instance.roomAllowed.contains(a, r),
                fits(pupils: sessionPupils[s], activity: a, room: r), roomAvailable(r, at: t, duration: k),
                sameDay || mayAddSession(activity: a, day: d)
            else {
                ok = false
                break
            }
            for i in sessionUnits[s].indices {
                let u = Int(sessionUnits[s][i])
                if !instance.unitAllows(table.units[u], activity: a, at: t) { ok = false }
                for j in table.units[u].groups.indices {
                    let g = Int(table.units[u].groups[j])
                    if !instance.groupNeedsMet.contains(g, r) || !groupVisits(g, at: t, duration: k)
                        || !groupFree(g, at: t, duration: k)
                        || !groupTravelAllows(g, at: t, duration: k, site: Int(instance.roomSite[r]))
                    {
                        ok = false
                    }
                }
            }
            guard ok else { break }
            setPlace(s, slot: Int32(t), room: Int32(r))
            occupyPlace(s)
            setGroupOccupancy(of: s, to: Int32(s))
            placed += 1
        }
        if ok {
            // Same pupils, so the same staff still fill the rows: on the same
            // day they keep their day counts and only change periods, when
            // each is available and free then. The others are released
            // first, all of them, and then their rows are filled (so that
            // taking a move back, which gives every session back the staff it
            // had, always succeeds).
            for (i, m) in moves.enumerated() {
                let s = m.session
                let oldDay = Int(movedFrom[i].slot) / instance.periodCount
                if oldDay == day(ofSession: s) && (restoring.map { $0[i] == sessionStaff[s] } ?? true)
                    && sessionStaff[s].indices.allSatisfy({ staffCanAttend(Int(sessionStaff[s][$0]), session: s) })
                {
                    for j in sessionStaff[s].indices { bookStaffPeriods(Int(sessionStaff[s][j]), session: s) }
                    movedStaffFate[i] = .kept
                } else {
                    saveStaff(of: s, as: i)
                    dropStaff(of: s, countedOn: oldDay)
                    movedStaffFate[i] = .refilled
                }
            }
            for (i, m) in moves.enumerated() where movedStaffFate[i] == .refilled {
                let s = m.session
                let filled =
                    if let restoring {
                        giveStaff(restoring[i], to: s)
                    } else {
                        giveStaff(movedStaff[i], to: s)
                            || fillStaff(s, required: [], preferred: movedStaff[i], favouredFirst: false)
                    }
                if !filled {
                    ok = false
                    break
                }
            }
        }
        guard !ok else { return true }
        // Roll back: staff leave the new places, the sessions go back, and
        // the staff with them.
        for (i, m) in moves.enumerated() {
            switch movedStaffFate[i] {
            case .held: break
            case .kept:
                for j in sessionStaff[m.session].indices {
                    freeStaffPeriods(Int(sessionStaff[m.session][j]), session: m.session)
                }
            case .refilled: releaseStaff(m.session)
            }
        }
        for m in moves.prefix(placed) {
            vacatePlace(m.session)
            setGroupOccupancy(of: m.session, to: -1)
        }
        for (i, m) in moves.enumerated() {
            let s = m.session
            setPlace(s, slot: movedFrom[i].slot, room: movedFrom[i].room)
            occupyPlace(s)
            setGroupOccupancy(of: s, to: Int32(s))
            if movedStaffFate[i] == .refilled {
                for st in movedStaff[i] { addStaff(Int(st), to: s) }
            } else {
                for j in sessionStaff[s].indices { bookStaffPeriods(Int(sessionStaff[s][j]), session: s) }
            }
        }
        return false
    }
}
