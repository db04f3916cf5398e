import CarouselModel

/// The fixed sessions, placed first and locked.
extension Construction {
    /// Why fixed session f cannot be held as written with these units, or nil.
    func fixedObstacle(_ f: FixedSession, units: [Int]) -> String? {
        let I = instance, a = f.activity, t = I.slot(day: f.day, period: f.start), k = Int(I.duration[a])
        guard I.fitsGrid.contains(a, t) else { return "\(k) period(s) from \(I.periodID(f.start)) do not fit the day" }
        guard I.inWindow.contains(a, t) else { return "outside the activity's window" }
        guard I.roomAllowed.contains(a, f.room) else {
            return "the room lacks the activity's features or is not among its rooms"
        }
        guard state.roomAvailable(f.room, at: t, duration: k) else { return "the room is unavailable or taken then" }
        let pupils = units.reduce(0) { $0 + Int(table.units[$1].pupils) }
        guard state.fits(pupils: Int32(clamping: pupils), activity: a, room: f.room) else {
            return "\(pupils) pupils do not fit"
        }
        guard units.reduce(0, { $0 + table.units[$1].groups.count }) <= Int(I.maxGroups[a]) else {
            return "more groups than maxGroups"
        }
        for u in units {
            guard state.unitMayAttend(u, activity: a) else { return "a group's year is outside the activity's years" }
            for g in table.units[u].groups {
                guard I.groupNeedsMet.contains(Int(g), f.room) else {
                    return "the room lacks what group \(I.groupID(Int(g))) needs"
                }
                guard state.groupVisits(Int(g), at: t, duration: k) else {
                    return "group \(I.groupID(Int(g))) is not visiting then"
                }
                guard state.groupFree(Int(g), at: t, duration: k) else {
                    return "group \(I.groupID(Int(g))) is already busy then"
                }
            }
        }
        for st in f.staff where !I.staffAvailable.containsAll(st, from: t, count: k) {
            return "staff \(I.staffID(st)) is not available then"
        }
        return nil
    }

    /// Places the fixed sessions first and locks them. Fixed sessions that
    /// may move (spec section 14) are not placed here: their units are bound
    /// to them (`Unit.fixedEntry`) and placed like the others, preferring
    /// the written room and start.
    mutating func placeFixed() {
        let I = instance
        for f in I.fixed where f.move == nil {
            let a = f.activity, t = I.slot(day: f.day, period: f.start)
            let label =
                "fixed session \(I.activityID(a)) on \(I.dayID(f.day)) \(I.periodID(f.start)) in \(I.roomID(f.room))"
            // Units this session serves: the cohort for a together activity,
            // else one unit per listed group.
            var units: [Int] = []
            if I.together[a] {
                if let u = table.units.indices.first(where: {
                    table.units[$0].kind == .cohort && table.units[$0].activities == [Int32(a)]
                        && I.unitAllows(table.units[$0], activity: a, at: t) && state.unitSession[$0] < 0
                }) {
                    units = [u]
                }
            } else {
                for g in f.groups {
                    if let u = table.unitsOfGroup[g].map(Int.init).first(where: { u in
                        let unit = table.units[u]
                        return state.unitSession[u] < 0 && unit.activities.contains(Int32(a))
                            && I.unitAllows(unit, activity: a, at: t)
                            && state.unitMayAttend(u, activity: a)
                    }) {
                        units.append(u)
                    } else {
                        blockers.append(
                            "\(label): group \(I.groupID(g)) has no attend item left that this session could serve")
                    }
                }
            }
            guard let first = units.first else {
                blockers.append("\(label): no group to place in it")
                continue
            }
            if let why = fixedObstacle(f, units: units) {
                blockers.append("\(label): \(why)")
                continue
            }
            guard
                let s = state.open(
                    activity: a, slot: t, room: f.room, unit: first, requiredStaff: f.staff.map { Int32($0) },
                    locked: true)
            else {
                blockers.append("\(label): its staff cannot all be there (unavailable, busy or over their limits)")
                continue
            }
            placedAt[first] = Int.max / 2
            for u in units.dropFirst() {
                if state.groupFree(Int(table.units[u].group), at: t, duration: Int(I.duration[a])),
                    state.join(unit: u, session: s)
                {
                    placedAt[u] = Int.max / 2
                } else {
                    blockers.append("\(label): group \(I.groupID(Int(table.units[u].group))) cannot be added")
                }
            }
        }
    }
}
