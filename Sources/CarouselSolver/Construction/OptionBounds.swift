/// Lower bounds on the units' option counts, so that construction's forward
/// checking recounts only the units whose capped count could have changed.
///
/// Construction orders units by their options counted up to a cap of 12
/// (`Construction.countCap`), and after each change it used to recount every
/// unit of the touched day: about 1,850 units a placement on the
/// 1,000,000-visitor programme, most of them far above the cap or untouched
/// by the change. A change — a unit placed in or taken out of a session of
/// activity a in room r on day d — can only alter the options of another
/// unit (not of its groups, which are always recounted) at starts of
/// activity a (the session's place for one more), or of an activity
/// allowed in r (r taken or freed). So:
/// - a unit none of whose activities is a or allowed in r keeps its count
///   exactly (`Change.loss` is nil for its kind);
/// - a placement takes at most `Change.loss` options from the others: the
///   start of a where the session filled up (all of the day's starts of a
///   when a new session brought a to its `maxPerDay`), and for a new
///   session each start, of each activity b allowed in r, that overlaps it
///   and is left with no more free rooms of b (`freeRooms`) than b has
///   rooms that cannot take the unit (`Kind.unsuitable`): where more are
///   free, one that takes the unit is free. (Under travel, rule 9, a free
///   room may be at the wrong site: every overlapping start counts.);
/// - taking a unit out only adds options (its room frees where its session
///   closes).
/// A unit counted up to `countedTo` keeps that count as a bound, lowered
/// by each loss; while it stays at the cap, the unit keeps its (capped)
/// count uncounted: the capped counts, and so every choice, are exactly
/// those of recounting everything. Changes that reach past the day drop
/// every bound (`Change.dropsBounds`): a new session that brings an activity
/// to its `maxSessions`, and any change under spacing (rule 12), where
/// sessions on other days block openings; the first change to each day
/// after that recounts the day. Units bound to a fixed session with `move`
/// are recounted whenever their kind is touched (another unit's placement
/// bars their opening).
struct OptionBounds {
    /// How far a unit's options are counted when it is recounted: past the
    /// cap, so that several placements fit under its bound.
    static let countedTo: Int32 = 48

    /// Units of one day with the same activity list, pupils and needs: the
    /// change's effect is worked out once for all of them.
    struct Kind {
        var activities: [Int32]
        var units: [Int32]
        /// Per activity (as in `activities`): its rooms that cannot take
        /// these units (too small, or lacking what their groups need).
        var unsuitable: [Int32]
        /// A unit of the kind that stands for all of them when asking
        /// whether a session has a place (`Change.stillOpen`): one of
        /// its units, none of which is a cohort or bound to a fixed entry;
        /// -1 when the kind has such units (a session's place then depends
        /// on more than the kind) or under travel.
        var representative: Int32
    }

    private struct KindKey: Hashable {
        var activities: [Int32]
        var pupils: Int32
        var needs: [Int32]
    }

    /// What a change did: `activity` placed in or taken out of session
    /// `session` at `slot` in `room` (-1 when the session was joined: no room
    /// changed hands).
    struct Change {
        var activity: Int
        var session: Int
        var slot: Int
        var room: Int
        var duration: Int
        var placed: Bool
        /// A placement's new session brought the activity to its `maxPerDay`.
        var dayFull: Bool
        var dropsBounds: Bool

        /// Unit u was just placed (in a session it opened or joined).
        init(placing u: Int, in state: PartialSchedule, instance I: CompiledInstance) {
            let s = Int(state.unitSession[u])
            activity = Int(state.sessionActivity[s])
            session = s
            slot = Int(state.sessionSlot[s])
            let opened = state.sessionUnits[s].count == 1
            room = opened ? Int(state.sessionRoom[s]) : -1
            duration = Int(I.duration[activity])
            placed = true
            dayFull =
                opened && state.activityDay[activity * I.dayCount + state.day(ofSession: s)] >= I.maxPerDay[activity]
            dropsBounds =
                opened
                && (!I.spacing.entriesOfActivity[activity].isEmpty
                    || state.activityTotal[activity] >= I.maxSessions[activity])
        }

