import CarouselModel

/// A schedule under construction, with the occupancy tables that make every
/// feasibility test O(duration): who is where in every slot, session counts
/// per day, and which units each session serves.
///
/// Invariant: every live session respects rules 2–6 with respect to the
/// others (no double booking, rooms allowed and free, capacities, staff rows
/// filled by free, available staff within their limits). Units not yet placed
/// are simply absent; rule 1 holds once every unit is placed.
///
/// The type is a folder (`PartialSchedule/`), one file per concern:
/// - this file: the tables, and the bookkeeping that keeps them in step —
///   the only code that writes them (`private(set)`: the other files change
///   the schedule through these primitives);
/// - `+Queries`: the read-only questions the phases ask before a change;
/// - `+Placement`: units opening, joining and leaving sessions, and trading them;
/// - `+Relocation`: whole sessions moving, and the exact undo of such a move;
/// - `+Staffing`: who may serve in a session, and filling its staff rows;
/// - `+Conflicts`: what stands in the way of a placement (for ejections);
/// - `RowFiller`, `StaffRanks`: the matching that fills staff rows.
///
/// Everything is a flat array indexed by dense ids (`entity * slotCount +
/// slot` for the occupancy tables): the layout the search's speed rests on.
/// Other modules see only what they use (`instance`, `table`, `schedule`,
/// `unassignedCount`, `openFrom`); the search and construction read the
/// tables directly.
public struct PartialSchedule: Sendable {
    public let instance: CompiledInstance
    public let table: UnitTable

    // MARK: Sessions (indexed by session id; dead ones are on `freeSessions`)

    private(set) var sessionActivity: [Int32] = []
    /// Start slot (`day * periodCount + period`).
    private(set) var sessionSlot: [Int32] = []
    private(set) var sessionRoom: [Int32] = []
    /// Σ pupils of the session's groups.
    private(set) var sessionPupils: [Int32] = []
    private(set) var sessionGroups: [[Int32]] = []
    private(set) var sessionStaff: [[Int32]] = []
    private(set) var sessionUnits: [[Int32]] = []
    private(set) var sessionAlive: [Bool] = []
    /// Fixed sessions: never moved or removed by the search.
    private(set) var sessionLocked: [Bool] = []
    /// Staff a fixed session names: kept through every refill.
    private(set) var sessionRequiredStaff: [[Int32]] = []
    private var freeSessions: [Int32] = []

    // MARK: Occupancy: session id or -1, per (entity, slot)

    private(set) var roomAt: [Int32]
    /// Groups' occupancy is kept only over the days each group may be on
    /// site (`groupSession(_:at:)` reads it): a day's `periodCount` cells
    /// start at `groupDayStart[g * D + d]` in `groupCells`, or the group has no
    /// cells that day (-1: free throughout). On the 1,000,000-visitor
    /// programme (37,081 groups, each visiting 1–2 of 100 days) this is 2 %
    /// of a groups × slots table (118 MB), which every copy of the schedule
    /// (a kept best, each search thread) would otherwise repeat.
    private(set) var groupCells: [Int32]
    private(set) var groupDayStart: [Int32]
    private(set) var staffAt: [Int32]

    // MARK: Staff load

    /// Sessions of staff member st on day d: `staffDay[st * D + d]`; in all: `staffTotal[st]`.
    private(set) var staffDay: [Int32]
    private(set) var staffTotal: [Int32]
    /// The same facts as staff sets (one bit per staff member), for filling
    /// rows a word at a time: slot × staff in a session, day × staff at
    /// `maxPerDay`, and (one row) staff at `max`.
    private(set) var staffBusy: BitMatrix
    private(set) var staffDayFull: BitMatrix
    private(set) var staffAllFull: BitMatrix

    // MARK: Activity load

