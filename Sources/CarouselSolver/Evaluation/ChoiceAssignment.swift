/// Assigns a group's chosen activities to its `oneOf` items (an activity may
/// appear in several lists) so that count mismatches, then preference cost,
/// are least — the reading `check.py` uses.
public enum ChoiceAssignment {
    /// Returns, per item, the chosen activities assigned to it, and the
    /// preference cost Σ_items max(0, Σ rank − least sum).
    ///
    /// `fits(k, a)` (items with `within`, spec section 12): false when
    /// activity a's sessions lie outside item k's ranges; each such
    /// assignment counts as one more mismatch.
    ///
    /// Exhaustive over ambiguous activities (at most 14 chosen; beyond that,
    /// and whenever every activity is in one list only, each goes to its first
    /// listing item).
    public static func best(
        items: [CompiledInstance.ChoiceDemand], chosen: [Int],
        fits: ((Int, Int) -> Bool)? = nil
    ) -> ([[Int]], Int) {
        guard !items.isEmpty else { return ([], 0) }
        let options = chosen.map { a in items.indices.filter { items[$0].choices.contains(Int32(a)) } }
        var assign = [[Int]](repeating: [], count: items.count)
        func score(_ assign: [[Int]]) -> (Int, Int) {
            var mismatch = 0, pref = 0
            for (k, item) in items.enumerated() {
                mismatch += abs(assign[k].count - Int(item.count))
                if let fits { mismatch += assign[k].filter { !fits(k, $0) }.count }
                if let rank = item.rank {
                    let sum = assign[k].reduce(0) { s, a in s + Int(rank[item.choices.firstIndex(of: Int32(a))!]) }
                    pref += max(0, sum - Int(item.leastRankSum))
                }
            }
            return (mismatch, pref)
        }
        if options.allSatisfy({ $0.count == 1 }) || chosen.count > 14 {
            for (a, o) in zip(chosen, options) { assign[o[0]].append(a) }
            return (assign, score(assign).1)
        }
        var best: ((Int, Int), [[Int]])?
        func search(_ j: Int) {
            if j == chosen.count {
                let s = score(assign)
                if best == nil || s < best!.0 { best = (s, assign) }
                return
            }
            for k in options[j] {
                assign[k].append(chosen[j])
                search(j + 1)
                assign[k].removeLast()
            }
        }
        search(0)
        return (best!.1, best!.0.1)
    }
}
