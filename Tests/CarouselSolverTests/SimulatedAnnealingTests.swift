import Testing

@testable import CarouselSolver

/// The annealing's temperatures: the start set from sampled worsenings, the
/// geometric fall, and the scale for budgets of few moves per unit.
@Suite struct SimulatedAnnealingTests {
    @Test func theStartTakesTheMeanWorseningHalfTheTime() {
        var annealing = SimulatedAnnealing(sampledWorsening: 69, count: 10)
        #expect(abs(annealing.start - 10) < 1e-9)
        #expect(abs(annealing.end - 0.01) < 1e-12)
        annealing.cool(to: 0.5)
        #expect(abs(annealing.temperature - (10 * 0.01).squareRoot()) < 1e-9)
        annealing.cool(to: 1)
        #expect(abs(annealing.temperature - 0.01) < 1e-12)
    }

    @Test func fewMovesPerUnitScaleTheTemperaturesDown() {
        #expect(SimulatedAnnealing.startScale(movesPerUnit: 50_000) == 1)
        #expect(SimulatedAnnealing.startScale(movesPerUnit: 2_000) == 1)
        #expect(abs(SimulatedAnnealing.startScale(movesPerUnit: 216) - 0.108) < 1e-12)
        #expect(SimulatedAnnealing.startScale(movesPerUnit: 1) == 0.01)
        var annealing = SimulatedAnnealing(sampledWorsening: 69, count: 10)
        annealing.scale(by: 0.1)
        annealing.cool(to: 0)
        #expect(abs(annealing.temperature - 1) < 1e-9)
        annealing.cool(to: 1)
        #expect(abs(annealing.temperature - 0.001) < 1e-12)
    }

    @Test func aBudgetOfManyMovesPerUnitIsSpentAsAnnealingsInTurn() {
        #expect(SimulatedAnnealing.rounds(movesPerUnit: 50_000, movesPerRound: 400_000) == 1)
        #expect(SimulatedAnnealing.rounds(movesPerUnit: 799_999, movesPerRound: 400_000) == 1)
        #expect(SimulatedAnnealing.rounds(movesPerUnit: 2_060_000, movesPerRound: 400_000) == 5)
        #expect(SimulatedAnnealing.rounds(movesPerUnit: 1e12, movesPerRound: 400_000) == 64)
        // T₀ = 10, end 0.01, in three annealings: each falls from 10 to 0.01
        // over its third of the budget.
        var annealing = SimulatedAnnealing(sampledWorsening: 69, count: 10)
        annealing.split(into: 3)
        annealing.cool(to: 0.5 / 3)
        #expect(abs(annealing.temperature - (10 * 0.01).squareRoot()) < 1e-9)
        annealing.cool(to: 1.0 / 3 + 1e-12)
        #expect(abs(annealing.temperature - 10) < 1e-6)
        annealing.cool(to: 2.5 / 3)
        #expect(abs(annealing.temperature - (10 * 0.01).squareRoot()) < 1e-9)
        annealing.cool(to: 1)
        #expect(abs(annealing.temperature - 0.01) < 1e-12)
    }
}
