/// The rules a change is checked against after it is made, rather than
/// before: rule 11 (`sameStaff`: a refill anywhere in a group's sessions
/// can break it) and rule 9 when taking a session away can break it (travel
/// that is not a metric, as with online sites), and a gate's capacity (a
/// party's arrival moves with its first session either way:
/// `PartialSchedule+Arrivals`). Every other rule is kept by the tests the
/// phases ask before they change anything.
extension PartialSchedule {
    /// Whether the instance has rules that need checking after a change.
    var hasCheckedRules: Bool { !instance.sites.removalIsSafe || instance.hasSameStaff || instance.arrivals.hasLimits }

    /// The per-(group, day) rules checked after changes: rule 9 when
    /// removals can break it, and the capacity of the group's gate.
    func groupDayKeepsCheckedRules(_ g: Int, day d: Int) -> Bool {
        groupDayKeepsCheckedTravel(g, day: d) && groupDayKeepsGates(g, day: d)
    }

    /// Rule 9 for group g on day d when removals can break it.
    func groupDayKeepsCheckedTravel(_ g: Int, day d: Int) -> Bool {
        instance.sites.removalIsSafe || groupDayKeepsTravel(g, day: d)
    }

    /// Rule 9 for staff member st on day d when removals can break it.
    func staffDayKeepsCheckedTravel(_ st: Int, day d: Int) -> Bool {
        instance.sites.removalIsSafe || staffDayKeepsTravel(st, day: d)
    }

    /// Whether every rule checked after changes holds for the groups of
    /// session s (its staff may have changed), the groups `groups` and their
    /// day d, and session s's staff on its day.
    func keepsCheckedRules(session s: Int, groups: [Int32], day d: Int) -> Bool {
        for g in groups where !groupDayKeepsCheckedRules(Int(g), day: d) || !keepsSameStaff(Int(g)) { return false }
        guard s >= 0, sessionAlive[s] else { return true }
        let ds = day(ofSession: s)
        for i in sessionGroups[s].indices {
            let g = Int(sessionGroups[s][i])
            if !groupDayKeepsCheckedRules(g, day: ds) || !keepsSameStaff(g) { return false }
        }
        for i in sessionStaff[s].indices where !staffDayKeepsCheckedTravel(Int(sessionStaff[s][i]), day: ds) {
            return false
        }
        return true
    }
}
