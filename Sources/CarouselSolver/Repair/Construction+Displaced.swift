import CarouselModel

extension Construction {
    /// After `restore`: each unit the old schedule had that could not be put
    /// back as it was (its room closed, its group late, its staff away) is
    /// placed by the smallest change found, tried in this order (one
    /// changed attendance before two, and then by `Reference.cost`):
    ///
    /// 1. the same activity at its old start in another room (joining a
    ///    session of it there or opening one): only its room changes;
    /// 2. the same activity at another start its group has free, nearest
    ///    first (its own day, then the others): only its time changes;
    /// 3. at its old start, in a room taken by another session that moves to
    ///    a free room at the same start (an ejection chain of one link): the
    ///    other session's groups change room too;
    /// 4. for a `oneOf` pick, another of its choices, at its old start or the
    ///    nearest its group has free (the group loses one attendance and
    ///    gains another, two changes);
    /// 5. at a start where its group has another attendance, which takes the
    ///    unit's old start in exchange: two of the group's attendances trade
    ///    times;
    /// 6. (the second way only, below) for a pick, as step 5, but the unit
    ///    takes another of its choices at the start it trades for (its
    ///    lunch moves into the lost workshop's time, say, and a new workshop
    ///    takes the lunch's: three changes, where step 7 often makes four);
    /// 7. in a room at a start its group has free, taking out the session
    ///    there, whose units are placed again by steps 1, 2 and 4 (an
    ///    ejection chain of two links), the cheapest such way.
    ///
    /// A step that breaks a rule checked after changes is taken back. The
    /// units none of these places stay for construction and the search
    /// (with the change from `reference` minimised).
    ///
    /// The steps run two ways from the same schedule, without step 6 and
    /// with it, and the way with fewer units left unplaced, then less
    /// change (`Reference.cost` over every session), is kept (the first on
    /// a tie): a trade for another choice is cheaper than a chain for one
    /// class and dearer for another (it takes a period a later class
    /// needed), and each way is a few milliseconds.
    mutating func placeDisplaced() {
        guard let reference else { return }
        let waiting = (0..<table.units.count).filter { u in
            state.unitSession[u] < 0 && reference.has(u) && Int(reference.slot[u]) >= state.openFrom
                && reference.activity[u] >= 0
        }.sorted { (reference.slot[$0], $0) < (reference.slot[$1], $1) }
        guard !waiting.isEmpty else { return }
        let start = state, startPlacedAt = placedAt
        placeByStep(waiting, tradingChoices: false)
        let first = (state: state, placedAt: placedAt, level: displacementLevel)
        state = start
        placedAt = startPlacedAt
        placeByStep(waiting, tradingChoices: true)
        if first.level <= displacementLevel {
            state = first.state
            placedAt = first.placedAt
        }
    }

    /// Steps 1 to 7 of `placeDisplaced` for the units `waiting` (step 6
    /// only when `tradingChoices`).
    private mutating func placeByStep(_ units: [Int], tradingChoices: Bool) {
        guard let reference else { return }
        var waiting = units
        // Each step for every unit before the next, so that a unit's
        // cheaper step is not taken away by another's dearer one.
        for step in 1...7 where step != 6 || tradingChoices {
            waiting = waiting.filter { u in
                let a = Int(reference.activity[u]), t = Int(reference.slot[u])
                let r = Int(reference.room[u]), staff = reference.staff[u]
                switch step {
                case 1: return !tryDisplaced(u, activity: a, at: t, room: r, staff: staff)
                case 2: return !moveDisplaced(u, activity: a, from: t, room: r, staff: staff)
                case 3: return !ejectForDisplaced(u, activity: a, at: t, staff: staff)
                case 4: return !choiceForDisplaced(u, activity: a, from: t, room: r, staff: staff)
                case 5: return !tradeDisplaced(u, activity: a, at: t, staff: staff)
                case 6: return !tradeDisplaced(u, activity: a, at: t, staff: staff, forAnotherChoice: true)
                default: return !chainForDisplaced(u, activity: a, from: t, staff: staff)
                }
            }
        }
    }

    /// Units left unplaced, then the change of every session: how
    /// `placeDisplaced` compares its two ways.
    private var displacementLevel: (unplaced: Int, change: Int) {
        guard let reference else { return (state.unassignedCount, 0) }
        let change = state.sessionAlive.indices.reduce(0) { $0 + Int(reference.change(ofSession: $1, in: state)) }
        return (state.unassignedCount, change)
    }

    /// Step 2 of `placeDisplaced`: activity a at the start nearest t that
    /// unit u's group has free.
    private mutating func moveDisplaced(_ u: Int, activity a: Int, from t: Int, room r: Int, staff: [Int32]) -> Bool {
        nearestStarts(u, around: t).contains { $0 != t && tryDisplaced(u, activity: a, at: $0, room: r, staff: staff) }
    }

