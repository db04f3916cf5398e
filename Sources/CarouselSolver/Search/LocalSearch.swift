import CarouselModel
import Foundation

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
/// - **move a Kempe chain**: the sessions at two starts (of one day or of
///   two days) that share a group, room or staff member cross over all at
///   once (`Moves/LocalSearch+KempeChain.swift`);
/// - **reroute**, where groups pick (`oneOf`): a session goes to a start its
///   groups are busy at and what they had there comes back to the start it
///   left, or a group's two attendances cross between their starts
///   (`Moves/LocalSearch+RerouteSession.swift`);
/// - **reassign a staff member** of a session to another who fits the row;
/// - **insert an unplaced unit**, ejecting the few units in its way, while
///   the schedule is incomplete (`Moves/LocalSearch+Insertion.swift`);
/// - **return a class** (repair only): a changed unit back to its old
///   activity, start and room, or its session's staff member back to the
///   old one (`Moves/LocalSearch+ReturnUnit.swift`).
///
/// The search is made of small parts, each its own file:
/// - `MoveMix`: which kind of move to try next (weighted neighbour selection);
/// - the moves (`Moves/`), each a `mutating func` that makes one move or
///   refuses it, recording how to take it back (`LocalSearch+Moves.swift`);
/// - `accepts` (`LocalSearch+Acceptance.swift`) with `SimulatedAnnealing`:
///   whether to keep a move made;
/// - `BestSchedule`: the best schedule seen, and when to copy it;
/// - `ScoreTracker`: the score after each move, from what the move touched
///   (`LocalSearch+Touched.swift`);
/// - `anneal` (`LocalSearch+Anneal.swift`): the loop that runs them.
/// Deterministic for a given seed and move budget.
///
/// The objective is lexicographic (`Level`): first the units left unplaced
/// (a schedule construction could not complete is repaired here, every
/// placed session keeping every hard rule), then, with a `Reference`
/// (`carousel repair`), the change from the old schedule, then the soft
/// score.
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
    /// Whether moves are checked after they are made against the rules the
    /// schedule checks after changes (`PartialSchedule+CheckedRules`).
    let checksAfterMoves: Bool
    // What a move touched (reused: no allocation per move).
    var touchedGroupDays: TouchedSet
    var touchedGroups: TouchedSet
    var touchedSessions = TouchedSet()
    var touchedActivities: TouchedSet
    var touchedStaffDays: TouchedSet
    var undo: Undo = .none
    /// Whether moves journal the staff of what they touch (`StaffJournal`):
    /// in a repair, where a staff member replaced is change.
    let journalsStaff: Bool
    var staffJournal = StaffJournal()
    /// Scratch for `restoreJournaledStaff`: journal entries and the sessions
    /// they stand for now.
    var restoring: [(entry: Int, session: Int, differs: Bool)] = []
    /// Scratch list for enumerating move targets.
    var targets: [Int] = []
    /// Scratch for the moves of whole sessions (the Kempe chain, and its
    /// moves and their undo, also used by `moveSession` and `swapSessions`).
    var chain: [Int] = []
    var sessionMoves: [(session: Int, slot: Int, room: Int)] = []
    /// Scratch for the group staff move: the sessions it changed.
    var groupStaffSessions: [Int] = []
    var undoPlaces: [(session: Int, slot: Int, room: Int)] = []
    /// The staff of each session in `undoPlaces` before the move (the lists
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
    /// Which kinds of move to draw, how often (`MoveMix.mix(for:)`; a test
    /// may draw from another).
    var mix: MoveMix
    /// The large-neighbourhood search run between the moves
    /// (`LargeNeighbourhood/`), and its share of the search's effort.
    var lns = LargeNeighbourhoodState()
    var plan = SearchPlan()
    /// The other searches of a cooperative run (`--threads N`) and this
    /// search's index among them; nil for a search on its own.
    var exchange: BestExchange?
    var thread = 0
    /// A proven lower bound on the soft score: a search whose best reaches
    /// it (every unit placed, no change) stops, and raises `floorReached`
    /// where the searches of a run share it, so that the others stop too.
    var floor = 0.0
    var floorReached: Termination.StopFlag?

    public init(_ state: PartialSchedule, seed: UInt64, reference: Reference? = nil) {
        self.state = state
        tracker = ScoreTracker(state, reference: reference)
        random = SeededRandom(seed: seed)
        I = state.instance
        compactness = I.weights[.isolated] > 0 || I.weights[.idleGap] > 0
        checksAfterMoves = state.hasCheckedRules
        journalsStaff = reference != nil
        let mix = MoveMix.mix(for: I, units: state.table)
        self.mix = reference == nil ? mix : mix.repairing()
        touchedGroupDays = TouchedSet(capacity: I.groupCount * I.dayCount)
        touchedGroups = TouchedSet(capacity: I.groupCount)
        touchedActivities = TouchedSet(capacity: I.activityCount)
        touchedStaffDays = TouchedSet(capacity: I.staffCount * I.dayCount)
        lns.chosen = TouchedSet(capacity: state.table.units.count)
        lns.placing = TouchedSet(capacity: I.groupCount)
        lns.weights = AdaptiveWeights(count: Neighbourhood.kinds(repairing: reference != nil).count)
    }

    /// The current soft score.
    public var soft: Double { tracker.soft }

    /// The current level (unplaced units, change from the reference).
    var level: Level { Level(unplaced: state.unassignedCount, change: tracker.perturbation) }

    /// Runs until `termination` says stop; returns the best schedule seen.
    public static func run(
        _ start: PartialSchedule, seed: UInt64, termination: Termination, reference: Reference? = nil,
        progress: ((SearchProgress) -> Void)? = nil
    ) -> Result {
        var search = LocalSearch(start, seed: seed, reference: reference)
        return search.anneal(termination: termination, progress: progress)
    }

    /// Runs one of a cooperative run's searches: thread `thread` of the
    /// searches meeting at `exchange`, following `plan`.
    static func run(
        _ start: PartialSchedule, seed: UInt64, termination: Termination, reference: Reference?,
        plan: SearchPlan, exchange: BestExchange?, thread: Int, floor: Double = 0,
        floorReached: Termination.StopFlag? = nil, progress: ((SearchProgress) -> Void)?
    ) -> Result {
        var search = LocalSearch(start, seed: seed, reference: reference)
        search.plan = plan
        search.exchange = exchange
        search.thread = thread
        search.floor = floor
        search.floorReached = floorReached
        return search.anneal(termination: termination, progress: progress)
    }
}
