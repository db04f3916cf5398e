/// `siteChange` (spec §7): per group per day, the pairs of its
/// time-consecutive sessions (next in time, whatever the gap) in rooms of
/// different sites.
enum SiteChange {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .groupDay(cost))

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        var total = 0
        for g in 0..<I.groupCount where I.counts(.siteChange, forGroup: g) {
            for spans in placed.daySpans(of: g) {
                for (u, v) in zip(spans, spans.dropFirst())
                where I.roomSite[Int(placed.sessions[u.session].session.room)] != I.roomSite[Int(placed.sessions[v.session].session.room)] {
                    total += 1
                }
            }
        }
        return total
    }

    static func cost(_ day: GroupDayShape) -> Int { day.siteChanges }
}
