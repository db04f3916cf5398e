/// `preference` (spec §7): per `oneOf` item with `prefer`, the ranks of the
/// chosen activities summed, minus the least possible sum (never below 0).
/// When a group's lists overlap, its picks are assigned to items as
/// `ChoiceAssignment` says (count mismatches, then preference, least).
enum Preference {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .group(cost), placement: .mayLowerItsGroups)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.sumOverGroups(counting: .preference) { g in
            ChoiceAssignment.best(
                items: placed.instance.choice[g], chosen: placed.chosenActivities(of: g),
                fits: placed.choiceFits(of: g)
            ).1
        }
    }

    /// Group g's cost: each chosen activity belongs to one list at most
    /// (then the ranks add up per item), or the general assignment.
    static func cost(_ g: Int, _ state: PartialSchedule) -> Int {
        let I = state.instance
        guard !I.choice[g].isEmpty else { return 0 }
        guard !I.choiceListsOverlap[g] else {
            var chosen: [Int] = []
            for u in state.table.unitsOfGroup[g] {
                if case .choice = state.table.units[Int(u)].kind, state.unitActivity[Int(u)] >= 0 {
                    chosen.append(Int(state.unitActivity[Int(u)]))
                }
            }
            // With `within` (spec section 12), a choice fits an item when its session lies inside the item's ranges.
            let items = I.choice[g]
            let fits: ((Int, Int) -> Bool)? =
                items.contains(where: { $0.within >= 0 })
                ? { k, a in
                    state.table.unitsOfGroup[g].allSatisfy { u in
                        state.unitActivity[Int(u)] != Int32(a)
                            || I.inside(
                                within: items[k].within, activity: a,
                                at: Int(state.sessionSlot[Int(state.unitSession[Int(u)])]))
                    }
                } : nil
            return ChoiceAssignment.best(items: items, chosen: chosen, fits: fits).1
        }
        var cost = 0
        for (k, item) in I.choice[g].enumerated() {
            guard let rank = item.rank else { continue }
            var sum = 0
            for u in state.table.unitsOfGroup[g] {
                let a = state.unitActivity[Int(u)]
                guard a >= 0, case .choice(let kk) = state.table.units[Int(u)].kind, Int(kk) == k,
                    let i = item.choices.firstIndex(of: a)
                else { continue }
                sum += Int(rank[i])
            }
            cost += max(0, sum - Int(item.leastRankSum))
        }
        return cost
    }
}
