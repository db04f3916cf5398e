import CarouselCLI
import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Issue 13, item 8: `explain` and `capacity` report what they established
/// when stopped early (time limit, Ctrl-C), marked as partial, and report
/// progress; their reports fit 80 columns (item 15).
@Suite struct DiagnosisReportTests {
    /// Two labs, two days of two periods, two chem teachers: 8 chem
    /// sessions, of which groups a and b use 2.
    static func problem(_ text: String = WhatIfCommandTests.problem) throws -> Problem {
        try ProblemDecoder.decode(bytes: Array(text.utf8), file: "labs.json")
    }

    /// The STEM week with the main hall closed all week (no schedule exists).
    static func hallClosed() throws -> Problem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = root.appendingPathComponent("Examples/stem-week.json").path
        let tree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(base), file: base)
        return try Scenario.read(
            contentsOf: root.appendingPathComponent("Examples/scenarios/infeasible/hall-closed.json").path
        )
        .apply(to: tree, baseFile: base)
    }

    @Test func capacityStoppedEarlyAnswersWithWhatItEstablished() throws {
        var oracle = FeasibilityOracle()
        let stop = oracle.stop
        oracle.seed = 1
        var probe = CapacityProbe(try Self.problem(), like: 0, day: nil, oracle: oracle)
        // Stop after three answers (0, 1 and 2 more fit): the fourth question is cut short.
        probe.progress = { if $0.checks == 3 { stop.raise() } }
        let answer = probe.run()
        #expect(!answer.isComplete)
        #expect(answer.extra == 2)
        #expect(answer.notFitting == nil)
        let report = CapacityReport(
            problem: try Self.problem(), file: "labs.json", group: 0,
            rows: [.init(day: nil, answer: answer, checks: probe.checks)], daysLeft: [1], seconds: 0.5)
        #expect(
            report.lines() == [
                "labs.json: more classes like a (20 pupils, year none) — PARTIAL: stopped before",
                "  the end:",
                "  as a visits: at least 2 more (40 pupils) — partial",
                "  tue: not reached",
                "(4 searches, 0.5 s)",
            ])
        #expect(report.json.rendered().contains("\"complete\": false"))
    }

    @Test func capacityStopsAtTheSizeLimit() throws {
        let p = try Self.problem()
        var probe = CapacityProbe(p, like: 0, day: nil)
        probe.sizeLimit = InstanceSizeEstimate(probe.withCopies(3)).bytes
        let answer = probe.run()
        #expect(answer.isComplete && answer.hitCeiling && answer.limitedBySize)
        #expect(answer.extra == 2)
        let report = CapacityReport(
            problem: p, file: "labs.json", group: 0, rows: [.init(day: nil, answer: answer, checks: probe.checks)],
            daysLeft: [], seconds: 0.1)
        #expect(
            report.lines()[1...2] == [
                "  as a visits: at least 2 more (40 pupils); more copies would exceed the memory", "    limit",
            ])
    }

    @Test func explainStoppedWhileNarrowingGivesTheSmallestFailingSetSoFar() throws {
        let p = try Self.hallClosed()
        let oracle = FeasibilityOracle()
        let stop = oracle.stop
        var explainer = ConflictExplainer(p, oracle: oracle)
        explainer.progress = { if $0.checks == 6 { stop.raise() } }
        guard case .conflict(let e) = explainer.run() else {
            Issue.record("expected a partial conflict")
            return
        }
        #expect(!e.isMinimal && !e.isComplete)
        let all = Requirement.all(in: p)
        #expect(e.conflict.count < all.count)
        // What it reports does fail together (everything else relaxed).
        #expect(!FeasibilityOracle().feasible(Requirement.relax(p, all: all, keeping: Set(e.conflict))))
        let report = ConflictReport(
            problem: p, file: "hall.json", outcome: .conflict(e), checks: explainer.checks, seconds: 1)
        let lines = report.lines()
        #expect(lines[0].hasPrefix("hall.json: PARTIAL: stopped while narrowing down; so far, no schedule meets"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
        #expect(report.json.rendered().contains("\"minimal\": false"))
    }

    @Test func explainStoppedWhileVerifyingKeepsTheConflictAndWhatWasChecked() throws {
        let p = try Self.hallClosed()
        var complete = ConflictExplainer(p)
        let explained = complete.explain()
        let full = try #require(explained)
        let oracle = FeasibilityOracle()
        let stop = oracle.stop
        var explainer = ConflictExplainer(p, oracle: oracle)
        // Stop after the first member was verified.
        let stopAt = complete.checks - full.conflict.count - 1 + 1
        explainer.progress = { if $0.checks == stopAt { stop.raise() } }
        guard case .conflict(let e) = explainer.run() else {
            Issue.record("expected a conflict")
            return
        }
        #expect(e.isMinimal)
        #expect(e.conflict == full.conflict)
        #expect(e.checked == 1 && !e.isComplete)
        let lines = ConflictReport(
            problem: p, file: "hall.json", outcome: .conflict(e), checks: explainer.checks, seconds: 1
        ).lines()
        #expect(
            lines.joined(separator: " ").flattened.contains(
                "Any one of these changes would let the rest be scheduled (1 of 3 checked before the stop):"),
            "\(lines)")
        #expect(
            lines.joined(separator: " ").flattened.contains(
                "no schedule meets these 3 requirements together — PARTIAL: stopped while checking them:"), "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
    }

    @Test func aDeadlineInThePastDecidesNothing() throws {
        var oracle = FeasibilityOracle()
        oracle.deadline = Termination.now() - 1
        var explainer = ConflictExplainer(try Self.hallClosed(), oracle: oracle)
        #expect(explainer.run() == .undecided)
    }
}
