/// Placing units: opening a session for a unit, joining one, leaving one,
/// and two units trading sessions. Each change either succeeds whole or
/// leaves the schedule exactly as it was.
extension PartialSchedule {
    /// Opens a session of `a` at slot `t` in room `r` serving unit `u`, with
    /// staff filled (`requiredStaff` first, as fixed sessions name them, then
    /// `preferredStaff` where they fit, as a repaired session had them).
    /// Returns the session id, or nil (and no change) when staff cannot be found.
    mutating func open(
        activity a: Int, slot t: Int, room r: Int, unit u: Int, requiredStaff: [Int32] = [],
        preferredStaff: [Int32] = [], locked: Bool = false
    ) -> Int? {
        assert(
            placementProblem(unit: u, activity: a, at: t, room: r, joining: -1, locked: locked) == nil,
            "open: unit \(u), activity \(a), slot \(t), room \(r): "
                + (placementProblem(unit: u, activity: a, at: t, room: r, joining: -1, locked: locked) ?? ""))
        // A unit bound to a fixed session that may move brings its staff.
        let entry = Int(table.units[u].fixedEntry)
        let required =
            entry >= 0 && requiredStaff.isEmpty ? instance.fixed[entry].staff.map { Int32($0) } : requiredStaff
        let s = newSession(activity: a, slot: t, room: r, locked: locked, requiredStaff: required)
        attach(u, to: s)
        guard fillStaff(s, required: required, preferred: preferredStaff) else {
            detach(u, from: s)
            close(s)
            return nil
        }
        return s
    }

    /// Adds unit u to live session s; false (and no change) when staff for
    /// the larger session cannot be found. New staff come from
    /// `preferredStaff` first where they fit.
    mutating func join(unit u: Int, session s: Int, preferredStaff: [Int32] = []) -> Bool {
        assert(
            joinProblem(unit: u, session: s) == nil,
            "join: unit \(u), session \(s): " + (joinProblem(unit: u, session: s) ?? ""))
        let before = sessionPupils[s]
        attach(u, to: s)
        // Rows that need no more staff for the extra pupils keep the staff they have.
        if staffNeedUnchanged(s, from: before) || fillStaff(s, preferred: preferredStaff) { return true }
        detach(u, from: s)
        _ = fillStaff(s)
        return false
    }

    /// `placementProblem` for unit u joining live session s.
    private func joinProblem(unit u: Int, session s: Int) -> String? {
        placementProblem(
            unit: u, activity: Int(sessionActivity[s]), at: Int(sessionSlot[s]), room: Int(sessionRoom[s]),
            joining: s, locked: sessionLocked[s])
    }

    /// Removes unit u from its session; an emptied session is closed, a
    /// smaller one keeps only the staff it still needs.
    mutating func unassign(_ u: Int) {
        let s = Int(unitSession[u])
        guard s >= 0 else { return }
        let before = sessionPupils[s]
        detach(u, from: s)
        if sessionUnits[s].isEmpty && !sessionLocked[s] {
            close(s)
        } else if !staffNeedUnchanged(s, from: before) {
            _ = fillStaff(s)
        }
    }

    /// Units u and v trade sessions in one step (u to v's, v to u's), so that
    /// a session holding only one of them stays open. The two sessions start
    /// together and last as long. False, with nothing changed, when a rule
    /// would break: years, a choice made twice, group count, pupils, room
    /// needs, or staff for the new numbers of pupils. With `restoring`, the
    /// sessions u and v go to get exactly those staff: the exchange takes
    /// back an earlier one, and nothing else changed in between.
    mutating func exchange(_ u: Int, _ v: Int, restoring: (forU: [Int32], forV: [Int32])? = nil) -> Bool {
        let su = Int(unitSession[u]), sv = Int(unitSession[v])
        guard su >= 0, sv >= 0, su != sv, sessionSlot[su] == sessionSlot[sv],
            instance.duration[Int(sessionActivity[su])] == instance.duration[Int(sessionActivity[sv])]
        else { return false }
        let pupilsU = sessionPupils[su], pupilsV = sessionPupils[sv]
        detach(u, from: su)
        detach(v, from: sv)
        guard unitMayAttend(u, activity: Int(sessionActivity[sv])), sessionHasPlace(for: u, in: sv),
            unitMayAttend(v, activity: Int(sessionActivity[su])), sessionHasPlace(for: v, in: su)
        else {
            attach(u, to: su)
            attach(v, to: sv)
            return false
        }
        // Keep both staff lists, to restore them exactly if a row cannot be filled.
        saveStaff(of: su, as: 0)
        saveStaff(of: sv, as: 1)
        attach(u, to: sv)
        attach(v, to: su)
        if let restoring {
            releaseStaff(su)
            releaseStaff(sv)
            if giveStaff(restoring.forU, to: sv) && giveStaff(restoring.forV, to: su) { return true }
        } else if (staffNeedUnchanged(su, from: pupilsU) || fillStaff(su))
            && (staffNeedUnchanged(sv, from: pupilsV) || fillStaff(sv))
        {
            return true
        }
        // Roll back.
        releaseStaff(su)
        releaseStaff(sv)
        detach(u, from: sv)
        detach(v, from: su)
        attach(u, to: su)
        attach(v, to: sv)
        for st in movedStaff[0] { addStaff(Int(st), to: su) }
        for st in movedStaff[1] { addStaff(Int(st), to: sv) }
        return false
    }
}
