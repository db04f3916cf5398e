/// The return move (repair only): a class goes back where the old schedule
/// had it.
///
/// In a repair the search never accepts more change, so an attendance the
/// construction moved comes back only by a move that lands it exactly in
/// its old place. A random unit move does that rarely: it must draw one of
/// the few changed units, then its old start, then its old room. This move
/// draws a changed unit and aims at its old activity, start and room at
/// once (`relocate`); when its groups are busy then, the other moves (or
/// the large-neighbourhood search's `changed` kind) must make way first.
extension LocalSearch {
    /// Units drawn, at most, to find one that costs change.
    static let returnDraws = 8

    /// Sends a random changed unit back to its old activity, start and room.
    mutating func returnUnit() -> Bool {
        guard let reference = tracker.reference else { return false }
        for _ in 0..<Self.returnDraws {
            guard let (u, s0) = randomMovableUnit(), tracker.change(ofSession: s0) > 0, reference.has(u),
                movesAlone(u)
            else { continue }
            let a = Int(reference.activity[u]), t = Int(reference.slot[u]), r = Int(reference.room[u])
            guard a < I.activityCount, t < I.slotCount, r < I.roomCount else { continue }
            // In place already: its change is its staff's.
            if a == Int(state.sessionActivity[s0]) && t == Int(state.sessionSlot[s0])
                && r == Int(state.sessionRoom[s0])
            {
                return returnStaff(of: u, in: s0, old: reference.staff[u])
            }
            guard t >= state.openFrom, I.canStart(a, at: t), I.roomAllowed.contains(a, r),
                state.table.units[u].activities.contains(Int32(a))
            else { return refuse() }
            return relocate(u, from: s0, activity: a, at: t, room: r)
        }
        return false
    }

    /// Gives one of session s's staff who did not serve unit u in the old
    /// schedule's place back to one who did (`old`, who must be free then
    /// and fit the row): drawn at random among each.
    private mutating func returnStaff(of u: Int, in s: Int, old: [Int32]) -> Bool {
        var back: Int32 = -1, leaving: Int32 = -1, seen = 0
        for st in old where !state.sessionStaff[s].contains(st) {
            seen += 1
            if random.below(seen) == 0 { back = st }
        }
        seen = 0
        for st in state.sessionStaff[s] where !old.contains(st) {
            seen += 1
            if random.below(seen) == 0 { leaving = st }
        }
        guard back >= 0, leaving >= 0 else { return false }
        return replaceStaff(in: s, leaving, with: back)
    }
}
