import CarouselModel

/// The questions the phases ask of a schedule before they change it: is
/// a group, room or start free, may a unit attend, join or open, may a
/// session move. All read-only and O(duration) or O(groups of a session).
extension PartialSchedule {
    @inline(__always) func day(ofSession s: Int) -> Int { Int(sessionSlot[s]) / instance.periodCount }

    @inline(__always)
    func groupFree(_ g: Int, at t: Int, duration k: Int) -> Bool {
        let base = g * instance.slotCount + t
        for q in 0..<k where groupAt[base + q] != -1 { return false }
        return true
    }

    @inline(__always)
    func groupVisits(_ g: Int, at t: Int, duration k: Int) -> Bool {
        instance.groupVisit.containsAll(g, from: t, count: k)
    }

    @inline(__always)
    func roomFree(_ r: Int, at t: Int, duration k: Int) -> Bool {
        let base = r * instance.slotCount + t
        for q in 0..<k where roomAt[base + q] != -1 { return false }
        return !instance.roomUnavailable.containsAny(r, from: t, count: k)
    }

    /// Whether activity a may hold one more session on day d.
    @inline(__always)
    func activityHasRoom(_ a: Int, day d: Int) -> Bool {
        activityDay[a * instance.dayCount + d] < instance.maxPerDay[a] && activityTotal[a] < instance.maxSessions[a]
    }

    /// Whether a session of `a` in room `r` may hold `pupils` pupils.
    @inline(__always)
    func fits(pupils: Int32, activity a: Int, room r: Int) -> Bool {
        pupils <= instance.activityCapacity[a] && (instance.weights.overCapacity != nil || pupils <= instance.roomCapacity[r])
    }

    /// Whether every group of unit u may be in room r (needs) and activity a (years).
    @inline(__always)
    func unitMay(_ u: Int, activity a: Int, room r: Int) -> Bool {
        for i in table.units[u].groups.indices where !instance.groupNeedsMet.contains(Int(table.units[u].groups[i]), r) {
            return false
        }
        return true
    }

    func unitMayAttend(_ u: Int, activity a: Int) -> Bool {
        let unit = table.units[u]
        for g in unit.groups where !instance.yearAllowed(group: Int(g), activity: a) { return false }
        if case .choice = unit.kind, choiceCount[Int(unit.group) * instance.activityCount + a] > 0 { return false }
        return true
    }

    /// Whether unit u may start activity a at slot t, as far as its own
    /// groups are concerned (grid, window, day, visit, free).
    @inline(__always)
    func unitTimeOK(_ u: Int, activity a: Int, slot t: Int) -> Bool {
        let unit = table.units[u]
        guard t >= openFrom, instance.canStart(a, at: t) else { return false }
        if unit.day >= 0 && t / instance.periodCount != Int(unit.day) { return false }
        let k = Int(instance.duration[a])
        for g in unit.groups {
            if !groupVisits(Int(g), at: t, duration: k) || !groupFree(Int(g), at: t, duration: k) { return false }
        }
        return true
    }

    /// Whether unit u may join live session s (same activity, space left,
    /// room suits its groups); staff are checked when joining.
    @inline(__always)
    func canJoin(_ u: Int, session s: Int) -> Bool {
        let a = Int(sessionActivity[s]), r = Int(sessionRoom[s])
        guard table.units[u].kind != .cohort, Int(sessionSlot[s]) >= openFrom else { return false }
        return sessionGroups[s].count + table.units[u].groups.count <= Int(instance.maxGroups[a])
            && fits(pupils: Int32(clamping: Int(sessionPupils[s]) + Int(table.units[u].pupils)), activity: a, room: r)
            && unitMay(u, activity: a, room: r)
    }

    /// Whether group g is free over `t ..< t + k` apart from sessions `a` and `b`.
    @inline(__always)
    func groupFree(_ g: Int, at t: Int, duration k: Int, besides a: Int, or b: Int) -> Bool {
        guard groupVisits(g, at: t, duration: k) else { return false }
        let base = g * instance.slotCount
        for q in t..<(t + k) {
            let x = Int(groupAt[base + q])
            if x != -1 && x != a && x != b { return false }
        }
        return true
    }

    /// A cheap test that session s could start at t in room r, ignoring what
    /// s itself and `other` occupy now (they move together); staff are left
    /// to `relocate`. (Inlined: the search calls it from mutating code, where
    /// a call would copy the whole schedule.)
    @inline(__always)
    func mayRelocate(_ s: Int, to t: Int, room r: Int, besides other: Int) -> Bool {
        mayRelocate(s, room: r, day: t / instance.periodCount) && mayRelocate(s, to: t, inAllowedRoom: r, besides: other)
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
        guard t >= openFrom, I.canStart(a, at: t), !I.roomUnavailable.containsAny(r, from: t, count: k) else { return false }
        for q in t..<(t + k) {
            let x = Int(roomAt[r * T + q])
            if x != -1 && x != s && x != other { return false }
        }
        for g in sessionGroups[s] where !groupFree(Int(g), at: t, duration: k, besides: s, or: other) { return false }
        return true
    }

    /// Appends to `starts` every start on day d, other than session s's own
    /// place, to which s alone may move in room r (which passed the first
    /// `mayRelocate`). One call for the whole day: each call from the
    /// search's mutating code copies the schedule struct.
    func appendStarts(of s: Int, inAllowedRoom r: Int, day d: Int, to starts: inout [Int]) {
        let P = instance.periodCount, t0 = Int(sessionSlot[s]), r0 = Int(sessionRoom[s])
        for t in d * P..<(d + 1) * P where (t != t0 || r != r0) && mayRelocate(s, to: t, inAllowedRoom: r, besides: -1) {
            starts.append(t)
        }
    }

    /// The placed sessions in index form.
    public var schedule: Schedule {
        var out = Schedule()
        for s in sessionAlive.indices where sessionAlive[s] && !sessionGroups[s].isEmpty {
            let t = Int(sessionSlot[s])
            out.sessions.append(ScheduledSession(activity: sessionActivity[s], day: Int32(t / instance.periodCount),
                                                 start: Int32(t % instance.periodCount), room: sessionRoom[s],
                                                 groups: sessionGroups[s], staff: sessionStaff[s]))
        }
        return out
    }
}
