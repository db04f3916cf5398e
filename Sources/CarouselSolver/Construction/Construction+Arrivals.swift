/// Keeping the gates' capacity while units come and go (a Carousel
/// addition, `ArrivalTable`).
extension Construction {
    /// After a unit of `groups` left a session on day d: a party whose
    /// arrival moved later into a quarter hour its gate cannot take has its
    /// units of that day withdrawn (they go back into the queue), so that
    /// it arrives nowhere. Locked sessions stay.
    mutating func settleArrivals(groups: [Int32], day d: Int) {
        let A = instance.arrivals
        guard A.hasLimits else { return }
        for g in groups where !state.groupDayKeepsGates(Int(g), day: d) {
            for member in A.partyGroups[Int(A.partyOfGroup[Int(g)])] {
                for v in table.unitsOfGroup[Int(member)] {
                    let x = Int(state.unitSession[Int(v)])
                    if x >= 0 && !state.sessionLocked[x] && state.day(ofSession: x) == d { unplace(Int(v)) }
                }
            }
        }
    }
}
