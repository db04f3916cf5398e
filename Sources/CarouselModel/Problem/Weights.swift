/// Soft-cost weights (spec section 7). The soft score is the sum over terms of
/// weight × cost.
public struct Weights: Sendable, Equatable {
    /// The soft terms, in the spec's order.
    public enum Term: String, Sendable, CaseIterable {
        case preference, idleGap, siteChange, spread, isolated, roomStability, mixSchools, sessions, staffOverload,
             overCapacity
    }

    public var preference: Double = 5
    public var idleGap: Double = 1
    public var siteChange: Double = 2
    public var spread: Double = 5
    public var isolated: Double = 0
    public var roomStability: Double = 0
    public var mixSchools: Double = 0
    public var sessions: Double = 0
    public var staffOverload: Double = 0
    /// nil: room capacity is a hard rule. A number: cost per pupil over it.
    public var overCapacity: Double? = nil

    public init() {}

    /// The weight of a term (0 for a hard `overCapacity`).
    public subscript(term: Term) -> Double {
        get {
            switch term {
            case .preference: preference
            case .idleGap: idleGap
            case .siteChange: siteChange
            case .spread: spread
            case .isolated: isolated
            case .roomStability: roomStability
            case .mixSchools: mixSchools
            case .sessions: sessions
            case .staffOverload: staffOverload
            case .overCapacity: overCapacity ?? 0
            }
        }
        set {
            switch term {
            case .preference: preference = newValue
            case .idleGap: idleGap = newValue
            case .siteChange: siteChange = newValue
            case .spread: spread = newValue
            case .isolated: isolated = newValue
            case .roomStability: roomStability = newValue
            case .mixSchools: mixSchools = newValue
            case .sessions: sessions = newValue
            case .staffOverload: staffOverload = newValue
            case .overCapacity: overCapacity = newValue
            }
        }
    }
}
