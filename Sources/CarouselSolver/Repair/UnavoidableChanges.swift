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
    ///   activity that takes the group — its needs, its size — and is
    ///   available then): its choice must change, and the
    ///   diff counts the attendance lost and the one gained;
    /// - each group of an old session that no unit of the changed problem
    ///   matches (an attendance that is gone): 1;
    /// - 1 more when some unit whose choice must change has no vacancy for
    ///   any other of its choices (`OldVacancies`): no start where its group
    ///   is free and a room that takes it is free — in the old schedule,
    ///   counting as free whatever the attendances counted above leave —
    ///   or holds a session of that choice it could join, within the
    ///   choice's sessions a day. Its new attendance then needs a place that
    ///   another attendance, not counted above, gives up (its own group's,
    ///   another class's, or a session of that choice that day): one more
    ///   changed attendance at least (one only, as one such change might
    ///   make room for several).
    ///
    /// Every schedule keeps these rules, sessions kept as they were
    /// included. Other sessions' places are not looked at: when a room is
    /// lost, the bound counts the classes it held, not those moved to make
    /// room for them, so the bound can be below what is possible.
    public func unavoidableChanges(_ old: Schedule, table: UnitTable, openFrom: Int, instance I: CompiledInstance)
        -> Int
    {
        var count = 0
        // Old sessions with an attendance counted here, and the units whose
        // activity has no place left.
        var counted = [Bool](repeating: false, count: old.sessions.count)
        var placeless: [(unit: Int, session: Int)] = []
        for (i, session) in old.sessions.enumerated() {
            let units = unitsOfSession[i]
            let matchedGroups = units.reduce(0) { $0 + table.units[$1].groups.count }
            count += max(0, session.groups.count - matchedGroups)
            if matchedGroups < session.groups.count { counted[i] = true }
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
                counted[i] = true
                if Self.hasPlace(table.units[u], activity: a, from: openFrom, instance: I) {
                    count += groups.count
                } else {
                    count += 2 * groups.count
                    placeless.append((u, i))
                }
            }
        }
        if !placeless.isEmpty {
            let vacancies = OldVacancies(old, counted: counted, reference: self, table: table, instance: I)
            if placeless.contains(where: {
                !vacancies.offerAnotherChoice(to: $0.unit, leaving: $0.session, from: openFrom)
            }
            ) {
                count += 1
            }
        }
        return count
    }

    /// Whether activity a may start for `unit` at some slot from `openFrom`
    /// on, its groups visiting throughout, in one of a's rooms that takes
    /// them — it has every feature each group needs (a step-free room, say)
    /// and, unless `overCapacity` makes room size soft, holds the unit's
    /// pupils — and is available then (whatever else is there).
    static func hasPlace(_ unit: Unit, activity a: Int, from openFrom: Int, instance I: CompiledInstance) -> Bool {
        let k = Int(I.duration[a])
        guard unit.pupils <= I.activityCapacity[a] else { return false }
        let rooms = I.activityRooms[a].map(Int.init).filter { r in
            I.roomMeetsNeeds(of: unit, room: r) && I.roomHolds(unit.pupils, room: r)
        }
        guard !rooms.isEmpty else { return false }
        for t in max(0, openFrom)..<I.slotCount
        where I.canStart(a, at: t) && I.unitAllows(unit, activity: a, at: t)
            && unit.groups.allSatisfy({ I.groupVisit.containsAll(Int($0), from: t, count: k) })
        {
            if rooms.contains(where: { !I.roomUnavailable.containsAny($0, from: t, count: k) }) { return true }
        }
        return false
    }
}

