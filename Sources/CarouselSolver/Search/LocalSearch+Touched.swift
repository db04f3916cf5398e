/// What a move touched, and refreshing the score's components for it.
extension LocalSearch {
    mutating func clearTouched() {
        touchedGroupDays.removeAll()
        touchedGroups.removeAll()
        touchedSessions.removeAll()
        touchedActivities.removeAll()
        touchedStaffDays.removeAll()
        staffJournal.removeAll()
    }

    /// Notes a unit's groups (their day shape on its current day, preference, spread).
    mutating func noteUnit(_ u: Int) {
        let s = Int(state.unitSession[u])
        for i in state.table.units[u].groups.indices {
            let g = Int(state.table.units[u].groups[i])
            touchedGroups.insert(g)
            if s >= 0 { touchedGroupDays.insert(g * I.dayCount + state.day(ofSession: s)) }
        }
    }

    /// Notes a session as it is now: itself, its activity and its staff's
    /// day; with `groups`, also its groups' day shape (the session moves in
    /// time or room), and with `dayChange` their spread.
    mutating func noteSession(_ s: Int, groups: Bool = false, dayChange: Bool = false) {
        guard s >= 0 else { return }
        journalStaff(s)
        touchedSessions.insert(s)
        guard state.sessionAlive[s] else { return }
        let a = Int(state.sessionActivity[s]), d = state.day(ofSession: s), D = I.dayCount
        touchedActivities.insert(a)
        // (Indexed in place: iterating a session's list would retain it.)
        if groups {
            for i in state.sessionGroups[s].indices {
                let g = Int(state.sessionGroups[s][i])
                touchedGroupDays.insert(g * D + d)
                if dayChange { touchedGroups.insert(g) }
            }
        }
        for i in state.sessionStaff[s].indices { touchedStaffDays.insert(Int(state.sessionStaff[s][i]) * D + d) }
    }

    mutating func refreshTouched() {
        Self.refresh(
            &tracker, state, groupDays: touchedGroupDays, groups: touchedGroups, sessions: touchedSessions,
            activities: touchedActivities, staffDays: touchedStaffDays)
    }

    /// Refreshes the touched components. (Static, so that the schedule is
    /// passed once: a call of a tracker method from this mutating code
    /// would copy the whole `state` struct for each component.)
    private static func refresh(
        _ tracker: inout ScoreTracker, _ state: PartialSchedule, groupDays: TouchedSet, groups: TouchedSet,
        sessions: TouchedSet, activities: TouchedSet, staffDays: TouchedSet
    ) {
        let D = state.instance.dayCount
        for key in groupDays { tracker.refreshGroupDay(key / D, key % D, state) }
        for g in groups { tracker.refreshGroup(g, state) }
        for s in sessions { tracker.refreshSession(s, state) }
        for a in activities { tracker.refreshActivity(a, state) }
        for key in staffDays { tracker.refreshStaffDay(key / D, key % D, state) }
    }
}
