/// Maximum bipartite matching of staff to the rows of one session, each row
/// taking at most its need (Kuhn's augmenting paths). Rule 6 holds exactly when
/// the matching fills every row.
///
/// Complexity: O(staff · rows · staff) per call; sessions have a handful of
/// each.
public struct StaffMatching {
    /// Staff matched per row (indices into `staff`), row by row.
    public private(set) var assigned: [[Int32]]
    /// Staff matched in all.
    public private(set) var matched: Int

    /// Matches `staff` to the rows `rows` of `instance` with needs `need`.
    public init(instance: CompiledInstance, rows: Range<Int>, need: [Int32], staff: [Int32]) {
        assigned = Array(repeating: [], count: rows.count)
        matched = 0
        var seen = [Bool](repeating: false, count: rows.count)
        for s in staff {
            for i in seen.indices { seen[i] = false }
            if augment(Int(s), instance: instance, rows: rows, need: need, seen: &seen) { matched += 1 }
        }
    }

    private mutating func augment(
        _ s: Int, instance: CompiledInstance, rows: Range<Int>, need: [Int32],
        seen: inout [Bool]
    ) -> Bool {
        for (k, row) in rows.enumerated() where need[k] > 0 && !seen[k] && instance.rowMember.contains(row, s) {
            seen[k] = true
            if assigned[k].count < Int(need[k]) {
                assigned[k].append(Int32(s))
                return true
            }
            for (j, t) in assigned[k].enumerated()
            where augment(Int(t), instance: instance, rows: rows, need: need, seen: &seen) {
                assigned[k][j] = Int32(s)
                return true
            }
        }
        return false
    }
}
