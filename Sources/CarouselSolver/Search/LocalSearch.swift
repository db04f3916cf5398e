import Foundation
import CarouselModel

/// The improvement phase: simulated annealing over complete, feasible
/// schedules. Every move keeps every hard rule (a move that would break one is
/// not made), and its score change comes from `ScoreTracker`, which touches
/// only what the move changed.
///
/// Moves:
/// - **relocate a unit**: a group's attendance goes to another time and/or
///   room, joins another session of the activity (merging), or opens its own
///   (splitting); for a `oneOf` pick it may switch to another activity;
/// - **move a session** whole (time and/or room, same staff where possible);
/// - **swap two sessions** of a day (times, or times and rooms), biased to two
///   sessions of the same group: a two-link Kempe chain;
/// - **move a Kempe chain**: the sessions at two starts of a day that share
///   a group, room or staff member cross over all at once
///   (`LocalSearch+Kempe.swift`);
/// - **reassign a staff member** of a session to another who fits the row;
/// - **insert an unplaced unit**, ejecting the few units in its way, while
///   the schedule is incomplete (`LocalSearch+Insertion.swift`).
///
/// Temperature falls geometrically with elapsed time from a start value
/// estimated from sampled move deltas; the best schedule seen is returned.
/// Deterministic for a given seed and move budget.
///
/// The objective is lexicographic (`Level`): first the units left unplaced
/// (a schedule construction could not complete is repaired here, every
/// placed session keeping every hard rule), then, with a `Reference`
/// (`carousel repair`), the change from the old schedule, then the soft
/// score. A move that makes the level worse is never taken, one that makes
/// it better always is, and among moves that leave it equal the annealing
/// decides on the soft score — except while units are unplaced, when every
/// such move is taken, so that insertions walk the plateau.
public struct LocalSearch {
    public struct Result: Sendable {
        public var state: PartialSchedule
        public var soft: Double
        /// Weighted change from the reference schedule (0 without one).
        public var perturbation: Int
        /// Seconds (on the termination's clock) at which a search that began
        /// with units unplaced had placed them all; nil otherwise.
        public var completedAt: Double?
        /// Moves tried; of those, the ones evaluated: refused because they
        /// would break a hard rule (found by the incremental checks before
        /// anything changes), or applied and scored on the soft terms.
        /// The rest were not moves at all (nothing to pick, or no change).
        public var moves: Int
        public var refused: Int
        public var applied: Int
        public var accepted: Int
        public var evaluated: Int { refused + applied }
        public var elapsed: Double
    }

    var state: PartialSchedule
    var tracker: ScoreTracker
    var random: SeededRandom
    let I: CompiledInstance
    /// Whether a compact day counts (`isolated` or `idleGap`): then
    /// `moveSession` sometimes draws starts next to a group's other sessions.
    let compactness: Bool
    // What a move touched (reused: no allocation per move).
    var touchedGroupDays: TouchedSet
    var touchedGroups: TouchedSet
    var touchedSessions = TouchedSet()
    var touchedActivities: TouchedSet
    var touchedStaffDays: TouchedSet
    var undo: Undo = .none
    /// Scratch list for enumerating move targets.
    var choices: [Int] = []
    /// Scratch for the moves of whole sessions (the Kempe chain, and its
    /// moves and their undo, also used by `moveSession` and `swapSessions`).
    var chain: [Int] = []
    var chainMoves: [(session: Int, slot: Int, room: Int)] = []
    var chainUndo: [(session: Int, slot: Int, room: Int)] = []
    /// The staff of each session in `chainUndo` before the move (the lists
    /// keep their storage from move to move).
    var undoStaff: [[Int32]] = []
    /// Scratch for the insertion move: units in the way, and where the units
    /// the last insertion ejected were (read by `takeBack`).
    var victims: [Int] = []
    var ejected: [Ejected] = []
    /// Units not placed (may be stale: checked against the schedule before use).
    var unplaced: [Int32] = []
    /// Insertion count at which each unit was last inserted (tabu for
    /// ejection), and the count of insertions made.
    var insertedAt: [Int] = []
    var insertions = 0
    /// Moves refused because they would break a hard rule (`refuse()`).
    var refused = 0

