import CarouselModel

/// Hall's condition over groups and periods: a group whose sessions need
/// every period of its visit (`shortVisits` finds those needing more) is
/// busy in each of them, so in such a period every one of those groups is
/// in some session — of an activity it may take then, in a room that takes
/// it, with the staff the activity needs. When the rooms or the staff that
/// could serve them at that moment are fewer than they need, no schedule
/// exists (the conference whose breakout rooms seat fewer than its
/// delegates; a sports slot with fewer helpers than one per eight pupils).
///
/// Counted per period, for each set of rooms (or staff) some of the busy
/// groups are confined to, with every group whose choices lie inside it:
/// - sessions: groups that could share one (an activity in common, directly
///   or through others) form a cluster, which needs at least ⌈groups ÷ the
///   most any of its activities takes⌉ and ⌈pupils ÷ its largest seat⌉
///   sessions, each in a room of its own;
/// - seats: the pupils need as many seats (each room seats its largest
///   session);
/// - staff: a cluster of one activity needs each row's count per session and
///   its one-per-n pupils; a cluster of several needs at least the smallest
///   count per session, and one per the largest n pupils when every
///   activity has such a row.
extension ProblemAnalysis {
    /// A cluster of busy groups that could share sessions at slot t.
    struct BusyCluster {
        var groups = 0
        var pupils = 0
        var activities: Set<Int32> = []
        var rooms: Set<Int32> = []
    }

    func busySlots() -> [Finding] {
        let busyGroups = (0..<I.groupCount).filter { g in
            let visiting = visitingPeriods(g)
            return visiting > 0 && requiredPeriods(g) == visiting
        }
        guard !busyGroups.isEmpty else { return [] }
        var out: [Finding] = []
        var reported = Set<String>()
        for t in 0..<I.slotCount where I.position[t] >= 0 {
            let clusters = busyClusters(at: t, groups: busyGroups)
            guard !clusters.isEmpty else { continue }
            for finding in roomShortage(at: t, clusters) + staffShortage(at: t, clusters)
            where reported.insert(finding.message).inserted {
                out.append(finding)
            }
        }
        return out
    }

    /// Σ over group g's units of their shortest activity.
    func requiredPeriods(_ g: Int) -> Int {
        table.unitsOfGroup[g].reduce(0) { sum, u in
            sum + (table.units[Int(u)].activities.map { Int(I.duration[Int($0)]) }.min() ?? 0)
        }
    }

    /// Non-break periods group g visits.
    func visitingPeriods(_ g: Int) -> Int {
        var n = 0
        for t in 0..<I.slotCount where I.position[t] >= 0 && I.groupVisit.contains(g, t) { n += 1 }
        return n
    }

    /// The activities unit u may be holding at slot t: a start covering t
    /// that the grid, window, unit's day and ranges, years and visits allow
    /// (a together activity held in fixed sessions only at theirs).
    func activities(ofUnit u: Int, covering t: Int) -> [Int32] {
        let unit = table.units[u]
        return unit.activities.filter { a32 in
            let a = Int(a32), k = Int(I.duration[a])
            guard unit.groups.allSatisfy({ I.yearAllowed(group: Int($0), activity: a) }) else { return false }
            let fixedStarts =
                I.together[a]
                ? I.fixed.filter { $0.activity == a && $0.move == nil }.map { I.slot(day: $0.day, period: $0.start) }
                : []
            for start in max(0, t - k + 1)...t
            where I.canStart(a, at: start) && I.unitAllows(unit, activity: a, at: start) {
                if !fixedStarts.isEmpty && !fixedStarts.contains(start) { continue }
                if unit.groups.allSatisfy({ I.groupVisit.containsAll(Int($0), from: start, count: k) }) { return true }
            }
            return false
        }
    }

    /// The busy groups at slot t in clusters (groups sharing an activity
    /// they could hold then, transitively), with the rooms they could use.
    func busyClusters(at t: Int, groups: [Int]) -> [BusyCluster] {
        var clusters: [BusyCluster] = []
        for g in groups where I.groupVisit.contains(g, t) {
            var acts: Set<Int32> = []
            for u in table.unitsOfGroup[g] { acts.formUnion(activities(ofUnit: Int(u), covering: t)) }
            var rooms: Set<Int32> = []
            for a in acts {
                for r in I.activityRooms[Int(a)]
                where I.groupNeedsMet.contains(g, Int(r)) && !I.roomUnavailable.contains(Int(r), t) {
                    rooms.insert(r)
                }
            }
            var merged = BusyCluster(groups: 1, pupils: Int(I.groupSize[g]), activities: acts, rooms: rooms)
            clusters.removeAll { other in
                guard !other.activities.isDisjoint(with: merged.activities) else { return false }
                merged.groups += other.groups
                merged.pupils += other.pupils
                merged.activities.formUnion(other.activities)
                merged.rooms.formUnion(other.rooms)
                return true
            }
            clusters.append(merged)
        }
        return clusters
    }

    /// The most pupils one session of activity a may hold in room r.
    func seats(activity a: Int, room r: Int) -> Int {
        let cap = Int(I.activityCapacity[a])
        return I.weights.overCapacity != nil ? cap : min(cap, Int(I.roomCapacity[r]))
    }

