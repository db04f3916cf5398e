import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// Our evaluator against the independent reference checker
/// (`/work/shared/tools/check.py`): the same problem and schedule files must
/// get the same feasibility verdict and the same soft score, term by term.
///
/// Skipped (with the reason shown) when python3 or check.py is not there; set
/// `CAROUSEL_CHECK_PY` to point at check.py from elsewhere.
@Suite(
    "Agreement with check.py",
    .enabled(if: CheckPy.isAvailable, "python3 or check.py not found (set CAROUSEL_CHECK_PY)"))
struct CheckPyAgreementTests {
    /// A scratch directory, removed afterwards.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-checkpy-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    struct Outcome {
        var feasible: Bool
        var hardMismatch: Bool
    }

    /// Writes the problem and the rendered schedule, scores both ways, and
    /// expects the same verdict and soft score.
    @discardableResult
    static func compare(_ fx: Fx, problemJSON: String, schedule: Schedule, label: String, in scratch: Scratch) throws
        -> Outcome
    {
        let I = fx.instance
        let inMemory = Evaluator(I).evaluate(schedule)
        let text = ScheduleFile.render(schedule, instance: I, evaluation: inMemory)
        let problemPath = scratch.path("\(label).problem.json"), schedulePath = scratch.path("\(label).schedule.json")
        try problemJSON.write(toFile: problemPath, atomically: true, encoding: .utf8)
        try text.write(toFile: schedulePath, atomically: true, encoding: .utf8)

        // What `carousel validate` would compute from the files.
        let loaded = try ScheduleFile.read(contentsOf: schedulePath, for: I)
        let ours = Evaluator(I).evaluate(loaded.schedule, formatViolations: loaded.formatViolations)
        #expect(
            ours.isFeasible == inMemory.isFeasible && abs(ours.soft - inMemory.soft) < 1e-9,
            "\(label): the schedule file scores differently from the schedule it was written from")

        let theirs = try CheckPy.run(problem: problemPath, schedule: schedulePath)
        let context =
            "\(label): check.py said:\n\(theirs.output)\nwe said:\n\(describe(ours))\nsoft \(ours.soft)\nfiles: \(problemPath) \(schedulePath)"
        #expect(theirs.feasible == ours.isFeasible, "feasibility differs. \(context)")
        #expect(theirs.exitCode == (theirs.feasible ? 0 : 1), "check.py exit code \(theirs.exitCode)")
        #expect(
            abs(theirs.soft - ours.soft) <= 1e-6 * max(1, abs(ours.soft)),
            "soft differs: \(theirs.soft) vs \(ours.soft). \(context)")
        for term in Weights.Term.allCases {
            // Carousel's own terms are not in check.py's output; in the files
            // it reads they keep their default weight 0, so they cost nothing.
            let t = theirs.terms[term.rawValue] ?? 0
            #expect(
                abs(t - ours.weighted(term)) <= 1e-6 * max(1, abs(t)),
                "term \(term.rawValue): check.py \(t), ours \(ours.weighted(term)). \(context)")
        }
        if ours.isFeasible == theirs.feasible && ours.hard != theirs.hard {
            print(
                "note: \(label): hard counts differ (ours \(ours.hard), check.py \(theirs.hard)); only zero versus non-zero is compared"
            )
        }
        return Outcome(feasible: ours.isFeasible, hardMismatch: ours.hard != theirs.hard)
    }

    static func problem(_ seed: UInt64) -> RandomProblem {
        RandomProblem(seed: seed, fixedSessions: seed % 4 == 1, randomWeights: seed % 2 == 0)
    }

    @Test func solverSchedulesAgree() throws {
        let scratch = try Scratch()
        var feasible = 0
        for seed: UInt64 in 201...230 {
            let rp = Self.problem(seed)
            let fx = try rp.fx()
            let result = construct(fx.instance, seed: seed)
            let outcome = try Self.compare(
                fx, problemJSON: rp.json, schedule: result.state.schedule, label: "solved-\(seed)", in: scratch)
            if outcome.feasible { feasible += 1 }
        }
        print("CheckPyAgreementTests: 30 solver schedules compared, \(feasible) feasible")
    }

    @Test func perturbedSchedulesAgree() throws {
        let scratch = try Scratch()
        var broken = 0
        for seed: UInt64 in 301...330 {
            let rp = Self.problem(seed)
            let fx = try rp.fx()
            let base = construct(fx.instance, seed: seed, iterations: 200).state.schedule
            var rng = SeededRandom(seed: seed)
            let perturbed = Self.perturb(base, instance: fx.instance, rng: &rng, times: 1 + rng.below(3))
            let outcome = try Self.compare(
                fx, problemJSON: rp.json, schedule: perturbed, label: "perturbed-\(seed)", in: scratch)
            if !outcome.feasible { broken += 1 }
        }
        print("CheckPyAgreementTests: 30 perturbed schedules compared, \(broken) infeasible")
        #expect(broken >= 20, "the perturbations should break most schedules")
    }

    /// The hand-written soft-term schedules, through files and check.py.
    @Test func handWrittenScheduleAgrees() throws {
        let scratch = try Scratch()
        let json = Fixtures.problemJSON(
            rooms: #"[{"id": "m1", "capacity": 20}, {"id": "x1", "site": "annex"}, {"id": "x2", "site": "annex"}]"#,
            staff: #"[{"id": "t1", "preferredMaxPerDay": 1}, {"id": "t2"}]"#,
            activities:
                #"[{"id": "a", "maxGroups": 2, "staff": [{"count": 1}]}, {"id": "b"}, {"id": "c", "duration": 2}, {"id": "d"}]"#,
            groups: #"""
                [{"id": "g1", "size": 15, "school": "N", "attend": [{"activity": "a"}, {"oneOf": ["b", "c", "d"], "count": 2, "prefer": ["d"]}]},
                 {"id": "g2", "size": 10, "school": "N", "attend": [{"activity": "a"}, {"activity": "b", "times": 2, "minDays": 2}]},
                 {"id": "g3", "size": 10, "attend": [{"activity": "c"}, {"activity": "d"}]}]
                """#,
            weights: #"""
                {"preference": 0.5, "idleGap": 1.5, "siteChange": 2, "spread": 3, "isolated": 0.25, "roomStability": 1,
                 "mixSchools": 2, "sessions": 0.1, "staffOverload": 4, "overCapacity": 1.5}
                """#)
        let fx = try Fx(json: json)
        let schedule = Schedule(sessions: [
            fx.S("a", "mon", "p1", "m1", groups: ["g1", "g2"], staff: ["t1"]),
            fx.S("b", "mon", "p4", "x1", groups: ["g1"]), fx.S("c", "tue", "p1", "x2", groups: ["g1"], staff: ["t1"]),
            fx.S("b", "mon", "p3", "x2", groups: ["g2"], staff: ["t1"]), fx.S("b", "mon", "p2", "x1", groups: ["g2"]),
            fx.S("c", "mon", "p3", "m1", groups: ["g3"]), fx.S("d", "tue", "p4", "m1", groups: ["g3"]),
        ])
        try Self.compare(fx, problemJSON: json, schedule: schedule, label: "hand", in: scratch)
    }

    // MARK: Perturbation

    /// Applies `times` random edits: move in time or day, change room or
    /// activity, add or drop a group or staff member, drop or copy a session,
    /// swap two starts.
    static func perturb(_ schedule: Schedule, instance I: CompiledInstance, rng: inout SeededRandom, times: Int)
        -> Schedule
    {
        var s = schedule.sessions
        for _ in 0..<times {
            if s.isEmpty {
                let g = Int32(rng.below(I.groupCount))
                s.append(
                    ScheduledSession(
                        activity: Int32(rng.below(I.activityCount)), day: 0, start: 0,
                        room: Int32(rng.below(I.roomCount)), groups: [g], staff: []))
                continue
            }
            let k = rng.below(s.count)
            switch rng.below(11) {
            case 0: s[k].start = Int32(rng.below(I.periodCount))
            case 1: s[k].day = Int32(rng.below(I.dayCount))
            case 2: s[k].room = Int32(rng.below(I.roomCount))
            case 3: s[k].activity = Int32(rng.below(I.activityCount))
            case 4:
                if !s[k].groups.isEmpty { s[k].groups.remove(at: rng.below(s[k].groups.count)) }
            case 5:
                let g = Int32(rng.below(I.groupCount))
                if !s[k].groups.contains(g) { s[k].groups.append(g) }
            case 6:
                if !s[k].staff.isEmpty { s[k].staff.remove(at: rng.below(s[k].staff.count)) }
            case 7:
                if I.staffCount > 0 {
                    let st = Int32(rng.below(I.staffCount))
                    if !s[k].staff.contains(st) { s[k].staff.append(st) }
                }
            case 8: s.remove(at: k)
            case 9: s.append(s[k])
            default:
                let j = rng.below(s.count)
                (s[k].start, s[j].start) = (s[j].start, s[k].start)
                (s[k].day, s[j].day) = (s[j].day, s[k].day)
            }
        }
        return Schedule(sessions: s)
    }
}
