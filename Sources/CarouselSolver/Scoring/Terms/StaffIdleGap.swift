/// `staffIdleGap` (a Carousel addition): per staff member per day, the
/// non-break periods strictly between the start of their first session and
/// the end of their last that they spend in no session — `idleGap` for
/// staff, for teachers who would rather not wait between sessions.
enum StaffIdleGap {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .staffDay(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        let I = placed.instance
        var occupied: [Int: Set<Int32>] = [:]
        for S in placed.sessions {
            for st in S.session.staff {
                for q in S.slot..<(S.slot + S.duration) {
                    occupied[Int(st) * I.dayCount + Int(S.session.day), default: []].insert(I.position[q])
                }
            }
        }
        return occupied.values.reduce(0) { total, positions in
            total + Int(positions.max()! - positions.min()! + 1) - positions.count
        }
    }

    static func cost(_ st: Int, _ d: Int, _ state: PartialSchedule) -> Int {
        let I = state.instance, P = I.periodCount
        let base = st * I.slotCount + d * P
        var first = -1, last = -1, busy = 0
        for p in 0..<P where state.staffAt[base + p] >= 0 {
            let pos = Int(I.position[d * P + p])
            if first < 0 { first = pos }
            last = pos
            busy += 1
        }
        return first < 0 ? 0 : last - first + 1 - busy
    }
}
