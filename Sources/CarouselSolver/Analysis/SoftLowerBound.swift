import CarouselModel

/// A lower bound on the soft score of every complete schedule, from
/// relaxations that cost a count each, so that a solve can say how far its
/// schedule may still be from the best (the gap). Each part is sound on its
/// own and they add up (each bounds a different term):
///
/// - `preference`: a `oneOf` with `prefer` and `count` c costs at least one
///   for each of its c most preferred activities it does not get. Activity
///   a can take at most `capacity(a)` groups in all (its sessions that fit
///   its rooms, window, `maxPerDay` and `maxSessions`, times `maxGroups`),
///   less the groups that must attend it directly; the items that have a
///   among their first c beyond that pay at least one each.
/// - `sessions`: the groups that must attend activity a directly (not by a
///   choice) need ⌈groups ÷ maxGroups⌉ sessions of it, and ⌈pupils ÷ its
///   largest seat⌉; a together activity one per required session.
/// - `spread`: an item with `minDays` m whose sessions can fall on at most
///   n < m days is m − n days short at least: n is the fewer of the days
///   the group visits on which the activity can be held (inside the item's
///   `within`) and the sessions that count (rule 1 fixes their number: the
///   item's `times` with `within`, else the `times` of all the group's
///   items naming the activity; a `daily` item sets no such limit).
/// - `mixSchools`: a together activity's session holds every group that
///   must attend it, so it costs at least those groups minus their distinct
///   schools (more groups, from a choice, can only add: a group adds one to
///   the groups and at most one to the schools).
/// - `overCapacity` (where room capacity is soft): a unit that must attend
///   one named activity sits, with at least its own pupils, in one of that
///   activity's rooms whose features all its groups need; each of its
///   pupils beyond the largest such room's capacity costs one at least.
/// - `siteChange`: a group on site on one day only meets every activity it
///   must attend that day; those whose rooms (open to the group) are all on
///   one site take it to that site, and a day through n distinct sites has
///   at least n − 1 changes between consecutive sessions. Left out: groups
///   with an activity at an online site or without rooms (a pair with an
///   online session does not count).
///
/// Groups whose `oneOf` lists overlap, and items with `within`, are left out
/// of the preference part (their picks are assigned to items by the
/// evaluator's matching). The bound is for complete schedules: one that
/// leaves units unplaced may score less.
public struct SoftLowerBound: Sendable {
    /// The bound on the weighted soft score.
    public let soft: Double
    /// The part of it from each term (weighted), for terms with a non-zero part.
    public let terms: [(term: Weights.Term, weighted: Double)]

    public init(_ I: CompiledInstance) {
        let table = UnitTable(I)
        var direct = [Int](repeating: 0, count: I.activityCount)
        var directPupils = [Int](repeating: 0, count: I.activityCount)
        var cohorts = [Int](repeating: 0, count: I.activityCount)
        var sameSchool = 0
        for unit in table.units where unit.activities.count == 1 {
            if case .choice = unit.kind { continue }
            let a = Int(unit.activities[0])
            direct[a] += unit.groups.count
            directPupils[a] += Int(unit.pupils)
            if unit.kind == .cohort {
                cohorts[a] += 1
                if I.together[a] {
                    sameSchool += unit.groups.count - Set(unit.groups.map { I.groupSchool[Int($0)] }).count
                }
            }
        }
        var sessions = 0
        var shortfall = 0
        for a in 0..<I.activityCount where direct[a] > 0 {
            if I.together[a] {
                sessions += cohorts[a]
                continue
            }
            let share = max(1, Int(I.maxGroups[a]))
            let seat =
                I.activityRooms[a].map { r in
                    I.weights.overCapacity != nil
                        ? Int(I.activityCapacity[a]) : min(Int(I.activityCapacity[a]), Int(I.roomCapacity[Int(r)]))
                }.max() ?? 0
            let bySeats = seat <= 0 || seat >= Int(CompiledInstance.unlimited) ? 0 : (directPupils[a] + seat - 1) / seat
            sessions += max((direct[a] + share - 1) / share, bySeats)
        }
        // Preference: the items wanting each activity among their first c.
        var wanting = [Int](repeating: 0, count: I.activityCount)
        for g in 0..<I.groupCount where !I.choiceListsOverlap[g] && Self.pays(.preference, g, I) {
            for item in I.choice[g] where item.within < 0 {
                guard let rank = item.rank else { continue }
                let c = Int(item.count)
                let top = item.choices.indices.filter { Int(rank[$0]) < c }
                // Only items whose first c ranks are c distinct activities.
                guard top.count == c, Set(top.map { rank[$0] }).count == c else { continue }
                for i in top { wanting[Int(item.choices[i])] += 1 }
            }
        }
        for a in 0..<I.activityCount where wanting[a] > 0 {
            let room = Self.groupCapacity(I, activity: a) - direct[a]
            shortfall += max(0, wanting[a] - max(0, room))
        }
        var daysShort = 0
        for g in 0..<I.groupCount where Self.pays(.spread, g, I) {
            for item in I.spread[g] {
                let a = Int(item.activity)
                var days = 0
                for d in 0..<I.dayCount {
                    let open = (0..<I.periodCount).contains { p in
                        let t = d * I.periodCount + p
                        return I.canStart(a, at: t) && I.inside(within: item.within, activity: a, at: t)
                            && I.groupVisit.containsAll(g, from: t, count: Int(I.duration[a]))
                    }
                    if open { days += 1 }
                }
                daysShort += max(0, Int(item.minDays) - min(days, Self.sessionsCounted(for: item, group: g, I)))
            }
        }
        let siteChanges = Self.forcedSiteChanges(I, table: table)
        let overCapacity = Self.forcedOverCapacity(I, table: table)
        var parts: [(Weights.Term, Double)] = []
        for (term, count) in [
            (Weights.Term.preference, shortfall), (.sessions, sessions), (.spread, daysShort),
            (.mixSchools, sameSchool), (.siteChange, siteChanges), (.overCapacity, overCapacity),
        ] {
            let weighted = I.weights[term] * Double(count)
            if weighted > 0 { parts.append((term, weighted)) }
        }
        terms = parts
        soft = parts.reduce(0) { $0 + $1.1 }
    }

