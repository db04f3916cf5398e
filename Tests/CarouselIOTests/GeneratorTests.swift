import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// The generated kinds of `carousel generate --kind`: every one decodes after
/// rendering and renders back the same, `check` finds no error in it, the
/// same seed gives the same file, and its over-constrained variant breaks the
/// counting bound its documentation names (computed here from the problem
/// itself, not from the generator).
@Suite struct GeneratorTests {
    static let kinds = GeneratorKind.allCases.filter { $0 != .stemWeek }

    /// The problem rendered, decoded back, and rendered again.
    static func roundTrip(_ problem: Problem, _ kind: GeneratorKind) throws -> (text: String, decoded: Problem) {
        let text = ProblemFile.render(problem)
        let decoded = try ProblemDecoder.decode(bytes: Array(text.utf8), file: "\(kind.rawValue).json")
        return (text, decoded)
    }

    @Test(arguments: kinds, [1, 2, 3] as [UInt64])
    func decodesAndChecksClean(kind: GeneratorKind, seed: UInt64) throws {
        let (text, decoded) = try Self.roundTrip(kind.make(GeneratorParameters(seed: seed)), kind)
        #expect(ProblemFile.render(decoded) == text, "the file reads back as written")
        #expect(text.contains(#""format": "carousel/2""#) == decoded.usesVersion2)
        let errors = ProblemAnalysis(CompiledInstance(decoded)).findings().filter { $0.severity == .error }.map(
            \.message)
        #expect(errors == [], "\(kind.rawValue) seed \(seed)")
        #expect(!decoded.groups.isEmpty && !decoded.rooms.isEmpty && !decoded.activities.isEmpty)
    }

    @Test(arguments: kinds)
    func sameSeedSameFileOtherSeedOtherFile(kind: GeneratorKind) {
        let one = ProblemFile.render(kind.make(GeneratorParameters(seed: 7)))
        #expect(ProblemFile.render(kind.make(GeneratorParameters(seed: 7))) == one)
        #expect(ProblemFile.render(kind.make(GeneratorParameters(seed: 8))) != one)
    }

    /// Smallest and a larger size still make sense: decodable, no errors
    /// in `check`, and more of everything at the larger size.
    @Test(arguments: kinds)
    func scaleGrowsTheProblem(kind: GeneratorKind) throws {
        let small = try Self.roundTrip(kind.make(GeneratorParameters(scale: 0.1)), kind).decoded
        let large = try Self.roundTrip(kind.make(GeneratorParameters(scale: 3)), kind).decoded
        for problem in [small, large] {
            let errors = ProblemAnalysis(CompiledInstance(problem)).findings().filter { $0.severity == .error }.map(
                \.message)
            #expect(errors == [], "\(kind.rawValue) at \(problem.name)")
        }
        func pupils(_ p: Problem) -> Int { p.groups.reduce(0) { $0 + $1.size } }
        #expect(pupils(large) > 2 * pupils(small))
        #expect(large.staff.count > small.staff.count && large.rooms.count >= small.rooms.count)
    }

    /// Small and as tight as a feasible problem gets, where rounding bites (a
    /// conference of 41 delegations once had one breakout room for two
    /// sessions a round, and no ICT lab for its micro:bit workshop): `check`
    /// still finds no error.
    @Test(arguments: kinds)
    func smallAndTightChecksClean(kind: GeneratorKind) throws {
        for seed in [11, 12] as [UInt64] {
            let problem = try Self.roundTrip(
                kind.make(GeneratorParameters(scale: 0.3, tightness: 1, seed: seed)), kind
            ).decoded
            let errors = ProblemAnalysis(CompiledInstance(problem.withFormedTeams())).findings().filter {
                $0.severity == .error
            }.map(\.message)
            #expect(errors == [], "\(kind.rawValue) seed \(seed)")
        }
    }

