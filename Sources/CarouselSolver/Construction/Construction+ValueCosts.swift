/// The soft costs construction weighs when it orders a unit's options:
/// estimates of what a placement would add to the soft score.
extension Construction {
    /// Preference cost of a choice unit picking activity a.
    func wishCost(_ u: Int, activity a: Int) -> Double {
        let unit = table.units[u]
        guard case .choice(let item) = unit.kind else { return 0 }
        let demand = instance.choice[Int(unit.group)][Int(item)]
        guard let rank = demand.rank, let i = demand.choices.firstIndex(of: Int32(a)) else { return 0 }
        return Double(rank[i]) * instance.weights[.preference]
    }

    /// Soft cost of the unit's groups' day if a session were added at slot t:
    /// idle periods it would create between sessions, a session far from the
    /// others, a change of site next to it.
    func dayShapeCost(_ unit: Unit, slot t: Int, duration k: Int, site: Int32) -> Double {
        let I = instance, P = I.periodCount, W = I.weights
        let d = t / P
        let lo0 = Int(I.position[t]), hi0 = Int(I.position[t + k - 1])
        var cost = 0.0
        for g32 in unit.groups.prefix(4) {
            let g = Int(g32)
            var lo = Int.max, hi = Int.min, busy = 0
            var prevSite: Int32 = -1, nextSite: Int32 = -1, prevPos = Int.min, nextPos = Int.max
            var before = false, after = false
            for p in 0..<P {
                let s = state.groupSession(g, at: d * P + p)
                guard s >= 0 else { continue }
                let pos = Int(I.position[d * P + p])
                busy += 1
                lo = min(lo, pos)
                hi = max(hi, pos)
                if pos < lo0 && pos > prevPos {
                    prevPos = pos
                    prevSite = I.roomSite[Int(state.sessionRoom[Int(s)])]
                }
                if pos > hi0 && pos < nextPos {
                    nextPos = pos
                    nextSite = I.roomSite[Int(state.sessionRoom[Int(s)])]
                }
                if pos == lo0 - 1 { before = true }
                if pos == hi0 + 1 { after = true }
            }
            guard busy > 0 else { continue }
            let oldGap = hi - lo + 1 - busy
            let newLo = min(lo, lo0), newHi = max(hi, hi0)
            let newGap = newHi - newLo + 1 - busy - (hi0 - lo0 + 1)
            cost += Double(newGap - oldGap) * max(W[.idleGap], 0.2)
            if !before && !after { cost += W[.isolated] + 0.1 }
            if prevSite >= 0 && prevSite != site { cost += W[.siteChange] }
            if nextSite >= 0 && nextSite != site { cost += W[.siteChange] }
        }
        return cost
    }

    /// mixSchools cost of joining session s.
    func mixCost(_ unit: Unit, session s: Int) -> Double {
        let w = instance.weights[.mixSchools]
        guard w > 0 else { return 0 }
        let school = instance.groupSchool[Int(unit.group)]
        return state.sessionGroups[s].contains { instance.groupSchool[Int($0)] == school } ? w : 0
    }

    /// What joining session s costs unit u's or the session's `sameStaff`
    /// groups (rule 11): a group that joins another's session is given its
    /// people, and a session that needs more staff for u shows its groups
    /// new ones, so a `sameStaff` group's unit opens a session of its own
    /// and the others join it only where its staff stay as they are.
    func sameStaffJoinCost(_ u: Int, session s: Int) -> Double {
        guard instance.hasSameStaff else { return 0 }
        let unit = table.units[u]
        if unit.groups.contains(where: { instance.groupSameStaff[Int($0)] }) { return Self.sameStaffJoinPenalty }
        guard state.holdsSameStaffGroup(s) else { return 0 }
        let pupils = state.sessionPupils[s]
        for row in instance.rowRange(Int(state.sessionActivity[s]))
        where instance.rows[row].needed(pupils: pupils + unit.pupils) != instance.rows[row].needed(pupils: pupils) {
            return Self.sameStaffJoinPenalty
        }
        return 0
    }

    /// Above every other cost of a construction option: such a join comes last.
    static let sameStaffJoinPenalty = 100.0
}
