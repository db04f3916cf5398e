/// Rule 9 (spec section 10): a group or staff member whose consecutive
/// sessions on one day are at two sites needs at least the travel time
/// between them. The occupancy tables hold one session per person and slot,
/// so a person's sessions in slot order are its sessions in time order, and
/// "the next session to start" is simply the next one in the table.
///
/// Placing a session is checked against the person's sessions just before
/// and after it (`groupTravelAllows`, `staffTravelAllows`). Taking one away
/// joins its neighbours, which can break the rule only when travel is not a
/// metric (an online session between two sites far apart): then the phases
/// check the whole day afterwards (`dayKeepsTravel`).
extension PartialSchedule {
    /// Whether group g may be in a session at slot t for k periods at site
    /// `site`, next to its other sessions that day (sessions `a` and `b`
    /// are moving away and do not count).
    @inline(__always)
    func groupTravelAllows(_ g: Int, at t: Int, duration k: Int, site: Int, besides a: Int = -1, or b: Int = -1) -> Bool
    {
        guard instance.sites.hasTravel else { return true }
        let dayStart = Int(groupDayStart[g * instance.dayCount + t / instance.periodCount])
        return dayStart < 0
            || travelAllows(groupCells, dayStart: dayStart, at: t, duration: k, site: site, besides: a, or: b)
    }

    /// Whether staff member st may serve in session s where it is now, next
    /// to st's other sessions that day.
    @inline(__always)
    func staffTravelAllows(_ st: Int, session s: Int) -> Bool {
        guard instance.sites.hasTravel else { return true }
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        let dayStart = st * instance.slotCount + t / instance.periodCount * instance.periodCount
        return travelAllows(
            staffAt, dayStart: dayStart, at: t, duration: k, site: Int(instance.roomSite[Int(sessionRoom[s])]),
            besides: s, or: -1)
    }

    /// The neighbour test over one occupancy table, whose cells for t's day
    /// start at `dayStart`.
    private func travelAllows(
        _ at: [Int32], dayStart: Int, at t: Int, duration k: Int, site: Int, besides a: Int, or b: Int
    ) -> Bool {
        let I = instance, P = I.periodCount, d = t / P, base = dayStart - d * P
        var q = t - 1
        while q >= d * P {
            let x = Int(at[base + q])
            if x >= 0 && x != a && x != b {
                let gap = I.periodStart[t % P] - I.periodEnd[q % P]
                if gap < I.sites.minutes(Int(I.roomSite[Int(sessionRoom[x])]), site) { return false }
                break
            }
            q -= 1
        }
        q = t + k
        while q < (d + 1) * P {
            let x = Int(at[base + q])
            if x >= 0 && x != a && x != b {
                let gap = I.periodStart[q % P] - I.periodEnd[(t + k - 1) % P]
                if gap < I.sites.minutes(site, Int(I.roomSite[Int(sessionRoom[x])])) { return false }
                break
            }
            q += 1
        }
        return true
    }

    /// Whether group g's sessions on day d keep rule 9 among themselves.
    func groupDayKeepsTravel(_ g: Int, day d: Int) -> Bool {
        guard instance.sites.hasTravel else { return true }
        let dayStart = Int(groupDayStart[g * instance.dayCount + d])
        return dayStart < 0 || dayKeepsTravel(groupCells, dayStart: dayStart)
    }

    /// Whether staff member st's sessions on day d keep rule 9.
    func staffDayKeepsTravel(_ st: Int, day d: Int) -> Bool {
        !instance.sites.hasTravel
            || dayKeepsTravel(staffAt, dayStart: st * instance.slotCount + d * instance.periodCount)
    }

    private func dayKeepsTravel(_ at: [Int32], dayStart base: Int) -> Bool {
        let I = instance, P = I.periodCount
        var current = -1, site = 0
        var end: Int32 = 0
        for p in 0..<P {
            let x = Int(at[base + p])
            guard x >= 0 else { continue }
            let here = Int(I.roomSite[Int(sessionRoom[x])])
            if x != current {
                if current >= 0 && I.periodStart[p] - end < I.sites.minutes(site, here) { return false }
                current = x
                site = here
            }
            end = I.periodEnd[p]
        }
        return true
    }
}
