/// The swap move: two sessions of the same length trade places.
extension LocalSearch {
    /// Swaps the times (and half the time the rooms) of two sessions with the
    /// same duration: 60% of the time the second session is another session
    /// of a group of the first that day, 25% a random session (possibly on
    /// another day), and 15% a session at the same start in another room of
    /// the first's activity (then the two swap rooms only).
    mutating func swapSessions() -> Bool {
        guard let s1 = randomSession() else { return false }
        let a1 = Int(state.sessionActivity[s1]), t1 = Int(state.sessionSlot[s1]), r1 = Int(state.sessionRoom[s1])
        let d = t1 / I.periodCount, k = I.duration[a1]
        var s2 = -1
        let branch = random.below(20)
        if branch < 12 {
            // Another session of one of s1's groups that day, of the same length.
            let groups = state.sessionGroups[s1]
            let g = Int(groups[random.below(groups.count)])
            targets.clearKeepingCapacity()
            for p in 0..<I.periodCount {
                let other = Int(state.groupSession(g, at: d * I.periodCount + p))
                if other >= 0 && other != s1 && !targets.contains(other) && !state.sessionLocked[other]
                    && I.duration[Int(state.sessionActivity[other])] == k
                {
                    targets.append(other)
                }
            }
            if !targets.isEmpty { s2 = targets[random.below(targets.count)] }
        } else if branch < 17 {
            if let s = randomSession() { s2 = s }
        } else {
            let rooms = I.activityRooms[a1]
            guard !rooms.isEmpty else { return false }
            let x = Int(state.roomAt[Int(rooms[random.below(rooms.count)]) * I.slotCount + t1])
            if x >= 0 && Int(state.sessionSlot[x]) == t1 { s2 = x }
        }
        guard s2 >= 0, s2 != s1, !state.sessionLocked[s2] else { return false }
        let a2 = Int(state.sessionActivity[s2]), t2 = Int(state.sessionSlot[s2]), r2 = Int(state.sessionRoom[s2])
        guard I.duration[a2] == k, t1 != t2 || r1 != r2 else { return false }
        let swapRooms = t1 == t2 || random.below(2) == 0
        let d2 = t2 / I.periodCount
        let dayChange = d2 != d
        if dayChange {
            // Each session's groups must be on site on the other's day, and
            // each activity may have a session more on the other's day.
            let D = I.dayCount
            for g in state.sessionGroups[s1] where !I.groupVisitsDay.contains(Int(g), d2) { return refuse() }
            for g in state.sessionGroups[s2] where !I.groupVisitsDay.contains(Int(g), d) { return refuse() }
            guard
                a1 == a2
                    || (state.activityDay[a1 * D + d2] < I.maxPerDay[a1]
                        && state.activityDay[a2 * D + d] < I.maxPerDay[a2])
            else {
                return refuse()
            }
        }
        guard state.mayRelocate(s1, to: t2, room: swapRooms ? r2 : r1, besides: s2),
            state.mayRelocate(s2, to: t1, room: swapRooms ? r1 : r2, besides: s1)
        else { return refuse() }
        sessionMoves.clearKeepingCapacity()
        sessionMoves.append((session: s1, slot: t2, room: swapRooms ? r2 : r1))
        sessionMoves.append((session: s2, slot: t1, room: swapRooms ? r1 : r2))
        return relocateSessions(dayChange: dayChange) || refuse()
    }
}
