import Foundation
import Testing
import CarouselIO
import CarouselModel
import CarouselSolver

/// Every bundled example solves to a feasible schedule, and the independent
/// check.py agrees with `carousel validate` on it: verdict and soft score.
@Suite("Examples solve, and check.py agrees", .enabled(if: CheckPy.isAvailable, "python3 or check.py not found (set CAROUSEL_CHECK_PY)"))
struct ExampleAgreementTests {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/\(name).json").path
    }

    @Test(arguments: ["stem-week", "summer-school", "saturday-maths", "conference"])
    func exampleSolvesAndCheckPyAgrees(name: String) throws {
        let problemPath = Self.path(name)
        let I = CompiledInstance(try ProblemDecoder.decode(contentsOf: problemPath))
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 20_000
        let result = Solver.solve(I, options: options)
        let complete = result.construction.isComplete
        try #require(complete, "\(name): construction left units unplaced")
        let ours = Evaluator(I).evaluate(result.state.schedule)
        #expect(ours.isFeasible, "\(name): \(ours.violations.prefix(5))")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let schedulePath = dir.appendingPathComponent("\(name).schedule.json").path
        try AtomicFile.write(ScheduleFile.render(result.state.schedule, instance: I, evaluation: ours), to: schedulePath)
        // The examples use Carousel's on-the-day additions (docs/format.md):
        // check.py reads them leniently and knows none of their terms.
        let theirs = try CheckPy.run(problem: problemPath, schedule: schedulePath, lenient: true)
        #expect(theirs.feasible, "\(name): check.py says infeasible:\n\(theirs.output.prefix(2000))")
        let carouselOnly = Weights.Term.allCases.filter { !$0.isInSpec }.reduce(0.0) { $0 + ours.weighted($1) }
        #expect(abs(theirs.soft - (ours.soft - carouselOnly)) < 1e-6, "\(name): check.py soft \(theirs.soft), ours \(ours.soft) less \(carouselOnly) of Carousel's own terms")
    }
}