    /// How to take back the last move.
    enum Undo {
        case none
        /// A unit left a session of `activity`; that session, its place and
        /// its staff then are in `chainUndo[0]` and `undoStaff[0]` (copies:
        /// sharing the session's staff list would make the schedule copy it
        /// on its next change).
        case unit(unit: Int, activity: Int)
        /// Sessions moved; where they were and their staff are in
        /// `chainUndo` and `undoStaff`.
        case sessions
        case staff(session: Int, old: Int32, new: Int32)
        /// Two units traded sessions; the sessions' staff before are in `undoStaff`.
        case exchange(first: Int, second: Int)
        /// The unit inserted; the units it ejected are in `ejected`.
        case insertion(unit: Int)
    }

    /// The kinds of move, drawn at random by `tryMove()`.
    enum Move {
        case relocateUnit, exchangeUnits, moveSession, swapSessions, kempeChain, reassignStaff, insertUnit
    }

    /// What the search minimises ahead of the soft score, lexicographically:
    /// units left unplaced, then weighted change from the reference.
    struct Level: Equatable, Comparable {
        var unplaced: Int
        var change: Int

        static func < (a: Level, b: Level) -> Bool { (a.unplaced, a.change) < (b.unplaced, b.change) }
    }

    public init(_ state: PartialSchedule, seed: UInt64, reference: Reference? = nil) {
        self.state = state
        tracker = ScoreTracker(state, reference: reference)
        random = SeededRandom(seed: seed)
        I = state.instance
        compactness = I.weights.isolated > 0 || I.weights.idleGap > 0
        touchedGroupDays = TouchedSet(capacity: I.groupCount * I.dayCount)
        touchedGroups = TouchedSet(capacity: I.groupCount)
        touchedActivities = TouchedSet(capacity: I.activityCount)
        touchedStaffDays = TouchedSet(capacity: I.staffCount * I.dayCount)
    }

    /// The current soft score.
    public var soft: Double { tracker.soft }

    /// The current level (unplaced units, change from the reference).
    var level: Level { Level(unplaced: state.unassignedCount, change: tracker.perturbation) }

    /// Runs until `termination` says stop; returns the best schedule seen.
    public static func run(_ start: PartialSchedule, seed: UInt64, termination: Termination, reference: Reference? = nil,
                           progress: ((SearchProgress) -> Void)? = nil) -> Result {
        var search = LocalSearch(start, seed: seed, reference: reference)
        return search.anneal(termination: termination, progress: progress)
    }

