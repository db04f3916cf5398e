/// `sessions` (spec §7): 1 per session (fewer, fuller sessions save staff).
enum SessionCount {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .session(cost), placement: .onlyRaises)

    static func evaluate(_ placed: PlacedSchedule) -> Int { placed.sessions.count }

    static func cost(_ s: Int, _ state: PartialSchedule) -> Int { 1 }
}
