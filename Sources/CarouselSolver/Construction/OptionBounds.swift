/// Lower bounds on the units' option counts, so that construction's forward
/// checking recounts only the units whose capped count could have changed.
///
/// Construction orders units by their options counted up to a cap of 12
/// (`Construction.countCap`), and after each change it used to recount every
/// unit of the touched day: about 1,850 units a placement on the
/// 1,000,000-visitor programme, most of them far above the cap. Here a unit
/// is counted further (up to `countedTo`) and the count kept as a bound.
/// After a placement on its day, another unit (not of the placed unit's
/// groups, which are always recounted) loses at most `loss` options —
/// the (activity, start) pairs the placement can touch:
/// - the placed activity's start, where the session it joined filled up
///   (or all of the day's starts when a new session made the activity reach
///   its `maxPerDay`);
/// - for a new session, the starts of each activity allowed in its room that
///   overlap it in time, whose last free room it may have taken.
///
/// A unit whose bound minus that loss stays at the cap keeps the count it
/// has (the cap) without being counted: the capped counts, and so every
/// choice, are exactly those of recounting everything. Taking a unit out
/// only adds options (its room frees where its session closes), except
/// under spacing (rule 12), where a session that closed may have let
/// another day's session block an opening; and a new session that brings an
/// activity to its `maxSessions` or is under spacing removes options on
/// other days. Those changes drop every bound (`invalidateAll`). Units bound
/// to a fixed session are never bounded (another unit's placement bars their
/// opening).
struct OptionBounds {
    /// How far a unit's options are counted when it is recounted: past the
    /// cap, so that several placements fit under its bound.
    static let countedTo: Int32 = 48

    private var bound: [Int32]
    /// The epoch each bound was counted in; an older one is no bound.
    private var epochOf: [UInt32]
    private var epoch: UInt32 = 1

    init(units: Int) {
        bound = [Int32](repeating: 0, count: units)
        epochOf = [UInt32](repeating: 0, count: units)
    }

    /// Records unit u's options counted now (up to `countedTo`).
    @inline(__always)
    mutating func set(_ u: Int, _ count: Int32) {
        bound[u] = count
        epochOf[u] = epoch
    }

    /// Every bound is dropped: units are counted again when next marked.
    mutating func invalidateAll() { epoch &+= 1 }

    /// Whether unit u surely still has `cap` options after losing at most
    /// `loss` (its bound is lowered by it).
    @inline(__always)
    mutating func keepsCap(_ u: Int, after loss: Int32, cap: Int32) -> Bool {
        guard epochOf[u] == epoch, bound[u] - loss >= cap else { return false }
        bound[u] -= loss
        return true
    }

    /// The most options a unit of `other`'s kind loses when a unit is placed
    /// in a session of `activity` (-1: none placed) on its day: see the type.
    /// `room` ≥ 0 when the session is new; `dayFull` when a new session
    /// brought the activity to its `maxPerDay`.
    @inline(__always)
    func loss(of other: Unit, activity a: Int, dayFull: Bool, room r: Int, duration k: Int, instance I: CompiledInstance) -> Int32 {
        guard a >= 0 else { return 0 }
        let P = I.periodCount
        var lost = 0
        for b32 in other.activities {
            let b = Int(b32)
            if b == a { lost += dayFull ? P : 1 }
            if r >= 0 && I.roomAllowed.contains(b, r) { lost += min(P, k + Int(I.duration[b]) - 1) }
        }
        return Int32(clamping: lost)
    }

    /// Whether placing a unit in a session of activity a (just opened when
    /// `opened`) may take options on days other than its own.
    func invalidatedByPlacing(activity a: Int, opened: Bool, state: PartialSchedule) -> Bool {
        guard opened else { return false }
        let I = state.instance
        return !I.spacing.entriesOfActivity[a].isEmpty || state.activityTotal[a] >= I.maxSessions[a]
    }

    /// Whether taking out a unit may take options from others (spacing).
    func invalidatedByRemoving(_ unit: Unit, instance I: CompiledInstance) -> Bool {
        unit.activities.contains { !I.spacing.entriesOfActivity[Int($0)].isEmpty }
    }
}