    /// Live sessions of activity a on day d: `activityDay[a * D + d]`; in all: `activityTotal[a]`.
    private(set) var activityDay: [Int32]
    private(set) var activityTotal: [Int32]
    /// Live sessions of activity a in room r: `activityRoomSessions[a * R + r]`,
    /// and the number of distinct rooms activity a uses (for `roomStability`).
    private(set) var activityRoomSessions: [Int32]
    private(set) var activityRoomsUsed: [Int32]
    /// Live sessions of activity a starting at slot t: `sessionsAt[a * T + t]`.
    private(set) var sessionsAt: [[Int32]]
    /// Live sessions of spacing entry e's activities on day d:
    /// `spacingDay[e * D + d]` (rule 12).
    private(set) var spacingDay: [Int32]

    // MARK: Units

    /// The session of each unit, or -1 while it is unplaced.
    private(set) var unitSession: [Int32]
    /// The activity of each placed unit's session, or -1.
    private(set) var unitActivity: [Int32]
    /// Choice units of group g that picked activity a: `choiceCount[g * A + a]`.
    private(set) var choiceCount: [UInt8]
    /// Units not placed.
    public private(set) var unassignedCount: Int
    /// First slot where a session may be opened, joined or moved to; earlier
    /// slots belong to days that are over (`carousel repair --keep-until`)
    /// and hold only locked sessions.
    public internal(set) var openFrom = 0

    // MARK: Staffing order and scratch

    /// Staff of each row ordered for filling: the least versatile first, so
    /// that staff with rare skills stay free for the rows that need them.
    let rowOrder: [[Int32]]
    /// Each staff member's place in that order (least versatile first).
    let staffPriority: [Int32]
    /// The staff each `sameStaff` group can keep all term (`fillStaff`
    /// leaves them to it first).
    let sameStaffPools: SameStaffPools
    /// Reused by `fillStaff`, so a refill allocates nothing once warm
    /// (taken out while in use).
    var filler: RowFiller? = RowFiller()
    /// Scratch for `fillStaff`: the staff to try first.
    var favoured: [Int32]? = []
    /// Scratch for `relocate` and `exchange`: each moving session's old
    /// slot, room and staff (the staff lists keep their storage).
    var movedFrom: [(slot: Int32, room: Int32)] = []
    var movedStaff: [[Int32]] = []
    /// Scratch for `relocate`: what became of each moving session's staff.
    var movedStaffFate: [StaffFate] = []

    init(_ I: CompiledInstance, table: UnitTable) {
        instance = I
        self.table = table
        let T = I.slotCount
        roomAt = Array(repeating: -1, count: I.roomCount * T)
        (groupDayStart, groupCells) = Self.groupTables(I)
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
        spacingDay = Array(repeating: 0, count: I.spacing.minDays.count * I.dayCount)
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
        sameStaffPools = SameStaffPools(I, table: table)
        for st in 0..<I.staffCount {
            // A limit of 0 leaves the staff member full from the start.
            if I.staffMaxPerDay[st] <= 0 { for d in 0..<I.dayCount { staffDayFull.insert(d, st) } }
            if I.staffMax[st] <= 0 { staffAllFull.insert(0, st) }
        }
    }

    // MARK: - Bookkeeping

    /// Adds staff member st to session s's staff, booked over its periods
    /// and counted on its day (a fixed session may name staff who fill no
    /// row). The caller has checked that st may serve (`staffMayServe`).
    /// Takes staff member st out of session s's staff, unbooking them (the
    /// caller has checked the rows stay filled: `mayWithdraw`).
    mutating func withdraw(_ st: Int32, from s: Int) {
        guard let i = sessionStaff[s].firstIndex(of: st) else { return }
        vacateStaff(Int(st), session: s)
        sessionStaff[s].remove(at: i)
    }

    mutating func addStaff(_ st: Int, to s: Int) {
        guard !sessionStaff[s].contains(Int32(st)) else { return }
        occupyStaff(st, session: s)
        sessionStaff[s].append(Int32(st))
    }

