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
}