        /// Unit u is about to leave session s.
        init(removing u: Int, from s: Int, in state: PartialSchedule, instance I: CompiledInstance) {
            activity = Int(state.sessionActivity[s])
            session = s
            slot = Int(state.sessionSlot[s])
            room = Int(state.sessionRoom[s])
            duration = Int(I.duration[activity])
            placed = false
            dayFull = false
            dropsBounds = !I.spacing.entriesOfActivity[activity].isEmpty
        }

        /// The most options a unit of `kind` can have lost, or nil when the
        /// change cannot have altered its options at all. `freeRooms` as
        /// after the change, or nil (every overlapping start counts). A
        /// start the kind may still take after a placement (`stillOpen`)
        /// is not lost: a placement only takes options away, so a unit of
        /// another group that had it has it still.
        func loss(of kind: Kind, freeRooms: [Int32]?, state: PartialSchedule) -> Int32? {
            let I = state.instance, P = I.periodCount, T = I.slotCount
            var related = false, lost = 0
            for (i, b32) in kind.activities.enumerated() {
                let b = Int(b32)
                if b == activity {
                    related = true
                    if dayFull {
                        lost += P
                    } else if !placed || !stillOpen(kind, activityAt: i, slot: slot, freeRooms: freeRooms, state: state)
                    {
                        lost += 1
                    }
                }
                guard room >= 0 && I.roomAllowed.contains(b, room) else { continue }
                related = true
                guard placed else { continue }
                guard let freeRooms else {
                    lost += min(P, duration + Int(I.duration[b]) - 1)
                    continue
                }
                for t in OptionBounds.starts(of: b, overlapping: slot, duration: duration, instance: I)
                where freeRooms[b * T + t] <= kind.unsuitable[i]
                    && !stillOpen(kind, activityAt: i, slot: t, freeRooms: freeRooms, state: state)
                {
                    lost += 1
                }
            }
            guard related else { return nil }
            return placed ? Int32(clamping: lost) : 0
        }

        /// Whether every unit of `kind` whose groups may start the activity
        /// at `index` at slot t (by their own times, years and choices) may
        /// go there now: the kind's representative has a session with a
        /// place, or a room free that takes it where another session may
        /// open. False when it cannot tell (no representative, or no free
        /// room counts).
        @inline(__always)
        func stillOpen(
            _ kind: Kind, activityAt i: Int, slot t: Int, freeRooms: [Int32]?, state: PartialSchedule
        ) -> Bool {
            guard kind.representative >= 0, let freeRooms else { return false }
            let I = state.instance, b = Int(kind.activities[i])
            guard I.canStart(b, at: t) else { return false }
            if freeRooms[b * I.slotCount + t] > kind.unsuitable[i]
                && state.mayAddSession(activity: b, day: t / I.periodCount)
            {
                return true
            }
            let u = Int(kind.representative)
            return state.sessionsAt[b * I.slotCount + t].contains { state.sessionHasPlace(for: u, in: Int($0)) }
        }
    }

    /// The starts of activity b on slot t's day whose sessions would
    /// overlap slots `t ..< t + k`.
    @inline(__always)
    static func starts(of b: Int, overlapping t: Int, duration k: Int, instance I: CompiledInstance) -> ClosedRange<Int>
    {
        let P = I.periodCount, first = t / P * P, kb = Int(I.duration[b])
        let lo = max(first, t - kb + 1), hi = min(t + k - 1, first + P - kb)
        return lo <= hi ? lo...hi : 1...0
    }

