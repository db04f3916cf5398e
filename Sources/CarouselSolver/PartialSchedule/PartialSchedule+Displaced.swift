import CarouselModel

/// Soft `displaced` (spec section 14) for one activity, read exactly as the
/// evaluator reads rule 8: its fixed sessions without `move` take the
/// sessions as written first, then those with `move` take distinct
/// remaining sessions of it by the matching that leaves the fewest missing
/// and costs the least (2 for another room, 4 for another day or start).
/// Fixed sessions of other activities never take this one's sessions, so
/// the sum over activities is the evaluator's total.
extension PartialSchedule {
    func displaced(activity a: Int) -> Int {
        let I = instance, T = I.slotCount
        var sessions: [Int] = []
        for t in 0..<T {
            for s in sessionsAt[a * T + t] where !sessionGroups[Int(s)].isEmpty { sessions.append(Int(s)) }
        }
        func holds(_ s: Int, _ f: FixedSession) -> Bool {
            f.groups.allSatisfy { sessionGroups[s].contains(Int32($0)) }
                && f.staff.allSatisfy { sessionStaff[s].contains(Int32($0)) }
        }
        var used = Set<Int>()
        for f in I.fixed where f.activity == a && f.move == nil {
            let t = I.slot(day: f.day, period: f.start)
            if let s = sessions.first(where: {
                !used.contains($0) && Int(sessionSlot[$0]) == t && Int(sessionRoom[$0]) == f.room && holds($0, f)
            }) {
                used.insert(s)
            }
        }
        var candidates: [[(Int, Int)]] = []
        for f in I.fixed where f.activity == a && f.move != nil {
            let t = I.slot(day: f.day, period: f.start)
            candidates.append(
                sessions.compactMap { s in
                    guard !used.contains(s), holds(s, f) else { return nil }
                    let moved = Int(sessionSlot[s]) != t
                    if f.move == .room && moved { return nil }
                    return (s, (Int(sessionRoom[s]) != f.room ? 2 : 0) + (moved ? 4 : 0))
                })
        }
        let match = MinCostMatching.solve(candidates)
        var total = 0
        for (k, m) in match.enumerated() {
            if let m { total += candidates[k].first { $0.0 == m }!.1 }
        }
        return total
    }
}