    /// Step 4 of `placeDisplaced`: for a pick, another of its choices at t
    /// or the nearest start the group has free.
    private mutating func choiceForDisplaced(_ u: Int, activity a: Int, from t: Int, room r: Int, staff: [Int32])
        -> Bool
    {
        let choices = table.units[u].activities.map(Int.init).filter { $0 != a }
        guard !choices.isEmpty else { return false }
        return ([t] + nearestStarts(u, around: t).filter { $0 != t }).contains { t2 in
            choices.contains { tryDisplaced(u, activity: $0, at: t2, room: r, staff: staff) }
        }
    }

    /// Steps 5 and 6 of `placeDisplaced`: a start where u's group has
    /// another attendance that can take u's old start t in exchange, u
    /// taking activity a there or, `forAnotherChoice`, another of its
    /// choices.
    private mutating func tradeDisplaced(
        _ u: Int, activity a: Int, at t: Int, staff: [Int32], forAnotherChoice: Bool = false
    ) -> Bool {
        guard table.units[u].kind != .cohort, table.units[u].groups.count == 1 else { return false }
        let g = Int(table.units[u].groups[0])
        let activities = forAnotherChoice ? table.units[u].activities.map(Int.init).filter { $0 != a } : [a]
        guard !activities.isEmpty else { return false }
        return nearestStarts(u, around: t).contains { t2 in
            let s2 = Int(state.groupSession(g, at: t2))
            return t2 != t && s2 >= 0 && !state.sessionLocked[s2] && Int(state.sessionSlot[s2]) == t2
                && activities.contains { trade(u, activity: $0, at: t, staff: staff, with: s2, group: g) }
        }
    }

    /// Step 7 of `placeDisplaced`: u (its activity, or for a pick another
    /// choice) takes a room at a start its group has free by taking the
    /// session there out; each unit taken out is placed again by steps 1,
    /// 2 and 4 (one link further). Of every way that works, the one whose
    /// changes weigh least (`Reference.cost` of u and the units moved) is
    /// kept; at most `chainTries` ways are tried.
    private mutating func chainForDisplaced(_ u: Int, activity a: Int, from t: Int, staff: [Int32]) -> Bool {
        guard let reference else { return false }
        let T = instance.slotCount
        let activities = [a] + table.units[u].activities.map(Int.init).filter { $0 != a }
        var best: (cost: Int, state: PartialSchedule)?
        var tries = 0
        for t2 in [t] + nearestStarts(u, around: t).filter({ $0 != t }) {
            for b in activities where state.unitMayAttend(u, activity: b) && state.unitMayStart(u, activity: b, at: t2)
            {
                for r32 in instance.activityRooms[b] where state.roomTakes(unit: u, activity: b, room: Int(r32), at: t2)
                {
                    let s = Int(state.roomAt[Int(r32) * T + t2])
                    guard s >= 0, !state.sessionLocked[s], Int(state.sessionSlot[s]) == t2,
                        instance.duration[Int(state.sessionActivity[s])] == instance.duration[b],
                        tries < Self.chainTries
                    else { continue }
                    tries += 1
                    let saved = state
                    let ejected = state.sessionUnits[s].map(Int.init)
                    for v in ejected { state.unassign(v) }
                    let homes = ejected.map { v in
                        (v, Int(saved.sessionActivity[s]), Int(saved.sessionRoom[s]), saved.sessionStaff[s])
                    }
                    if tryDisplaced(u, activity: b, at: t2, room: Int(r32), staff: staff),
                        homes.allSatisfy({ v, c, rv, sv in
                            tryDisplaced(v, activity: c, at: t2, room: rv, staff: sv)
                                || moveDisplaced(v, activity: c, from: t2, room: rv, staff: sv)
                                || choiceForDisplaced(v, activity: c, from: t2, room: rv, staff: sv)
                        }), keepsCheckedRules(after: [u] + ejected)
                    {
                        let cost = ([u] + ejected).reduce(0) { sum, v in
                            sum + Int(reference.cost(unit: v, inSession: Int(state.unitSession[v]), of: state))
                        }
                        if best == nil || cost < best!.cost { best = (cost, state) }
                    }
                    state = saved
                }
            }
        }
        guard let best else { return false }
        state = best.state
        return true
    }

    /// The most ways `chainForDisplaced` tries for one unit (each copies the
    /// schedule), so that a large week stays quick.
    static let chainTries = 64

    /// `placedAt` of a unit placed where the repair means it to stay: never
    /// recent enough to leave tabu, so backjumping undoes others first (as
    /// it does a session kept because it had started).
    static let keptPlacement = Int.max / 2

    /// The slots from `openFrom` on the days unit u may be placed on, its
    /// own day's first (nearest to t first), then the other days'.
    private func nearestStarts(_ u: Int, around t: Int) -> [Int] {
        let P = instance.periodCount, d0 = t / P
        var out: [Int] = []
        for d32 in unitDays[u] {
            let d = Int(d32)
            for p in 0..<P where d * P + p >= state.openFrom { out.append(d * P + p) }
        }
        return out.sorted { x, y in
            (x / P != d0 ? 1 : 0, abs(x - t), x) < (y / P != d0 ? 1 : 0, abs(y - t), y)
        }
    }

