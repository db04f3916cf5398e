import Foundation

/// Simulated annealing on the soft score (Kirkpatrick, Gelatt and Vecchi;
/// Timefold's `SimulatedAnnealingAcceptor`): a move that worsens the score
/// by δ > 0 is taken with probability e^(−δ/T).
///
/// The start temperature is set so that the mean worsening of a sample of
/// moves is taken half the time (e^(−mean/T₀) ≈ 0.5, T₀ = mean / 0.69, at
/// least 0.05); T then falls geometrically to T₀/1000 as the search's budget
/// (time or moves, whichever runs out first) is spent.
///
/// A budget of few moves per unit (a very large problem, or a short time
/// limit) cannot afford a hot start: most of it would go to wandering from
/// the constructed schedule and back. Under a time limit the search
/// measures its rate early on and scales T₀ and the end temperature by
/// `startScale(movesPerUnit:)`.
///
/// A budget of very many moves per unit is spent as several annealings in
/// turn (`rounds`), each from T₀ down to the end temperature from where the
/// last one ended, the best schedule kept throughout: past a few hundred
/// thousand moves per unit, one longer annealing improves little, while
/// each new one ends somewhere else (`rounds(movesPerUnit:movesPerRound:)`).
struct SimulatedAnnealing {
    private(set) var start: Double
    private(set) var end: Double
    private(set) var temperature: Double
    /// Annealings in turn over the budget (1 unless `split(into:)`).
    private(set) var rounds = 1

    /// A schedule for `count` sampled worsening moves that add up to
    /// `worsening` (T₀ = 1 when none was sampled).
    init(sampledWorsening worsening: Double, count: Int) {
        start = count > 0 ? max(0.05, worsening / Double(count) / 0.69) : 1.0
        end = start * 1e-3
        temperature = start
    }

    /// The factor on the temperatures for a budget of `r` moves per unit:
    /// 1 from 2,000 moves per unit (the start that suits every problem up
    /// to tens of thousands of visitors in seconds), in proportion below
    /// that, at least 0.01. (Measured with move budgets on generated weeks:
    /// 100,000 visitors at 216 moves per unit ended 10 % lower with the
    /// temperatures × 0.1 than × 1, at 540 moves per unit 3.6 % lower with
    /// × 0.3; 20,000 visitors at 2,150 moves per unit best with × 1.)
    static func startScale(movesPerUnit r: Double) -> Double {
        min(1, max(0.01, r / 2_000))
    }

    /// Scales the start and end temperatures by `factor` (the current
    /// temperature follows at the next `cool`).
    mutating func scale(by factor: Double) {
        start *= factor
        end *= factor
    }

    /// The annealings in turn for a budget of `r` moves per unit: one per
    /// `m` moves per unit, at least 1 and at most 64. (ITC-2007 at 300 s,
    /// where the search makes 0.8–2.3 million moves per lecture: Benchmarks/
    /// README.md, "Annealings in turn".)
    static func rounds(movesPerUnit r: Double, movesPerRound m: Double) -> Int {
        max(1, Int(min(64, r / m)))
    }

    /// Spends the budget as n annealings in turn.
    mutating func split(into n: Int) {
        rounds = max(1, n)
    }

    /// Sets the temperature for `fraction` (0…1) of the budget spent: in
    /// annealing i of n (i from 0), for the part n × fraction − i of it.
    mutating func cool(to fraction: Double) {
        let position = fraction * Double(rounds)
        let round = min(rounds - 1, Int(position))
        temperature = start * pow(end / start, position - Double(round))
    }

    /// Whether to take a move that worsens the soft score by `delta` > 0.
    @inline(__always)
    func accepts(worsening delta: Double, _ random: inout SeededRandom) -> Bool {
        random.unit() < exp(-delta / temperature)
    }
}
