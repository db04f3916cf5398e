/// `isolated` (spec §7): per group, per session of it, 1 if the group is in
/// no session in the nearest non-break period before it, nor in the nearest
/// one after it, on that day.
enum Isolated {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .groupDay(cost), placement: .mayLowerItsGroups)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.sumOverGroupDays(counting: .isolated) { spans, occupied in
            spans.filter { !occupied.contains($0.first - 1) && !occupied.contains($0.last + 1) }.count
        }
    }

    static func cost(_ day: GroupDayShape) -> Int { day.isolated }
}