    /// The days each group may be on site get cells (every day for a group
    /// without `visit`), and days with a fixed session naming it.
    static func groupTables(_ I: CompiledInstance) -> (start: [Int32], cells: [Int32]) {
        let D = I.dayCount, P = I.periodCount
        var start = [Int32](repeating: -1, count: I.groupCount * D)
        for f in I.fixed { for g in f.groups { start[g * D + f.day] = 0 } }
        var n = 0
        for g in 0..<I.groupCount {
            for d in 0..<D where start[g * D + d] == 0 || I.groupVisit.containsAny(g, from: d * P, count: P) {
                start[g * D + d] = Int32(n)
                n += P
            }
        }
        return (start, [Int32](repeating: -1, count: n))
    }

    /// The first of group g's cells on day d, made if it has none (a
    /// placement the visit does not allow, which the checks refuse: kept
    /// general rather than trusted).
    mutating func groupCellStart(_ g: Int, day d: Int) -> Int {
        let i = g * instance.dayCount + d
        if groupDayStart[i] < 0 {
            groupDayStart[i] = Int32(groupCells.count)
            groupCells.append(contentsOf: repeatElement(-1, count: instance.periodCount))
        }
        return Int(groupDayStart[i])
    }

    /// Writes `value` into group g's cells over slots `t ..< t + k` (one day),
    /// where they hold `only` (any value when nil).
    @inline(__always)
    mutating func setGroupCells(_ g: Int, from t: Int, duration k: Int, to value: Int32, where only: Int32? = nil) {
        let P = instance.periodCount
        let base = groupCellStart(g, day: t / P) + t % P
        for q in base..<(base + k) where only == nil || groupCells[q] == only! { groupCells[q] = value }
    }