    mutating func anneal(termination: Termination, progress: ((SearchProgress) -> Void)?) -> Result {
        var best = state
        var bestSoft = tracker.soft
        var current = bestSoft
        var bestLevel = level
        var currentLevel = bestLevel
        let startedIncomplete = currentLevel.unplaced > 0
        var completedAt: Double?
        // (level, soft) against the best, lexicographically.
        func beats(_ level: Level, _ soft: Double) -> Bool {
            level < bestLevel || (level == bestLevel && soft < bestSoft - 1e-9)
        }
        func matches(_ level: Level, _ soft: Double) -> Bool {
            level < bestLevel || (level == bestLevel && soft <= bestSoft + 1e-9)
        }
        var moves = 0, accepted = 0, applied = 0
        let startTime = termination.elapsed
        let budget = max(1e-3, termination.timeLimit - startTime)
        // Start temperature: the mean worsening of sampled moves, accepted half the time.
        var worse = 0.0, count = 0
        for _ in 0..<200 {
            guard tryMove() else { continue }
            let delta = tracker.soft - current
            if delta > 0 && level == currentLevel { worse += delta; count += 1 }
            takeBack()
        }
        // Undoing may re-pick staff, so read the score again.
        current = tracker.soft
        currentLevel = level
        let t0 = count > 0 ? max(0.05, worse / Double(count) / 0.69) : 1.0
        let tEnd = t0 * 1e-3
        var temperature = t0
        refused = 0
        var bestUnsaved = false
        // `best` is a full copy, so copies are rationed while the search is
        // hot and new bests come every few moves: then a best is kept only if
        // it is on a better level than the last copy or 5,000 moves have
        // passed since that copy (otherwise it is forgotten; the search will
        // come back below it).
        var savedSoft = bestSoft, savedLevel = bestLevel
        var lastSave = 0
        var fraction = 0.0
        var lastReport = termination.elapsed
        while bestSoft > 0 || bestLevel.unplaced > 0 || bestLevel.change > 0 {
            if moves & 255 == 0 {
                if termination.shouldStop(iterations: moves) { break }
                let byTime = (termination.elapsed - startTime) / budget
                let byMoves = termination.iterationLimit == .max ? 0 : Double(moves) / Double(termination.iterationLimit)
                fraction = min(1, max(byTime, byMoves))
                temperature = t0 * pow(tEnd / t0, fraction)
                if let progress, termination.elapsed - lastReport >= 1 {
                    lastReport = termination.elapsed
                    let repairing = bestLevel.unplaced > 0
                    progress(SearchProgress(phase: repairing ? "repair" : "improve", elapsed: lastReport, iterations: moves,
                                            unplaced: state.unassignedCount, bestUnplaced: bestLevel.unplaced,
                                            soft: repairing ? nil : bestSoft))
                }
            }
            moves += 1
            guard tryMove() else { continue }
            applied += 1
            let next = tracker.soft, nextLevel = level
            let delta = next - current
            // While units are unplaced the soft score does not hold back a
            // move that keeps the level: the insertions walk the plateau.
            let accept = nextLevel < currentLevel
                || (nextLevel == currentLevel
                    && (delta <= 0 || currentLevel.unplaced > 0 || random.unit() < exp(-delta / temperature)))
            if accept {
                if nextLevel == currentLevel && delta > 0 && bestUnsaved {
                    if fraction > 0.3 || moves - lastSave >= 5_000 || currentLevel < savedLevel {
                        // About to leave a new best: keep a copy of it first, and
                        // let the next iteration try its luck afresh. (Undoing a
                        // move may re-pick staff, so the score is read again.)
                        takeBack()
                        current = tracker.soft
                        currentLevel = level
                        if matches(currentLevel, current) {
                            best = state
                            bestSoft = current
                            bestLevel = currentLevel
                            savedSoft = current
                            savedLevel = currentLevel
                            lastSave = moves
                        } else {
                            bestSoft = savedSoft
                            bestLevel = savedLevel
                        }
                        bestUnsaved = false
                        continue
                    }
                    bestSoft = savedSoft
                    bestLevel = savedLevel
                    bestUnsaved = false
                }
                accepted += 1
                current = next
                currentLevel = nextLevel
                if startedIncomplete && completedAt == nil && currentLevel.unplaced == 0 { completedAt = termination.elapsed }
                if beats(currentLevel, current) {
                    bestSoft = current
                    bestLevel = currentLevel
                    bestUnsaved = true
                }
            } else {
                takeBack()
                current = tracker.soft
                currentLevel = level
            }
        }
        if bestUnsaved || matches(currentLevel, current) {
            best = state
            bestSoft = current
            bestLevel = currentLevel
        }
        return Result(state: best, soft: bestSoft, perturbation: bestLevel.change, completedAt: completedAt, moves: moves,
                      refused: refused, applied: applied, accepted: accepted, elapsed: termination.elapsed)
    }

    // MARK: - Moves

    /// Makes one random move (recording how to undo it); false if the chosen
    /// move was not possible (nothing changed). While units are unplaced,
    /// a share of the moves try to insert one.
    mutating func tryMove() -> Bool {
        if state.unassignedCount > 0 && random.below(100) < 30 { return tryMove(.insertUnit) }
        let r = random.below(100)
        let move: Move
        if r < 30 {
            move = .relocateUnit
        } else if r < 45 {
            move = .exchangeUnits
        } else if r < 65 {
            move = .moveSession
        } else if r < 84 {
            move = .swapSessions
        } else if r < 92 {
            move = .kempeChain
        } else {
            move = .reassignStaff
        }
        return tryMove(move)
    }

    /// Makes one move of the given kind (recording how to undo it); false if
    /// it was not possible (nothing changed).
    mutating func tryMove(_ move: Move) -> Bool {
        clearTouched()
        tracker.beginMove()
        undo = .none
        let made = switch move {
        case .relocateUnit: relocateUnit()
        case .exchangeUnits: exchangeUnits()
        case .moveSession: moveSession()
        case .swapSessions: swapSessions()
        case .kempeChain: kempeMove()
        case .reassignStaff: reassignStaff()
        case .insertUnit: insertUnit()
        }
        if made { refreshTouched() }
        return made
    }

