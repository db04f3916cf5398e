/// `mixSchools` (spec §7): per session with two or more groups, the groups
/// minus the distinct schools among them (a group without `school` is a
/// school of its own).
enum MixSchools {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .session(cost), placement: .onlyRaises)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        var total = 0
        for S in placed.sessions where S.session.groups.count >= 2 {
            total += S.session.groups.count - Set(S.session.groups.map { I.groupSchool[Int($0)] }).count
        }
        return total
    }

    /// The groups of session s beyond the first of their school (no
    /// allocation: a session holds a handful of groups).
    static func cost(_ s: Int, _ state: PartialSchedule) -> Int {
        let I = state.instance
        var cost = 0
        for i in state.sessionGroups[s].indices.dropFirst() {
            let school = I.groupSchool[Int(state.sessionGroups[s][i])]
            if state.sessionGroups[s][..<i].contains(where: { I.groupSchool[Int($0)] == school }) { cost += 1 }
        }
        return cost
    }
}
