import CarouselModel

extension Evaluator {
    // MARK: Rule 1

    /// Every attend item is met exactly, and a group attends nothing else.
    /// Pools (spec section 11) attend nothing themselves: a pool in a
    /// session is a rule 10 violation (`checkTeams`).
    ///
    /// Items with `within` (spec section 12) count only the sessions of
    /// their activity inside their ranges; a session of such an activity
    /// inside none of them counts for none.
    func checkAttendance(_ placed: PlacedSchedule, into ev: inout Evaluation) {
        let I = instance
        for g in 0..<I.groupCount where !I.groupIsPool[g] {
            let gid = I.groupID(g)
            let attended = placed.activities(of: g)
            func sessions(of a: Int) -> [Int] { attended.first { $0.activity == a }?.sessions ?? [] }
            for (j, dem) in I.direct[g].enumerated() {
                let a = Int(dem.activity), aid = I.activityID(a)
                let list = placed.sessions(of: g, countingFor: j)
                let scope = dem.within < 0 ? "" : " within the ranges of \(withinText(g, dem.within))"
                if dem.daily {
                    var perDay: [Int: Int] = [:]
                    for k in list { perDay[Int(placed.sessions[k].session.day), default: 0] += 1 }
                    for d in 0..<I.dayCount {
                        let n = perDay[d] ?? 0
                        if !I.asksDaily(group: g, day: d, within: dem.within) {
                            if n > 0 {
                                let note =
                                    dem.within < 0 ? "" : " inside the within ranges of \(withinText(g, dem.within))"
                                ev.violations.append(
                                    Violation(
                                        .attendance,
                                        "group \(gid): attends daily \(aid) on \(I.dayID(d)), "
                                            + "a day it does not visit\(note)"))
                            }
                        } else if n != 1 {
                            let note = dem.within < 0 ? "" : ", within \(withinText(g, dem.within))"
                            ev.violations.append(
                                Violation(
                                    .attendance,
                                    "group \(gid): attends \(aid) \(n) times on \(I.dayID(d)), "
                                        + "needs exactly 1 (daily\(note))"))
                        }
                    }
                } else if list.count != Int(dem.times) {
                    ev.violations.append(
                        Violation(
                            .attendance, "group \(gid): attends \(aid) \(list.count) times\(scope), needs \(dem.times)")
                    )
                }
            }
            for k in placed.outsideEveryItem(of: g) {
                let S = placed.sessions[k]
                ev.violations.append(
                    Violation(
                        .attendance,
                        "group \(gid): \(S.name) lies outside the within ranges of its "
                            + "\(I.activityID(Int(S.session.activity))) items"))
            }
            // oneOf items
            for (a, list) in attended where !placed.isDirect(a, for: g) {
                if !placed.isListed(a, for: g) {
                    ev.violations.append(
                        Violation(
                            .attendance,
                            "group \(gid): attends \(I.activityID(a)) (\(list.count)x), "
                                + "which none of its attend items asks for"))
                } else if list.count > 1 {
                    ev.violations.append(
                        Violation(
                            .attendance,
                            "group \(gid): attends oneOf choice \(I.activityID(a)) "
                                + "\(list.count) times, needs once"))
                }
            }
            let fits = placed.choiceFits(of: g)
            let (assignment, _) = ChoiceAssignment.best(
                items: I.choice[g], chosen: placed.chosenActivities(of: g), fits: fits)
            for (k, item) in I.choice[g].enumerated() {
                if assignment[k].count != Int(item.count) {
                    let list = item.choices.map { I.activityID(Int($0)) }.joined(separator: ", ")
                    ev.violations.append(
                        Violation(
                            .attendance,
                            "group \(gid): oneOf [\(list)] has \(assignment[k].count) distinct "
                                + "choices, needs \(item.count)"))
                }
                for a in assignment[k] where !(fits?(k, a) ?? true) {
                    let names = sessions(of: a).map { placed.sessions[$0].name }.joined(separator: ", ")
                    ev.violations.append(
                        Violation(
                            .attendance,
                            "group \(gid): oneOf choice \(I.activityID(a)) (\(names)) lies "
                                + "outside the within ranges of \(withinText(g, item.within))"))
                }
            }
        }
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