    /// Places unit u in a session of activity a at slot t — joining one of
    /// it there, or opening one, in room r first — with `staff` preferred;
    /// false when it cannot go there (with nothing changed, but for a
    /// session it joined and left again, which keeps only the staff it
    /// needs). Nothing is copied: a placement that breaks a rule checked
    /// after changes is simply taken out again.
    private mutating func tryDisplaced(_ u: Int, activity a: Int, at t: Int, room r: Int, staff: [Int32]) -> Bool {
        guard state.unitMayAttend(u, activity: a), state.unitMayStart(u, activity: a, at: t) else { return false }
        let T = instance.slotCount
        for s32 in state.sessionsAt[a * T + t] where state.sessionHasPlace(for: u, in: Int(s32)) {
            guard state.join(unit: u, session: Int(s32), preferredStaff: staff) else { continue }
            if keepsCheckedRules(after: [u]) {
                placedAt[u] = Self.keptPlacement
                return true
            }
            state.unassign(u)
        }
        let rooms = [Int32(r)] + instance.activityRooms[a].filter { $0 != Int32(r) }
        for r32 in rooms where instance.roomAllowed.contains(a, Int(r32)) {
            guard state.mayOpen(unit: u, activity: a, at: t, room: Int(r32)),
                state.open(activity: a, slot: t, room: Int(r32), unit: u, preferredStaff: staff) != nil
            else { continue }
            if keepsCheckedRules(after: [u]) {
                placedAt[u] = Self.keptPlacement
                return true
            }
            state.unassign(u)
        }
        return false
    }

    /// Step 3 of `placeDisplaced`: a session holding a room that could take
    /// unit u at t moves to another free room at the same start, and u
    /// takes the room; the session with the fewest groups first.
    private mutating func ejectForDisplaced(_ u: Int, activity a: Int, at t: Int, staff: [Int32]) -> Bool {
        guard state.unitMayAttend(u, activity: a), state.unitMayStart(u, activity: a, at: t) else { return false }
        let T = instance.slotCount
        var holders: [(session: Int, room: Int)] = []
        for r32 in instance.activityRooms[a] where state.roomTakes(unit: u, activity: a, room: Int(r32), at: t) {
            let s = Int(state.roomAt[Int(r32) * T + t])
            guard s >= 0, !state.sessionLocked[s], Int(state.sessionSlot[s]) == t,
                instance.duration[Int(state.sessionActivity[s])] == instance.duration[a]
            else { continue }
            holders.append((s, Int(r32)))
        }
        holders.sort {
            (state.sessionGroups[$0.session].count, $0.session) < (state.sessionGroups[$1.session].count, $1.session)
        }
        for (s, r) in holders {
            let b = Int(state.sessionActivity[s])
            for r2 in instance.activityRooms[b] where Int(r2) != r {
                let saved = state
                if state.relocate([(session: s, slot: t, room: Int(r2))]),
                    tryDisplaced(u, activity: a, at: t, room: r, staff: staff),
                    keepsCheckedRules(after: state.sessionUnits[s].map(Int.init))
                {
                    return true
                }
                state = saved
            }
        }
        return false
    }

    /// Group g's unit in session s2 (at another start) leaves it for unit
    /// u's old start t, and u takes s2's start with activity a.
    private mutating func trade(
        _ u: Int, activity a: Int, at t: Int, staff: [Int32], with s2: Int, group g: Int
    ) -> Bool {
        guard
            let v = state.sessionUnits[s2].map(Int.init).first(where: {
                table.units[$0].groups == [Int32(g)] && table.units[$0].kind != .cohort
            })
        else { return false }
        let b = Int(state.sessionActivity[s2]), t2 = Int(state.sessionSlot[s2]), r2 = Int(state.sessionRoom[s2])
        let staff2 = state.sessionStaff[s2]
        let saved = state
        state.unassign(v)
        if tryDisplaced(u, activity: a, at: t2, room: r2, staff: staff),
            tryDisplaced(v, activity: b, at: t, room: r2, staff: staff2),
            keepsCheckedRules(after: [u, v] + (state.sessionAlive[s2] ? state.sessionUnits[s2].map(Int.init) : []))
        {
            return true
        }
        state = saved
        return false
    }

    /// Whether the rules checked after changes (`hasCheckedRules`) hold for
    /// the sessions and groups of `units` (the units a step placed or moved:
    /// their groups' days are the only ones it changed).
    private func keepsCheckedRules(after units: [Int]) -> Bool {
        guard state.hasCheckedRules else { return true }
        for u in units {
            let s = Int(state.unitSession[u])
            guard s >= 0 else { continue }
            if !state.keepsCheckedRules(session: s, groups: table.units[u].groups, day: state.day(ofSession: s)) {
                return false
            }
        }
        return true
    }
}
