/// `siteChange` (spec §7): per group per day, the pairs of its
/// time-consecutive sessions (next in time, whatever the gap) in rooms of
/// different sites.
enum SiteChange {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .groupDay(cost), placement: .mayLowerItsGroups)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        func site(_ span: PlacedSchedule.Span) -> Int32 { I.roomSite[Int(placed.sessions[span.session].session.room)] }
        // Spec section 10: a pair with a session at an online site does not count.
        return placed.sumOverGroupDays(counting: .siteChange) { spans, _ in
            zip(spans, spans.dropFirst()).filter {
                site($0) != site($1) && !I.sites.online[Int(site($0))] && !I.sites.online[Int(site($1))]
            }.count
        }
    }

    static func cost(_ day: GroupDayShape) -> Int { day.siteChanges }
}
