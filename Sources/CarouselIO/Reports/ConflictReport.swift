import CarouselModel
import CarouselSolver

/// `carousel explain`: why a problem cannot be scheduled — a minimal set of
/// requirements that cannot all hold and the relaxations that each fix it —
/// as lines for people (wrapped to a width) and JSON for programs. An
/// explanation cut short (time limit, Ctrl-C) is marked as partial: the
/// smallest failing set found so far, and the members verified so far.
public struct ConflictReport: Sendable {
    public var problem: Problem
    public var file: String
    public var outcome: ConflictExplainer.Outcome
    public var checks: Int
    public var seconds: Double
    /// Requirements listed in full before "… and N more".
    static let shown = 15

    public init(problem: Problem, file: String, outcome: ConflictExplainer.Outcome, checks: Int, seconds: Double) {
        self.problem = problem
        self.file = file
        self.outcome = outcome
        self.checks = checks
        self.seconds = seconds
    }

    /// Runs `explainer` to its end or its oracle's deadline or stop.
    public static func run(_ explainer: inout ConflictExplainer, file: String) -> ConflictReport {
        let start = Termination.now()
        let outcome = explainer.run()
        return ConflictReport(
            problem: explainer.problem, file: file, outcome: outcome, checks: explainer.checks,
            seconds: Termination.now() - start)
    }

    /// Whether the explanation ran to its end.
    public var isComplete: Bool {
        switch outcome {
        case .feasible: true
        case .undecided: false
        case .conflict(let e): e.isComplete
        }
    }

    /// The explanation for people, each line at most `width` columns.
    public func lines(width: Int = 80) -> [String] {
        var out = [String]()
        func add(_ text: String, indent: Int = 0, hang: Int = 2) {
            out += TerminalText.hanging(text, width: width, indent: indent, hang: hang)
        }
        let searches =
            "\(ListText.grouped(checks)) search\(checks == 1 ? "" : "es"), \(String(format: "%.2f", seconds)) s"
        switch outcome {
        case .feasible:
            add("\(file): a schedule exists; nothing to explain (\(searches)).")
        case .undecided:
            add("\(file): PARTIAL: stopped before the search could tell whether a schedule exists (\(searches)).")
        case .conflict(let e) where e.conflict.isEmpty:
            add(
                "\(file): cannot be scheduled even with every relaxable requirement lifted; the calendar, rooms or fixed sessions themselves are the problem. Run 'carousel check \(file)'."
            )
        case .conflict(let e):
            let p = problem
            if e.isMinimal {
                add(
                    "\(file): no schedule meets these \(e.conflict.count) requirements together\(e.confirmed || !e.confirmationDone ? "" : " (as far as the search can tell)")\(e.isComplete ? "" : " — PARTIAL: stopped while checking them"):"
                )
            } else {
                add(
                    "\(file): PARTIAL: stopped while narrowing down; so far, no schedule meets these \(e.conflict.count) requirements together (not yet a minimal set; the search relaxed everything else):"
                )
            }
            for (i, r) in e.conflict.prefix(Self.shown).enumerated() {
                add("\(i + 1). \(r.describe(in: p).requirement)", indent: 2, hang: 3)
            }
            if e.conflict.count > Self.shown {
                add(
                    "… and \(e.conflict.count - Self.shown) more (--json lists them all); a conflict this large usually means demand outgrows a shared resource, see 'carousel capacity'",
                    indent: 2)
            }
            guard e.isMinimal else { break }
            let confirmed = zip(e.conflict, e.verified).filter { $0.1 }.map { $0.0 }
            if e.checked < e.conflict.count {
                add(
                    confirmed.isEmpty
                        ? "No change was confirmed before the stop (\(e.checked) of \(e.conflict.count) checked)."
                        : "Any one of these changes would let the rest be scheduled (\(e.checked) of \(e.conflict.count) checked before the stop):"
                )
            } else {
                add(
                    confirmed.isEmpty
                        ? "No single change was confirmed to fix it; the search found no schedule after lifting any one of them alone."
                        : "Any one of these changes would let the rest be scheduled (each checked by finding a schedule):"
                )
            }
            for r in confirmed.prefix(Self.shown) { add("- \(r.describe(in: p).relaxation)", indent: 2) }
            if confirmed.count > Self.shown { add("… and \(confirmed.count - Self.shown) more", indent: 2) }
            let unconfirmed = e.checked - confirmed.count
            if unconfirmed > 0 {
                add(
                    "(\(unconfirmed) of the requirements could not be confirmed one by one: lifting one alone still found no schedule within the search budget)"
                )
            }
        }
        if case .conflict = outcome { add("(\(searches); every other requirement was relaxed while searching)") }
        return out
    }

    /// The explanation for programs.
    public var json: JSONOutput {
        var fields: [(String, JSONOutput)] = [
            ("problem", .string(file)), ("checks", .int(checks)),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
            ("complete", .bool(isComplete)),
        ]
        switch outcome {
        case .feasible: fields.append(("feasible", .bool(true)))
        case .undecided: fields.append(("feasible", .null))
        case .conflict(let e):
            fields += [("feasible", .bool(false)), ("minimal", .bool(e.isMinimal)), ("confirmed", .bool(e.confirmed))]
            fields.append(
                (
                    "conflict",
                    .array(
                        e.conflict.enumerated().map { k, r in
                            let d = r.describe(in: problem)
                            let verified: JSONOutput = k < e.checked ? .bool(e.verified[k]) : .null
                            return .object([
                                ("requirement", .string(d.requirement)), ("relaxation", .string(d.relaxation)),
                                ("verified", verified),
                            ])
                        })
                ))
        }
        return .object(fields)
    }
}
