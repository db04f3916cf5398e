/// `spread` (spec §7): per attend item with `minDays`, the days it is short
/// of them (distinct days of the group's sessions of that activity).
enum Spread {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .group(cost), placement: .mayLowerItsGroups)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.sumOverGroups(counting: .spread) { g in
            let activities = placed.activities(of: g)
            return placed.instance.spread[g].reduce(0) { total, item in
                // An item with `within` counts only its own sessions (spec section 12).
                let sessions = (activities.first { $0.activity == Int(item.activity) }?.sessions ?? []).filter {
                    placed.instance.inside(
                        within: item.within, activity: Int(item.activity), at: placed.sessions[$0].slot)
                }
                let days = Set(sessions.map { placed.sessions[$0].session.day })
                return total + max(0, Int(item.minDays) - days.count)
            }
        }
    }

    static func cost(_ g: Int, _ state: PartialSchedule) -> Int {
        var cost = 0
        for item in state.instance.spread[g] {
            var days: UInt64 = 0
            var extra = Set<Int>()
            // An item with `within` counts only its own units (those inside its ranges).
            for u in state.table.unitsOfGroup[g]
            where state.unitActivity[Int(u)] == item.activity
                && (item.within < 0 || state.table.units[Int(u)].within == item.within)
            {
                let d = state.day(ofSession: Int(state.unitSession[Int(u)]))
                if d < 64 { days |= 1 << UInt64(d) } else { extra.insert(d) }
            }
            cost += max(0, Int(item.minDays) - days.nonzeroBitCount - extra.count)
        }
        return cost
    }
}