/// The places an old schedule leaves free for a unit whose choice must
/// change, for `Reference.unavoidableChanges`: a room or a group's period
/// is free when no old session holds it or the session holding it has an
/// attendance the bound counts already (it may be gone). Staff are not
/// looked at, so a vacancy found here may not be usable; one not found is
/// not there.
struct OldVacancies {
    let I: CompiledInstance
    let old: Schedule
    let table: UnitTable
    let counted: [Bool]
    /// The old session in each (room, slot) and (group, slot), or -1:
    /// `room[r * T + t]`, `group[g * T + t]`.
    private var room: [Int32]
    private var group: [Int32]
    /// Old sessions of each (activity, day) that no counted attendance is in.
    private var kept: [Int32]
    /// For each group, the activities it holds as a `oneOf` pick in an old
    /// session with no counted attendance.
    private var picked: [Set<Int32>]

    init(_ old: Schedule, counted: [Bool], reference: Reference, table: UnitTable, instance I: CompiledInstance) {
        self.I = I
        self.old = old
        self.table = table
        self.counted = counted
        let T = I.slotCount
        room = Array(repeating: -1, count: I.roomCount * T)
        group = Array(repeating: -1, count: I.groupCount * T)
        kept = Array(repeating: 0, count: I.activityCount * I.dayCount)
        picked = Array(repeating: [], count: I.groupCount)
        for (i, session) in old.sessions.enumerated() {
            let a = Int(session.activity), k = Int(I.duration[a])
            let t = I.slot(day: Int(session.day), period: Int(session.start))
            for x in t..<min(T, t + k) {
                room[Int(session.room) * T + x] = Int32(i)
                for g in session.groups { group[Int(g) * T + x] = Int32(i) }
            }
            guard !counted[i] else { continue }
            kept[a * I.dayCount + Int(session.day)] += 1
            for u in reference.unitsOfSession[i] {
                if case .choice = table.units[u].kind { picked[Int(table.units[u].group)].insert(session.activity) }
            }
        }
    }

    /// Whether unit u (a pick that lost its old session `leaving`) has
    /// another of its choices with a vacancy: a start from `openFrom` its
    /// group may take and is free at, in a room of that choice that takes
    /// the group, is available and is free then — within the choice's
    /// sessions a day — or holds a session of the choice it could join.
    func offerAnotherChoice(to u: Int, leaving: Int, from openFrom: Int) -> Bool {
        let unit = table.units[u], T = I.slotCount
        guard unit.kind != .cohort, unit.groups.count == 1 else { return true }
        let g = Int(unit.groups[0]), lost = old.sessions[leaving].activity
        func free(_ cell: Int32) -> Bool { cell < 0 || counted[Int(cell)] }
        for b32 in unit.activities where b32 != lost && !picked[g].contains(b32) {
            let b = Int(b32), k = Int(I.duration[b])
            guard I.yearAllowed(group: g, activity: b), unit.pupils <= I.activityCapacity[b] else { continue }
            for t in max(0, openFrom)..<T
            where t + k <= T && I.canStart(b, at: t) && I.unitAllows(unit, activity: b, at: t)
                && I.groupVisit.containsAll(g, from: t, count: k) && (t..<t + k).allSatisfy({ free(group[g * T + $0]) })
            {
                let opens = kept[b * I.dayCount + t / I.periodCount] < I.maxPerDay[b]
                for r32 in I.activityRooms[b] {
                    let r = Int(r32)
                    guard I.groupNeedsMet.contains(g, r),
                        I.roomHolds(unit.pupils, room: r),
                        !I.roomUnavailable.containsAny(r, from: t, count: k)
                    else { continue }
                    if opens && (t..<t + k).allSatisfy({ free(room[r * T + $0]) }) { return true }
                    // A session of b starting then, to join: one the bound
                    // counts may lose groups, so it is taken as joinable.
                    let s = Int(room[r * T + t])
                    if s >= 0, !I.together[b], old.sessions[s].activity == b32,
                        I.slot(day: Int(old.sessions[s].day), period: Int(old.sessions[s].start)) == t,
                        counted[s]
                            || (old.sessions[s].groups.count < Int(I.maxGroups[b])
                                && old.sessions[s].groups.reduce(unit.pupils, { $0 + I.groupSize[Int($1)] })
                                    <= I.activityCapacity[b])
                    {
                        return true
                    }
                }
            }
        }
        return false
    }
}
