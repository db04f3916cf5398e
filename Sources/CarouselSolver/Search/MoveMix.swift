extension LocalSearch {
    /// The kinds of move, each in its own file under `Moves/`.
    enum Move: CaseIterable {
        case relocateUnit, exchangeUnits, moveSession, swapSessions, kempeChain, reassignStaff, insertUnit,
            reassignGroupStaff
        case lendStaff, withdrawStaff
        case rerouteSession, crossUnits
        case returnUnit
    }

    /// Which kind of move to try next: cpsolver's weighted neighbour
    /// selection. A kind is drawn with probability weight / Σ weights; while
    /// units are unplaced, `insertionPercent` of the draws try to insert one
    /// first.
    ///
    /// A new move is a file under `Moves/` (an extension of `LocalSearch`
    /// with a `mutating func` that makes it and records its undo), a case
    /// above, its weight here and its line in `make(_:)`.
    struct MoveMix {
        let weights: [(move: Move, weight: Int)]
        let insertionPercent: Int
        private let total: Int

        init(_ weights: [(move: Move, weight: Int)], insertionPercent: Int) {
            self.weights = weights
            self.insertionPercent = insertionPercent
            total = weights.reduce(0) { $0 + $1.weight }
        }

        /// The mix the search uses (weights in percent).
        static let standard = MoveMix(
            [
                (.relocateUnit, 30),
                (.exchangeUnits, 15),
                (.moveSession, 20),
                (.swapSessions, 19),
                (.kempeChain, 8),
                (.reassignStaff, 8),
            ], insertionPercent: 30)

        /// The mix for an instance: the standard one, less the kinds that
        /// can never apply to it — the unit moves where every unit is a
        /// cohort (each its session: a `together` activity's groups, as an
        /// ITC-2007 import has them), the staff move where no staff row has
        /// a choice; where staff continuity counts, the group staff move as
        /// well; where groups pick activities (`oneOf`), the reroutes: a
        /// session's, which reaches a pick whose sessions are all at starts
        /// the group has taken, and a group's (`crossUnits`), which empties
        /// sessions.
        ///
        /// (A kind that cannot apply costs a draw each time for nothing: on
        /// ITC-2007's comp05 those were half the draws.)
        static func mix(for I: CompiledInstance, units: UnitTable) -> MoveMix {
            let unitsMove = units.units.contains { $0.kind != .cohort }
            let staffChoose = I.rows.contains { $0.members.count > 1 }
            var weights = standard.weights.filter { kind in
                switch kind.move {
                case .relocateUnit, .exchangeUnits: unitsMove
                case .reassignStaff: staffChoose
                default: true
                }
            }
            if I.wantsContinuity {
                weights.append((.reassignGroupStaff, 8))
                if I.weights[.continuity] > 0 { weights += [(.lendStaff, 4), (.withdrawStaff, 4)] }
            }
            if I.choice.contains(where: { !$0.isEmpty }) {
                weights += [(.rerouteSession, rerouteWeight), (.crossUnits, rerouteWeight)]
            }
            return MoveMix(weights, insertionPercent: standard.insertionPercent)
        }

        /// The reroutes' weight (each), where they are in the mix.
        static let rerouteWeight = 8

        /// This mix for a repair: with the return move as well.
        func repairing() -> MoveMix {
            MoveMix(weights + [(.returnUnit, Self.returnWeight)], insertionPercent: insertionPercent)
        }

        /// The return move's weight, in a repair.
        static let returnWeight = 10

        /// Draws the next kind of move; `repairing` while units are unplaced.
        @inline(__always)
        func draw(repairing: Bool, _ random: inout SeededRandom) -> Move {
            if repairing && random.below(100) < insertionPercent { return .insertUnit }
            var r = random.below(total)
            var i = 0
            while r >= weights[i].weight {
                r -= weights[i].weight
                i += 1
            }
            return weights[i].move
        }
    }

    /// Makes one move of the given kind (recording how to undo it); false if
    /// it was not possible (nothing changed). A switch: the moves are
    /// dispatched statically, and none allocates.
    @inline(__always)
    mutating func make(_ move: Move) -> Bool {
        switch move {
        case .relocateUnit: relocateUnit()
        case .exchangeUnits: exchangeUnits()
        case .moveSession: moveSession()
        case .swapSessions: swapSessions()
        case .kempeChain: kempeChain()
        case .reassignStaff: reassignStaff()
        case .insertUnit: insertUnit()
        case .reassignGroupStaff: reassignGroupStaff()
        case .lendStaff: lendStaff()
        case .withdrawStaff: withdrawStaff()
        case .rerouteSession: rerouteSession()
        case .crossUnits: crossUnits()
        case .returnUnit: returnUnit()
        }
    }
}
