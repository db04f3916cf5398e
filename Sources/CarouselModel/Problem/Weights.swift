/// Soft-cost weights (spec section 7). The soft score is the sum over terms of
/// weight × cost.
///
/// The soft terms are a registry: `Term` has one case per term, and
/// `Term.definition` gives each its default weight and the one line that
/// says what it costs (the help text the JSON schema prints, and the row of
/// docs/format.md's weights table, which a test holds to it). A new term
/// cannot compile without its definition, nor — in CarouselSolver — without
/// its scoring (`Weights.Term.scoring`); see docs/architecture.md, "Add a
/// soft term".
public struct Weights: Sendable, Equatable {
    /// The soft terms: the spec's, in its order — version 1's ten (section
    /// 7), then version 2's four (sections 10–14) — then Carousel's own.
    public enum Term: String, Sendable, CaseIterable {
        case preference, idleGap, siteChange, spread, isolated, roomStability, mixSchools, sessions, staffOverload,
            overCapacity
        case travel, continuity, hostBalance, displaced
        /// Carousel's own (not in the spec; `check.py` does not know them).
        case staffIdleGap, arrivalCrowding

        /// What a term is: its default weight and what it costs.
        public struct Definition: Sendable {
            /// The weight when a problem gives none; nil for a term that is
            /// null by default (`null` says what null means).
            public let defaultWeight: Double?
            /// What one unit of cost is, in one line.
            public let cost: String
            /// For a term whose weight may be null: what null means (and its
            /// default is null); nil when the weight must be a number.
            public let null: String?

            public init(defaultWeight: Double?, cost: String, null: String? = nil) {
                self.defaultWeight = defaultWeight
                self.cost = cost
                self.null = null
            }
        }

        /// The term's registration.
        public var definition: Definition {
            switch self {
            case .preference:
                Definition(
                    defaultWeight: 5,
                    cost: "per `oneOf` with `prefer`: Σ ranks of the chosen activities minus the "
                        + "least possible sum (never below 0)")
            case .idleGap:
                Definition(
                    defaultWeight: 1,
                    cost: "per group per day: non-break periods between its first and last session "
                        + "spent in none")
            case .siteChange:
                Definition(defaultWeight: 2, cost: "per group per day: consecutive sessions on different sites")
            case .spread:
                Definition(defaultWeight: 5, cost: "per item with `minDays`: days short")
            case .isolated:
                Definition(
                    defaultWeight: 0,
                    cost: "per group session with no session of the group in the nearest non-break "
                        + "period before or after")
            case .roomStability:
                Definition(defaultWeight: 0, cost: "per activity: distinct rooms used minus 1")
            case .mixSchools:
                Definition(defaultWeight: 0, cost: "per session with ≥ 2 groups: groups minus distinct schools")
            case .sessions:
                Definition(defaultWeight: 0, cost: "1 per session")
            case .staffOverload:
                Definition(defaultWeight: 0, cost: "per staff per day: sessions above `preferredMaxPerDay`")
            case .overCapacity:
                Definition(defaultWeight: nil, cost: "a number: cost per pupil over it", null: "room capacity is hard")
            case .travel:
                Definition(
                    defaultWeight: 0,
                    cost: "per session, per group and staff member with a `home`: minutes from home to the session's "
                        + "site (version 2)")
            case .continuity:
                Definition(
                    defaultWeight: 0,
                    cost: "per group: distinct continuity-role staff over its sessions minus the most in one session "
                        + "(version 2)")
            case .hostBalance:
                Definition(
                    defaultWeight: 0,
                    cost: "Σ over host sites of |sessions held there − N × share / Σ shares|, N the sessions at host "
                        + "sites (version 2; may be fractional)")
            case .displaced:
                Definition(
                    defaultWeight: 0,
                    cost: "per fixed session with `move`: 2 if its room changed, plus 4 if its day or start changed "
                        + "(version 2)")
            case .staffIdleGap:
                Definition(
                    defaultWeight: 0,
                    cost: "per staff per day: non-break periods between their first and last "
                        + "session spent in none")
            case .arrivalCrowding:
                Definition(
                    defaultWeight: 0,
                    cost: "per gate per day per clock quarter hour: coaches arriving in it, less those of the school "
                        + "with the most")
            }
        }

        /// Whether the spec defines the term (check.py scores it), rather
        /// than Carousel alone.
        public var isInSpec: Bool {
            switch self {
            case .staffIdleGap, .arrivalCrowding: false
            default: true
            }
        }

        /// What the term costs, in one line: the help text of the JSON
        /// schema and of docs/format.md's weights table.
        public var help: String {
            definition.null.map { "null: \($0); \(definition.cost)" } ?? definition.cost
        }

        /// The default weight as a problem file writes it: `5`, `0.5`, `null`.
        public var defaultText: String {
            guard let w = definition.defaultWeight else { return "null" }
            return w == w.rounded() ? String(Int(w)) : String(w)
        }

        /// Position in `allCases`: the index of the term's cost in a list
        /// of costs (a switch, so that it costs nothing where the term is known).
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
            case .staffIdleGap: 14
            case .arrivalCrowding: 15
            }
        }
    }

    /// Each term's weight, by `Term.index`; nil where the weight is null.
    private var values: [Double?] = Term.allCases.map(\.definition.defaultWeight)

    public init() {}

    /// The weight of a term (0 when it is null).
    public subscript(term: Term) -> Double {
        get { values[term.index] ?? 0 }
        set { values[term.index] = newValue }
    }

    /// The weight as the problem gives it: nil when it is null.
    public func value(_ term: Term) -> Double? { values[term.index] }

    /// Sets a term's weight to null: for a term whose definition says what
    /// null means (the decoder refuses null for the others).
    public mutating func setNull(_ term: Term) {
        values[term.index] = nil
    }

    /// nil: room capacity is a hard rule (the default). A number: room
    /// capacity is soft, at this cost per pupil over it.
    public var overCapacity: Double? {
        get { values[Term.overCapacity.index] }
        set { values[Term.overCapacity.index] = newValue }
    }
}