    @Test(arguments: kinds)
    func overConstrainedVariantBreaksItsCountingBound(kind: GeneratorKind) throws {
        for seed in [1, 2] as [UInt64] {
            let roomy = try Self.roundTrip(kind.make(GeneratorParameters(tightness: 0.5, seed: seed)), kind).decoded
            let tight = try Self.roundTrip(kind.make(GeneratorParameters(tightness: 1, seed: seed)), kind).decoded
            let over = try Self.roundTrip(kind.make(GeneratorParameters(tightness: 1.5, seed: seed)), kind).decoded
            for (problem, holds) in [(roomy, true), (tight, true), (over, false)] {
                let bound = CountingBound(kind, problem)
                #expect(
                    (bound.supply >= bound.need) == holds,
                    "\(kind.rawValue) seed \(seed) \(problem.name): \(bound.what): supply \(bound.supply), need \(bound.need)"
                )
            }
        }
    }
}

/// The counting argument of each kind's bottleneck (docs/generators.md),
/// read off the problem: a schedule needs `supply ≥ need`.
struct CountingBound {
    var what: String
    var need: Int
    var supply: Int

    init(_ kind: GeneratorKind, _ p: Problem) {
        let pupils = p.groups.reduce(0) { $0 + $1.size }
        func days(_ s: StaffMember) -> Set<Int> {
            Set(
                p.calendar.periods(coveredBy: s.available ?? [TimeRange(day: nil, window: nil)], touching: false).map(
                    \.day))
        }
        func staff(role: String) -> [StaffMember] { p.staff.filter { $0.role == role } }
        func activity(_ prefix: String) -> [Int] {
            p.activities.indices.filter { p.activities[$0].id.hasPrefix(prefix) }
        }
        func attending(_ activities: [Int]) -> [Group] {
            p.groups.filter { g in
                g.attend.contains {
                    if case .activity(let a, _, _, _, _) = $0 { activities.contains(a) } else { false }
                }
            }
        }
        switch kind {
        case .summerSchool:
            let friday = p.calendar.days.count - 1
            self.init(
                what: "mentors free on the showcase day", need: (pupils + 4) / 5,
                supply: staff(role: "mentor").filter { days($0).contains(friday) }.count)
        case .saturdayMaths:
            self.init(
                what: "mentor-periods over the programme", need: 6 * pupils + 2 * ((pupils + 4) / 5),
                supply: staff(role: "mentor").reduce(0) { $0 + 4 * days($1).count })
        case .conference:
            let features: Set<String> = ["seminar", "computers", "outdoor"]
            self.init(
                what: "breakout seats in a round", need: pupils,
                supply: p.rooms.filter { !$0.features.isDisjoint(with: features) }.reduce(0) { $0 + ($1.capacity ?? 0) }
            )
        case .galacticChallenge:
            self.init(what: "pitch slots", need: (pupils + 5) / 6, supply: 6 * activity("pitch-").count)
        case .year12Enrichment:
            let minibus = p.activities.indices.filter { p.activities[$0].staff.contains { $0.role == "vehicle" } }
            let far = p.groups.reduce(0) { n, g in
                n
                    + g.attend.reduce(0) {
                        if case .activity(let a, let times, _, _, _) = $1, minibus.contains(a) {
                            $0 + times
                        } else {
                            $0
                        }
                    }
            }
            self.init(
                what: "minibus slots", need: far, supply: staff(role: "vehicle").reduce(0) { $0 + 2 * days($1).count })
        case .termSports:
            let late = p.calendar.periods.firstIndex { $0.id == "late" }!
            let need = (p.groups.filter { $0.year == 5 }.reduce(0) { $0 + $1.size } + 7) / 8
            let free = p.calendar.days.indices.map { d in
                staff(role: "helper").filter { s in
                    p.calendar.periods(coveredBy: s.available ?? [TimeRange(day: nil, window: nil)], touching: false)
                        .contains { $0 == (d, late) }
                }.count
            }
            self.init(
                what: "sports leaders free in the later slot of the leanest Tuesday", need: need, supply: free.min()!)
        case .partnershipYear:
            let first = p.calendar.days.first!.date!, last = p.calendar.days.last!.date!
            let span = Self.daysBetween(first, last)
            let cluster = p.spacing.first {
                $0.activities.count == 1 && p.activities[$0.activities[0]].id.hasPrefix("cluster")
            }!
            self.init(what: "days the six cluster meetings span", need: 5 * cluster.minDays, supply: span)
        case .hostLessons:
            let keynote = activity("keynote")
            let delegates = attending(keynote).reduce(0) { $0 + $1.size }
            let classrooms = p.rooms.filter { $0.features.contains("classroom") }.count
            let need = ["p3", "p4", "p5"].map { id in
                let period = p.calendar.periods.firstIndex { $0.id == id }!
                return p.fixed.filter {
                    $0.move == .room && $0.start == period
                        && p.activities[$0.activity].roomFeatures.contains("classroom")
                }.count
                    + (delegates + 31) / 32
            }.max()!
            self.init(what: "classrooms in the busiest breakout period", need: need, supply: classrooms)
        case .webinar:
            self.init(
                what: "seats in the hub",
                need: p.groups.filter { $0.needs.contains("in-person") }.reduce(0) { $0 + $1.size },
                supply: p.rooms.filter { $0.site == "main" }.reduce(0) { $0 + ($1.capacity ?? 0) })
        case .stemWeek:
            self.init(what: "none", need: 0, supply: 0)
        }
    }

