/// `displaced` (spec section 14): per fixed session with `move`, 2 if the
/// session that stands for it is in another room, plus 4 if it is on
/// another day or start — for the matching rule 8 reads
/// (`FixedSessionMatching`); a missing one costs nothing.
enum Displaced {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .activity(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int { FixedSessionMatching(placed).displaced }

    static func cost(_ a: Int, _ state: PartialSchedule) -> Int { state.displaced(activity: a) }
}