    /// Takes back the last move and refreshes the score.
    mutating func takeBack() {
        switch undo {
        case .none: return
        case let .unit(u, activity):
            let (session, slot, room) = chainUndo[0]
            let from = Int(state.unitSession[u])
            noteUnit(u)
            noteSession(from)
            noteSession(session)
            state.unassign(u)
            noteSession(from)
            if session >= 0 && state.sessionAlive[session] && Int(state.sessionActivity[session]) == activity
                && Int(state.sessionSlot[session]) == slot && state.join(unit: u, session: session) {
                noteSession(session)
            } else if let s = state.open(activity: activity, slot: slot, room: room, unit: u, preferredStaff: undoStaff[0]) {
                noteSession(s)
            }
            noteUnit(u)
        // These three restore the schedule exactly, so the score's
        // components roll back as they were, with nothing recomputed.
        case .sessions:
            restored(state.undoRelocate(chainUndo, staff: undoStaff))
            return
        case let .staff(s, old, new):
            restored(state.replaceStaff(in: s, new, with: old))
            return
        case let .exchange(u, v):
            // The sessions get back exactly the staff they had (`undoStaff`:
            // u's old session first), not whoever trading back would pick.
            restored(state.exchange(u, v, restoring: (forU: undoStaff[0], forV: undoStaff[1])))
            return
        case let .insertion(u):
            takeBackInsertion(u)
        }
        undo = .none
        refreshTouched()
    }

    /// Finishes taking back a move that restores the schedule exactly: rolls
    /// the score back, or (never expected: the restore failed, so the
    /// schedule is not as it was) recomputes it whole.
    mutating func restored(_ exactly: Bool) {
        undo = .none
        if exactly { tracker.rollBack() } else { tracker.rebuild(state) }
    }

    /// Counts a move that was picked and evaluated but would break a hard
    /// rule, and returns false (the move is not made).
    mutating func refuse() -> Bool {
        refused += 1
        return false
    }

