import CarouselModel

extension PlacedSchedule {
    /// One party's arrival on one day (`ArrivalTable`).
    struct Arrival {
        var party: Int
        var day: Int
        /// Clock minutes: the first session's start less `arriveBefore`.
        var minute: Int32
        /// Its coaches that day (`ArrivalTable.partyCoaches`).
        var coaches: Int32
    }

    /// Every party's arrival on every day it has a session, by party then day.
    func arrivals() -> [Arrival] {
        let I = instance, A = I.arrivals, D = I.dayCount, P = I.periodCount
        var first = [Int32](repeating: .max, count: I.groupCount * D)
        for S in sessions {
            let start = I.periodStart[S.slot % P], d = S.slot / P
            for g in S.session.groups { first[Int(g) * D + d] = min(first[Int(g) * D + d], start) }
        }
        var out: [Arrival] = []
        for (p, groups) in A.partyGroups.enumerated() {
            for d in 0..<D {
                var minute = Int32.max
                for g in groups where first[Int(g) * D + d] != .max { minute = min(minute, first[Int(g) * D + d]) }
                if minute != .max {
                    out.append(
                        Arrival(party: p, day: d, minute: minute - A.arriveBefore, coaches: A.coaches(party: p, day: d))
                    )
                }
            }
        }
        return out
    }

    /// The arrivals at each gate on each day, each as `(quarter, coaches)`,
    /// at `gate * D + day`.
    func gateArrivals() -> [[(quarter: Int32, coaches: Int32)]] {
        let A = instance.arrivals, D = instance.dayCount
        var out = [[(quarter: Int32, coaches: Int32)]](repeating: [], count: A.gateCount * D)
        for a in arrivals() {
            out[Int(A.partyGate[a.party]) * D + a.day].append((ArrivalTable.quarter(of: a.minute), a.coaches))
        }
        return out
    }
}

extension Evaluator {
    /// Gate capacity (a Carousel addition): per gate with a `capacity`, day
    /// and clock quarter hour, the coaches arriving in it, one violation per
    /// quarter hour over it, naming the schools.
    func checkGates(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance, A = I.arrivals, D = I.dayCount
        guard A.hasLimits else { return }
        var byGate = [[PlacedSchedule.Arrival]](repeating: [], count: A.gateCount * D)
        for a in placed.arrivals() { byGate[Int(A.partyGate[a.party]) * D + a.day].append(a) }
        for k in 0..<A.gateCount where A.gateCapacity[k] != CompiledInstance.unlimited {
            let cap = A.gateCapacity[k], gate = I.problem.gates[k].id
            for d in 0..<D {
                let quarters = Set(byGate[k * D + d].map { ArrivalTable.quarter(of: $0.minute) }).sorted()
                for q in quarters {
                    let here = byGate[k * D + d].filter { ArrivalTable.quarter(of: $0.minute) == q }
                    let coaches = here.reduce(0) { $0 + $1.coaches }
                    guard coaches > cap else { continue }
                    let who = here.map { a in
                        let g = Int(A.partyGroups[a.party][0])
                        return "\(I.problem.groups[g].school ?? I.groupID(g)) \(a.coaches)"
                    }
                    let from = q * ArrivalTable.quarter
                    ev.violations.append(
                        Violation(
                            .gateCapacity,
                            "gate \(gate) takes at most \(cap) coach\(cap == 1 ? "" : "es") a quarter hour; on \(I.dayID(d)) \(Int(from).clockText)-\(Int(from + ArrivalTable.quarter).clockText) \(coaches) arrive: \(who.joined(separator: ", "))"
                        ))
                }
            }
        }
    }
}
