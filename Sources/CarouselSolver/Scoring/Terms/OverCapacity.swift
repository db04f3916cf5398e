/// `overCapacity` (spec §7): null makes room capacity a hard rule; a number
/// makes it soft, at that cost per pupil over a room's capacity (an
/// activity's `capacity` stays hard).
enum OverCapacity {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .session(cost), placement: .onlyRaises)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        guard I.weights.overCapacity != nil else { return 0 }
        var total = 0
        for S in placed.sessions {
            let capacity = I.roomCapacity[Int(S.session.room)]
            if capacity != CompiledInstance.unlimited && S.pupils > capacity { total += S.pupils - Int(capacity) }
        }
        return total
    }

    static func cost(_ s: Int, _ state: PartialSchedule) -> Int {
        let capacity = state.instance.roomCapacity[Int(state.sessionRoom[s])]
        guard state.instance.weights.overCapacity != nil, capacity != CompiledInstance.unlimited else { return 0 }
        return max(0, Int(state.sessionPupils[s]) - Int(capacity))
    }
}