    /// Moves a random unit to a random other time/room, session or activity.
    mutating func relocateUnit() -> Bool {
        let U = state.table.units.count
        guard U > 0 else { return false }
        let u = random.below(U)
        let s0 = Int(state.unitSession[u])
        guard s0 >= 0, !state.sessionLocked[s0] else { return false }
        // (The unit's lists, and the schedule's, are read in place: a copy
        // would retain them, and most draws are refused.)
        let kind = state.table.units[u].kind, unitDay = Int(state.table.units[u].day)
        guard kind != .cohort else { return false }
        let a0 = Int(state.sessionActivity[s0]), t0 = Int(state.sessionSlot[s0]), r0 = Int(state.sessionRoom[s0])
        // Choose the target before changing anything.
        let a = Int(state.table.units[u].activities[random.below(state.table.units[u].activities.count)])
        // Half the time keep the time and change only the session, room or
        // (for a choice) the activity: the group's day stays as it is.
        let keepTime = random.below(2) == 0
        let d = keepTime ? t0 / I.periodCount
            : (unitDay >= 0 ? unitDay : randomVisitDay(of: state.table.units[u].groups) ?? t0 / I.periodCount)
        var t = t0
        if !keepTime {
            // A start on day d where the activity may run and the groups are free (or in s0).
            choices.clearKeepingCapacity()
            let k = Int(I.duration[a])
            for p in 0..<I.periodCount {
                let start = d * I.periodCount + p
                guard I.canStart(a, at: start) else { continue }
                if state.table.units[u].groups.indices.allSatisfy({
                    state.groupFree(Int(state.table.units[u].groups[$0]), at: start, duration: k, besides: s0, or: -1)
                }) {
                    choices.append(start)
                }
            }
            guard !choices.isEmpty else { return refuse() }
            t = choices[random.below(choices.count)]
        }
        guard t >= state.openFrom, I.canStart(a, at: t), t != t0 || a != a0 || random.below(2) == 0 else { return false }
        // Check the target cheaply before changing anything: most random
        // targets fail, and a failure should cost little.
        let k = Int(I.duration[a]), T = I.slotCount
        guard unitDay < 0 || unitDay == d else { return refuse() }
        for i in state.table.units[u].groups.indices {
            let g = Int(state.table.units[u].groups[i])
            guard I.yearAllowed(group: g, activity: a), state.groupFree(g, at: t, duration: k, besides: s0, or: -1) else {
                return refuse()
            }
        }
        if case .choice = kind, a != a0, state.choiceCount[Int(state.table.units[u].group) * I.activityCount + a] > 0 {
            return refuse()
        }
        let closes = state.sessionUnits[s0].count == 1
        var joinTarget = -1, roomTarget = -1
        let candidates = state.sessionsAt[a * T + t].count
        if candidates > 0 && random.below(2) == 0 {
            let s = Int(state.sessionsAt[a * T + t][random.below(candidates)])
            guard s != s0 else { return false }
            guard state.canJoin(u, session: s) else { return refuse() }
            joinTarget = s
        } else {
            guard state.activityHasRoom(a, day: d) || (closes && a == a0 && d == t0 / I.periodCount) else { return refuse() }
            let rooms = I.activityRooms[a].count
            guard rooms > 0 else { return false }
            let r = Int(I.activityRooms[a][random.below(rooms)])
            guard state.fits(pupils: state.table.units[u].pupils, activity: a, room: r), state.unitMay(u, activity: a, room: r),
                  !I.roomUnavailable.containsAny(r, from: t, count: k) else { return refuse() }
            for q in t..<(t + k) {
                let x = Int(state.roomAt[r * T + q])
                if x != -1 && !(x == s0 && closes) { return refuse() }
            }
            roomTarget = r
        }
        chainUndo.clearKeepingCapacity()
        recordForUndo(s0)
        noteUnit(u)
        noteSession(s0)
        state.unassign(u)
        var placedIn = -1
        if joinTarget >= 0 {
            noteSession(joinTarget)
            if state.join(unit: u, session: joinTarget) { placedIn = joinTarget }
        } else if let s = state.open(activity: a, slot: t, room: roomTarget, unit: u) {
            placedIn = s
        }
        if placedIn < 0 {
            // Put it back where it was.
            if state.sessionAlive[s0] && Int(state.sessionSlot[s0]) == t0 && state.join(unit: u, session: s0) {
            } else {
                _ = state.open(activity: a0, slot: t0, room: r0, unit: u, preferredStaff: undoStaff[0])
            }
            noteUnit(u)
            noteSession(Int(state.unitSession[u]))
            refreshTouched()
            clearTouched()
            return refuse()
        }
        noteSession(placedIn)
        noteSession(s0)
        noteUnit(u)
        undo = .unit(unit: u, activity: a0)
        return true
    }

    /// Two groups at the same time trade sessions (and so rooms, and for
    /// choices activities): u leaves s1 for s2 while v leaves s2 for s1. No
    /// session changes time or room.
    mutating func exchangeUnits() -> Bool {
        let U = state.table.units.count
        guard U > 1 else { return false }
        let u = random.below(U)
        let s1 = Int(state.unitSession[u])
        guard s1 >= 0, !state.sessionLocked[s1] else { return false }
        let unitU = state.table.units[u]
        guard unitU.kind != .cohort else { return false }
        let t = Int(state.sessionSlot[s1])
        let a2 = Int(unitU.activities[random.below(unitU.activities.count)])
        let others = state.sessionsAt[a2 * I.slotCount + t]
        guard !others.isEmpty else { return false }
        let s2 = Int(others[random.below(others.count)])
        guard s2 != s1, !state.sessionLocked[s2] else { return false }
        let units2 = state.sessionUnits[s2]
        let v = Int(units2[random.below(units2.count)])
        let unitV = state.table.units[v]
        let a1 = Int(state.sessionActivity[s1])
        guard unitV.kind != .cohort, unitV.group != unitU.group, unitV.activities.contains(Int32(a1)),
              I.duration[a1] == I.duration[a2] else { return false }
        chainUndo.clearKeepingCapacity()
        recordForUndo(s1)
        recordForUndo(s2)
        guard trade(u, v) else {
            clearTouched()
            return refuse()
        }
        undo = .exchange(first: u, second: v)
        return true
    }

