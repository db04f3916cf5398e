/// Arrivals at the gates (a Carousel addition, `ArrivalTable`): when each
/// party's coaches come, read from the occupancy table, and whether a gate
/// takes them. A party arrives before the first session of any of its
/// groups, so taking a session away can move its arrival later, into a
/// quarter hour that is full: the gate limit is one of the rules checked
/// after a change (`PartialSchedule+CheckedRules`).
extension PartialSchedule {
    /// Party p's arrival on day d — the earliest start of a session of its
    /// groups less `arriveBefore`, in clock minutes; nil when none has one.
    /// O(groups × periods).
    @inline(__always)
    func arrival(ofParty p: Int, day d: Int) -> Int32? {
        let I = instance, A = I.arrivals, P = I.periodCount
        var first = Int32.max
        for i in A.partyGroups[p].indices {
            let g = Int(A.partyGroups[p][i]), start = Int(groupDayStart[g * I.dayCount + d])
            guard start >= 0 else { continue }  // not here that day
            for q in 0..<P where groupCells[start + q] >= 0 {
                first = min(first, I.periodStart[q])
                break
            }
        }
        return first == .max ? nil : first - A.arriveBefore
    }

    /// Whether gate k takes its arrivals on day d (no quarter hour over its
    /// capacity), and their `arrivalCrowding` cost. O(n² + n × groups ×
    /// periods) for the n parties that may come that day; allocates nothing.
    func gateLoad(_ k: Int, day d: Int) -> (overCapacity: Bool, crowding: Int) {
        let A = instance.arrivals, parties = A.parties(atGate: k, day: d)
        guard !parties.isEmpty else { return (false, 0) }
        return withUnsafeTemporaryAllocation(of: (quarter: Int32, coaches: Int32).self, capacity: parties.count) {
            buffer in
            var n = 0
            for i in parties.indices {
                guard let minute = arrival(ofParty: Int(parties[i]), day: d) else { continue }
                buffer.initializeElement(
                    at: n, to: (ArrivalTable.quarter(of: minute), A.coaches(party: Int(parties[i]), day: d)))
                n += 1
            }
            return ArrivalTable.load(UnsafeBufferPointer(rebasing: buffer[0..<n]), capacity: A.gateCapacity[k])
        }
    }

    /// Whether the gate group g arrives at takes its arrivals on day d.
    func groupDayKeepsGates(_ g: Int, day d: Int) -> Bool {
        let A = instance.arrivals
        guard A.hasLimits else { return true }
        let k = Int(A.partyGate[Int(A.partyOfGroup[g])])
        return A.gateCapacity[k] == CompiledInstance.unlimited || !gateLoad(k, day: d).overCapacity
    }
}
