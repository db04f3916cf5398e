import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// The six bundled examples of format version 2 (issue 15): each reads,
/// uses version 2, renders back to a file that reads the same, and `check`
/// finds no error in it. (That each is feasible is shown by CP-SAT:
/// docs/examples-v2.md.)
@Suite struct Version2ExampleTests {
    static let names = [
        "galactic-challenge", "year12-enrichment", "term-sports", "partnership-year", "host-lessons", "webinar",
    ]
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    @Test(arguments: names)
    func readsChecksCleanAndRendersBack(name: String) throws {
        let problem = try ProblemDecoder.decode(contentsOf: Self.folder.appendingPathComponent("\(name).json").path)
        #expect(problem.usesVersion2)
        let text = ProblemFile.render(problem)
        #expect(ProblemFile.render(try ProblemDecoder.decode(bytes: Array(text.utf8), file: "\(name).json")) == text)
        let errors = ProblemAnalysis(CompiledInstance(problem)).findings().filter { $0.severity == .error }.map(
            \.message)
        #expect(errors == [])
    }
}