    /// Units u and v trade sessions (`PartialSchedule.exchange`), noting what
    /// changes; false, with nothing changed, when a rule would break.
    mutating func trade(_ u: Int, _ v: Int) -> Bool {
        let fu = Int(state.unitSession[u]), fv = Int(state.unitSession[v])
        // Noted before and after: staff may change with the numbers of pupils.
        noteSession(fu)
        noteSession(fv)
        guard state.exchange(u, v) else { return false }
        noteSession(fu)
        noteSession(fv)
        noteUnit(u)
        noteUnit(v)
        return true
    }

    /// A random live, unlocked session, or nil.
    mutating func randomSession() -> Int? {
        let n = state.sessionAlive.count
        guard n > 0 else { return nil }
        for _ in 0..<8 {
            let s = random.below(n)
            if state.sessionAlive[s] && !state.sessionLocked[s] { return s }
        }
        return nil
    }

    /// A random day on which every one of `groups` is on site, or nil.
    mutating func randomVisitDay(of groups: [Int32]) -> Int? {
        choices.clearKeepingCapacity()
        for d in 0..<I.dayCount where groups.allSatisfy({ I.groupVisitsDay.contains(Int($0), d) }) { choices.append(d) }
        return choices.isEmpty ? nil : choices[random.below(choices.count)]
    }

    /// Moves a whole session to a random start on its day (or another day
    /// its units allow) and, half the time, another allowed room: when
    /// `roomStability` counts, half of those times a room another session
    /// of the activity is in. When `isolated` or `idleGap` counts, a quarter
    /// of the starts are drawn from those next to another session of one of
    /// its groups.
    mutating func moveSession() -> Bool {
        guard let s = randomSession() else { return false }
        let a = Int(state.sessionActivity[s]), t0 = Int(state.sessionSlot[s]), r0 = Int(state.sessionRoom[s])
        let d = random.below(4) == 0 ? randomVisitDay(of: state.sessionGroups[s]) ?? t0 / I.periodCount : t0 / I.periodCount
        let rooms = I.activityRooms[a]
        var r = r0
        switch rooms.isEmpty ? 0 : random.below(4) {
        case 0, 1: break
        case 2: r = siblingRoom(of: a, besides: r0) ?? Int(rooms[random.below(rooms.count)])
        default: r = Int(rooms[random.below(rooms.count)])
        }
        choices.clearKeepingCapacity()
        guard state.mayRelocate(s, room: r, day: d) else { return refuse() }
        if compactness && random.below(4) == 0 {
            // Next to another session of one of its groups that day: the
            // starts that keep that group's day compact.
            let groups = state.sessionGroups[s]
            let g = Int(groups[random.below(groups.count)])
            let k = Int(I.duration[a]), first = d * I.periodCount, last = first + I.periodCount - k
            for q in first..<(first + I.periodCount) {
                let x = Int(state.groupAt[g * I.slotCount + q])
                guard x >= 0, x != s, Int(state.sessionSlot[x]) == q else { continue }
                for side in 0..<2 {
                    let t = side == 0 ? q - k : q + Int(I.duration[Int(state.sessionActivity[x])])
                    if t >= first && t <= last && (t != t0 || r != r0) && state.mayRelocate(s, to: t, inAllowedRoom: r, besides: -1) {
                        choices.append(t)
                    }
                }
            }
        } else {
            // Every start the session may move to in room r, other than where it is.
            state.appendStarts(of: s, inAllowedRoom: r, day: d, to: &choices)
        }
        guard !choices.isEmpty else { return refuse() }
        let t = choices[random.below(choices.count)]
        let dayChange = d != t0 / I.periodCount
        guard !dayChange || state.activityHasRoom(a, day: d) else { return refuse() }
        chainMoves.clearKeepingCapacity()
        chainMoves.append((s, t, r))
        return relocateChain(dayChange: dayChange) || refuse()
    }

