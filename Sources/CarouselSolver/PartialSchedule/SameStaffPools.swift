/// The continuity-role staff each `sameStaff` group (rule 11) can keep all
/// term: those available on every day the group may have a session (at
/// some period of its visit that day). A group that must see the same
/// people every week can only be given people who are there every week,
/// and the people it needs should not be used up by groups that could do
/// with others.
///
/// Staff sets are bit rows, `stride` words each (bit `st % 64` of word
/// `st / 64`). Empty (no groups) when no group has `sameStaff`.
struct SameStaffPools {
    /// Words per staff set.
    let stride: Int
    /// The `sameStaff` groups (not pools of a formation).
    let groups: [Int32]
    /// Group g's pool at `pool[g * stride ..< (g + 1) * stride]` (all zero
    /// for a group without `sameStaff`).
    let pool: [UInt64]
    /// Every staff member who is not of a continuity role (the pools do not
    /// restrict them).
    let outsideContinuity: [UInt64]

    init(_ I: CompiledInstance, table: UnitTable) {
        let W = max(1, (I.staffCount + 63) >> 6)
        stride = W
        groups = (0..<Int32(I.groupCount)).filter { I.groupSameStaff[Int($0)] && !I.groupIsPool[Int($0)] }
        var pool = [UInt64](repeating: 0, count: groups.isEmpty ? 0 : I.groupCount * W)
        var outside = [UInt64](repeating: 0, count: W)
        for st in 0..<I.staffCount where !I.staffContinuity[st] { outside[st >> 6] |= 1 << UInt64(st & 63) }
        var days = [[Int]](repeating: [], count: groups.isEmpty ? 0 : I.groupCount)
        if !groups.isEmpty {
            for (d, units) in table.unitsOfDay.enumerated() {
                for u in units {
                    for g in table.units[Int(u)].groups where I.groupSameStaff[Int(g)] && days[Int(g)].last != d {
                        days[Int(g)].append(d)
                    }
                }
            }
        }
        let P = I.periodCount
        for g32 in groups {
            let g = Int(g32)
            for st in 0..<I.staffCount where I.staffContinuity[st] {
                let always = days[g].allSatisfy { d in
                    (d * P..<(d + 1) * P).contains { t in
                        I.groupVisit.contains(g, t) && I.staffAvailable.contains(st, t)
                    }
                }
                if always { pool[g * W + (st >> 6)] |= 1 << UInt64(st & 63) }
            }
        }
        self.pool = pool
        outsideContinuity = outside
    }
}
