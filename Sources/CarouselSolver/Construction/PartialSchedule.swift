import CarouselModel

/// A schedule under construction, with the occupancy tables that make every
/// feasibility test O(duration): who is where in every slot, session counts
/// per day, and which units each session serves.
///
/// Invariant: every live session respects rules 2–6 with respect to the
/// others (no double booking, rooms allowed and free, capacities, staff rows
/// filled by free, available staff within their limits). Units not yet placed
/// are simply absent; rule 1 holds once every unit is placed.
public struct PartialSchedule: Sendable {
    public let instance: CompiledInstance
    public let table: UnitTable

    // Sessions (indexed by session id; dead ones are on `freeSessions`).
    public private(set) var sessionActivity: [Int32] = []
    public private(set) var sessionSlot: [Int32] = []
    public private(set) var sessionRoom: [Int32] = []
    public private(set) var sessionPupils: [Int32] = []
    public private(set) var sessionGroups: [[Int32]] = []
    public private(set) var sessionStaff: [[Int32]] = []
    public private(set) var sessionUnits: [[Int32]] = []
    public private(set) var sessionAlive: [Bool] = []
    /// Fixed sessions: never moved or removed by the search.
    public private(set) var sessionLocked: [Bool] = []
    /// Staff a fixed session names: kept through every refill.
    private var sessionRequiredStaff: [[Int32]] = []
    private var freeSessions: [Int32] = []

    // Occupancy: session id or -1, per (entity, slot).
    public private(set) var roomAt: [Int32]
    public private(set) var groupAt: [Int32]
    public private(set) var staffAt: [Int32]
    public private(set) var staffDay: [Int32]
    public private(set) var staffTotal: [Int32]
    /// The same facts as staff sets (one bit per staff member), for filling
    /// rows a word at a time: slot × staff in a session, day × staff at
    /// `maxPerDay`, and (one row) staff at `max`.
    private var staffBusy: BitMatrix
    private var staffDayFull: BitMatrix
    private var staffAllFull: BitMatrix
    public private(set) var activityDay: [Int32]
    public private(set) var activityTotal: [Int32]
    /// Live sessions of activity a in room r: `activityRoomSessions[a * R + r]`,
    /// and the number of distinct rooms activity a uses (for `roomStability`).
    public private(set) var activityRoomSessions: [Int32]
    public private(set) var activityRoomsUsed: [Int32]
    /// Live sessions of activity a starting at slot t: `sessionsAt[a * T + t]`.
    public private(set) var sessionsAt: [[Int32]]

    // Units.
    public private(set) var unitSession: [Int32]
    public private(set) var unitActivity: [Int32]
    /// Choice units of group g that picked activity a: `choiceCount[g * A + a]`.
    public private(set) var choiceCount: [UInt8]
    public private(set) var unassignedCount: Int
    /// First slot where a session may be opened, joined or moved to; earlier
    /// slots belong to days that are over (`carousel repair --keep-until`)
    /// and hold only locked sessions.
    public var openFrom = 0

    /// Staff of each row ordered for filling: the least versatile first, so
    /// that staff with rare skills stay free for the rows that need them.
    private let rowOrder: [[Int32]]
    /// Each staff member's place in that order (least versatile first).
    private let staffPriority: [Int32]
    /// Reused by `fillStaff`, so a refill allocates nothing once warm
    /// (taken out while in use).
    private var filler: RowFiller? = RowFiller()
    /// Scratch for `fillStaff`: the staff to try first.
    private var favoured: [Int32]? = []
    /// Scratch for `relocate` and `exchange`: each moving session's old
    /// slot, room and staff (the staff lists keep their storage).
    private var movedFrom: [(slot: Int32, room: Int32)] = []
    private var movedStaff: [[Int32]] = []
    /// Scratch for `relocate`: what became of each moving session's staff.
    private var movedStaffFate: [StaffFate] = []

    /// The staff of a session `relocate` moves.
    private enum StaffFate {
        /// Still listed and counted on the old day, out of every period.
        case held
        /// Following the session on the same day (periods booked anew).
        case kept
        /// Released, and the session's rows filled afresh (its old staff
        /// are in `movedStaff`).
        case refilled
    }

