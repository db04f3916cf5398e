/// The staff of the sessions a move touched, as they were when it first
/// touched them, so that a take-back which re-fills rows can give every
/// session back exactly the staff it had.
///
/// Taking back a unit move, an insertion or a reroute puts units back into
/// their sessions (or sessions reopened in their places), and joining or
/// opening picks staff for the rows afresh: usually the same people, not
/// always. In a solve that only nudges the soft score, and the search reads
/// the score again. In a repair a staff member replaced is change from the
/// old schedule (`Reference`), and a move the search refused would leave the
/// schedule more changed than before it: over a repair's moves the change
/// climbed from the construction's 317 to 650 on the STEM Week with a lab
/// lost (issue 17), so the search could never bring it below the
/// construction's. So in a repair (`LocalSearch.journalsStaff`) the first
/// note of each session in a move records its place and staff, and the
/// inexact take-backs end with `restoreJournaledStaff()`.
struct StaffJournal {
    /// A session as it was: its id and place (its staff are at the same
    /// index of `staff`).
    struct Entry {
        var session: Int32
        var activity: Int32
        var slot: Int32
        var room: Int32
    }

    private(set) var entries: [Entry] = []
    /// The staff of `entries[i]` (the lists keep their storage from move
    /// to move: no allocation per move once they have grown).
    private(set) var staff: [[Int32]] = []

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    /// Records a session's place and staff.
    mutating func record(_ entry: Entry, staff list: [Int32]) {
        let i = entries.count
        entries.append(entry)
        if staff.count <= i { staff.append([]) }
        staff[i].removeAll(keepingCapacity: true)
        staff[i].append(contentsOf: list)
    }
}

extension LocalSearch {
    /// Records live session s in the journal (in a repair), when this move
    /// has not touched it yet. Called by `noteSession` before it marks s.
    @inline(__always)
    mutating func journalStaff(_ s: Int) {
        guard journalsStaff, !touchedSessions.contains(s), state.sessionAlive[s] else { return }
        staffJournal.record(
            StaffJournal.Entry(
                session: Int32(s), activity: state.sessionActivity[s], slot: state.sessionSlot[s],
                room: state.sessionRoom[s]),
            staff: state.sessionStaff[s])
    }

    /// Gives each session the move touched back exactly the staff it had
    /// (after a take-back that re-filled rows; in a repair). A session is
    /// found by its id, else — reopened by the take-back — by its activity,
    /// start and room. Every such session's staff leave first, then each gets
    /// its list back; a session whose list no longer fits (never expected:
    /// everything else is as it was) is filled afresh.
    mutating func restoreJournaledStaff() {
        guard journalsStaff else { return }
        restoring.removeAll(keepingCapacity: true)
        var differ = false
        for i in staffJournal.entries.indices {
            guard let x = journaledSession(staffJournal.entries[i]),
                !restoring.contains(where: { $0.session == x })
            else { continue }
            let differs = state.sessionStaff[x] != staffJournal.staff[i]
            restoring.append((entry: i, session: x, differs: differs))
            differ = differ || differs
        }
        guard differ else { return }
        // (Sessions whose staff are as they were stay out of it.)
        var kept = 0
        for k in restoring.indices where restoring[k].differs {
            restoring[kept] = restoring[k]
            kept += 1
        }
        restoring.removeLast(restoring.count - kept)
        for (_, x, _) in restoring {
            noteSession(x)
            state.releaseStaff(x)
        }
        for (i, x, _) in restoring where !state.giveStaff(staffJournal.staff[i], to: x) {
            state.refill(x)
        }
        for (_, x, _) in restoring { noteSession(x) }
    }

    /// The live session a journal entry stands for: the same id at the same
    /// place, else the session of its activity at its start in its room.
    private func journaledSession(_ e: StaffJournal.Entry) -> Int? {
        func at(_ x: Int) -> Bool {
            state.sessionAlive[x] && state.sessionActivity[x] == e.activity && state.sessionSlot[x] == e.slot
                && state.sessionRoom[x] == e.room
        }
        if at(Int(e.session)) { return Int(e.session) }
        let list = Int(e.activity) * I.slotCount + Int(e.slot)
        for j in state.sessionsAt[list].indices where at(Int(state.sessionsAt[list][j])) {
            return Int(state.sessionsAt[list][j])
        }
        return nil
    }
}
