import CarouselModel

/// Who arrives together, and where (docs/format.md, "On the day"): the
/// groups of one school that use one gate travel together — a *party* —
/// and on a day they come, the party's coaches arrive `arriveBefore`
/// minutes before the first session of any of its groups, and leave
/// `leaveAfter` minutes after the last.
///
/// A party's coaches on a day: ⌈(pupils + adults of its groups that visit
/// that day) / seats⌉, or 1 when the problem gives no `coaches` — fixed by
/// the problem, so that only when they arrive depends on the schedule.
/// Arrivals are counted per gate, day and clock quarter hour (09:00–09:15
/// is one): the gate's `capacity` limits the coaches in each (a hard rule,
/// `HardRule.gateCapacity`), and `arrivalCrowding` costs the coaches in
/// each beyond those of the school with the most.
///
/// Without a `gates` list every party uses one entrance, without a limit.
public struct ArrivalTable: Sendable {
    /// Listed gates, or 1 (the one entrance) without a list.
    public let gateCount: Int
    /// Per gate: most coaches per quarter hour, or `CompiledInstance.unlimited`.
    public let gateCapacity: [Int32]
    /// Whether some gate has a capacity (the hard rule can bite).
    public let hasLimits: Bool
    /// Per group: its party.
    public let partyOfGroup: [Int32]
    /// Per party: its groups ascending, its gate, and its school's index.
    public let partyGroups: [[Int32]]
    public let partyGate: [Int32]
    /// Parties at gate k with a group that visits day d: `partiesAt[k * D + d]`.
    public let partiesAt: [[Int32]]
    /// Per group: pupils (its `size`, seated or not) and accompanying adults.
    public let groupPeople: [Int32]
    /// Per party and day, at `party * D + day`: the pupils and adults of its
    /// groups that visit that day, and their coaches.
    public let partyPeople: [Int32]
    public let partyCoaches: [Int32]
    /// Seats in one coach; 0 when the problem gives no `coaches`.
    public let seats: Int32
    public let arriveBefore: Int32
    public let leaveAfter: Int32
    let dayCount: Int

    /// Minutes in the buckets arrivals are counted in.
    public static let quarter: Int32 = 15

    init(_ problem: Problem, groupSchool: [Int32], groupVisitsDay: BitMatrix, dayCount D: Int) {
        dayCount = D
        gateCount = max(1, problem.gates.count)
        gateCapacity =
            problem.gates.isEmpty
            ? [CompiledInstance.unlimited]
            : problem.gates.map { $0.capacity.map { Int32(clamping: $0) } ?? CompiledInstance.unlimited }
        hasLimits = gateCapacity.contains { $0 != CompiledInstance.unlimited }
        var partyIndex: [Int: Int32] = [:]
        var parties: [[Int32]] = [], gates: [Int32] = []
        var ofGroup: [Int32] = []
        for (g, group) in problem.groups.enumerated() {
            let gate = group.gate ?? 0
            let key = Int(groupSchool[g]) * gateCount + gate
            let p =
                partyIndex[key]
                ?? {
                    partyIndex[key] = Int32(parties.count)
                    parties.append([])
                    gates.append(Int32(gate))
                    return Int32(parties.count - 1)
                }()
            parties[Int(p)].append(Int32(g))
            ofGroup.append(p)
        }
        partyOfGroup = ofGroup
        partyGroups = parties
        partyGate = gates
        var at = [[Int32]](repeating: [], count: gateCount * D)
        for (p, groups) in parties.enumerated() {
            for d in 0..<D where groups.contains(where: { groupVisitsDay.contains(Int($0), d) }) {
                at[Int(gates[p]) * D + d].append(Int32(p))
            }
        }
        partiesAt = at
        let people = problem.groups.map { Int32(clamping: $0.size + $0.adults) }
        groupPeople = people
        var partyPeople = [Int32](repeating: 0, count: parties.count * D)
        for (p, groups) in parties.enumerated() {
            for d in 0..<D {
                partyPeople[p * D + d] = groups.reduce(0) {
                    $0 + (groupVisitsDay.contains(Int($1), d) ? people[Int($1)] : 0)
                }
            }
        }
        self.partyPeople = partyPeople
        let seats = Int32(clamping: problem.coaches?.seats ?? 0)
        self.seats = seats
        partyCoaches = partyPeople.map { Self.coaches(people: $0, seats: seats) }
        arriveBefore = Int32(clamping: problem.coaches?.arriveBefore ?? CoachPlan.defaultArriveBefore)
        leaveAfter = Int32(clamping: problem.coaches?.leaveAfter ?? CoachPlan.defaultLeaveAfter)
    }

    /// The parties at gate k that may come on day d.
    @inline(__always)
    public func parties(atGate k: Int, day d: Int) -> [Int32] { partiesAt[k * dayCount + d] }

    /// Coaches for `people` travelling together (1 without `coaches`, 0 for nobody).
    public func coaches(people: Int32) -> Int32 { Self.coaches(people: people, seats: seats) }

    static func coaches(people: Int32, seats: Int32) -> Int32 {
        guard people > 0 else { return 0 }
        return seats > 0 ? (people + seats - 1) / seats : 1
    }

    /// Party p's coaches on day d.
    @inline(__always)
    public func coaches(party p: Int, day d: Int) -> Int32 { partyCoaches[p * dayCount + d] }

    /// The clock quarter hour a minute falls in (floor division).
    @inline(__always)
    public static func quarter(of minute: Int32) -> Int32 {
        minute >= 0 ? minute / quarter : -((-minute + quarter - 1) / quarter)
    }

    /// The arrivals at one gate on one day, each `(quarter, coaches)`:
    /// whether any quarter holds more than `capacity` coaches, and the
    /// `arrivalCrowding` cost — per quarter, its coaches less the most of
    /// one party. O(n²) for n arrivals, allocating nothing.
    public static func load(_ arrivals: UnsafeBufferPointer<(quarter: Int32, coaches: Int32)>, capacity: Int32)
        -> (overCapacity: Bool, crowding: Int)
    {
        var over = false, crowding = 0
        for i in arrivals.indices {
            // Each quarter is counted at its first arrival.
            var first = true
            for j in 0..<i where arrivals[j].quarter == arrivals[i].quarter {
                first = false
                break
            }
            guard first else { continue }
            var total: Int32 = 0, most: Int32 = 0
            for j in i..<arrivals.count where arrivals[j].quarter == arrivals[i].quarter {
                total += arrivals[j].coaches
                most = max(most, arrivals[j].coaches)
            }
            if total > capacity { over = true }
            crowding += Int(total - most)
        }
        return (over, crowding)
    }
}
