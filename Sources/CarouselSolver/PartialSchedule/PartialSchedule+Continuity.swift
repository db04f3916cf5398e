/// Continuity (spec section 12): the staff of a continuity role a group sees
/// beyond the most it sees in one session — the soft `continuity` term, and
/// rule 11 for `sameStaff` groups (which must see none beyond).
extension PartialSchedule {
    /// Group g's continuity cost: distinct continuity-role staff over its
    /// sessions minus the most of them in one session. `marks` is scratch
    /// of one entry per staff member, all below `stamp` on entry.
    func continuity(ofGroup g: Int, marks: inout [UInt32], stamp: inout UInt32) -> Int {
        let I = instance
        stamp &+= 1
        if stamp == 0 {
            for i in marks.indices { marks[i] = 0 }
            stamp = 1
        }
        var distinct = 0, most = 0
        for i in table.unitsOfGroup[g].indices {
            let s = Int(unitSession[Int(table.unitsOfGroup[g][i])])
            guard s >= 0 else { continue }
            var here = 0
            for j in sessionStaff[s].indices {
                let st = Int(sessionStaff[s][j])
                guard I.staffContinuity[st] else { continue }
                here += 1
                if marks[st] != stamp {
                    marks[st] = stamp
                    distinct += 1
                }
            }
            most = max(most, here)
        }
        return distinct - most
    }

    /// Rule 11 for group g (true for a group without `sameStaff`).
    func keepsSameStaff(_ g: Int) -> Bool {
        guard instance.groupSameStaff[g] else { return true }
        var marks = [UInt32](repeating: 0, count: instance.staffCount)
        var stamp: UInt32 = 0
        return continuity(ofGroup: g, marks: &marks, stamp: &stamp) == 0
    }

    /// The sessions group g is in, each once, appended to `list` (kept
    /// storage: nothing is allocated once it has grown).
    @inline(__always)
    func appendSessions(ofGroup g: Int, into list: inout [Int]) {
        for i in table.unitsOfGroup[g].indices {
            let s = Int(unitSession[Int(table.unitsOfGroup[g][i])])
            if s >= 0 && !list.contains(s) { list.append(s) }
        }
    }

    /// The continuity-role staff group g already sees in its sessions other
    /// than s, appended to `list` (for filling s's rows with them first).
    func continuityStaff(ofGroup g: Int, besides s: Int, into list: inout [Int32]) {
        for i in table.unitsOfGroup[g].indices {
            let x = Int(unitSession[Int(table.unitsOfGroup[g][i])])
            guard x >= 0, x != s else { continue }
            for j in sessionStaff[x].indices where instance.staffContinuity[Int(sessionStaff[x][j])] {
                if !list.contains(sessionStaff[x][j]) { list.append(sessionStaff[x][j]) }
            }
        }
    }

    /// Whether session s holds a `sameStaff` group (rule 11).
    func holdsSameStaffGroup(_ s: Int) -> Bool {
        sessionGroups[s].contains { instance.groupSameStaff[Int($0)] }
    }

    /// Narrows `free` (a staff set) for session s so that the `sameStaff`
    /// groups (rule 11) keep the people they need all term (`SameStaffPools`),
    /// at one of two levels:
    /// - 1: the continuity-role staff of another `sameStaff` group visiting
    ///   during s are left to it (its people are its own from its first session);
    /// - 2: also, a session holding `sameStaff` groups takes continuity-role
    ///   staff only from their pools (people who are there all term), and a
    ///   session holding none leaves the pools of the groups visiting then.
    /// Staff of other roles are not narrowed.
    func narrowForSameStaff(_ s: Int, level: Int, free: inout [UInt64]) {
        let pools = sameStaffPools, W = pools.stride
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        var holds = false
        for i in sessionGroups[s].indices where instance.groupSameStaff[Int(sessionGroups[s][i])] {
            holds = true
            guard level >= 2 else { break }
            let g = Int(sessionGroups[s][i])
            for w in free.indices { free[w] &= pools.pool[g * W + w] | pools.outsideContinuity[w] }
        }
        for other in pools.groups
        where !sessionGroups[s].contains(other) && instance.groupVisit.containsAny(Int(other), from: t, count: k) {
            if level >= 2 && !holds {
                for w in free.indices { free[w] &= ~pools.pool[Int(other) * W + w] }
                continue
            }
            for u in table.unitsOfGroup[Int(other)] {
                let x = Int(unitSession[Int(u)])
                guard x >= 0, x != s else { continue }
                for st in sessionStaff[x] where instance.staffContinuity[Int(st)] {
                    free[Int(st) >> 6] &= ~(1 << UInt64(st & 63))
                }
            }
        }
    }
}