    mutating func attach(_ u: Int, to s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        for i in table.units[u].groups.indices {
            let g = table.units[u].groups[i]
            setGroupCells(Int(g), from: t, duration: k, to: Int32(s))
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

    mutating func detach(_ u: Int, from s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        for j in table.units[u].groups.indices {
            let g = table.units[u].groups[j]
            setGroupCells(Int(g), from: t, duration: k, to: -1, where: Int32(s))
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

    mutating func close(_ s: Int) {
        releaseStaff(s)
        vacatePlace(s)
        sessionAlive[s] = false
        sessionLocked[s] = false
        sessionRequiredStaff[s] = []
        freeSessions.append(Int32(s))
    }

    /// Books session s's room and counts at its slot.
    mutating func occupyPlace(_ s: Int) {
        let a = Int(sessionActivity[s]), t = Int(sessionSlot[s]), r = Int(sessionRoom[s])
        let k = Int(instance.duration[a]), T = instance.slotCount
        for q in t..<(t + k) { roomAt[r * T + q] = Int32(s) }
        activityDay[a * instance.dayCount + t / instance.periodCount] += 1
        activityTotal[a] += 1
        sessionsAt[a * T + t].append(Int32(s))
        activityRoomSessions[a * instance.roomCount + r] += 1
        if activityRoomSessions[a * instance.roomCount + r] == 1 { activityRoomsUsed[a] += 1 }
        for e in instance.spacing.entriesOfActivity[a] {
            spacingDay[Int(e) * instance.dayCount + t / instance.periodCount] += 1
        }
    }

    /// Undoes `occupyPlace`.
    mutating func vacatePlace(_ s: Int) {
        let a = Int(sessionActivity[s]), t = Int(sessionSlot[s]), r = Int(sessionRoom[s])
        let k = Int(instance.duration[a]), T = instance.slotCount
        for q in t..<(t + k) where roomAt[r * T + q] == Int32(s) { roomAt[r * T + q] = -1 }
        activityDay[a * instance.dayCount + t / instance.periodCount] -= 1
        activityTotal[a] -= 1
        sessionsAt[a * T + t].removeFirstOccurrence(of: Int32(s))
        activityRoomSessions[a * instance.roomCount + r] -= 1
        if activityRoomSessions[a * instance.roomCount + r] == 0 { activityRoomsUsed[a] -= 1 }
        for e in instance.spacing.entriesOfActivity[a] {
            spacingDay[Int(e) * instance.dayCount + t / instance.periodCount] -= 1
        }
    }

    /// Writes `value` into the group occupancy of every group of session s.
    mutating func setGroupOccupancy(of s: Int, to value: Int32) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        for i in sessionGroups[s].indices { setGroupCells(Int(sessionGroups[s][i]), from: t, duration: k, to: value) }
    }

    /// Books staff member st for session s (the caller keeps `sessionStaff`).
    mutating func occupyStaff(_ st: Int, session s: Int) {
        bookStaffPeriods(st, session: s)
        countStaff(st, day: day(ofSession: s), by: 1)
    }

    /// Undoes `occupyStaff`.
    mutating func vacateStaff(_ st: Int, session s: Int) {
        freeStaffPeriods(st, session: s)
        countStaff(st, day: day(ofSession: s), by: -1)
    }

    /// Marks staff member st busy with session s over its periods (the day
    /// counts are left to the caller).
    @inline(__always)
    mutating func bookStaffPeriods(_ st: Int, session s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        for q in t..<(t + k) {
            staffAt[st * T + q] = Int32(s)
            staffBusy.insert(q, st)
        }
    }

    /// Undoes `bookStaffPeriods`.
    @inline(__always)
    mutating func freeStaffPeriods(_ st: Int, session s: Int) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        for q in t..<(t + k) where staffAt[st * T + q] == Int32(s) {
            staffAt[st * T + q] = -1
            staffBusy.remove(q, st)
        }
    }

    /// Adds `delta` to staff member st's sessions on day d and in all,
    /// keeping the "at the limit" sets in step.
    @inline(__always)
    mutating func countStaff(_ st: Int, day d: Int, by delta: Int32) {
        let i = st * instance.dayCount + d
        let maxPerDay = instance.staffMaxPerDay[st], max = instance.staffMax[st]
        let wasDayFull = staffDay[i] >= maxPerDay, wasAllFull = staffTotal[st] >= max
        staffDay[i] += delta
        staffTotal[st] += delta
        // The sets change only when a count crosses its limit.
        if wasDayFull != (staffDay[i] >= maxPerDay) { staffDayFull[d, st] = !wasDayFull }
        if wasAllFull != (staffTotal[st] >= max) { staffAllFull[0, st] = !wasAllFull }
    }

    mutating func releaseStaff(_ s: Int) {
        for i in sessionStaff[s].indices { vacateStaff(Int(sessionStaff[s][i]), session: s) }
        sessionStaff[s].clearKeepingCapacity()
    }

    /// Makes session s of activity a at slot t in room r, empty (no units,
    /// no staff), and books its place; returns its id (a dead one reused,
    /// keeping its lists' storage: no allocation per session).
    mutating func newSession(activity a: Int, slot t: Int, room r: Int, locked: Bool, requiredStaff: [Int32]) -> Int {
        let s: Int
        if let free = freeSessions.popLast() {
            s = Int(free)
        } else {
            s = sessionActivity.count
            sessionActivity.append(0)
            sessionSlot.append(0)
            sessionRoom.append(0)
            sessionPupils.append(0)
            sessionGroups.append([])
            sessionStaff.append([])
            sessionUnits.append([])
            sessionAlive.append(false)
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
        return s
    }

    /// Sets session s's start and room, booking nothing: the caller has
    /// vacated its place (`vacatePlace`, `setGroupOccupancy(of:to: -1)`) and books
    /// the new one after.
    mutating func setPlace(_ s: Int, slot t: Int32, room r: Int32) {
        sessionSlot[s] = t
        sessionRoom[s] = r
    }

    /// Drops session s's staff list, taking each member off day d's counts;
    /// their periods must be free already (`freeStaffPeriods`).
    mutating func dropStaff(of s: Int, countedOn d: Int) {
        for j in sessionStaff[s].indices { countStaff(Int(sessionStaff[s][j]), day: d, by: -1) }
        sessionStaff[s].clearKeepingCapacity()
    }

    /// Puts staff member `new` in place i of session s's staff instead of
    /// the one there, booking and counting both.
    mutating func substituteStaff(in s: Int, at i: Int, with new: Int32) {
        vacateStaff(Int(sessionStaff[s][i]), session: s)
        sessionStaff[s][i] = new
        occupyStaff(Int(new), session: s)
    }
}
