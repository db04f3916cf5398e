/// `idleGap` (spec §7): per group per day, the non-break periods strictly
/// between the start of its first session and the end of its last that it
/// spends in no session.
enum IdleGap {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .groupDay(cost), placement: .mayLowerItsGroups)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.sumOverGroupDays(counting: .idleGap) { spans, occupied in
            let lo = spans.map(\.first).min()!, hi = spans.map(\.last).max()!
            return (lo...hi).filter { !occupied.contains($0) }.count
        }
    }

    static func cost(_ day: GroupDayShape) -> Int {
        day.first < 0 ? 0 : day.last - day.first + 1 - day.busy
    }
}
