import CarouselModel

extension Evaluator {
    // MARK: Rule 1 and the per-group soft terms

    /// Rule 1 (every attend item met exactly, nothing else attended) and the
    /// group-level soft terms: preference, spread, idleGap, isolated,
    /// siteChange. Pools (spec section 11) attend nothing: a pool in a
    /// session is a rule 10 violation (`checkTeams`).
    ///
    /// Items with `within` (spec section 12) count only the sessions of
    /// their activity inside their ranges; a session of such an activity
    /// inside none of its items' ranges counts for none.
    func checkGroups(_ placed: [Placed], into ev: inout Evaluation) {
        let I = instance
        var byGroup = [[Int]](repeating: [], count: I.groupCount)
        for (k, S) in placed.enumerated() {
            for g in S.session.groups { byGroup[Int(g)].append(k) }
        }
        var preference = 0, idleGap = 0, isolated = 0, siteChange = 0, spreadCost = 0
        for g in 0..<I.groupCount where !I.groupIsPool[g] {
            let gid = I.groupID(g)
            let mine = byGroup[g]
            var perActivity: [Int: [Int]] = [:]
            for k in mine { perActivity[Int(placed[k].session.activity), default: []].append(k) }
            let directActs = Set(I.direct[g].map { Int($0.activity) })
            // The sessions that count for each direct demand.
            var counted = [[Int]](repeating: [], count: I.direct[g].count)
            for a in directActs {
                let demands = I.direct[g].indices.filter { Int(I.direct[g][$0].activity) == a }
                for k in perActivity[a] ?? [] {
                    let S = placed[k]
                    if let j = demands.first(where: { I.inside(within: I.direct[g][$0].within, activity: a, at: S.slot) }) {
                        counted[j].append(k)
                    } else {
                        ev.violations.append(Violation(rule: 1, "group \(gid): \(S.name) lies outside the within ranges of its \(I.activityID(a)) items"))
                    }
                }
            }
            for (j, dem) in I.direct[g].enumerated() {
                let a = Int(dem.activity), list = counted[j], aid = I.activityID(a)
                let scope = dem.within < 0 ? "" : " within the ranges of \(withinText(g, dem.within))"
                if dem.daily {
                    var perDay: [Int: Int] = [:]
                    for k in list { perDay[Int(placed[k].session.day), default: 0] += 1 }
                    for d in 0..<I.dayCount {
                        let n = perDay[d] ?? 0
                        if !I.asksDaily(group: g, day: d, within: dem.within) {
                            if n > 0 {
                                let note = dem.within < 0 ? "" : " inside the within ranges of \(withinText(g, dem.within))"
                                ev.violations.append(Violation(rule: 1, "group \(gid): attends daily \(aid) on \(I.dayID(d)), a day it does not visit\(note)"))
                            }
                        } else if n != 1 {
                            let note = dem.within < 0 ? "" : ", within \(withinText(g, dem.within))"
                            ev.violations.append(Violation(rule: 1, "group \(gid): attends \(aid) \(n) times on \(I.dayID(d)), needs exactly 1 (daily\(note))"))
                        }
                    }
                } else if list.count != Int(dem.times) {
                    ev.violations.append(Violation(rule: 1, "group \(gid): attends \(aid) \(list.count) times\(scope), needs \(dem.times)"))
                }
            }
            for sp in I.spread[g] where I.counts(.spread, forGroup: g) {
                let sessions = (perActivity[Int(sp.activity)] ?? []).filter {
                    I.inside(within: sp.within, activity: Int(sp.activity), at: placed[$0].slot)
                }
                let days = Set(sessions.map { placed[$0].session.day })
                spreadCost += max(0, Int(sp.minDays) - days.count)
            }
            // oneOf items
            let listed = Set(I.choice[g].flatMap { $0.choices.map(Int.init) })
            var chosen: [Int] = []
            for (a, list) in perActivity.sorted(by: { $0.key < $1.key }) where !directActs.contains(a) {
                if !listed.contains(a) {
                    ev.violations.append(Violation(rule: 1, "group \(gid): attends \(I.activityID(a)) (\(list.count)x), which none of its attend items asks for"))
                } else {
                    if list.count > 1 {
                        ev.violations.append(Violation(rule: 1, "group \(gid): attends oneOf choice \(I.activityID(a)) \(list.count) times, needs once"))
                    }
                    chosen.append(a)
                }
            }
            let items = I.choice[g]
            let fits: ((Int, Int) -> Bool)? = items.contains(where: { $0.within >= 0 }) ? { k, a in
                (perActivity[a] ?? []).allSatisfy { I.inside(within: items[k].within, activity: a, at: placed[$0].slot) }
            } : nil
            let (assignment, prefCost) = ChoiceAssignment.best(items: items, chosen: chosen, fits: fits)
            for (k, item) in items.enumerated() where assignment[k].count != Int(item.count) {
                ev.violations.append(Violation(rule: 1, "group \(gid): oneOf [\(item.choices.map { I.activityID(Int($0)) }.joined(separator: ", "))] has \(assignment[k].count) distinct choices, needs \(item.count)"))
            }
            if let fits {
                for (k, item) in items.enumerated() {
                    for a in assignment[k] where !fits(k, a) {
                        let names = (perActivity[a] ?? []).map { placed[$0].name }.joined(separator: ", ")
                        ev.violations.append(Violation(rule: 1, "group \(gid): oneOf choice \(I.activityID(a)) (\(names)) lies outside the within ranges of \(withinText(g, item.within))"))
                    }
                }
            }
            if I.counts(.preference, forGroup: g) { preference += prefCost }
            // Day geometry
            var byDay: [Int: [Int]] = [:]
            for k in mine { byDay[Int(placed[k].session.day), default: []].append(k) }
            for (_, list) in byDay {
                var occupied = Set<Int32>()
                var spans: [(Int32, Int32, Int)] = []
                for k in list {
                    let a0 = I.position[placed[k].slot], a1 = I.position[placed[k].slot + placed[k].duration - 1]
                    spans.append((a0, a1, k))
                    for x in a0...a1 { occupied.insert(x) }
                }
                let lo = spans.map(\.0).min()!, hi = spans.map(\.1).max()!
                if I.counts(.idleGap, forGroup: g) { idleGap += (lo...hi).filter { !occupied.contains($0) }.count }
                spans.sort { ($0.0, $0.1) < ($1.0, $1.1) }
                if I.counts(.isolated, forGroup: g) {
                    for (a0, a1, _) in spans where !occupied.contains(a0 - 1) && !occupied.contains(a1 + 1) { isolated += 1 }
                }
                if I.counts(.siteChange, forGroup: g) {
                    for (u, v) in zip(spans, spans.dropFirst()) {
                        let su = Int(I.roomSite[Int(placed[u.2].session.room)]), sv = Int(I.roomSite[Int(placed[v.2].session.room)])
                        // Spec section 10: pairs with a session at an online site do not count.
                        if su != sv && !I.sites.online[su] && !I.sites.online[sv] { siteChange += 1 }
                    }
                }
            }
        }
        ev.costs[Weights.Term.preference.index] = Double(preference)
        ev.costs[Weights.Term.idleGap.index] = Double(idleGap)
        ev.costs[Weights.Term.isolated.index] = Double(isolated)
        ev.costs[Weights.Term.siteChange.index] = Double(siteChange)
        ev.costs[Weights.Term.spread.index] = Double(spreadCost)
    }

    /// `groups[3].attend[1]` (or `teams[0].attend[1]` for a team) for the
    /// attend item of group `g` that owns `within` row `w`.
    func withinText(_ g: Int, _ w: Int32) -> String {
        let p = instance.problem
        let group = p.groups[g]
        var row = 0
        for gg in 0..<g { row += p.groups[gg].attend.filter { $0.within != nil }.count }
        for (k, item) in group.attend.enumerated() where item.within != nil {
            if row == Int(w) {
                if let team = group.team { return "teams[\(team.formation)].attend[\(k)]" }
                return "groups[\(g)].attend[\(k)]"
            }
            row += 1
        }
        return "an attend item"
    }
}
