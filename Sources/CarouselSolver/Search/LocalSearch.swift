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
///   (`Moves/LocalSearch+KempeChain.swift`);
/// - **reassign a staff member** of a session to another who fits the row;
/// - **insert an unplaced unit**, ejecting the few units in its way, while
///   the schedule is incomplete (`Moves/LocalSearch+Insertion.swift`).
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
}
