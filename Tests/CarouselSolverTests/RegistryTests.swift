import CarouselModel
import Foundation
import Testing

@testable import CarouselSolver

/// The soft-term registry and the hard rules by name: what the compiler
/// cannot check about them.
@Suite struct RegistryTests {
    static let formatDoc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/format.md")

    /// The rows of docs/format.md's weights table.
    static func documentedWeightRows() throws -> [String] {
        let text = try String(contentsOf: formatDoc, encoding: .utf8)
        let section = text.components(separatedBy: "\n## Weights\n")[1].components(separatedBy: "\n## ")[0]
        return section.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
    }

    @Test func termIndexIsItsPositionAmongAllCases() {
        for (i, term) in Weights.Term.allCases.enumerated() { #expect(term.index == i, "\(term)") }
    }

    /// docs/format.md documents every term exactly as the registry defines
    /// it (name, default, cost), in the registry's order, and nothing else.
    @Test func formatDocumentsEveryTermAsRegistered() throws {
        let expected = Weights.Term.allCases.map { "| `\($0.rawValue)` | \($0.defaultText) | \($0.help) |" }
        #expect(try Self.documentedWeightRows() == expected)
    }

    @Test func defaultWeightsAreTheRegisteredOnes() {
        let w = Weights()
        for term in Weights.Term.allCases {
            #expect(w.value(term) == term.definition.defaultWeight, "\(term)")
            #expect(!term.definition.cost.isEmpty, "\(term) has no help text")
        }
    }

    /// A term that carries no weight is not kept by the tracker, and the
    /// soft score is the same as with every term kept.
    @Test func unweightedTermsAreNotKept() throws {
        let I = CompiledInstance(try ProblemDecoder.decode(contentsOf: IncrementalScoreTests.examplePath("stem-week")))
        let built = Construction.run(I, seed: 1, termination: Termination(timeLimit: 600))
        let tracker = ScoreTracker(built.state)
        let full = Evaluator(I).evaluate(built.state.schedule)
        for term in Weights.Term.allCases {
            #expect(tracker.cost(term) == (I.weights[term] == 0 ? 0 : full.cost(term)), "\(term)")
        }
        #expect(abs(tracker.soft - full.soft) < 1e-9)
    }

    @Test func specRulesAreTaggedByTheirNumbers() {
        let numbered = HardRule.allCases.compactMap(\.number)
        #expect(numbered == Array(1...12))
        for rule in HardRule.allCases {
            if let n = rule.number {
                #expect(rule.tag == "rule \(n)")
            } else {
                #expect(!rule.tag.hasPrefix("rule"), "\(rule): Carousel's own checks are tagged by a word")
            }
        }
        #expect(Violation(.roomUse, "x").description == "[rule 3] x")
        #expect(Violation(.malformedEntry, "x").description == "[format] x")
        #expect(Violation(.periodGrid, "x").description == "[time] x")
    }
}
