import CarouselModel

/// The questions the phases ask of a schedule before they change it: is a
/// group, room or start free, may a unit attend, join or open a session,
/// may a session move. All read-only, O(duration) or O(groups of a
/// session), and inlined: the search calls them from mutating code, where
/// a call would copy the schedule struct.
///
/// "Free" means held by no session; "available" adds what the problem
/// allows (a group visiting, a room not unavailable, a staff member on duty).
extension PartialSchedule {
    @inline(__always) func day(ofSession s: Int) -> Int { Int(sessionSlot[s]) / instance.periodCount }

    /// The session group g is in at slot t, or -1.
    @inline(__always)
    func groupSession(_ g: Int, at t: Int) -> Int32 {
        let P = instance.periodCount, start = Int(groupDayStart[g * instance.dayCount + t / P])
        return start < 0 ? -1 : groupCells[start + t % P]
    }

    /// Whether group g is in no session over slots `t ..< t + k` (one day).
    @inline(__always)
    func groupFree(_ g: Int, at t: Int, duration k: Int) -> Bool {
        let P = instance.periodCount, start = Int(groupDayStart[g * instance.dayCount + t / P])
        guard start >= 0 else { return true }
        let base = start + t % P
        for q in 0..<k where groupCells[base + q] != -1 { return false }
        return true
    }

    /// Whether group g is on site over slots `t ..< t + k` (its `visit`).
    @inline(__always)
    func groupVisits(_ g: Int, at t: Int, duration k: Int) -> Bool {
        instance.groupVisit.containsAll(g, from: t, count: k)
    }

    /// Whether group g is visiting over slots `t ..< t + k` and in no session
    /// then apart from sessions `a` and `b` (which are moving away).
    @inline(__always)
    func groupAvailable(_ g: Int, at t: Int, duration k: Int, besides a: Int, or b: Int) -> Bool {
        guard groupVisits(g, at: t, duration: k) else { return false }
        for q in t..<(t + k) {
            let x = Int(groupSession(g, at: q))
            if x != -1 && x != a && x != b { return false }
        }
        return true
    }

    /// Whether room r is neither unavailable nor holding a session over
    /// slots `t ..< t + k`.
    @inline(__always)
    func roomAvailable(_ r: Int, at t: Int, duration k: Int) -> Bool {
        let base = r * instance.slotCount + t
        for q in 0..<k where roomAt[base + q] != -1 { return false }
        return !instance.roomUnavailable.containsAny(r, from: t, count: k)
    }

    /// Whether activity a may hold one more session on day d: it is below
    /// its `maxPerDay` that day and its `maxSessions` in all, and no session
    /// of a spacing entry it is listed in starts on a day whose date is
    /// fewer than the entry's `minDays` from d's (rule 12).
    @inline(__always)
    func mayAddSession(activity a: Int, day d: Int) -> Bool {
        guard
            activityDay[a * instance.dayCount + d] < instance.maxPerDay[a] && activityTotal[a] < instance.maxSessions[a]
        else {
            return false
        }
        return instance.spacing.entriesOfActivity[a].isEmpty || spacingAllows(activity: a, day: d)
    }

    /// Rule 12 for one more session of activity a on day d.
    func spacingAllows(activity a: Int, day d: Int) -> Bool {
        let D = instance.dayCount
        for e in instance.spacing.entriesOfActivity[a] {
            for d2 in instance.spacing.closeDays[Int(e) * D + d] where spacingDay[Int(e) * D + Int(d2)] > 0 {
                return false
            }
        }
        return true
    }

    /// `mayAddSession`, counting session `replacing` (≥ 0: a session about
    /// to close, as when its only unit leaves it) as gone: a new session of
    /// a on day d in its stead keeps the counts as they are.
    @inline(__always)
    func mayAddSession(activity a: Int, day d: Int, replacing s: Int) -> Bool {
        mayAddSession(activity: a, day: d) || (s >= 0 && Int(sessionActivity[s]) == a && day(ofSession: s) == d)
    }

