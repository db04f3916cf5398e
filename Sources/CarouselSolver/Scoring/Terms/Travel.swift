/// `travel` (spec section 10): per session, for every group and staff
/// member in it with a `home`, the minutes from home to the session's site
/// (once per session, one way, not per pupil; teams have no home).
enum Travel {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .session(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.sessions.reduce(0) {
            $0
                + minutes(
                    groups: $1.session.groups, staff: $1.session.staff, room: Int($1.session.room), placed.instance)
        }
    }

    static func cost(_ s: Int, _ state: PartialSchedule) -> Int {
        let I = state.instance, site = Int(I.roomSite[Int(state.sessionRoom[s])])
        var total = 0
        for i in state.sessionGroups[s].indices {
            let home = I.sites.groupHome[Int(state.sessionGroups[s][i])]
            if home >= 0 { total += Int(I.sites.minutes(Int(home), site)) }
        }
        for i in state.sessionStaff[s].indices {
            let home = I.sites.staffHome[Int(state.sessionStaff[s][i])]
            if home >= 0 { total += Int(I.sites.minutes(Int(home), site)) }
        }
        return total
    }

    private static func minutes(groups: [Int32], staff: [Int32], room r: Int, _ I: CompiledInstance) -> Int {
        let site = Int(I.roomSite[r])
        let fromGroups = groups.reduce(0) { total, g in
            I.sites.groupHome[Int(g)] >= 0 ? total + Int(I.sites.minutes(Int(I.sites.groupHome[Int(g)]), site)) : total
        }
        return staff.reduce(fromGroups) { total, st in
            I.sites.staffHome[Int(st)] >= 0
                ? total + Int(I.sites.minutes(Int(I.sites.staffHome[Int(st)]), site)) : total
        }
    }
}
