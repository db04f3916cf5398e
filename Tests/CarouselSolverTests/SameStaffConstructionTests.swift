import CarouselIO
import CarouselModel
import Testing

@testable import CarouselSolver

/// Construction keeps for each `sameStaff` group (rule 11) the people it
/// needs all term: a generated term of sports three times the example's
/// size has only as many always-available helpers as its `sameStaff`
/// groups need each week, and before their pools were kept construction
/// left units of those groups unplaced until its time ran out.
@Suite struct SameStaffConstructionTests {
    /// Construction alone places every unit, and the schedule breaks no
    /// rule (rule 11 included), on three seeds of the tight term.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func constructionPlacesEverySameStaffGroup(seed: UInt64) {
        let problem = GeneratorKind.termSports.make(GeneratorParameters(scale: 3, seed: seed))
        #expect(problem.groups.contains { $0.sameStaff })
        let I = CompiledInstance(problem)
        let result = Construction.run(I, seed: seed, termination: Termination(timeLimit: 20))
        #expect(result.isComplete, "seed \(seed): \(result.state.unassignedCount) units unplaced")
        let evaluation = Evaluator(I).evaluate(result.state.schedule)
        #expect(evaluation.isFeasible, "seed \(seed): \(evaluation.violations.prefix(3).map(\.message))")
    }

    /// A group's pool is the continuity-role staff available at some period
    /// of its visit on every day it may come — here the helpers with no
    /// `available` list, and no coach (coaches are not a continuity role).
    @Test func poolsAreTheHelpersThereEveryWeek() {
        let problem = GeneratorKind.termSports.make(GeneratorParameters(scale: 3, seed: 1))
        let I = CompiledInstance(problem)
        let pools = SameStaffPools(I, table: UnitTable(I))
        #expect(!pools.groups.isEmpty)
        for g32 in pools.groups {
            let g = Int(g32)
            for (st, member) in problem.staff.enumerated() {
                let inPool = pools.pool[g * pools.stride + (st >> 6)] & (1 << UInt64(st & 63)) != 0
                let everyWeek = member.role == "helper" && member.available == nil
                #expect(inPool == everyWeek, "group \(I.groupID(g)), staff \(member.id)")
            }
        }
    }
}