    /// Per day, its units by kind.
    let kinds: [[Kind]]
    /// Per (activity b, start t), at `b * slotCount + t`: b's rooms free
    /// and available throughout a session of b from t (0 where b cannot
    /// start). Nil under travel. Rebuilt from the schedule when stale (at
    /// first, after a restart or restore), else kept by `update`.
    private(set) var freeRooms: [Int32]?
    private var roomsStale = true
    /// Activities allowed in each room.
    private let activitiesOfRoom: [[Int32]]
    /// Each unit's kind's `unsuitable` (a row shared by units alike).
    private let unsuitableRow: [Int32]
    private let unsuitableRows: [[Int32]]

    /// Whether unit u may open a session of the activity at `index` in its
    /// list at slot t in some room, as far as the rooms go: more of the
    /// activity's rooms are free then than cannot take the unit. False when
    /// the free rooms cannot tell (travel, stale counts) or too few are free
    /// to be sure (the caller then scans the rooms).
    @inline(__always)
    func freeRoomTakes(unit u: Int, activityAt index: Int, activity b: Int, slot t: Int, instance I: CompiledInstance)
        -> Bool
    {
        guard let freeRooms, !roomsStale else { return false }
        return freeRooms[b * I.slotCount + t] > unsuitableRows[Int(unsuitableRow[u])][index]
    }

    /// Whether no room of activity b is free and available throughout a
    /// session from slot t, so that no unit may open one there; false when
    /// the free rooms cannot tell (travel, stale counts).
    @inline(__always)
    func noRoomFree(activity b: Int, slot t: Int, instance I: CompiledInstance) -> Bool {
        guard let freeRooms, !roomsStale else { return false }
        return freeRooms[b * I.slotCount + t] == 0
    }

    /// Rebuilds `freeRooms` from the schedule if a restart or restore made it stale.
    mutating func rebuildIfStale(_ state: PartialSchedule) {
        guard freeRooms != nil && roomsStale else { return }
        rebuild(state)
    }
    private var bound: [Int32]
    /// The epoch each bound was counted in, and each day's last full recount.
    private var epochOf: [UInt32]
    private var dayEpoch: [UInt32]
    private var epoch: UInt32 = 1

    init(_ table: UnitTable, instance I: CompiledInstance) {
        // Groups with the same needs share a class.
        var needsClass: [Set<String>: Int32] = [:]
        let needsOf = I.problem.groups.map { group in
            if let c = needsClass[group.needs] { return c }
            let c = Int32(needsClass.count)
            needsClass[group.needs] = c
            return c
        }
        var rowOf: [KindKey: Int32] = [:]
        var rows: [[Int32]] = []
        var unitRow = [Int32](repeating: 0, count: table.units.count)
        for (u, unit) in table.units.enumerated() {
            let key = KindKey(
                activities: unit.activities, pupils: unit.pupils,
                needs: Array(Set(unit.groups.map { needsOf[Int($0)] })).sorted())
            if let row = rowOf[key] {
                unitRow[u] = row
                continue
            }
            unitRow[u] = Int32(rows.count)
            rowOf[key] = Int32(rows.count)
            rows.append(
                unit.activities.map { b in
                    Int32(
                        I.activityRooms[Int(b)].filter { r in
                            !I.seats(unit.pupils, activity: Int(b), room: Int(r))
                                || !I.roomMeetsNeeds(of: unit, room: Int(r))
                        }.count)
                })
        }
        unsuitableRows = rows
        unsuitableRow = unitRow
        var kinds: [[Kind]] = []
        for list in table.unitsOfDay {
            var index: [Int32: Int] = [:]
            var day: [Kind] = []
            for u in list {
                let row = unitRow[Int(u)]
                if let i = index[row] {
                    day[i].units.append(u)
                } else {
                    index[row] = day.count
                    day.append(
                        Kind(
                            activities: table.units[Int(u)].activities, units: [u], unsuitable: rows[Int(row)],
                            representative: I.sites.hasTravel ? -1 : u))
                }
                let unit = table.units[Int(u)]
                if unit.kind == .cohort || unit.fixedEntry >= 0 { day[index[row]!].representative = -1 }
            }
            kinds.append(day)
        }
        self.kinds = kinds
        var ofRoom = [[Int32]](repeating: [], count: I.roomCount)
        for a in 0..<I.activityCount { for r in I.activityRooms[a] { ofRoom[Int(r)].append(Int32(a)) } }
        activitiesOfRoom = ofRoom
        freeRooms = I.sites.hasTravel ? nil : []
        bound = [Int32](repeating: 0, count: table.units.count)
        epochOf = [UInt32](repeating: 0, count: table.units.count)
        dayEpoch = [UInt32](repeating: 0, count: table.unitsOfDay.count)
    }