    /// The sessions a cluster needs at once, and the seats its largest holds.
    func sessions(_ c: BusyCluster) -> (sessions: Int, largest: Int) {
        let share = c.activities.map { Int(I.maxGroups[Int($0)]) }.max() ?? 1
        var largest = 0
        for a in c.activities {
            for r in I.activityRooms[Int(a)] where c.rooms.contains(r) {
                largest = max(largest, seats(activity: Int(a), room: Int(r)))
            }
        }
        let bySeats =
            largest == 0 || largest >= Int(CompiledInstance.unlimited) ? 0 : (c.pupils + largest - 1) / largest
        return (max((c.groups + share - 1) / max(share, 1), bySeats), largest)
    }

    func when(_ t: Int) -> String { "\(I.dayID(t / I.periodCount)) \(I.periodID(t % I.periodCount))" }

    func roomShortage(at t: Int, _ clusters: [BusyCluster]) -> [Finding] {
        var out: [Finding] = []
        var pools: [Set<Int32>] = []
        for c in clusters where !pools.contains(c.rooms) { pools.append(c.rooms) }
        for pool in pools {
            let within = clusters.filter { $0.rooms.isSubset(of: pool) }
            let groups = within.reduce(0) { $0 + $1.groups }, pupils = within.reduce(0) { $0 + $1.pupils }
            let needed = within.reduce(0) { $0 + sessions($1).sessions }
            let names = roomNames(pool)
            let who =
                "\(groups) group\(groups == 1 ? "" : "s") (\(pupils) pupils) that must be in a session then (their sessions fill their visits)"
            if needed > pool.count {
                out.append(
                    Finding(
                        severity: .error,
                        message:
                            "\(when(t)): \(who) need at least \(needed) sessions at once in \(names); \(pool.count) room\(pool.count == 1 ? "" : "s") can hold them"
                    ))
                continue
            }
            var seatsInPool = 0
            for r in pool {
                let best =
                    within.flatMap(\.activities).filter { I.roomAllowed.contains(Int($0), Int(r)) }.map {
                        seats(activity: Int($0), room: Int(r))
                    }.max() ?? 0
                seatsInPool = best >= Int(CompiledInstance.unlimited) ? Int.max : seatsInPool.addingClamped(best)
            }
            if pupils > seatsInPool {
                out.append(
                    Finding(
                        severity: .error,
                        message: "\(when(t)): \(who) need \(pupils) seats at once in \(names); they seat \(seatsInPool)"
                    ))
            }
        }
        return out
    }

    func staffShortage(at t: Int, _ clusters: [BusyCluster]) -> [Finding] {
        struct Demand {
            var members: Set<Int32>
            var staff: Int
            var label: String
        }
        var demands: [Demand] = []
        for c in clusters {
            let n = sessions(c).sessions
            let acts = c.activities.map(Int.init).sorted()
            guard !acts.isEmpty, n > 0 else { continue }
            if acts.count == 1 {
                for i in I.rowRange(acts[0]) {
                    let row = I.rows[i]
                    let need =
                        Int(row.count) * n
                        + (row.perPupils > 0 ? (c.pupils + Int(row.perPupils) - 1) / Int(row.perPupils) : 0)
                    if need > 0 {
                        demands.append(Demand(members: Set(row.members), staff: need, label: I.activityID(acts[0])))
                    }
                }
                continue
            }
            let label = ListText.joined(acts.prefix(4).map { I.activityID($0) }) + (acts.count > 4 ? " …" : "")
            let perSession = acts.map { a in I.rowRange(a).reduce(0) { $0 + Int(I.rows[$1].count) } }.min() ?? 0
            if perSession > 0 {
                let members = Set(acts.flatMap { a in I.rowRange(a).flatMap { I.rows[$0].members } })
                demands.append(Demand(members: members, staff: perSession * n, label: label))
            }
            let perPupilRows = acts.map { a in I.rowRange(a).filter { I.rows[$0].perPupils > 0 } }
            if perPupilRows.allSatisfy({ !$0.isEmpty }) {
                let most = perPupilRows.flatMap { $0 }.map { Int(I.rows[$0].perPupils) }.max() ?? 1
                let members = Set(perPupilRows.flatMap { $0 }.flatMap { I.rows[$0].members })
                demands.append(Demand(members: members, staff: (c.pupils + most - 1) / most, label: label))
            }
        }
        var out: [Finding] = []
        var pools: [Set<Int32>] = []
        for dm in demands where !pools.contains(dm.members) { pools.append(dm.members) }
        for pool in pools {
            let within = demands.filter { $0.members.isSubset(of: pool) }
            let need = within.reduce(0) { $0 + $1.staff }
            let free = pool.filter {
                I.staffAvailable.contains(Int($0), t) && I.staffMaxPerDay[Int($0)] > 0 && I.staffMax[Int($0)] > 0
            }.count
            guard need > free else { continue }
            let labels = ListText.joined(Array(Set(within.map(\.label))).sorted())
            out.append(
                Finding(
                    severity: .error,
                    message:
                        "\(when(t)): the groups that must be in a session then (their sessions fill their visits) need at least \(need) staff at once from \(staffNames(pool)) for \(labels); \(free) are available"
                ))
        }
        return out
    }

    func roomNames(_ pool: Set<Int32>) -> String {
        pool.sorted().prefix(6).map { I.roomID(Int($0)) }.joined(separator: ", ")
            + (pool.count > 6 ? ", … (\(pool.count) rooms)" : "")
    }

    func staffNames(_ pool: Set<Int32>) -> String {
        pool.isEmpty
            ? "matching staff (none match)"
            : "staff like \(pool.sorted().prefix(3).map { I.staffID(Int($0)) }.joined(separator: ", "))\(pool.count > 3 ? " (\(pool.count) in all)" : "")"
    }
}
