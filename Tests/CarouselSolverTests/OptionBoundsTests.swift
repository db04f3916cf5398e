import CarouselModel
import Testing

@testable import CarouselIO
@testable import CarouselSolver

/// Construction's kept option counts (`OptionBounds`: recounting only the
/// units whose capped count a change could have altered) against a full
/// recount of every unit, after random placements, removals and
/// backjumps; and the lazy option order against a stable sort.
@Suite struct OptionBoundsTests {
    /// Every unplaced unit's kept count is its options counted afresh up to
    /// the cap, after each change: the bounds skip only recounts that
    /// could not change a count.
    static func checkCountsAfterRandomChanges(_ I: CompiledInstance, seed: UInt64, steps: Int) {
        var search = Construction(instance: I, seed: seed)
        search.placeFixed()
        var random = SeededRandom(seed: seed &+ 99)
        var changes = 0
        for _ in 0..<steps {
            guard let u = search.selectUnit() else { break }
            for v in search.table.units.indices where search.state.unitSession[v] < 0 && !search.impossible[v] {
                let fresh = search.countOptions(v, cap: Construction.countCap)
                #expect(search.optionCount[v] == fresh, "unit \(v) after \(changes) changes")
                if search.optionCount[v] != fresh { return }
            }
            let placed = search.table.units.indices.filter {
                let s = Int(search.state.unitSession[$0])
                return s >= 0 && !search.state.sessionLocked[s]
            }
            if !placed.isEmpty && random.below(4) == 0 {
                // Take a few units out (their sessions close or shrink).
                for _ in 0..<(1 + random.below(3)) { search.unplace(placed[random.below(placed.count)]) }
            } else {
                // Place u at a random option rather than the best, so that
                // rooms and sessions fill in every pattern.
                let options = search.options(u)
                if options.isEmpty || !search.place(options[random.below(options.count)], unit: u) {
                    search.backjump(u)
                }
            }
            changes += 1
        }
        #expect(changes > 0)
    }

    @Test(arguments: 1...8)
    func keptCountsEqualRecountOnRandomProblems(seed: UInt64) throws {
        let fx = try Fx(json: RandomProblem(seed: seed, fixedSessions: seed % 3 == 0).json)
        Self.checkCountsAfterRandomChanges(fx.instance, seed: seed, steps: 80)
    }

    /// A generated week: many units a day share kinds (lunch, the show,
    /// the workshops by year), so most changes skip most recounts.
    @Test(arguments: [1, 2] as [UInt64])
    func keptCountsEqualRecountOnGeneratedWeek(seed: UInt64) {
        var generator = StemWeekGenerator()
        generator.visitors = 1_900
        generator.days = 2
        generator.seed = seed
        Self.checkCountsAfterRandomChanges(CompiledInstance(generator.make()), seed: seed, steps: 200)
    }

    /// `CheapestFirst` hands out options in the order of a stable sort by
    /// cost: equal costs in the order listed.
    @Test(arguments: 1...20)
    func cheapestFirstIsStableSortOrder(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let n = random.below(200)
        let options = (0..<n).map { i in
            // Few distinct costs, so that ties are common.
            Construction.Option(
                activity: 0, slot: 0, session: -1, room: i, cost: Double(random.below(8)) - 3)
        }
        var lazy = CheapestFirst(options)
        var got: [Int] = []
        while let o = lazy.next() { got.append(o.room) }
        let sorted = options.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
        #expect(got == sorted.map(\.element.room))
    }

    /// Past `stallLimit`, a stalled phase stops and one still progressing
    /// goes on to `timeLimit`.
    @Test func stallLimitStopsOnlyAStalledPhase() {
        let past = Termination(timeLimit: 600, stallLimit: 0)
        #expect(past.shouldStop(iterations: 10, stalled: true))
        #expect(!past.shouldStop(iterations: 10, stalled: false))
        let before = Termination(timeLimit: 600, stallLimit: 300)
        #expect(!before.shouldStop(iterations: 10, stalled: true))
        let share = Solver.constructionShare(of: Termination(timeLimit: 60))
        #expect(share.stallLimit == 30)
        #expect(share.timeLimit == 60 * Solver.constructionMostShare)
    }
}
