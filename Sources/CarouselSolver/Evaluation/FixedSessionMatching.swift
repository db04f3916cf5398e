import CarouselModel

/// Which sessions stand for the fixed sessions (rule 8, spec sections 6 and
/// 14): entries without `move` take the first unused session as written;
/// entries with `move` then take distinct remaining sessions of their
/// activity that hold their groups and staff (at their day and start for
/// `move: "room"`), by the matching that leaves the fewest missing and then
/// costs the least `displaced` (2 for another room, 4 for another day or start).
struct FixedSessionMatching {
    /// Entries no session stands for (indices into `fixed`).
    private(set) var missing: [Int] = []
    /// Σ displaced over the matched entries with `move`.
    private(set) var displaced = 0
    /// Per entry, the index in the schedule of the session standing for it,
    /// or nil when it is missing.
    private(set) var session: [Int?]

    init(_ placed: PlacedSchedule) {
        let I = placed.instance
        session = Array(repeating: nil, count: I.fixed.count)
        var used = Set<Int>()
        func holds(_ S: PlacedSchedule.Session, _ f: FixedSession) -> Bool {
            Int(S.session.activity) == f.activity && Set(f.groups.map { Int32($0) }).isSubset(of: S.session.groups)
                && Set(f.staff.map { Int32($0) }).isSubset(of: S.session.staff)
        }
        for (k, f) in I.fixed.enumerated() where f.move == nil {
            let match = placed.sessions.first { S in
                !used.contains(S.index) && holds(S, f) && Int(S.session.day) == f.day && Int(S.session.start) == f.start
                    && Int(S.session.room) == f.room
            }
            if let match {
                used.insert(match.index)
                session[k] = match.index
            } else {
                missing.append(k)
            }
        }
        let moving = I.fixed.indices.filter { I.fixed[$0].move != nil }
        guard !moving.isEmpty else { return }
        let candidates: [[(Int, Int)]] = moving.map { k in
            let f = I.fixed[k]
            return placed.sessions.compactMap { S in
                guard !used.contains(S.index), holds(S, f) else { return nil }
                let moved = Int(S.session.day) != f.day || Int(S.session.start) != f.start
                if f.move == .room && moved { return nil }
                return (S.index, (Int(S.session.room) != f.room ? 2 : 0) + (moved ? 4 : 0))
            }
        }
        let match = MinCostMatching.solve(candidates)
        for (i, k) in moving.enumerated() {
            if let m = match[i] {
                displaced += candidates[i].first { $0.0 == m }!.1
                session[k] = m
            } else {
                missing.append(k)
            }
        }
        missing.sort()
    }
}
