import CarouselModel

/// The result of scoring a schedule from scratch: every broken hard rule and
/// the cost of every soft term (spec sections 7 and 8).
public struct Evaluation: Sendable {
    public var violations: [Violation]
    /// Unweighted cost per soft term, indexed like `Weights.Term.allCases`.
    /// Whole numbers except `hostBalance`, which may be fractional.
    public var costs: [Double]
    public let weights: Weights

    public init(violations: [Violation] = [], costs: [Double] = Array(repeating: 0, count: Weights.Term.allCases.count),
                weights: Weights) {
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

extension Weights.Term {
    /// Position in `allCases`.
    public var index: Int {
        switch self {
        case .preference: 0
        case .idleGap: 1
        case .siteChange: 2
        case .spread: 3
        case .isolated: 4
        case .roomStability: 5
        case .mixSchools: 6
        case .sessions: 7
        case .staffOverload: 8
        case .overCapacity: 9
        case .travel: 10
        case .continuity: 11
        case .hostBalance: 12
        case .displaced: 13
        }
    }
}