    /// Whether a session of `a` in room `r` may hold `pupils` pupils: the
    /// activity's `capacity`, and the room's unless `overCapacity` makes it soft.
    @inline(__always)
    func fits(pupils: Int32, activity a: Int, room r: Int) -> Bool {
        instance.seats(pupils, activity: a, room: r)
    }

    /// Whether room r has every feature each group of unit u needs.
    @inline(__always)
    func roomMeetsNeeds(ofUnit u: Int, room r: Int) -> Bool {
        for i in table.units[u].groups.indices where !instance.groupNeedsMet.contains(Int(table.units[u].groups[i]), r)
        {
            return false
        }
        return true
    }

    /// Whether unit u may attend activity a at all: every group's year is
    /// within its `years`, and a `oneOf` pick has not chosen a already.
    func unitMayAttend(_ u: Int, activity a: Int) -> Bool {
        let unit = table.units[u]
        for g in unit.groups where !instance.yearAllowed(group: Int(g), activity: a) { return false }
        if case .choice = unit.kind, choiceCount[Int(unit.group) * instance.activityCount + a] > 0 { return false }
        return true
    }

    /// Whether unit u may start activity a at slot t, as far as its own
    /// groups and the calendar go: the day is not over, the period grid and
    /// the activity's window allow the start, the unit is not bound to
    /// another day, and every group is visiting and free throughout.
    @inline(__always)
    func unitMayStart(_ u: Int, activity a: Int, at t: Int) -> Bool {
        let unit = table.units[u]
        guard t >= openFrom, instance.canStart(a, at: t), instance.unitAllows(unit, activity: a, at: t) else {
            return false
        }
        let k = Int(instance.duration[a])
        for g in unit.groups {
            if !groupVisits(Int(g), at: t, duration: k) || !groupFree(Int(g), at: t, duration: k) { return false }
        }
        return true
    }

    /// Whether live session s has a place for unit u: u is not a cohort
    /// (which fills a session of its own), the session's day is not over,
    /// and with u it stays within `maxGroups` and its capacities, in a room
    /// that meets u's groups' needs. The unit's times and activity are the
    /// caller's to check (`unitMayStart`, `unitMayAttend`); staff are found
    /// when it joins.
    @inline(__always)
    func sessionHasPlace(for u: Int, in s: Int) -> Bool {
        let a = Int(sessionActivity[s]), r = Int(sessionRoom[s])
        guard table.units[u].kind != .cohort, Int(sessionSlot[s]) >= openFrom else { return false }
        if table.units[u].fixedEntry >= 0 && !holdsEntry(Int(table.units[u].fixedEntry), session: s) { return false }
        // Pupils first: a flat table, where the group count is a list to reach.
        guard
            fits(pupils: Int32(clamping: Int(sessionPupils[s]) + Int(table.units[u].pupils)), activity: a, room: r)
                && sessionGroups[s].count + table.units[u].groups.count <= Int(instance.maxGroups[a])
                && roomMeetsNeeds(ofUnit: u, room: r)
        else { return false }
        return unitTravelAllows(u, at: Int(sessionSlot[s]), activity: a, room: r, besides: Int(unitSession[u]))
    }

    /// Whether room r may take a new session of activity a at slot t for
    /// unit u, whoever holds the room now: it seats u's pupils, meets its
    /// groups' needs and is not unavailable then. The phases that eject
    /// what is in the way (insertion, backjumping) ask this; the others ask
    /// `mayOpen`.
    @inline(__always)
    func roomTakes(unit u: Int, activity a: Int, room r: Int, at t: Int) -> Bool {
        fits(pupils: table.units[u].pupils, activity: a, room: r) && roomMeetsNeeds(ofUnit: u, room: r)
            && !instance.roomUnavailable.containsAny(r, from: t, count: Int(instance.duration[a]))
    }

