/// Conflict-directed backjumping: a unit with no option goes where it
/// conflicts least, and what is in the way is undone.
extension Construction {
    /// Places u where it conflicts least, undoing the conflicting placements.
    mutating func backjump(_ u: Int) {
        let I = instance, unit = table.units[u], T = I.slotCount, P = I.periodCount
        forced[u] += 1
        guard forced[u] <= giveUpAfter else {
            impossible[u] = true
            return
        }
        var best: (Option, [Int])?
        var bestCost = Double.infinity
        var seen = [Int]()
        // The people a `sameStaff` group already has: a new session of its
        // ejects whoever holds them then.
        var known: [Int32] = []
        for g in unit.groups where I.groupSameStaff[Int(g)] {
            state.continuityStaff(ofGroup: Int(g), besides: -1, into: &known)
        }
        for a32 in unit.activities {
            let a = Int(a32)
            var yearsOK = true
            for g in unit.groups where !I.yearAllowed(group: Int(g), activity: a) { yearsOK = false }
            guard yearsOK else { continue }
            if case .choice = unit.kind, state.choiceCount[Int(unit.group) * I.activityCount + a] > 0 { continue }
            let k = Int(I.duration[a])
            for d32 in unitDays[u] {
                let d = Int(d32)
                for p in 0..<P {
                    let t = d * P + p
                    guard t >= state.openFrom, I.canStart(a, at: t), I.inside(within: unit.within, activity: a, at: t),
                        unit.groups.allSatisfy({ state.groupVisits(Int($0), at: t, duration: k) })
                    else { continue }
                    // Units of u's groups in the way.
                    seen.removeAll(keepingCapacity: true)
                    guard state.unitsHolding(groups: unit.groups, from: t, duration: k, into: &seen) else { continue }
                    let groupConflicts = seen
                    // Join an existing session.
                    for s32 in state.sessionsAt[a * T + t] where state.sessionHasPlace(for: u, in: Int(s32)) {
                        let cost = conflictCost(groupConflicts)
                        if cost < bestCost {
                            bestCost = cost
                            best = (
                                Option(
                                    activity: a, slot: t, session: Int(s32), room: Int(state.sessionRoom[Int(s32)]),
                                    cost: 0), groupConflicts
                            )
                        }
                    }
                    // Or open one, displacing what holds the room.
                    for r32 in I.activityRooms[a] {
                        let r = Int(r32)
                        guard state.roomTakes(unit: u, activity: a, room: r, at: t) else { continue }
                        var list = groupConflicts
                        guard state.unitsHolding(room: r, from: t, duration: k, into: &list) else { continue }
                        if !state.mayAddSession(activity: a, day: d) {
                            // Make room under maxPerDay/maxSessions by displacing another session of a that day,
                            // and under spacing by displacing the sessions too close to it.
                            guard let blocking = blockingSessions(activity: a, day: d) else { continue }
                            for s in blocking {
                                for v in state.sessionUnits[s] where !list.contains(Int(v)) { list.append(Int(v)) }
                            }
                        }
                        guard
                            let staffConflicts = state.staffConflicts(
                                activity: a, slot: t, pupils: unit.pupils, ignoring: list, preferring: known)
                        else { continue }
                        for v in staffConflicts where !list.contains(v) { list.append(v) }
                        let cost = conflictCost(list) + 0.01 * Double(list.count)
                        if cost < bestCost {
                            bestCost = cost
                            best = (Option(activity: a, slot: t, session: -1, room: r, cost: 0), list)
                        }
                    }
                }
            }
        }
        guard let (option, victims) = best else {
            impossible[u] = true
            return
        }
        for v in victims {
            conflicts[v] += 1
            unplace(v)
        }
        if option.session >= 0 && !state.sessionAlive[option.session] {
            _ = place(
                Option(activity: option.activity, slot: option.slot, session: -1, room: option.room, cost: 0), unit: u)
        } else if !place(option, unit: u), option.session >= 0 {
            // The session would not take u (no staff for the larger
            // session): u opens one of its own, in a room free then — not
            // the session's, which it still holds.
            let a = option.activity, t = option.slot
            if let r = instance.activityRooms[a].first(where: {
                state.mayOpen(unit: u, activity: a, at: t, room: Int($0))
            }) {
                _ = place(Option(activity: a, slot: t, session: -1, room: Int(r), cost: 0), unit: u)
            }
        }
    }

    /// An unlocked session of activity a, on day d if that day is full, else
    /// on any day (when `maxSessions` is what binds).
    /// The sessions to undo so that activity a may hold another session on
    /// day d: one under its session limits (`displaceableSession`), and
    /// every session of its spacing entries too close in date (rule 12);
    /// nil when a fixed session is among them or none would do.
    func blockingSessions(activity a: Int, day d: Int) -> [Int]? {
        let I = instance, T = I.slotCount, P = I.periodCount, D = I.dayCount
        var out: [Int] = []
        if state.activityDay[a * D + d] >= I.maxPerDay[a] || state.activityTotal[a] >= I.maxSessions[a] {
            guard let s = displaceableSession(activity: a, day: d) else { return nil }
            out.append(s)
        }
        for e in I.spacing.entriesOfActivity[a] {
            for d2 in I.spacing.closeDays[Int(e) * D + d] where state.spacingDay[Int(e) * D + Int(d2)] > 0 {
                for b in I.spacing.activities[Int(e)] {
                    for p in 0..<P {
                        for s32 in state.sessionsAt[Int(b) * T + Int(d2) * P + p] {
                            let s = Int(s32)
                            guard !state.sessionLocked[s] else { return nil }
                            if !out.contains(s) { out.append(s) }
                        }
                    }
                }
            }
        }
        return out
    }

    func displaceableSession(activity a: Int, day d: Int) -> Int? {
        let I = instance, T = I.slotCount, P = I.periodCount
        let dayFull = state.activityDay[a * I.dayCount + d] >= I.maxPerDay[a]
        let days = dayFull ? d...d : 0...(I.dayCount - 1)
        for dd in days {
            for p in 0..<P {
                for s in state.sessionsAt[a * T + dd * P + p] where !state.sessionLocked[Int(s)] { return Int(s) }
            }
        }
        return nil
    }

    /// Weight of undoing these units: recently placed ones are tabu, often
    /// disturbed ones cost more; a little noise breaks ties.
    mutating func conflictCost(_ units: [Int]) -> Double {
        var cost = random.unit() * 0.5
        for v in units {
            cost += 1 + Double(conflicts[v]) * 0.3 + Double(table.units[v].groups.count - 1) * 0.5
            if iteration - placedAt[v] < Self.tabuLength { cost += 50 }
            if let reference, reference.has(v) {
                // Still where the repaired schedule had it: undo others first.
                let s = Int(state.unitSession[v])
                if s >= 0 && reference.slot[v] == state.sessionSlot[s] && reference.room[v] == state.sessionRoom[s] {
                    cost += 20
                }
            }
        }
        return cost
    }
}
