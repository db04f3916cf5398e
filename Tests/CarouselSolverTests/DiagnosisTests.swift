import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// `ConflictExplainer` and `CapacityProbe` on problems whose answers are known.
@Suite struct DiagnosisTests {
    static func scenario(_ name: String) throws -> Problem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = root.appendingPathComponent("Examples/stem-week.json").path
        let tree = try ProblemDecoder.parseJSON(try ProblemDecoder.readFile(base), file: base)
        let scenario = try Scenario.read(
            contentsOf: root.appendingPathComponent("Examples/scenarios/infeasible/\(name).json").path)
        return try scenario.apply(to: tree, baseFile: base)
    }

    @Test func aClosedHallIsExplainedByThreeVerifiedRequirements() throws {
        let p = try Self.scenario("hall-closed")
        let hall = p.rooms.firstIndex { $0.id == "main-hall" }!
        let show = p.activities.firstIndex { $0.id == "ln2-show" }!
        var explainer = ConflictExplainer(p)
        let found = explainer.explain()
        let e = try #require(found)
        #expect(e.conflict.count == 3, "\(e.conflict)")
        #expect(e.conflict.contains(.roomClosed(room: hall)))
        #expect(e.conflict.contains(.activityRooms(activity: show)))
        #expect(e.conflict.contains { if case .attend = $0 { true } else { false } })
        #expect(e.verified.allSatisfy { $0 })
        #expect(e.confirmed)
        // Each relaxation, applied alone to the whole problem, is not
        // necessarily enough — but within the conflict it is, and the words say so.
        #expect(e.conflict[0].describe(in: p).relaxation.hasPrefix("open main-hall"))
    }

    @Test func absentPresentersAreExplainedAndEachMemberIsNeeded() throws {
        let p = try Self.scenario("presenters-away")
        var explainer = ConflictExplainer(p)
        let found = explainer.explain()
        let e = try #require(found)
        #expect(e.conflict.count <= 5, "\(e.conflict)")
        #expect(e.verified.allSatisfy { $0 })
        let staff = e.conflict.compactMap { r -> String? in
            if case .staffAvailability(let s) = r { p.staff[s].id } else { nil }
        }
        #expect(Set(staff) == ["dr-hale", "ms-moore"])
        // Minimal: dropping any one member leaves a schedulable problem.
        let all = Requirement.all(in: p)
        for r in e.conflict {
            let kept = Set(e.conflict).subtracting([r])
            #expect(FeasibilityOracle().feasible(Requirement.relax(p, all: all, keeping: kept)))
        }
    }

    @Test func aFeasibleProblemHasNothingToExplain() throws {
        var explainer = ConflictExplainer(try RepairTests.lab().problem)
        let found = explainer.explain()
        #expect(found == nil)
        #expect(explainer.checks == 1)
    }

    @Test func capacityCountsTheFreeLabPeriodsAndNamesWhatBinds() throws {
        // Two days × two periods × two labs = 8 chem sessions, and two
        // teachers for them; a and b use 2, so 6 more classes like a fit.
        let fx = try RepairTests.lab()
        var probe = CapacityProbe(fx.problem, like: 0, day: nil)
        let answer = probe.run()
        #expect(answer.extra == 6)
        #expect(!answer.hitCeiling)
        // A 7th needs a lab and a teacher at once — or a session shared by
        // two classes: bigger sessions are the one change that lets it in.
        #expect(answer.binding.map(\.resource) == ["chem session size"], "\(answer.binding)")
        // Without the teacher row the labs alone bind, and one more lab lets a 7th in.
        let noStaff = try Fx(
            json: fx.json.replacingOccurrences(
                of: #""staff": [{"skills": ["chem"], "count": 1}]"#, with: #""staff": []"#))
        var labs = CapacityProbe(noStaff.problem, like: 0, day: nil)
        let labsAnswer = labs.run()
        #expect(labsAnswer.extra == 6)
        #expect(
            labsAnswer.binding.map(\.resource) == ["rooms with lab (like lab1)", "chem session size"],
            "\(labsAnswer.binding)")
        // On Tuesday only: 4 lab periods, a and b can go on Monday → 4 more.
        var tuesday = CapacityProbe(fx.problem, like: 0, day: 1)
        #expect(tuesday.run().extra == 4)
    }
}
