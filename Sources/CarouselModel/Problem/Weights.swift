/// Soft-cost weights (spec section 7). The soft score is the sum over terms of
/// weight × cost.
public struct Weights: Sendable, Equatable {
    /// The soft terms, in the spec's order: version 1's ten (section 7),
    /// then version 2's four (sections 10–14).
    public enum Term: String, Sendable, CaseIterable {
        case preference, idleGap, siteChange, spread, isolated, roomStability, mixSchools, sessions, staffOverload,
             overCapacity
        case travel, continuity, hostBalance, displaced
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
    /// Minutes from home to each session's site (spec section 10).
    public var travel: Double = 0
    /// Distinct continuity-role staff a group sees beyond one session's (section 12).
    public var continuity: Double = 0
    /// Distance of each host site's sessions from its share (section 13).
    public var hostBalance: Double = 0
    /// Fixed sessions moved out of their room (2) or time (4) (section 14).
    public var displaced: Double = 0

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
            case .travel: travel
            case .continuity: continuity
            case .hostBalance: hostBalance
            case .displaced: displaced
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
            case .travel: travel = newValue
            case .continuity: continuity = newValue
            case .hostBalance: hostBalance = newValue
            case .displaced: displaced = newValue
            }
        }
    }
}