    /// Whether unit u may open a new session of activity a at slot t in room
    /// r (one of `activityRooms[a]`), as far as the activity and the room
    /// go: a may hold another session that day (`mayAddSession`), the room
    /// takes u (`roomTakes`) and no session holds it then — except
    /// `replacing` (≥ 0), u's own session, which closes when u leaves it.
    /// The unit's times and activity are the caller's to check
    /// (`unitMayStart`, `unitMayAttend`); staff are found when it opens.
    @inline(__always)
    func mayOpen(unit u: Int, activity a: Int, at t: Int, room r: Int, replacing s0: Int = -1) -> Bool {
        let T = instance.slotCount
        guard mayAddSession(activity: a, day: t / instance.periodCount, replacing: s0),
            roomTakes(unit: u, activity: a, room: r, at: t)
        else { return false }
        if table.units[u].fixedEntry >= 0 && entryPlaced(Int(table.units[u].fixedEntry), besides: u) { return false }
        for q in t..<(t + Int(instance.duration[a])) {
            let x = Int(roomAt[r * T + q])
            if x != -1 && x != s0 { return false }
        }
        return unitTravelAllows(u, at: t, activity: a, room: r, besides: s0 >= 0 ? s0 : Int(unitSession[u]))
    }

    /// Rule 9 for unit u's groups in a session of a at t in room r (session
    /// `besides` is the one u is leaving).
    @inline(__always)
    func unitTravelAllows(_ u: Int, at t: Int, activity a: Int, room r: Int, besides: Int) -> Bool {
        guard instance.sites.hasTravel else { return true }
        let k = Int(instance.duration[a]), site = Int(instance.roomSite[r])
        for i in table.units[u].groups.indices {
            guard groupTravelAllows(Int(table.units[u].groups[i]), at: t, duration: k, site: site, besides: besides)
            else { return false }
        }
        return true
    }

    /// What rule placing unit u in a session of activity a at slot t in
    /// room r would break — in session `joining` if ≥ 0, else in a new one
    /// (`locked`: a fixed or past session) — or nil when it keeps every rule
    /// the schedule keeps (its invariant; staff aside, which are found when
    /// it is placed). The phases ask the cheaper questions above; `open` and
    /// `join` check that they add up to this in debug builds.
    func placementProblem(unit u: Int, activity a: Int, at t: Int, room r: Int, joining s: Int, locked: Bool) -> String?
    {
        let I = instance, unit = table.units[u], k = Int(I.duration[a])
        guard unit.activities.contains(Int32(a)) else { return "not one of the unit's activities" }
        guard unitMayAttend(u, activity: a) else { return "a year outside the activity's, or a choice made twice" }
        guard I.canStart(a, at: t) else { return "the grid or the window does not allow the start" }
        guard I.roomAllowed.contains(a, r) else { return "not one of the activity's rooms" }
        guard locked || t >= openFrom else { return "a day that is over" }
        if !I.unitAllows(unit, activity: a, at: t) {
            return "another day than the unit's, or outside its item's within ranges"
        }
        for g in unit.groups {
            guard groupVisits(Int(g), at: t, duration: k) else { return "group \(g) not visiting" }
            guard groupFree(Int(g), at: t, duration: k) else { return "group \(g) busy" }
        }
        if s >= 0 {
            guard sessionAlive[s], Int(sessionActivity[s]) == a, Int(sessionSlot[s]) == t, Int(sessionRoom[s]) == r
            else {
                return "not the session's activity and place"
            }
            return sessionHasPlace(for: u, in: s) ? nil : "no place in the session"
        }
        if unit.fixedEntry >= 0 && entryPlaced(Int(unit.fixedEntry), besides: u) {
            return "another unit of its fixed session is placed elsewhere"
        }
        // A fixed session's limits per day are the problem's to keep (the
        // evaluator reports them), not the schedule's.
        guard locked || mayAddSession(activity: a, day: t / I.periodCount) else {
            return "the activity's session limits"
        }
        guard unit.groups.count <= Int(I.maxGroups[a]) else { return "maxGroups" }
        guard roomTakes(unit: u, activity: a, room: r, at: t) else { return "the room does not take the unit" }
        return roomAvailable(r, at: t, duration: k) ? nil : "the room is taken or unavailable"
    }

    /// Whether session s holds a unit bound to fixed entry f (spec section 14).
    func holdsEntry(_ f: Int, session s: Int) -> Bool {
        for u in table.unitsOfEntry[f] where unitSession[Int(u)] == Int32(s) { return true }
        return false
    }