    public init(_ I: CompiledInstance, table: UnitTable) {
        instance = I
        self.table = table
        let T = I.slotCount
        roomAt = Array(repeating: -1, count: I.roomCount * T)
        groupAt = Array(repeating: -1, count: I.groupCount * T)
        staffAt = Array(repeating: -1, count: I.staffCount * T)
        staffDay = Array(repeating: 0, count: I.staffCount * I.dayCount)
        staffTotal = Array(repeating: 0, count: I.staffCount)
        staffBusy = BitMatrix(rows: T, columns: I.staffCount)
        staffDayFull = BitMatrix(rows: I.dayCount, columns: I.staffCount)
        staffAllFull = BitMatrix(rows: 1, columns: I.staffCount)
        activityDay = Array(repeating: 0, count: I.activityCount * I.dayCount)
        activityTotal = Array(repeating: 0, count: I.activityCount)
        activityRoomSessions = Array(repeating: 0, count: I.activityCount * I.roomCount)
        activityRoomsUsed = Array(repeating: 0, count: I.activityCount)
        sessionsAt = Array(repeating: [], count: I.activityCount * T)
        unitSession = Array(repeating: -1, count: table.units.count)
        unitActivity = Array(repeating: -1, count: table.units.count)
        choiceCount = Array(repeating: 0, count: I.groupCount * I.activityCount)
        unassignedCount = table.units.count
        var versatility = [Int](repeating: 0, count: I.staffCount)
        for row in I.rows { for s in row.members { versatility[Int(s)] += 1 } }
        let byVersatility = (0..<Int32(I.staffCount)).sorted { (versatility[Int($0)], $0) < (versatility[Int($1)], $1) }
        var priority = [Int32](repeating: 0, count: I.staffCount)
        for (i, st) in byVersatility.enumerated() { priority[Int(st)] = Int32(i) }
        staffPriority = priority
        rowOrder = I.rows.map { row in row.members.sorted { priority[Int($0)] < priority[Int($1)] } }
        for st in 0..<I.staffCount {
            // A limit of 0 leaves the staff member full from the start.
            if I.staffMaxPerDay[st] <= 0 { for d in 0..<I.dayCount { staffDayFull.insert(d, st) } }
            if I.staffMax[st] <= 0 { staffAllFull.insert(0, st) }
        }
    }

    // MARK: - Queries

    @inline(__always) public func day(ofSession s: Int) -> Int { Int(sessionSlot[s]) / instance.periodCount }

    @inline(__always)
    public func groupFree(_ g: Int, at t: Int, duration k: Int) -> Bool {
        let base = g * instance.slotCount + t
        for q in 0..<k where groupAt[base + q] != -1 { return false }
        return true
    }

    @inline(__always)
    public func groupVisits(_ g: Int, at t: Int, duration k: Int) -> Bool {
        instance.groupVisit.containsAll(g, from: t, count: k)
    }

    @inline(__always)
    public func roomFree(_ r: Int, at t: Int, duration k: Int) -> Bool {
        let base = r * instance.slotCount + t
        for q in 0..<k where roomAt[base + q] != -1 { return false }
        return !instance.roomUnavailable.containsAny(r, from: t, count: k)
    }

    /// Whether activity a may hold one more session on day d.
    @inline(__always)
    public func activityHasRoom(_ a: Int, day d: Int) -> Bool {
        activityDay[a * instance.dayCount + d] < instance.maxPerDay[a] && activityTotal[a] < instance.maxSessions[a]
    }

    /// Whether a session of `a` in room `r` may hold `pupils` pupils.
    @inline(__always)
    public func fits(pupils: Int32, activity a: Int, room r: Int) -> Bool {
        pupils <= instance.activityCapacity[a] && (instance.weights.overCapacity != nil || pupils <= instance.roomCapacity[r])
    }

    /// Whether every group of unit u may be in room r (needs) and activity a (years).
    @inline(__always)
    public func unitMay(_ u: Int, activity a: Int, room r: Int) -> Bool {
        for i in table.units[u].groups.indices where !instance.groupNeedsMet.contains(Int(table.units[u].groups[i]), r) {
            return false
        }
        return true
    }

    public func unitMayAttend(_ u: Int, activity a: Int) -> Bool {
        let unit = table.units[u]
        for g in unit.groups where !instance.yearAllowed(group: Int(g), activity: a) { return false }
        if case .choice = unit.kind, choiceCount[Int(unit.group) * instance.activityCount + a] > 0 { return false }
        return true
    }