    /// Records unit u's options counted now (up to `countedTo`).
    @inline(__always)
    mutating func set(_ u: Int, _ count: Int32) {
        bound[u] = count
        epochOf[u] = epoch
    }

    /// Every bound is dropped: each day is recounted at its next change.
    /// (The free rooms are rebuilt then too: a restart or restore changed
    /// the schedule wholesale.)
    mutating func invalidateAll() {
        epoch &+= 1
        roomsStale = true
    }

    /// Brings `freeRooms` up to the schedule after `change`: rebuilt when
    /// stale, else the starts overlapping the change's session in its room
    /// (taken when a session opened, freed when one closed).
    mutating func update(after change: Change, state: PartialSchedule) {
        guard freeRooms != nil else { return }
        let I = state.instance, T = I.slotCount
        if roomsStale {
            rebuild(state)
            return
        }
        let r = change.room, s = change.session
        guard r >= 0 else { return }
        let closed = !change.placed && !state.sessionAlive[s]
        guard change.placed || closed else { return }
        for b32 in activitiesOfRoom[r] {
            let b = Int(b32)
            for t in Self.starts(of: b, overlapping: change.slot, duration: change.duration, instance: I)
            where I.canStart(b, at: t) {
                // Opened: r was free here before unless something else holds it too.
                // Closed: r is free here now unless something else holds it.
                guard roomFree(r, at: t, activity: b, besides: change.placed ? s : -1, state: state) else { continue }
                freeRooms![b * T + t] += change.placed ? -1 : 1
            }
        }
    }

    private mutating func rebuild(_ state: PartialSchedule) {
        let I = state.instance, T = I.slotCount
        roomsStale = false
        var free = [Int32](repeating: 0, count: I.activityCount * T)
        for b in 0..<I.activityCount {
            for t in 0..<T where I.canStart(b, at: t) {
                free[b * T + t] = I.activityRooms[b].reduce(0) {
                    $0 + (roomFree(Int($1), at: t, activity: b, besides: -1, state: state) ? 1 : 0)
                }
            }
        }
        freeRooms = free
    }

    /// Whether room r is available and held by no session (other than
    /// `besides`) throughout a session of activity b from slot t.
    @inline(__always)
    private func roomFree(_ r: Int, at t: Int, activity b: Int, besides s: Int, state: PartialSchedule) -> Bool {
        let I = state.instance, k = Int(I.duration[b]), T = I.slotCount
        guard !I.roomUnavailable.containsAny(r, from: t, count: k) else { return false }
        for q in t..<(t + k) {
            let x = Int(state.roomAt[r * T + q])
            if x != -1 && x != s { return false }
        }
        return true
    }

    /// Whether day d was recounted since the bounds were last dropped; if
    /// not, it is taken as recounted now (the caller marks all its units).
    mutating func isCurrent(day d: Int) -> Bool {
        guard dayEpoch[d] != epoch else { return true }
        dayEpoch[d] = epoch
        return false
    }

    /// Whether unit u surely still has `cap` options after losing at most
    /// `loss` (its bound is lowered by it).
    @inline(__always)
    mutating func keepsCap(_ u: Int, after loss: Int32, cap: Int32) -> Bool {
        guard epochOf[u] == epoch, bound[u] - loss >= cap else { return false }
        bound[u] -= loss
        return true
    }
}
