import CarouselModel

/// The result of scoring a schedule from scratch: every broken hard rule and
/// the cost of every soft term (spec sections 7 and 8).
public struct Evaluation: Sendable {
    public var violations: [Violation]
    /// Unweighted cost per soft term, indexed like `Weights.Term.allCases`:
    /// whole numbers but for `hostBalance`, which may be fractional.
    public var costs: [Double]
    public let weights: Weights

    public init(
        violations: [Violation] = [], costs: [Double] = Array(repeating: 0, count: Weights.Term.allCases.count),
        weights: Weights
    ) {
        self.violations = violations
        self.costs = costs
        self.weights = weights
    }

    /// Broken hard-rule instances.
    public var hard: Int { violations.count }
    public var isFeasible: Bool { violations.isEmpty }

    public func cost(_ term: Weights.Term) -> Double { costs[term.index] }

    /// weight × cost of one term.
    public func weighted(_ term: Weights.Term) -> Double { weights[term] * costs[term.index] }

    /// Σ weight × cost over all terms.
    public var soft: Double { Weights.Term.allCases.reduce(0) { $0 + weighted($1) } }
}
