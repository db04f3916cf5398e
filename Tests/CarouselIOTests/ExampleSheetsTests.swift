import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// The CSV versions of the examples (`Examples/sheets/…`) import to exactly
/// the problem of the JSON example, and solve feasibly (the version 2 ones
/// solve in `Version2ValidateAgreementTests`, from their JSON).
@Suite struct ExampleSheetsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    @Test(arguments: ["stem-week", "summer-school"])
    func sheetsImportToTheJSONExampleAndSolve(name: String) throws {
        let folder = Self.examples.appendingPathComponent("sheets/\(name)").path
        let imported = try SheetImport.problem(from: try SheetImport.sheets(inFolder: folder))
        // The on-the-day fields included (gates.csv, the coach settings, a
        // class's adults, dietary and gate, an activity's outdoor, wet
        // weather and equipment).
        let original = try ProblemDecoder.decode(contentsOf: Self.examples.appendingPathComponent("\(name).json").path)
        #expect(imported.groups.count == original.groups.count)
        #expect(imported.groups.reduce(0) { $0 + $1.size } == original.groups.reduce(0) { $0 + $1.size })
        #expect(imported.activities.count == original.activities.count)
        #expect(imported.rooms.count == original.rooms.count)
        #expect(imported.staff.count == original.staff.count)
        // Not only the counts: the same problem, key for key.
        #expect(ProblemFile.render(imported) == ProblemFile.render(original))

        try solve(imported)
    }

    /// The version 2 sheets: sites, pupils, teams, spacing; homes, pools,
    /// same staff, within, move and continuity roles in the other sheets.
    @Test(arguments: [
        "galactic-challenge", "year12-enrichment", "term-sports", "partnership-year", "host-lessons", "webinar",
    ])
    func version2SheetsImportToTheJSONExample(name: String) throws {
        let folder = Self.examples.appendingPathComponent("sheets/\(name)").path
        let imported = try SheetImport.problem(from: try SheetImport.sheets(inFolder: folder))
        let original = try ProblemDecoder.decode(contentsOf: Self.examples.appendingPathComponent("\(name).json").path)
        #expect(imported.usesVersion2)
        #expect(ProblemFile.render(imported) == ProblemFile.render(original))
    }

    func solve(_ imported: Problem) throws {
        let I = CompiledInstance(imported)
        var options = Solver.Options()
        options.timeLimit = 600
        options.moveLimit = 5_000
        let result = Solver.solve(I, options: options)
        #expect(result.construction.isComplete)
        let evaluation = Evaluator(I).evaluate(result.state.schedule)
        #expect(evaluation.isFeasible, "\(evaluation.violations.prefix(3))")
    }
}