    /// Whether unit u may start activity a at slot t, as far as its own
    /// groups are concerned (grid, window, day, visit, free).
    @inline(__always)
    public func unitTimeOK(_ u: Int, activity a: Int, slot t: Int) -> Bool {
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
    public func canJoin(_ u: Int, session s: Int) -> Bool {
        let a = Int(sessionActivity[s]), r = Int(sessionRoom[s])
        guard table.units[u].kind != .cohort, Int(sessionSlot[s]) >= openFrom else { return false }
        return sessionGroups[s].count + table.units[u].groups.count <= Int(instance.maxGroups[a])
            && fits(pupils: Int32(clamping: Int(sessionPupils[s]) + Int(table.units[u].pupils)), activity: a, room: r)
            && unitMay(u, activity: a, room: r)
    }

    /// Whether group g is free over `t ..< t + k` apart from sessions `a` and `b`.
    @inline(__always)
    public func groupFree(_ g: Int, at t: Int, duration k: Int, besides a: Int, or b: Int) -> Bool {
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
    public func mayRelocate(_ s: Int, to t: Int, room r: Int, besides other: Int) -> Bool {
        mayRelocate(s, room: r, day: t / instance.periodCount) && mayRelocate(s, to: t, inAllowedRoom: r, besides: other)
    }

    /// The part of `mayRelocate` that does not depend on the start within
    /// day d: the room is allowed, big enough and meets the groups' needs,
    /// and no unit is bound to another day.
    @inline(__always)
    public func mayRelocate(_ s: Int, room r: Int, day d: Int) -> Bool {
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
    public func mayRelocate(_ s: Int, to t: Int, inAllowedRoom r: Int, besides other: Int) -> Bool {
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
    public func appendStarts(of s: Int, inAllowedRoom r: Int, day d: Int, to starts: inout [Int]) {
        let P = instance.periodCount, t0 = Int(sessionSlot[s]), r0 = Int(sessionRoom[s])
        for t in d * P..<(d + 1) * P where (t != t0 || r != r0) && mayRelocate(s, to: t, inAllowedRoom: r, besides: -1) {
            starts.append(t)
        }
    }

    // MARK: - Changes

    /// Opens a session of `a` at slot `t` in room `r` serving unit `u`, with
    /// staff filled (`requiredStaff` first, as fixed sessions name them, then
    /// `preferredStaff` where they fit, as a repaired session had them).
    /// Returns the session id, or nil (and no change) when staff cannot be found.
    public mutating func open(activity a: Int, slot t: Int, room r: Int, unit u: Int, requiredStaff: [Int32] = [],
                              preferredStaff: [Int32] = [], locked: Bool = false) -> Int? {
        let s: Int
        if let free = freeSessions.popLast() {
            s = Int(free)
        } else {
            s = sessionActivity.count
            sessionActivity.append(0); sessionSlot.append(0); sessionRoom.append(0); sessionPupils.append(0)
            sessionGroups.append([]); sessionStaff.append([]); sessionUnits.append([]); sessionAlive.append(false)
            sessionLocked.append(false)
            sessionRequiredStaff.append([])
        }
        sessionActivity[s] = Int32(a)
        sessionSlot[s] = Int32(t)
        sessionRoom[s] = Int32(r)
        sessionPupils[s] = 0
        // A reused id keeps its lists' storage: no allocation per session.
        sessionGroups[s].clearKeepingCapacity()
        sessionStaff[s].clearKeepingCapacity()
        sessionUnits[s].clearKeepingCapacity()
        sessionAlive[s] = true
        sessionLocked[s] = locked
        sessionRequiredStaff[s] = requiredStaff
        occupyPlace(s)
        attach(u, to: s)
        guard fillStaff(s, required: requiredStaff, preferred: preferredStaff) else {
            detach(u, from: s)
            close(s)
            return nil
        }
        return s
    }

    /// Adds unit u to live session s; false (and no change) when staff for
    /// the larger session cannot be found. New staff come from
    /// `preferredStaff` first where they fit.
    public mutating func join(unit u: Int, session s: Int, preferredStaff: [Int32] = []) -> Bool {
        let before = sessionPupils[s]
        attach(u, to: s)
        // Rows that need no more staff for the extra pupils keep the staff they have.
        if staffNeedUnchanged(s, from: before) || fillStaff(s, preferred: preferredStaff) { return true }
        detach(u, from: s)
        _ = fillStaff(s)
        return false
    }

    /// Removes unit u from its session; an emptied session is closed, a
    /// smaller one keeps only the staff it still needs.
    public mutating func unassign(_ u: Int) {
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
    public mutating func exchange(_ u: Int, _ v: Int, restoring: (forU: [Int32], forV: [Int32])? = nil) -> Bool {
        let su = Int(unitSession[u]), sv = Int(unitSession[v])
        guard su >= 0, sv >= 0, su != sv, sessionSlot[su] == sessionSlot[sv],
              instance.duration[Int(sessionActivity[su])] == instance.duration[Int(sessionActivity[sv])] else { return false }
        let pupilsU = sessionPupils[su], pupilsV = sessionPupils[sv]
        detach(u, from: su)
        detach(v, from: sv)
        guard unitMayAttend(u, activity: Int(sessionActivity[sv])), canJoin(u, session: sv),
              unitMayAttend(v, activity: Int(sessionActivity[su])), canJoin(v, session: su) else {
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
        } else if (staffNeedUnchanged(su, from: pupilsU) || fillStaff(su)) && (staffNeedUnchanged(sv, from: pupilsV) || fillStaff(sv)) {
            return true
        }
        // Roll back.
        releaseStaff(su)
        releaseStaff(sv)
        detach(u, from: sv)
        detach(v, from: su)
        attach(u, to: su)
        attach(v, to: sv)
        for st in movedStaff[0] { addExtraStaff(Int(st), to: su) }
        for st in movedStaff[1] { addExtraStaff(Int(st), to: sv) }
        return false
    }

    /// Whether session s's rows need as many staff for its pupils now as
    /// for `pupils` (then the staff it has still fill them exactly).
    @inline(__always)
    private func staffNeedUnchanged(_ s: Int, from pupils: Int32) -> Bool {
        let now = sessionPupils[s]
        for row in instance.rowRange(Int(sessionActivity[s])) where instance.rows[row].needed(pupils: now) != instance.rows[row].needed(pupils: pupils) {
            return false
        }
        return true
    }

    /// Adds staff member st to session s beyond its rows (fixed sessions may
    /// name staff who match no row). The caller has checked availability.
    mutating func addExtraStaff(_ st: Int, to s: Int) {
        guard !sessionStaff[s].contains(Int32(st)) else { return }
        occupyStaff(st, session: s)
        sessionStaff[s].append(Int32(st))
    }

    // The hot paths read lists in place (`table.units[u].groups[i]`,
    // `sessionStaff[s][i]`): copying one out, or iterating it, would retain it.

    private mutating func attach(_ u: Int, to s: Int) {
        let T = instance.slotCount
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        for i in table.units[u].groups.indices {
            let g = table.units[u].groups[i]
            for q in t..<(t + k) { groupAt[Int(g) * T + q] = Int32(s) }
            sessionGroups[s].append(g)
        }
        sessionPupils[s] = Int32(clamping: Int(sessionPupils[s]) + Int(table.units[u].pupils))
        sessionUnits[s].append(Int32(u))
        unitSession[u] = Int32(s)
        unitActivity[u] = sessionActivity[s]
        if case .choice = table.units[u].kind {
            choiceCount[Int(table.units[u].group) * instance.activityCount + Int(sessionActivity[s])] += 1
        }
        unassignedCount -= 1
    }

    private mutating func detach(_ u: Int, from s: Int) {
        let T = instance.slotCount
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        for j in table.units[u].groups.indices {
            let g = table.units[u].groups[j]
            for q in t..<(t + k) where groupAt[Int(g) * T + q] == Int32(s) { groupAt[Int(g) * T + q] = -1 }
            sessionGroups[s].removeFirstOccurrence(of: g)
        }
        sessionPupils[s] = Int32(clamping: Int(sessionPupils[s]) - Int(table.units[u].pupils))
        sessionUnits[s].removeFirstOccurrence(of: Int32(u))
        if case .choice = table.units[u].kind {
            choiceCount[Int(table.units[u].group) * instance.activityCount + Int(sessionActivity[s])] -= 1
        }
        unitSession[u] = -1
        unitActivity[u] = -1
        unassignedCount += 1
    }

    private mutating func close(_ s: Int) {
        releaseStaff(s)
        vacatePlace(s)
        sessionAlive[s] = false
        sessionLocked[s] = false
        sessionRequiredStaff[s] = []
        freeSessions.append(Int32(s))
    }

    /// Books session s's room and counts at its slot.
    private mutating func occupyPlace(_ s: Int) {
        let a = Int(sessionActivity[s]), t = Int(sessionSlot[s]), r = Int(sessionRoom[s])
        let k = Int(instance.duration[a]), T = instance.slotCount
        for q in t..<(t + k) { roomAt[r * T + q] = Int32(s) }
        activityDay[a * instance.dayCount + t / instance.periodCount] += 1
        activityTotal[a] += 1
        sessionsAt[a * T + t].append(Int32(s))
        activityRoomSessions[a * instance.roomCount + r] += 1
        if activityRoomSessions[a * instance.roomCount + r] == 1 { activityRoomsUsed[a] += 1 }
    }

    /// Undoes `occupyPlace`.
    private mutating func vacatePlace(_ s: Int) {
        let a = Int(sessionActivity[s]), t = Int(sessionSlot[s]), r = Int(sessionRoom[s])
        let k = Int(instance.duration[a]), T = instance.slotCount
        for q in t..<(t + k) where roomAt[r * T + q] == Int32(s) { roomAt[r * T + q] = -1 }
        activityDay[a * instance.dayCount + t / instance.periodCount] -= 1
        activityTotal[a] -= 1
        sessionsAt[a * T + t].removeFirstOccurrence(of: Int32(s))
        activityRoomSessions[a * instance.roomCount + r] -= 1
        if activityRoomSessions[a * instance.roomCount + r] == 0 { activityRoomsUsed[a] -= 1 }
    }

    /// Moves whole sessions to new slots and rooms at once (a move, or a swap
    /// when two sessions trade places), keeping their groups and, where
    /// possible, their staff. Returns false, with nothing changed, when the
    /// result would break a hard rule.
    public mutating func relocate(_ moves: [(session: Int, slot: Int, room: Int)]) -> Bool {
        relocate(moves, restoring: nil)
    }

    /// Takes back a `relocate` exactly: the sessions return to the places
    /// in `moves` with exactly the staff in `staff` (the i-th list for the
    /// i-th move), as they were before it. False, with nothing changed, if
    /// that would break a rule (something else changed in between).
    @discardableResult
    public mutating func undoRelocate(_ moves: [(session: Int, slot: Int, room: Int)], staff: [[Int32]]) -> Bool {
        relocate(moves, restoring: staff)
    }

    private mutating func relocate(_ moves: [(session: Int, slot: Int, room: Int)], restoring: [[Int32]]?) -> Bool {
        // Each session leaves its place and its staff leave its periods; the
        // staff stay listed and counted on its day until they are known to
        // follow it (`held`).
        movedFrom.clearKeepingCapacity()
        movedStaffFate.clearKeepingCapacity()
        for m in moves {
            let s = m.session
            movedFrom.append((sessionSlot[s], sessionRoom[s]))
            movedStaffFate.append(.held)
            for i in sessionStaff[s].indices { freeStaffPeriods(Int(sessionStaff[s][i]), session: s) }
            vacatePlace(s)
            setGroups(of: s, to: -1)
        }
        var ok = true
        var placed = 0
        for m in moves {
            let s = m.session, a = Int(sessionActivity[s]), t = m.slot, r = m.room, k = Int(instance.duration[a])
            let d = t / instance.periodCount
            let sameDay = d == Int(movedFrom[placed].slot) / instance.periodCount
            guard t >= openFrom, instance.canStart(a, at: t), instance.roomAllowed.contains(a, r),
                  fits(pupils: sessionPupils[s], activity: a, room: r), roomFree(r, at: t, duration: k),
                  sameDay || activityHasRoom(a, day: d) else { ok = false; break }
            for i in sessionUnits[s].indices {
                let u = Int(sessionUnits[s][i])
                if table.units[u].day >= 0 && Int(table.units[u].day) != d { ok = false }
                for j in table.units[u].groups.indices {
                    let g = Int(table.units[u].groups[j])
                    if !instance.groupNeedsMet.contains(g, r) || !groupVisits(g, at: t, duration: k) || !groupFree(g, at: t, duration: k) {
                        ok = false
                    }
                }
            }
            guard ok else { break }
            sessionSlot[s] = Int32(t)
            sessionRoom[s] = Int32(r)
            occupyPlace(s)
            setGroups(of: s, to: Int32(s))
            placed += 1
        }
        if ok {
            // Same pupils, so the same staff still fill the rows: on the same
            // day they keep their day counts and only change periods, when
            // each is available and free then. The others are released
            // first, all of them, and then their rows are filled (so that
            // taking a move back, which gives every session back the staff it
            // had, always succeeds).
            for (i, m) in moves.enumerated() {
                let s = m.session
                let oldDay = Int(movedFrom[i].slot) / instance.periodCount
                if oldDay == day(ofSession: s) && (restoring.map { $0[i] == sessionStaff[s] } ?? true)
                    && sessionStaff[s].indices.allSatisfy({ staffFree(Int(sessionStaff[s][$0]), session: s) }) {
                    for j in sessionStaff[s].indices { bookStaffPeriods(Int(sessionStaff[s][j]), session: s) }
                    movedStaffFate[i] = .kept
                } else {
                    saveStaff(of: s, as: i)
                    for j in sessionStaff[s].indices { countStaff(Int(sessionStaff[s][j]), day: oldDay, by: -1) }
                    sessionStaff[s].clearKeepingCapacity()
                    movedStaffFate[i] = .refilled
                }
            }
            for (i, m) in moves.enumerated() where movedStaffFate[i] == .refilled {
                let s = m.session
                let filled = if let restoring {
                    giveStaff(restoring[i], to: s)
                } else {
                    giveStaff(movedStaff[i], to: s) || fillStaff(s, required: [], preferred: movedStaff[i], favouredFirst: false)
                }
                if !filled {
                    ok = false
                    break
                }
            }
        }
        guard !ok else { return true }
        // Roll back: staff leave the new places, the sessions go back, and
        // the staff with them.
        for (i, m) in moves.enumerated() {
            switch movedStaffFate[i] {
            case .held: break
            case .kept: for j in sessionStaff[m.session].indices { freeStaffPeriods(Int(sessionStaff[m.session][j]), session: m.session) }
            case .refilled: releaseStaff(m.session)
            }
        }
        for m in moves.prefix(placed) {
            vacatePlace(m.session)
            setGroups(of: m.session, to: -1)
        }
        for (i, m) in moves.enumerated() {
            let s = m.session
            sessionSlot[s] = movedFrom[i].slot
            sessionRoom[s] = movedFrom[i].room
            occupyPlace(s)
            setGroups(of: s, to: Int32(s))
            if movedStaffFate[i] == .refilled {
                for st in movedStaff[i] { addExtraStaff(Int(st), to: s) }
            } else {
                for j in sessionStaff[s].indices { bookStaffPeriods(Int(sessionStaff[s][j]), session: s) }
            }
        }
        return false
    }

    /// Writes `value` into the group occupancy of every group of session s.
    private mutating func setGroups(of s: Int, to value: Int32) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        for i in sessionGroups[s].indices {
            let g = Int(sessionGroups[s][i])
            for q in t..<(t + k) { groupAt[g * T + q] = value }
        }
    }

    /// Replaces staff member `old` in session s by `new`, who must be usable
    /// and match every row `old` could fill. False, with no change, otherwise.
    public mutating func replaceStaff(in s: Int, _ old: Int32, with new: Int32) -> Bool {
        guard let i = sessionStaff[s].firstIndex(of: old), !sessionStaff[s].contains(new),
              staffUsable(Int(new), session: s) else { return false }
        for row in instance.rowRange(Int(sessionActivity[s])) where instance.rowMember.contains(row, Int(old)) {
            if !instance.rowMember.contains(row, Int(new)) { return false }
        }
        vacateStaff(Int(old), session: s)
        sessionStaff[s][i] = new
        occupyStaff(Int(new), session: s)
        return true
    }

    // MARK: - Staff

    /// Books staff member st for session s (the caller keeps `sessionStaff`).
    private mutating func occupyStaff(_ st: Int, session s: Int) {
        bookStaffPeriods(st, session: s)
        countStaff(st, day: day(ofSession: s), by: 1)
    }

    /// Undoes `occupyStaff`.
    private mutating func vacateStaff(_ st: Int, session s: Int) {
        freeStaffPeriods(st, session: s)
        countStaff(st, day: day(ofSession: s), by: -1)
    }

    /// Marks staff member st busy with session s over its periods (the day
    /// counts are left to the caller).
    @inline(__always)
    private mutating func bookStaffPeriods(_ st: Int, session s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        for q in t..<(t + k) {
            staffAt[st * T + q] = Int32(s)
            staffBusy.insert(q, st)
        }
    }

    /// Undoes `bookStaffPeriods`.
    @inline(__always)
    private mutating func freeStaffPeriods(_ st: Int, session s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        for q in t..<(t + k) where staffAt[st * T + q] == Int32(s) {
            staffAt[st * T + q] = -1
            staffBusy.remove(q, st)
        }
    }

    /// Adds `delta` to staff member st's sessions on day d and in all,
    /// keeping the "at the limit" sets in step.
    @inline(__always)
    private mutating func countStaff(_ st: Int, day d: Int, by delta: Int32) {
        let i = st * instance.dayCount + d
        let maxPerDay = instance.staffMaxPerDay[st], max = instance.staffMax[st]
        let wasDayFull = staffDay[i] >= maxPerDay, wasAllFull = staffTotal[st] >= max
        staffDay[i] += delta
        staffTotal[st] += delta
        // The sets change only when a count crosses its limit.
        if wasDayFull != (staffDay[i] >= maxPerDay) { staffDayFull[d, st] = !wasDayFull }
        if wasAllFull != (staffTotal[st] >= max) { staffAllFull[0, st] = !wasAllFull }
    }

    /// Copies session s's staff into `movedStaff[i]` (kept storage).
    private mutating func saveStaff(of s: Int, as i: Int) {
        while movedStaff.count <= i { movedStaff.append([]) }
        movedStaff[i].clearKeepingCapacity()
        movedStaff[i].append(contentsOf: sessionStaff[s])
    }

    /// Adds `staff` to session s when every one of them may serve in it
    /// (`staffUsable`); false, with nothing added, otherwise.
    private mutating func giveStaff(_ staff: [Int32], to s: Int) -> Bool {
        guard staff.allSatisfy({ staffUsable(Int($0), session: s) }) else { return false }
        for st in staff { addExtraStaff(Int(st), to: s) }
        return true
    }

    private mutating func releaseStaff(_ s: Int) {
        for i in sessionStaff[s].indices { vacateStaff(Int(sessionStaff[s][i]), session: s) }
        sessionStaff[s].clearKeepingCapacity()
    }

    /// The staff who may serve in session s as `staffUsable` says, as a
    /// staff set written into `words` (s itself must hold no staff).
    private func usableStaff(_ s: Int, into words: inout [UInt64]) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), d = t / instance.periodCount
        let W = staffBusy.stride
        if words.count != W { words = [UInt64](repeating: 0, count: W) }
        for w in 0..<W {
            var x = ~(staffDayFull.words[d * W + w] | staffAllFull.words[w])
            for q in t..<(t + k) { x &= instance.staffAvailableAt.words[q * W + w] & ~staffBusy.words[q * W + w] }
            words[w] = x
        }
    }

    /// Whether staff member st is available over session s's periods and
    /// busy with no other session then (limits aside).
    @inline(__always)
    private func staffFree(_ st: Int, session s: Int) -> Bool {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        guard instance.staffAvailable.containsAll(st, from: t, count: k) else { return false }
        for q in t..<(t + k) where staffAt[st * T + q] != -1 && staffAt[st * T + q] != Int32(s) { return false }
        return true
    }

    /// Whether staff member st may serve in session s (available, free of
    /// other sessions, within maxPerDay and max).
    @inline(__always)
    func staffUsable(_ st: Int, session s: Int) -> Bool {
        staffFree(st, session: s) && staffDay[st * instance.dayCount + day(ofSession: s)] < instance.staffMaxPerDay[st]
            && staffTotal[st] < instance.staffMax[st]
    }

    /// Re-chooses the staff of session s for its current pupils: a maximum
    /// matching of usable staff to rows (augmenting paths), preferring staff
    /// already there, then the least versatile, then the least loaded today.
    /// Restores the previous staff and returns false when a row cannot be filled.
    ///
    /// Without `favouredFirst`, the matching skips its first attempt (only
    /// the staff already there and `preferred`), which the caller knows fails.
    @discardableResult
    mutating func fillStaff(_ s: Int, required explicitRequired: [Int32] = [], preferred: [Int32] = [],
                            favouredFirst: Bool = true) -> Bool {
        // The scratch is moved out while in use (the matching's closures read
        // self) and moved back after: not copied, which would retain each of
        // its buffers.
        var matcher = filler.take() ?? RowFiller()
        var favoured = self.favoured.take() ?? []
        let filled = fillStaff(s, required: explicitRequired.isEmpty ? sessionRequiredStaff[s] : explicitRequired,
                               preferred: preferred, favouredFirst: favouredFirst, matcher: &matcher, favoured: &favoured)
        filler = matcher
        self.favoured = favoured
        return filled
    }

    /// `fillStaff` with its scratch: `favoured` gets the staff session s has
    /// (the first `oldCount`), then `preferred`.
    private mutating func fillStaff(_ s: Int, required: [Int32], preferred: [Int32], favouredFirst: Bool,
                                    matcher: inout RowFiller, favoured: inout [Int32]) -> Bool {
        let rows = instance.rowRange(Int(sessionActivity[s]))
        favoured.clearKeepingCapacity()
        for i in sessionStaff[s].indices { favoured.append(sessionStaff[s][i]) }
        let oldCount = favoured.count
        for st in preferred where !favoured.prefix(oldCount).contains(st) { favoured.append(st) }
        releaseStaff(s)
        if rows.isEmpty {
            for st in required where staffUsable(Int(st), session: s) { addExtraStaff(Int(st), to: s) }
            return required.allSatisfy { sessionStaff[s].contains($0) }
        }
        let pupils = sessionPupils[s]
        // Fast path: the staff it had (or was meant to have) still fill every row.
        if favouredFirst && required.isEmpty && !favoured.isEmpty {
            matcher.reset(rows: rows, need: { instance.rows[$0].needed(pupils: pupils) }, preferring: favoured, then: [])
            usableStaff(s, into: &matcher.free)
            if matcher.fill(candidates: { _ in favoured }, member: instance.rowMember) {
                for st in matcher.chosen { addExtraStaff(Int(st), to: s) }
                return true
            }
        }
        matcher.reset(rows: rows, need: { instance.rows[$0].needed(pupils: pupils) }, preferring: required, then: favoured)
        usableStaff(s, into: &matcher.free)
        let d = day(ofSession: s)
        let ok = matcher.fill(candidates: { k in rowOrder[rows.lowerBound + k] }, member: instance.rowMember, order: staffPriority,
                              rank: StaffRanks(staffDay, stride: instance.dayCount, offset: d))
        let requiredOK = ok && required.allSatisfy { st in matcher.chosen.contains(st) || staffUsable(Int(st), session: s) }
        guard requiredOK else {
            for st in favoured.prefix(oldCount) { addExtraStaff(Int(st), to: s) }
            return false
        }
        for st in matcher.chosen { addExtraStaff(Int(st), to: s) }
        for st in required where !matcher.chosen.contains(st) { addExtraStaff(Int(st), to: s) }
        return true
    }

    // MARK: - Output

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

/// Fills staff rows by augmenting paths over the rows (a b-matching where row
/// k takes `need[k]` staff). Kept apart from `PartialSchedule` so the search
/// can also ask "could these rows be filled" without changing anything.
///
/// Who may serve is a staff set (`free`, one bit per staff member) that the
/// caller sets after `reset`; chosen staff leave it.
struct RowFiller {
    private(set) var rows: Range<Int> = 0..<0
    private(set) var need: [Int32] = []
    private(set) var preferred: [Int32] = []
    private(set) var chosen: [Int32] = []
    /// Staff who may serve and are not chosen: bit `st % 64` of word `st / 64`.
    var free: [UInt64] = []
    private var rowOf: [Int32] = []
    private var visited: [Bool] = []

    /// A one-off filler; `usable(st)` says who may serve among `staffCount`.
    init(rows: Range<Int>, need: [Int32], preferred: [Int32], staffCount: Int, usable: (Int32) -> Bool) {
        self.rows = rows
        self.need = need
        self.preferred = preferred
        free = [UInt64](repeating: 0, count: max(1, (staffCount + 63) >> 6))
        for st in 0..<Int32(staffCount) where usable(st) { free[Int(st) >> 6] |= 1 << UInt64(st & 63) }
    }

    /// An empty filler whose buffers `reset` refills without allocating
    /// once they have grown (kept by `PartialSchedule` for every refill).
    init() {}

    /// Prepares a new fill of `rows` needing `need(k)` staff in row k, with
    /// `first` then `then` preferred; the buffers keep their capacity. The
    /// caller then sets `free`.
    mutating func reset(rows: Range<Int>, need: (Int) -> Int32, preferring first: [Int32], then: [Int32]) {
        self.rows = rows
        self.need.clearKeepingCapacity()
        for k in rows { self.need.append(need(k)) }
        preferred.clearKeepingCapacity()
        preferred.append(contentsOf: first)
        preferred.append(contentsOf: then)
        chosen.clearKeepingCapacity()
        rowOf.clearKeepingCapacity()
    }

    @inline(__always) private func isFree(_ st: Int32) -> Bool { free[Int(st) >> 6] & (1 << UInt64(st & 63)) != 0 }

    /// Fills every row from the `free` staff. `candidates(k)` lists row k's
    /// candidates in preference order; with `member`, a candidate must also
    /// be in row `rows.lowerBound + k` of it. With `order` (each staff
    /// member's place in one order that every candidate list follows), the
    /// free members of a row are found from `member`'s bits instead of by
    /// scanning the list, with the same choice. `rank` breaks ties among
    /// free candidates (lower first).
    mutating func fill(candidates: (Int) -> [Int32], member: BitMatrix? = nil, order: [Int32]? = nil,
                       rank: StaffRanks = StaffRanks()) -> Bool {
        if let member {
            // A row with fewer free members than it needs cannot be filled:
            // say so before any search (a failed search tries every route).
            for k in need.indices where need[k] > 0 {
                var count = 0
                for w in free.indices { count += (member.words[(rows.lowerBound + k) * member.stride + w] & free[w]).nonzeroBitCount }
                if count < Int(need[k]) { return false }
            }
        }
        var visited: [Bool] = []
        swap(&visited, &self.visited)
        defer { swap(&visited, &self.visited) }
        visited.clearKeepingCapacity()
        visited.append(contentsOf: repeatElement(false, count: need.count))
        for k in need.indices {
            for _ in 0..<Int(need[k]) {
                for i in visited.indices { visited[i] = false }
                if !augment(k, visited: &visited, candidates: candidates, member: member, order: order, rank: rank) { return false }
            }
        }
        return true
    }

    private mutating func augment(_ k: Int, visited: inout [Bool], candidates: (Int) -> [Int32], member: BitMatrix?,
                                  order: [Int32]?, rank: StaffRanks) -> Bool {
        visited[k] = true
        let row = rows.lowerBound + k
        let best = if let order, let member {
            freeMember(of: row, member: member, order: order, rank: rank)
        } else {
            freeCandidate(candidates(k), row: row, member: member, rank: rank)
        }
        if best >= 0 {
            chosen.append(best)
            rowOf.append(Int32(k))
            free[Int(best) >> 6] &= ~(1 << UInt64(best & 63))
            return true
        }
        // Otherwise move someone chosen for another row, if that row can be refilled.
        for st in candidates(k) where member?.contains(row, Int(st)) ?? true {
            guard let i = chosen.firstIndex(of: st) else { continue }
            let other = Int(rowOf[i])
            if other == k || visited[other] { continue }
            rowOf[i] = Int32(k)
            if augment(other, visited: &visited, candidates: candidates, member: member, order: order, rank: rank) { return true }
            rowOf[i] = Int32(other)
        }
        return false
    }

    /// The first free candidate of `list` that is preferred, else the first
    /// with the lowest rank (ranks are ≥ 0, so a 0 ends the scan); -1 if none.
    private func freeCandidate(_ list: [Int32], row: Int, member: BitMatrix?, rank: StaffRanks) -> Int32 {
        if !preferred.isEmpty {
            for st in list where isFree(st) && preferred.contains(st) && member?.contains(row, Int(st)) ?? true { return st }
        }
        var best: Int32 = -1, bestKey = Int.max
        for st in list where isFree(st) && member?.contains(row, Int(st)) ?? true {
            let key = rank(st)
            if key < bestKey {
                best = st
                bestKey = key
                if key <= 0 { break }
            }
        }
        return best
    }

    /// `freeCandidate` for a list that holds the row's members in `order`:
    /// the same choice, from the free members' bits.
    private func freeMember(of row: Int, member: BitMatrix, order: [Int32], rank: StaffRanks) -> Int32 {
        var best: Int32 = -1, bestPlace = Int32.max
        for st in preferred where isFree(st) && member.contains(row, Int(st)) && order[Int(st)] < bestPlace {
            best = st
            bestPlace = order[Int(st)]
        }
        if best >= 0 { return best }
        var bestKey = Int.max
        let W = member.stride
        for w in 0..<W {
            var bits = member.words[row * W + w] & free[w]
            while bits != 0 {
                let st = Int32(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
                let key = rank(st)
                if key < bestKey || (key == bestKey && order[Int(st)] < bestPlace) {
                    best = st
                    bestKey = key
                    bestPlace = order[Int(st)]
                }
            }
        }
        return best
    }
}

/// The ranks that break ties among free staff when rows are filled (lower
/// first, never below 0): staff member st's is `values[st * stride +
/// offset]`, and everyone's is 0 when `values` is empty. (A table, not a
/// closure: the matching asks for a rank per free member, in its innermost
/// loop.)
struct StaffRanks {
    private var values: [Int32] = []
    private var stride = 1
    private var offset = 0

    /// Everyone ranks 0.
    init() {}

    init(_ values: [Int32], stride: Int = 1, offset: Int = 0) {
        self.values = values
        self.stride = stride
        self.offset = offset
    }

    @inline(__always)
    func callAsFunction(_ st: Int32) -> Int { values.isEmpty ? 0 : Int(values[Int(st) * stride + offset]) }
}
