/// `continuity` (spec section 12): per group, the distinct staff of a
/// continuity role over its sessions minus the most of them in any one
/// session — 0 when the same people see the group every time. Rule 11 holds
/// a `sameStaff` group to 0 (`Evaluator.checkSameStaff`).
enum Continuity {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .groupStaff(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        (0..<placed.instance.groupCount).reduce(0) { total, g in
            let (union, most) = staff(of: g, in: placed)
            return total + union.count - most
        }
    }

    /// The continuity-role staff group g sees over its sessions, and the
    /// most of them in one session.
    static func staff(of g: Int, in placed: PlacedSchedule) -> (union: Set<Int32>, most: Int) {
        let I = placed.instance
        var union = Set<Int32>()
        var most = 0
        for k in placed.byGroup[g] {
            let here = placed.sessions[k].session.staff.filter { I.staffContinuity[Int($0)] }
            union.formUnion(here)
            most = max(most, here.count)
        }
        return (union, most)
    }

    static func cost(_ g: Int, _ state: PartialSchedule) -> Int {
        var marks = [UInt32](repeating: 0, count: state.instance.staffCount)
        var stamp: UInt32 = 0
        return state.continuity(ofGroup: g, marks: &marks, stamp: &stamp)
    }
}