    /// Whether a unit bound to fixed entry f other than `u` is placed: the
    /// entry's units share one session, so only the first opens it.
    func entryPlaced(_ f: Int, besides u: Int) -> Bool {
        for v in table.unitsOfEntry[f] where Int(v) != u && unitSession[Int(v)] >= 0 { return true }
        return false
    }

    /// A cheap test that session s could start at t in room r, ignoring what
    /// s itself and `other` occupy now (they move together); staff are left
    /// to `relocate`. (Inlined: the search calls it from mutating code, where
    /// a call would copy the whole schedule.)
    @inline(__always)
    func mayRelocate(_ s: Int, to t: Int, room r: Int, besides other: Int) -> Bool {
        mayRelocate(s, room: r, day: t / instance.periodCount)
            && mayRelocate(s, to: t, inAllowedRoom: r, besides: other)
    }

    /// The part of `mayRelocate` that does not depend on the start within
    /// day d: the room is allowed, big enough and meets the groups' needs,
    /// and no unit is bound to another day.
    @inline(__always)
    func mayRelocate(_ s: Int, room r: Int, day d: Int) -> Bool {
        let I = instance, a = Int(sessionActivity[s])
        guard I.roomAllowed.contains(a, r), fits(pupils: sessionPupils[s], activity: a, room: r) else { return false }
        for u in sessionUnits[s] where table.units[Int(u)].day >= 0 && Int(table.units[Int(u)].day) != d {
            return false
        }
        for g in sessionGroups[s] where !I.groupNeedsMet.contains(Int(g), r) { return false }
        return true
    }

    /// The rest of `mayRelocate`, for a room that passed the part above:
    /// the start is allowed, and the room and the groups are free then.
    @inline(__always)
    func mayRelocate(_ s: Int, to t: Int, inAllowedRoom r: Int, besides other: Int) -> Bool {
        let I = instance, a = Int(sessionActivity[s]), k = Int(I.duration[a]), T = I.slotCount
        guard t >= openFrom, I.canStart(a, at: t), !I.roomUnavailable.containsAny(r, from: t, count: k) else {
            return false
        }
        for q in t..<(t + k) {
            let x = Int(roomAt[r * T + q])
            if x != -1 && x != s && x != other { return false }
        }
        for g in sessionGroups[s] where !groupAvailable(Int(g), at: t, duration: k, besides: s, or: other) {
            return false
        }
        if I.sites.hasTravel {
            let site = Int(I.roomSite[r])
            for g in sessionGroups[s]
            where !groupTravelAllows(Int(g), at: t, duration: k, site: site, besides: s, or: other) {
                return false
            }
        }
        if I.withinSlots.rows > 0 {
            for u in sessionUnits[s] where !I.inside(within: table.units[Int(u)].within, activity: a, at: t) {
                return false
            }
        }
        return true
    }

    /// Appends to `starts` every start on day d, other than session s's own
    /// place, to which s alone may move in room r (which passed the first
    /// `mayRelocate`). One call for the whole day: each call from the
    /// search's mutating code copies the schedule struct.
    func appendStarts(of s: Int, inAllowedRoom r: Int, day d: Int, to starts: inout [Int]) {
        let P = instance.periodCount, t0 = Int(sessionSlot[s]), r0 = Int(sessionRoom[s])
        for t in d * P..<(d + 1) * P where (t != t0 || r != r0) && mayRelocate(s, to: t, inAllowedRoom: r, besides: -1)
        {
            starts.append(t)
        }
    }

    /// The placed sessions in index form.
    public var schedule: Schedule {
        var out = Schedule()
        for s in sessionAlive.indices where sessionAlive[s] && !sessionGroups[s].isEmpty {
            let t = Int(sessionSlot[s])
            out.sessions.append(
                ScheduledSession(
                    activity: sessionActivity[s], day: Int32(t / instance.periodCount),
                    start: Int32(t % instance.periodCount), room: sessionRoom[s],
                    groups: sessionGroups[s], staff: sessionStaff[s]))
        }
        return out
    }
}
