import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Every bundled example (every `Examples/*.json`, format 1 and 2) solves to
/// a feasible schedule, and the independent check.py agrees with `carousel
/// validate` on it: verdict, number of hard violations, soft score and every
/// term. The same schedule with one session taken out breaks rule 1, and
/// the two agree on that too.
@Suite(
    "Examples solve, and check.py agrees",
    .enabled(if: CheckPy.isAvailable, "python3 or check.py not found (set CAROUSEL_CHECK_PY)"))
struct ExampleAgreementTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    /// The problem files in `Examples/` (not its subfolders), by name.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()

    /// The path of the bundled example `name`.
    static func path(_ name: String) -> String { examples.appendingPathComponent("\(name).json").path }

    @Test func everyBundledExampleIsCovered() {
        let expected = [
            "conference", "galactic-challenge", "host-lessons", "partnership-year", "saturday-maths", "stem-week",
            "summer-school", "term-sports", "webinar", "year12-enrichment",
        ]
        #expect(Set(expected).isSubset(of: Set(Self.names)), "Examples/ holds \(Self.names)")
    }

    @Test(arguments: names)
    func exampleSolvesAndCheckPyAgrees(name: String) throws {
        let problemPath = Self.path(name)
        // As `carousel solve` does: teams formed first (version 2).
        let I = CompiledInstance(try ProblemDecoder.decode(contentsOf: problemPath).withFormedTeams())
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 20_000
        let result = Solver.solve(I, options: options)
        try #require(result.unplaced.isEmpty, "\(name): \(result.unplaced.count) units left unplaced")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let solved = try Self.agree(
            name, problemPath: problemPath, schedule: result.state.schedule, instance: I,
            path: dir.appendingPathComponent("\(name).schedule.json").path)
        #expect(solved.isFeasible, "\(name): \(solved.violations.prefix(5))")

        // The last session (with its groups) left out: every unit it held is unplaced.
        var broken = result.state.schedule
        let dropped = broken.sessions.removeLast()
        let short = try Self.agree(
            name + " without its last session", problemPath: problemPath, schedule: broken, instance: I,
            path: dir.appendingPathComponent("\(name).broken.schedule.json").path)
        #expect(!short.isFeasible && short.hard >= 1, "\(name): leaving out \(dropped) broke nothing")
    }

    /// Writes `schedule` as `carousel solve` does, reads it back and scores
    /// it as `carousel validate` does, and expects check.py to give the same
    /// verdict, hard count, soft score and terms. Returns our evaluation.
    static func agree(
        _ label: String, problemPath: String, schedule: Schedule, instance I: CompiledInstance,
        path: String
    ) throws -> Evaluation {
        try AtomicFile.write(
            ScheduleFile.render(schedule, instance: I, evaluation: Evaluator(I).evaluate(schedule)), to: path)
        let file = try ScheduleFile.read(contentsOf: path, for: I)
        let ours = Evaluator(file.instance).evaluate(file.schedule, formatViolations: file.formatViolations)
        // The examples may use Carousel's additions (docs/format.md, e.g. the
        // on-the-day fields): check.py reads them leniently and knows none
        // of Carousel's own terms.
        let theirs = try CheckPy.run(problem: problemPath, schedule: path, lenient: true)
        let context = "\(label): check.py said:\n\(theirs.output.prefix(3000))\nwe said: \(ours.violations.prefix(10))"
        #expect(theirs.feasible == ours.isFeasible, "verdicts differ. \(context)")
        #expect(theirs.hard == ours.hard, "hard counts differ: check.py \(theirs.hard), ours \(ours.hard). \(context)")
        let carouselOnly = Weights.Term.allCases.filter { !$0.isInSpec }.reduce(0.0) { $0 + ours.weighted($1) }
        #expect(
            abs(theirs.soft - (ours.soft - carouselOnly)) <= 1e-6 * max(1, abs(ours.soft)),
            "\(label): check.py soft \(theirs.soft), ours \(ours.soft) less \(carouselOnly) of Carousel's own terms")
        for term in Weights.Term.allCases {
            guard term.isInSpec else { continue }
            let t = theirs.terms[term.rawValue] ?? 0
            #expect(
                abs(t - ours.weighted(term)) <= 1e-6 * max(1, abs(t)),
                "\(label): \(term.rawValue): check.py \(t), ours \(ours.weighted(term))")
        }
        return ours
    }
}