    /// A room other than `r0` that another session of activity a is in, or
    /// nil (also when `roomStability` does not count).
    mutating func siblingRoom(of a: Int, besides r0: Int) -> Int? {
        guard I.weights.roomStability > 0 else { return nil }
        let R = I.roomCount
        choices.clearKeepingCapacity()
        for r in I.activityRooms[a] where Int(r) != r0 && state.activityRoomSessions[a * R + Int(r)] > 0 { choices.append(Int(r)) }
        return choices.isEmpty ? nil : choices[random.below(choices.count)]
    }

    /// Swaps the times (and half the time the rooms) of two sessions with the
    /// same duration: 60% of the time the second session is another session
    /// of a group of the first that day, 25% a random session (possibly on
    /// another day), and 15% a session at the same start in another room of
    /// the first's activity (then the two swap rooms only).
    mutating func swapSessions() -> Bool {
        guard let s1 = randomSession() else { return false }
        let a1 = Int(state.sessionActivity[s1]), t1 = Int(state.sessionSlot[s1]), r1 = Int(state.sessionRoom[s1])
        let d = t1 / I.periodCount, k = I.duration[a1]
        var s2 = -1
        let branch = random.below(20)
        if branch < 12 {
            // Another session of one of s1's groups that day, of the same length.
            let groups = state.sessionGroups[s1]
            let g = Int(groups[random.below(groups.count)])
            choices.clearKeepingCapacity()
            for p in 0..<I.periodCount {
                let other = Int(state.groupAt[g * I.slotCount + d * I.periodCount + p])
                if other >= 0 && other != s1 && !choices.contains(other) && !state.sessionLocked[other]
                    && I.duration[Int(state.sessionActivity[other])] == k {
                    choices.append(other)
                }
            }
            if !choices.isEmpty { s2 = choices[random.below(choices.count)] }
        } else if branch < 17 {
            if let s = randomSession() { s2 = s }
        } else {
            let rooms = I.activityRooms[a1]
            guard !rooms.isEmpty else { return false }
            let x = Int(state.roomAt[Int(rooms[random.below(rooms.count)]) * I.slotCount + t1])
            if x >= 0 && Int(state.sessionSlot[x]) == t1 { s2 = x }
        }
        guard s2 >= 0, s2 != s1, !state.sessionLocked[s2] else { return false }
        let a2 = Int(state.sessionActivity[s2]), t2 = Int(state.sessionSlot[s2]), r2 = Int(state.sessionRoom[s2])
        guard I.duration[a2] == k, t1 != t2 || r1 != r2 else { return false }
        let swapRooms = t1 == t2 || random.below(2) == 0
        let d2 = t2 / I.periodCount
        let dayChange = d2 != d
        if dayChange {
            // Each session's groups must be on site on the other's day, and
            // each activity may have a session more on the other's day.
            let D = I.dayCount
            for g in state.sessionGroups[s1] where !I.groupVisitsDay.contains(Int(g), d2) { return refuse() }
            for g in state.sessionGroups[s2] where !I.groupVisitsDay.contains(Int(g), d) { return refuse() }
            guard a1 == a2 || (state.activityDay[a1 * D + d2] < I.maxPerDay[a1] && state.activityDay[a2 * D + d] < I.maxPerDay[a2]) else {
                return refuse()
            }
        }
        guard state.mayRelocate(s1, to: t2, room: swapRooms ? r2 : r1, besides: s2),
              state.mayRelocate(s2, to: t1, room: swapRooms ? r1 : r2, besides: s1) else { return refuse() }
        chainMoves.clearKeepingCapacity()
        chainMoves.append((session: s1, slot: t2, room: swapRooms ? r2 : r1))
        chainMoves.append((session: s2, slot: t1, room: swapRooms ? r1 : r2))
        return relocateChain(dayChange: dayChange) || refuse()
    }

    /// Moves the sessions in `chainMoves` at once (`PartialSchedule.relocate`),
    /// noting what changes, and records where they were (`chainUndo`) and
    /// who staffed them (`undoStaff`), so that `takeBack` restores them
    /// exactly: moving back alone could keep staff the move brought in.
    mutating func relocateChain(dayChange: Bool = false) -> Bool {
        chainUndo.clearKeepingCapacity()
        for i in chainMoves.indices { recordForUndo(chainMoves[i].session) }
        for i in chainMoves.indices { noteSession(chainMoves[i].session, groups: true, dayChange: dayChange) }
        guard state.relocate(chainMoves) else {
            clearTouched()
            return false
        }
        for i in chainMoves.indices { noteSession(chainMoves[i].session, groups: true, dayChange: dayChange) }
        undo = .sessions
        return true
    }

