/// What every generated kind of event takes besides its shape: how big, how
/// tight, and the seed. The same parameters always give the same problem.
public struct GeneratorParameters: Sendable, Equatable {
    /// Size relative to the kind's bundled example: 1 is about the same
    /// number of pupils, rooms and staff; 10 is ten times as many.
    public var scale: Double
    /// How busy the kind's bottleneck resource is (`utilisation`): 0 roomy,
    /// 1 tight. Above 1 the problem is over-constrained on purpose: the
    /// bottleneck is cut below what a counting argument shows is needed, so
    /// no schedule exists (for infeasibility benchmarks; docs/generators.md
    /// names the argument per kind).
    public var tightness: Double
    public var seed: UInt64

    public init(scale: Double = 1, tightness: Double = 0.5, seed: UInt64 = 1) {
        self.scale = scale
        self.tightness = tightness
        self.seed = seed
    }

    /// The scales and tightnesses `carousel generate` accepts.
    public static let scaleRange: ClosedRange<Double> = 0.1...100
    public static let tightnessRange: ClosedRange<Double> = 0...2

    /// The share of the bottleneck in use: 55 % at tightness 0, 90 % at 1,
    /// 125 % at 2 (the STEM-week generator's rule, continued past 1).
    var utilisation: Double { 0.55 + 0.35 * max(0, tightness) }

    /// Whether the bottleneck is cut below the need (tightness above 1).
    var isOverConstrained: Bool { tightness > 1 }

    /// `count` of the example scaled, rounded, at least `minimum`.
    func scaled(_ count: Int, minimum: Int = 1) -> Int {
        max(minimum, Int((Double(count) * scale).rounded()))
    }

    /// Units of a resource that is not the bottleneck: enough for `demand` at
    /// the current utilisation, capped at 90 %, and never below the need.
    func provision(for demand: Double) -> Int {
        max(1, Int((demand / min(utilisation, 0.9)).rounded(.up)))
    }

    /// Units of the bottleneck to provide for `demand` units of need: enough
    /// at the current utilisation, and when over-constrained strictly fewer
    /// than the need (at least one fewer, however small the demand), so that
    /// the counting argument always bites.
    func supply(for demand: Double) -> Int {
        let need = Int(demand.rounded(.up))
        guard isOverConstrained else { return max(1, Int((demand / utilisation).rounded(.up))) }
        return max(0, min(need - 1, Int((demand / utilisation).rounded(.down))))
    }
}
