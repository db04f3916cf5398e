/// `staffOverload` (spec §7): per staff member per day, the sessions above
/// their `preferredMaxPerDay`.
enum StaffOverload {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .staffDay(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        var perDay: [Int: Int] = [:]
        for S in placed.sessions {
            for st in S.session.staff { perDay[Int(st) * I.dayCount + Int(S.session.day), default: 0] += 1 }
        }
        var total = 0
        for (key, n) in perDay {
            let preferred = I.staffPreferredMaxPerDay[key / I.dayCount]
            if preferred != CompiledInstance.unlimited && n > preferred { total += n - Int(preferred) }
        }
        return total
    }

    static func cost(_ st: Int, _ d: Int, _ state: PartialSchedule) -> Int {
        let I = state.instance
        let preferred = I.staffPreferredMaxPerDay[st]
        guard preferred != CompiledInstance.unlimited else { return 0 }
        return max(0, Int(state.staffDay[st * I.dayCount + d]) - Int(preferred))
    }
}
