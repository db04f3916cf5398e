import CarouselModel
import CarouselSolver

/// `carousel capacity`: how many more classes like one group could come,
/// per day or as it visits, and what binds at the limit — as lines for
/// people (wrapped to a width) and JSON for programs. An answer cut short
/// (time limit, Ctrl-C) is marked as partial with what was established.
public struct CapacityReport: Sendable {
    /// One day's answer (`day` nil: copies that visit as the group does).
    public struct Row: Sendable {
        public var day: Int?
        public var answer: CapacityProbe.Answer
        public var checks: Int

        public init(day: Int?, answer: CapacityProbe.Answer, checks: Int) {
            self.day = day
            self.answer = answer
            self.checks = checks
        }
    }

    public var problem: Problem
    public var file: String
    public var group: Int
    public var rows: [Row]
    /// Days not reached before the stop.
    public var daysLeft: [Int?]
    public var seconds: Double

    public init(problem: Problem, file: String, group: Int, rows: [Row], daysLeft: [Int?], seconds: Double) {
        self.problem = problem
        self.file = file
        self.group = group
        self.rows = rows
        self.daysLeft = daysLeft
        self.seconds = seconds
    }

    /// Probes each of `days` in turn with `oracle` (its deadline and stop
    /// flag end the whole report); `sizeLimit` caps the copies tried.
    public static func run(
        _ problem: Problem, file: String, like group: Int, days: [Int?], oracle: FeasibilityOracle,
        sizeLimit: Int?, progress: ((DiagnosisProgress) -> Void)?
    ) -> CapacityReport {
        let start = Termination.now()
        var rows: [Row] = []
        var checks = 0
        for (k, d) in days.enumerated() {
            guard !oracle.isCutShort else {
                return CapacityReport(
                    problem: problem, file: file, group: group, rows: rows, daysLeft: Array(days[k...]),
                    seconds: Termination.now() - start)
            }
            var probe = CapacityProbe(problem, like: group, day: d, oracle: oracle)
            probe.sizeLimit = sizeLimit
            let before = checks
            probe.progress = progress.map { report in
                { p in report(DiagnosisProgress(stage: p.stage, checks: before + p.checks)) }
            }
            let answer = probe.run()
            checks += probe.checks
            rows.append(Row(day: d, answer: answer, checks: probe.checks))
        }
        return CapacityReport(
            problem: problem, file: file, group: group, rows: rows, daysLeft: [], seconds: Termination.now() - start)
    }

    /// Whether every day was answered in full.
    public var isComplete: Bool { daysLeft.isEmpty && rows.allSatisfy(\.answer.isComplete) }

    var like: String { problem.groups[group].id }

    func label(_ d: Int?) -> String { d.map { problem.calendar.days[$0].id } ?? "as \(like) visits" }

    /// The answer for people, each line at most `width` columns.
    public func lines(width: Int = 80) -> [String] {
        let g = problem.groups[group]
        var out = [String]()
        func add(_ text: String, indent: Int = 2) { out += TerminalText.hanging(text, width: width, indent: indent) }
        add(
            "\(file): more classes like \(like) (\(g.size) pupils, year \(g.year.map(String.init) ?? "none"))\(isComplete ? "" : " — PARTIAL: stopped before the end"):",
            indent: 0)
        for row in rows { add(describe(row)) }
        for d in daysLeft { add("\(label(d)): not reached") }
        add(
            "(\(ListText.grouped(rows.reduce(0) { $0 + $1.checks })) searches, \(String(format: "%.1f", seconds)) s)",
            indent: 0)
        return out
    }

    func describe(_ row: Row) -> String {
        let a = row.answer, size = problem.groups[group].size
        guard let extra = a.extra else {
            return a.isComplete
                ? "\(label(row.day)): the problem itself cannot be scheduled; run 'carousel explain \(file)'"
                : "\(label(row.day)): stopped before the problem as it is was decided"
        }
        if !a.isComplete {
            let upper = a.notFitting.map { " and fewer than \($0)" } ?? ""
            var text = "\(label(row.day)): at least \(extra) more (\(extra * size) pupils)\(upper) — partial"
            if !a.binding.isEmpty { text += "; binding so far: " + a.binding.map(\.resource).joined(separator: "; ") }
            return text
        }
        var text = "\(label(row.day)): \(a.hitCeiling ? "at least " : "")\(extra) more (\(extra * size) pupils)"
        if a.limitedBySize {
            text += "; more copies would exceed the memory limit"
        } else if !a.hitCeiling {
            if !a.binding.isEmpty {
                text += "; binding: " + a.binding.map { "\($0.resource) — \($0.relaxation)" }.joined(separator: "; ")
            } else if a.nearest.isEmpty {
                text += "; no single extra resource helps (several bind together)"
            } else {
                text +=
                    "; no single extra resource lets one more in; closest (\(a.unplaced) attendance(s) left out without): "
                    + a.nearest.map { "\($0.resource) (\($0.unplaced) left)" }.joined(separator: "; ")
            }
        }
        return text
    }

    /// The answer for programs.
    public var json: JSONOutput {
        .object([
            ("problem", .string(file)), ("like", .string(like)),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
            ("complete", .bool(isComplete)),
            (
                "answers",
                .array(
                    rows.map { row in
                        let a = row.answer
                        return .object([
                            ("day", row.day.map { .string(problem.calendar.days[$0].id) } ?? .null),
                            ("extraClasses", a.extra.map { .int($0) } ?? .null),
                            ("atLeast", .bool(a.hitCeiling || !a.isComplete)), ("complete", .bool(a.isComplete)),
                            ("notFitting", a.notFitting.map { .int($0) } ?? .null), ("checks", .int(row.checks)),
                            (
                                "binding",
                                .array(
                                    a.binding.map {
                                        .object([
                                            ("resource", .string($0.resource)), ("relaxation", .string($0.relaxation)),
                                        ])
                                    })
                            ),
                            ("unplacedAtLimit", .int(a.unplaced)),
                            (
                                "nearest",
                                .array(
                                    a.nearest.map {
                                        .object([
                                            ("resource", .string($0.resource)), ("relaxation", .string($0.relaxation)),
                                            ("unplaced", .int($0.unplaced)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("daysNotReached", .array(daysLeft.map { $0.map { .string(problem.calendar.days[$0].id) } ?? .null })),
        ])
    }
}
