import CarouselModel

/// Rule 12 (spacing) by counting: the sessions of one spacing entry start on
/// dates at least `minDays` apart, so the days they may be held on must
/// hold that many sessions so spaced. Taking the earliest day, then the
/// first at least `minDays` later, and so on, finds the most there can be;
/// fewer than the sessions the groups need (a together activity: one per
/// required session; another: one per `maxGroups` groups asking for it) is
/// a proof that no schedule exists.
extension ProblemAnalysis {
    func spacingShortage() -> [Finding] {
        var out: [Finding] = []
        let D = I.dayCount, P = I.periodCount
        for e in I.spacing.minDays.indices {
            let acts = I.spacing.activities[e].map(Int.init)
            var needed = 0
            for a in acts {
                let units = table.units.filter { $0.activities == [Int32(a)] }
                let groups = units.reduce(0) { $0 + $1.groups.count }
                needed += I.together[a] ? units.count : (groups + Int(I.maxGroups[a]) - 1) / max(Int(I.maxGroups[a]), 1)
            }
            guard needed > 1 else { continue }
            let days = (0..<D).filter { d in
                I.spacing.dayNumber[d] != nil
                    && acts.contains { a in (0..<P).contains { I.canStart(a, at: d * P + $0) } }
            }
            let gap = Int(I.spacing.minDays[e])
            var most = 0, last = Int.min
            for d in days {
                let n = I.spacing.dayNumber[d]!
                if last == Int.min || n - last >= gap {
                    most += 1
                    last = n
                }
            }
            guard most < needed else { continue }
            let names = ListText.joined(acts.prefix(4).map { I.activityID($0) }) + (acts.count > 4 ? " …" : "")
            let span =
                days.isEmpty
                ? "no dated day allows them"
                : "the days they may be held on (\(I.dayID(days.first!)) to \(I.dayID(days.last!))) allow at most \(most)"
            out.append(
                Finding(
                    severity: .error,
                    message: "spacing: \(needed) sessions of \(names) must start at least \(gap) days apart; \(span)"))
        }
        return out
    }
}
