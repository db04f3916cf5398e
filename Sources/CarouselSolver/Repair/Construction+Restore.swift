import CarouselModel

extension Construction {
    /// Puts back the sessions of `old` (matched to units by `reference`) as
    /// they were, wherever the changed problem still allows them: same
    /// activity, day, start and room, with their old staff where those can
    /// still come (others fill the rows otherwise). A session whose groups
    /// cannot all stay keeps those that can. Sessions the scope keeps (they
    /// have happened, are under way, or are on a kept day) are locked; one
    /// that cannot be kept as it was is noted.
    mutating func restore(_ old: Schedule, scope: RepairScope) {
        guard let reference else { return }
        let I = instance
        let order = old.sessions.indices.sorted { (old.sessions[$0].day, $0) < (old.sessions[$1].day, $1) }
        for i in order {
            let session = old.sessions[i]
            let units = reference.unitsOfSession[i].filter { state.unitSession[$0] < 0 }
            guard !units.isEmpty else { continue }
            let a = Int(session.activity), d = Int(session.day), t = I.slot(day: d, period: Int(session.start))
            let past = scope.keeps(slot: t, day: d)
            let place = FixedSession(activity: a, day: d, start: Int(session.start), room: Int(session.room))
            var placed: Int?
            var why: String?
            for u in units {
                if let s = placed {
                    guard state.sessionHasPlace(for: u, in: s), state.unitMayStart(u, activity: a, at: t),
                        state.join(unit: u, session: s, preferredStaff: session.staff)
                    else {
                        why = why ?? "group \(I.groupID(Int(table.units[u].group))) cannot stay in it"
                        continue
                    }
                    placedAt[u] = past ? Self.keptPlacement : iteration
                    continue
                }
                if let obstacle = fixedObstacle(place, units: [u])
                    ?? (state.mayAddSession(activity: a, day: d) ? nil : "the activity has no session left that day")
                {
                    why = why ?? obstacle
                    continue
                }
                if let s = state.open(
                    activity: a, slot: t, room: Int(session.room), unit: u, preferredStaff: session.staff, locked: past)
                {
                    placed = s
                    placedAt[u] = past ? Self.keptPlacement : iteration
                } else {
                    why = why ?? "its staff rows cannot be filled then"
                }
            }
            if past, let why {
                notes.append(
                    "\(I.activityID(a)) on \(I.dayID(d)) \(I.periodID(Int(session.start))) in \(I.roomID(Int(session.room))) \(scope.reason(slot: t, instance: I)) but cannot be kept as it was: \(why)"
                )
            }
        }
        state.openFrom = scope.openFrom
        placeDisplaced()
        // The changed problem may move a party's arrival into a quarter
        // hour its gate cannot take: such parties start afresh.
        for d in 0..<I.dayCount { settleArrivals(groups: (0..<Int32(I.groupCount)).map { $0 }, day: d) }
        markAllDirty()
    }
}