    /// How many sessions count towards spread item `item` of group g in a
    /// complete schedule: with `within`, its own; else every session of
    /// the activity the group attends (`Int.max` where a `daily` item
    /// names it: one a visit day, which the days already bound).
    static func sessionsCounted(for item: CompiledInstance.SpreadDemand, group g: Int, _ I: CompiledInstance) -> Int {
        var sessions = 0
        for demand in I.direct[g]
        where demand.activity == item.activity && (item.within < 0 || demand.within == item.within) {
            if demand.daily { return .max }
            sessions += Int(demand.times)
        }
        return sessions
    }

    /// The `overCapacity` part: over the units that must attend one named
    /// activity, their pupils beyond the largest room of it open to all
    /// their groups (0 where room capacity is hard, or a room has no limit).
    static func forcedOverCapacity(_ I: CompiledInstance, table: UnitTable) -> Int {
        guard I.weights.overCapacity != nil else { return 0 }
        var total = 0
        for unit in table.units where unit.activities.count == 1 && unit.pupils > 0 {
            if case .choice = unit.kind { continue }
            guard !unit.groups.contains(where: { I.groupIsPool[Int($0)] }) else { continue }
            var largest: Int32 = -1
            for r in I.activityRooms[Int(unit.activities[0])]
            where unit.groups.allSatisfy({ I.groupNeedsMet.contains(Int($0), Int(r)) }) {
                largest = max(largest, I.roomCapacity[Int(r)])
            }
            guard largest >= 0, largest != CompiledInstance.unlimited else { continue }
            total += max(0, Int(unit.pupils) - Int(largest))
        }
        return total
    }

    /// The `siteChange` part: over the groups on site one day only, the
    /// distinct sites their direct activities force, less one each.
    static func forcedSiteChanges(_ I: CompiledInstance, table: UnitTable) -> Int {
        guard I.weights[.siteChange] > 0 else { return 0 }
        var total = 0
        for g in 0..<I.groupCount where pays(.siteChange, g, I) {
            guard (0..<I.dayCount).filter({ I.groupVisitsDay.contains(g, $0) }).count == 1 else { continue }
            var forced = Set<Int32>()
            var countable = true
            for u in table.unitsOfGroup[g] {
                let unit = table.units[Int(u)]
                var picked = false
                if case .choice = unit.kind { picked = true }
                for a in unit.activities {
                    let sites = Set(
                        I.activityRooms[Int(a)].filter { I.groupNeedsMet.contains(g, Int($0)) }.map {
                            I.roomSite[Int($0)]
                        })
                    if sites.isEmpty || sites.contains(where: { I.sites.online[Int($0)] }) { countable = false }
                    if !picked, unit.activities.count == 1, sites.count == 1 { forced.formUnion(sites) }
                }
            }
            if countable { total += max(0, forced.count - 1) }
        }
        return total
    }

    /// Whether group g's costs on `term` count (it is not exempt from it,
    /// and not a pool, which attends through its teams).
    static func pays(_ term: Weights.Term, _ g: Int, _ I: CompiledInstance) -> Bool {
        I.counts(term, forGroup: g) && !I.groupIsPool[g]
    }

    /// The most groups activity a can take in all: its sessions that fit
    /// (per day, the most non-overlapping starts in each of its rooms, up to
    /// `maxPerDay`; in all up to `maxSessions`) times `maxGroups`.
    static func groupCapacity(_ I: CompiledInstance, activity a: Int) -> Int {
        let P = I.periodCount, k = Int(I.duration[a])
        var total = 0
        for d in 0..<I.dayCount {
            var day = 0
            for r32 in I.activityRooms[a] {
                let r = Int(r32)
                var p = 0
                while p < P {
                    let t = d * P + p
                    if I.canStart(a, at: t) && !I.roomUnavailable.containsAny(r, from: t, count: k) {
                        day += 1
                        p += k
                    } else {
                        p += 1
                    }
                }
            }
            total += min(day, Int(I.maxPerDay[a]))
        }
        return min(total, Int(I.maxSessions[a])).multipliedClamped(by: max(1, Int(I.maxGroups[a])))
    }
}
