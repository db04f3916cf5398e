import CarouselModel
import CarouselSolver

/// Figures for the report's dashboard, kept apart from any layout.
extension TimetableView {
    /// How much of a room's open time on one day holds a session.
    public struct Utilisation: Sendable, Equatable {
        /// Non-break periods of the day in which the room holds a session.
        public var used: Int
        /// Non-break periods of the day in which the room is not `unavailable`.
        public var open: Int
        /// `used / open`, or nil when the room is never open that day.
        public var fraction: Double? { open > 0 ? Double(used) / Double(open) : nil }
    }

    /// How many of a group's `prefer` wishes it was granted.
    public struct Wishes: Sendable, Equatable {
        public var group: Int
        /// Chosen activities (over its `oneOf` items with `prefer`) that are
        /// in that item's `prefer` list.
        public var granted: Int
        /// The most that could be: Σ min(count, len(prefer)) over those items.
        public var possible: Int
    }

    /// Rooms × days. O(S · k + R · D · P) for sessions of k periods.
    public func roomUtilisation() -> [[Utilisation]] {
        let I = instance
        var used = Array(repeating: Array(repeating: Set<Int>(), count: I.dayCount), count: I.roomCount)
        for s in sessions {
            for p in s.periods where !I.isBreak[p] { used[s.room][s.day].insert(p) }
        }
        return (0..<I.roomCount).map { r in
            (0..<I.dayCount).map { d in
                let open = problem.calendar.days[d].periods.filter {
                    !I.isBreak[$0] && !I.roomUnavailable.contains(r, I.slot(day: d, period: $0))
                }.count
                return Utilisation(used: used[r][d].count, open: open)
            }
        }
    }

    /// Staff × days: sessions each staff member is in. O(S · k + M · D).
    public func staffLoad() -> [[Int]] {
        var load = Array(repeating: Array(repeating: 0, count: instance.dayCount), count: instance.staffCount)
        for s in sessions {
            for m in Set(s.staff) { load[m][s.day] += 1 }
        }
        return load
    }

    /// Per group with at least one `oneOf` item with `prefer`, in problem
    /// order. Chosen activities are matched to items as the evaluator does
    /// (`ChoiceAssignment`), so a group's figure agrees with its preference
    /// cost: all wishes granted exactly when that cost is 0 and counts are met.
    public func wishes() -> [Wishes] {
        let I = instance
        var attended = Array(repeating: Set<Int>(), count: I.groupCount)
        for s in sessions {
            for g in s.groups { attended[g].insert(s.activity) }
        }
        var out: [Wishes] = []
        for g in 0..<I.groupCount {
            let prefers: [[Int]?] = problem.groups[g].attend.compactMap {
                if case .oneOf(_, _, let prefer, _) = $0 { prefer } else { nil }
            }
            guard prefers.contains(where: { $0 != nil }) else { continue }
            let direct = Set(I.direct[g].map { Int($0.activity) })
            let listed = Set(I.choice[g].flatMap { $0.choices.map(Int.init) })
            let chosen = attended[g].filter { listed.contains($0) && !direct.contains($0) }.sorted()
            let (assignment, _) = ChoiceAssignment.best(items: I.choice[g], chosen: chosen)
            var granted = 0, possible = 0
            for (k, prefer) in prefers.enumerated() {
                guard let prefer else { continue }
                granted += assignment[k].filter(prefer.contains).count
                possible += min(Int(I.choice[g][k].count), prefer.count)
            }
            out.append(Wishes(group: g, granted: granted, possible: possible))
        }
        return out
    }
}
