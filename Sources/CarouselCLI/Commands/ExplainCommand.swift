import CarouselModel
import CarouselSolver
import CarouselIO

/// `carousel explain PROBLEM`: why no schedule exists, and what would fix it.
struct ExplainCommand: Command {
    static let name = "explain"
    static let abstract = "Find a small set of requirements that cannot all hold, and the changes that fix it."
    static let usage = "carousel explain PROBLEM [--json] [--seed N]"
    static let discussion = """
    When PROBLEM cannot be scheduled, finds a minimal conflict: a few
    requirements (a group's attend item, its visit or needs, a room's
    closures or capacity, a staff member's availability, an activity's
    window, limits, session size, rooms or staff) that no schedule can meet
    together, while everything else is relaxed (QuickXplain over these
    requirements, each question answered by the construction search with a
    fixed budget). Then lists the relaxations that would each restore
    feasibility: by minimality, lifting any one member of the conflict lets
    the rest be scheduled — each is checked by finding that schedule.

    Exit status 0 when the problem can be scheduled (nothing to explain),
    1 when a conflict is printed.

    EXAMPLE:
      carousel explain stem-week-no-labs.json
    """
    static let options: [OptionSpec] = [
        .option("seed", value: "N", help: "Random seed of the searches (default 1)."),
        .flag("json", help: "Print the explanation as JSON (for programs)."),
    ]
    static let positionals = ["PROBLEM"]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let loaded = try LoadedProblem(path: arguments.positionals[0])
        var oracle = FeasibilityOracle()
        oracle.seed = UInt64(try arguments.int("seed", default: 1, range: 0...Int.max))
        var explainer = ConflictExplainer(loaded.problem, oracle: oracle)
        let start = Termination.now()
        let explanation = InterruptHandler.whileRunning(stop: oracle.stop) { explainer.explain() }
        let seconds = Termination.now() - start
        guard !oracle.stop.isRaised else {
            console.error("interrupted after \(explainer.checks) searches; no explanation (a partial one would not be minimal)")
            return ExitCode.interrupted
        }
        let p = loaded.problem
        if arguments.flag("json") {
            var fields: [(String, JSONOutput)] = [("problem", .string(loaded.path)), ("feasible", .bool(explanation == nil)),
                                                  ("checks", .int(explainer.checks)), ("seconds", .number((seconds * 1000).rounded() / 1000))]
            if let e = explanation {
                fields.append(("confirmed", .bool(e.confirmed)))
                fields.append(("conflict", .array(zip(e.conflict, e.verified).map { r, ok in
                    let d = r.describe(in: p)
                    return .object([("requirement", .string(d.requirement)), ("relaxation", .string(d.relaxation)), ("verified", .bool(ok))])
                })))
            }
            console.print(JSONOutput.object(fields).rendered(), terminator: "")
            return explanation == nil ? ExitCode.success : ExitCode.infeasible
        }
        guard let e = explanation else {
            console.print("\(loaded.path): a schedule exists; nothing to explain (\(explainer.checks) check, \(String(format: "%.2f", seconds)) s).")
            return ExitCode.success
        }
        if e.conflict.isEmpty {
            console.print("\(loaded.path): cannot be scheduled even with every relaxable requirement lifted; the calendar, rooms or fixed sessions themselves are the problem. Run 'carousel check \(loaded.path)'.")
            return ExitCode.infeasible
        }
        console.print("\(loaded.path): no schedule meets these \(e.conflict.count) requirements together\(e.confirmed ? "" : " (as far as the search can tell)"):")
        let shown = 15
        for (i, r) in e.conflict.prefix(shown).enumerated() { console.print("  \(i + 1). \(r.describe(in: p).requirement)") }
        if e.conflict.count > shown {
            console.print("  … and \(e.conflict.count - shown) more (--json lists them all); a conflict this large usually means demand outgrows a shared resource, see 'carousel capacity'")
        }
        let confirmed = zip(e.conflict, e.verified).filter { $0.1 }.map { $0.0 }
        console.print(confirmed.isEmpty ? "No single change was confirmed to fix it; the search found no schedule after lifting any one of them alone."
                      : "Any one of these changes would let the rest be scheduled (each checked by finding a schedule):")
        for r in confirmed.prefix(shown) { console.print("  - \(r.describe(in: p).relaxation)") }
        if confirmed.count > shown { console.print("  … and \(confirmed.count - shown) more") }
        if confirmed.count < e.conflict.count {
            console.print("(\(e.conflict.count - confirmed.count) of the requirements could not be confirmed one by one: lifting one alone still found no schedule within the search budget)")
        }
        console.print("(\(explainer.checks) searches, \(String(format: "%.2f", seconds)) s; every other requirement was relaxed while searching)")
        return ExitCode.infeasible
    }
}
