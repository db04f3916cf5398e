import Foundation

/// Simulated annealing on the soft score (Kirkpatrick, Gelatt and Vecchi;
/// Timefold's `SimulatedAnnealingAcceptor`): a move that worsens the score
/// by δ > 0 is taken with probability e^(−δ/T).
///
/// The start temperature is set so that the mean worsening of a sample of
/// moves is taken half the time (e^(−mean/T₀) ≈ 0.5, T₀ = mean / 0.69, at
/// least 0.05); T then falls geometrically to T₀/1000 as the search's budget
/// (time or moves, whichever runs out first) is spent.
struct SimulatedAnnealing {
    let start: Double
    let end: Double
    private(set) var temperature: Double

    /// A schedule for `count` sampled worsening moves that add up to
    /// `worsening` (T₀ = 1 when none was sampled).
    init(sampledWorsening worsening: Double, count: Int) {
        start = count > 0 ? max(0.05, worsening / Double(count) / 0.69) : 1.0
        end = start * 1e-3
        temperature = start
    }

    /// Sets the temperature for `fraction` (0…1) of the budget spent.
    mutating func cool(to fraction: Double) {
        temperature = start * pow(end / start, fraction)
    }

    /// Whether to take a move that worsens the soft score by `delta` > 0.
    @inline(__always)
    func accepts(worsening delta: Double, _ random: inout SeededRandom) -> Bool {
        random.unit() < exp(-delta / temperature)
    }
}