    init(what: String, need: Int, supply: Int) {
        self.what = what
        self.need = need
        self.supply = supply
    }

    /// Days from one `YYYY-MM-DD` to a later one.
    static func daysBetween(_ a: String, _ b: String) -> Int {
        func epochDay(_ text: String) -> Int {
            let f = text.split(separator: "-").map { Int($0)! }
            var y = f[0]
            let m = f[1], d = f[2]
            if m <= 2 { y -= 1 }
            let era = y / 400, yoe = y - era * 400
            let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
            return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        }
        return epochDay(b) - epochDay(a)
    }
}

/// The peer solver (`../shared/tools/cpsat.py`, OR-Tools CP-SAT) finds a
/// feasible schedule for the small size of every kind. Skipped when python3,
/// cpsat.py or OR-Tools is not there. One at a time, with both workers: CP-SAT
/// finds these within a second or two and then improves until its limit (its
/// `--params stop_after_first_solution` does not work with OR-Tools 9.15), so
/// the limit is short, and raised once for a slow machine.
@Suite(.serialized, .enabled(if: CPSat.isAvailable, "python3, cpsat.py or OR-Tools not found"))
struct GeneratedFeasibilityTests {
    @Test(arguments: GeneratorTests.kinds)
    func smallSizeIsFeasible(kind: GeneratorKind) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carousel-generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("\(kind.rawValue).json").path
        try ProblemFile.render(kind.make(GeneratorParameters(scale: 0.3, seed: 1))).write(
            toFile: problem, atomically: true, encoding: .utf8)
        var output = ""
        for limit in ["4", "30"] {
            output = try CPSat.run([
                CPSat.script!, problem, "--time-limit", limit, "--workers", "2", "-o",
                dir.appendingPathComponent("s.json").path,
            ])
            if output.contains("feasible=") { break }
        }
        let verdict = output.split(separator: "\n").last { $0.hasPrefix("feasible=") }
        #expect(verdict?.hasPrefix("feasible=true") == true, "\(kind.rawValue): cpsat said\n\(output)")
    }
}

enum CPSat {
    /// cpsat.py beside check.py: `../../../shared/tools/` from this file's folder's parent.
    static let script: String? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/tools/cpsat.py").path
        return FileManager.default.isReadableFile(atPath: path) ? path : nil
    }()

    static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let isAvailable: Bool = script != nil && python != nil && (try? run(["-c", "import ortools"])) != nil

    /// Runs python3 with `arguments`; its stdout and stderr, or an error when it fails to start or exits non-zero
    /// with no output.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 && !text.contains("status=") {
            throw CPSatError(message: text)
        }
        return text
    }

    struct CPSatError: Error { var message: String }
}
