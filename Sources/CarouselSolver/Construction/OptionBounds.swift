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
///   session each start, of each activity allowed in r, that overlaps it;
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

    /// Units of one day with the same activity list: the change's effect is
    /// worked out once for all of them.
    struct Kind {
        var activities: [Int32]
        var units: [Int32]
    }

    /// What a change did: `activity` placed in or taken out of a session in
    /// `room` (-1 when the session was joined: no room changed hands).
    struct Change {
        var activity: Int
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
            let opened = state.sessionUnits[s].count == 1
            room = opened ? Int(state.sessionRoom[s]) : -1
            duration = Int(I.duration[activity])
            placed = true
            dayFull = opened && state.activityDay[activity * I.dayCount + state.day(ofSession: s)] >= I.maxPerDay[activity]
            dropsBounds = opened && (!I.spacing.entriesOfActivity[activity].isEmpty || state.activityTotal[activity] >= I.maxSessions[activity])
        }

        /// Unit u is about to leave session s.
        init(removing u: Int, from s: Int, in state: PartialSchedule, instance I: CompiledInstance) {
            activity = Int(state.sessionActivity[s])
            room = Int(state.sessionRoom[s])
            duration = Int(I.duration[activity])
            placed = false
            dayFull = false
            dropsBounds = !I.spacing.entriesOfActivity[activity].isEmpty
        }

        /// The most options a unit with these activities can have lost, or
        /// nil when the change cannot have altered its options at all.
        func loss(of activities: [Int32], instance I: CompiledInstance) -> Int32? {
            let P = I.periodCount
            var related = false, lost = 0
            for b32 in activities {
                let b = Int(b32)
                if b == activity {
                    related = true
                    lost += dayFull ? P : 1
                }
                if room >= 0 && I.roomAllowed.contains(b, room) {
                    related = true
                    lost += min(P, duration + Int(I.duration[b]) - 1)
                }
            }
            guard related else { return nil }
            return placed ? Int32(clamping: lost) : 0
        }
    }

    /// Per day, its units by kind.
    let kinds: [[Kind]]
    private var bound: [Int32]
    /// The epoch each bound was counted in, and each day's last full recount.
    private var epochOf: [UInt32]
    private var dayEpoch: [UInt32]
    private var epoch: UInt32 = 1

    init(_ table: UnitTable) {
        var kinds: [[Kind]] = []
        for list in table.unitsOfDay {
            var index: [[Int32]: Int] = [:]
            var day: [Kind] = []
            for u in list {
                let acts = table.units[Int(u)].activities
                if let i = index[acts] {
                    day[i].units.append(u)
                } else {
                    index[acts] = day.count
                    day.append(Kind(activities: acts, units: [u]))
                }
            }
            kinds.append(day)
        }
        self.kinds = kinds
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
    mutating func invalidateAll() { epoch &+= 1 }

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
