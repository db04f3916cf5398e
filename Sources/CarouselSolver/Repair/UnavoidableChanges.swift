import CarouselModel

extension Reference {
    /// A lower bound on the group attendances that any complete repair of
    /// `old` for instance I (every attendance placed, nothing starting
    /// before `openFrom`) changes, as `ScheduleDiff.attendancesChanged`
    /// counts them:
    ///
    /// - each group of an old session whose place the changed problem
    ///   forbids whatever else happens — the activity may no longer start
    ///   then, the room is no longer one of its rooms or is unavailable then,
    ///   a group is not visiting then (a late coach), or one of its old
    ///   staff is not available then (someone ill): 1, for that attendance
    ///   is somewhere else, with other staff, or gone; and 1 more when the
    ///   activity itself has no place left for the group (no start from
    ///   `openFrom` on a day it may come, while it visits, in a room of the
    ///   activity that is available then): its choice must change, and the
    ///   diff counts the attendance lost and the one gained;
    /// - each group of an old session that no unit of the changed problem
    ///   matches (an attendance that is gone): 1.
    ///
    /// Every schedule keeps these rules, sessions kept as they were
    /// included. Other sessions' places are not looked at: when a room is
    /// lost, the bound counts the classes it held, not those moved to make
    /// room for them, so the bound can be below what is possible.
    public func unavoidableChanges(_ old: Schedule, table: UnitTable, openFrom: Int, instance I: CompiledInstance)
        -> Int
    {
        var count = 0
        for (i, session) in old.sessions.enumerated() {
            let units = unitsOfSession[i]
            let matchedGroups = units.reduce(0) { $0 + table.units[$1].groups.count }
            count += max(0, session.groups.count - matchedGroups)
            let a = Int(session.activity), r = Int(session.room), k = Int(I.duration[a])
            let t = I.slot(day: Int(session.day), period: Int(session.start))
            let placeGone =
                !I.canStart(a, at: t) || !I.roomAllowed.contains(a, r)
                || I.roomUnavailable.containsAny(r, from: t, count: k)
                || session.staff.contains { !I.staffAvailable.containsAll(Int($0), from: t, count: k) }
            for u in units {
                let groups = table.units[u].groups
                guard placeGone || groups.contains(where: { !I.groupVisit.containsAll(Int($0), from: t, count: k) })
                else { continue }
                count +=
                    groups.count * (Self.hasPlace(table.units[u], activity: a, from: openFrom, instance: I) ? 1 : 2)
            }
        }
        return count
    }

    /// Whether activity a may start for `unit` at some slot from `openFrom`
    /// on, its groups visiting throughout, in one of a's rooms that is
    /// available then (whatever else is there).
    static func hasPlace(_ unit: Unit, activity a: Int, from openFrom: Int, instance I: CompiledInstance) -> Bool {
        let k = Int(I.duration[a])
        for t in max(0, openFrom)..<I.slotCount
        where I.canStart(a, at: t) && I.unitAllows(unit, activity: a, at: t)
            && unit.groups.allSatisfy({ I.groupVisit.containsAll(Int($0), from: t, count: k) })
        {
            if I.activityRooms[a].contains(where: { !I.roomUnavailable.containsAny(Int($0), from: t, count: k) }) {
                return true
            }
        }
        return false
    }
}