    /// Records the place and staff of session s after the others in
    /// `chainUndo` and `undoStaff` (the caller empties `chainUndo` first).
    mutating func recordForUndo(_ s: Int) {
        let i = chainUndo.count
        chainUndo.append((s, Int(state.sessionSlot[s]), Int(state.sessionRoom[s])))
        if undoStaff.count == i { undoStaff.append([]) }
        undoStaff[i].clearKeepingCapacity()
        for j in state.sessionStaff[s].indices { undoStaff[i].append(state.sessionStaff[s][j]) }
    }

    /// Gives one staff place of a session to another member of the row.
    mutating func reassignStaff() -> Bool {
        guard let s = randomSession(), !state.sessionStaff[s].isEmpty else { return false }
        let staff = state.sessionStaff[s]
        let old = staff[random.below(staff.count)]
        let rows = I.rowRange(Int(state.sessionActivity[s]))
        guard let row = rows.first(where: { I.rowMember.contains($0, Int(old)) }) else { return false }
        let members = I.rows[row].members
        let new = members[random.below(members.count)]
        guard new != old else { return false }
        noteSession(s)
        guard state.replaceStaff(in: s, old, with: new) else { clearTouched(); return refuse() }
        noteSession(s)
        undo = .staff(session: s, old: old, new: new)
        return true
    }

    // MARK: - Touched components

    mutating func clearTouched() {
        touchedGroupDays.removeAll()
        touchedGroups.removeAll()
        touchedSessions.removeAll()
        touchedActivities.removeAll()
        touchedStaffDays.removeAll()
    }

    /// Notes a unit's groups (their day shape on its current day, preference, spread).
    mutating func noteUnit(_ u: Int) {
        let s = Int(state.unitSession[u])
        for i in state.table.units[u].groups.indices {
            let g = Int(state.table.units[u].groups[i])
            touchedGroups.insert(g)
            if s >= 0 { touchedGroupDays.insert(g * I.dayCount + state.day(ofSession: s)) }
        }
    }

    /// Notes a session as it is now: itself, its activity and its staff's
    /// day; with `groups`, also its groups' day shape (the session moves in
    /// time or room), and with `dayChange` their spread.
    mutating func noteSession(_ s: Int, groups: Bool = false, dayChange: Bool = false) {
        guard s >= 0 else { return }
        touchedSessions.insert(s)
        guard state.sessionAlive[s] else { return }
        let a = Int(state.sessionActivity[s]), d = state.day(ofSession: s), D = I.dayCount
        touchedActivities.insert(a)
        // (Indexed in place: iterating a session's list would retain it.)
        if groups {
            for i in state.sessionGroups[s].indices {
                let g = Int(state.sessionGroups[s][i])
                touchedGroupDays.insert(g * D + d)
                if dayChange { touchedGroups.insert(g) }
            }
        }
        for i in state.sessionStaff[s].indices { touchedStaffDays.insert(Int(state.sessionStaff[s][i]) * D + d) }
    }

    mutating func refreshTouched() {
        Self.refresh(&tracker, state, groupDays: touchedGroupDays, groups: touchedGroups, sessions: touchedSessions,
                     activities: touchedActivities, staffDays: touchedStaffDays)
    }

    /// Refreshes the touched components. (Static, so that the schedule is
    /// passed once: a call of a tracker method from this mutating code
    /// would copy the whole `state` struct for each component.)
    private static func refresh(_ tracker: inout ScoreTracker, _ state: PartialSchedule, groupDays: TouchedSet, groups: TouchedSet,
                                sessions: TouchedSet, activities: TouchedSet, staffDays: TouchedSet) {
        let D = state.instance.dayCount
        for key in groupDays { tracker.refreshGroupDay(key / D, key % D, state) }
        for g in groups { tracker.refreshGroup(g, state) }
        for s in sessions { tracker.refreshSession(s, state) }
        for a in activities { tracker.refreshActivity(a, state) }
        for key in staffDays { tracker.refreshStaffDay(key / D, key % D, state) }
    }
}
