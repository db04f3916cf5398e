import CarouselModel
import CarouselSolver

/// Short readable summaries of a schedule and its score, for the terminal.
public enum ScheduleSummary {
    /// A table with a line per day: sessions, groups, pupil-sessions, rooms
    /// and staff in use; it fits `width` columns.
    public static func days(_ schedule: Schedule, instance I: CompiledInstance, width: Int = 80) -> [String] {
        let hasDates = I.problem.calendar.days.contains { $0.date != nil }
        var rows: [[String]] = []
        for d in 0..<I.dayCount {
            let mine = schedule.sessions.filter { Int($0.day) == d }
            let groups = Set(mine.flatMap(\.groups)).count
            let rooms = Set(mine.map(\.room)).count
            let staff = Set(mine.flatMap(\.staff)).count
            let pupils = mine.reduce(0) { $0 + $1.groups.reduce(0) { $0 + Int(I.groupSize[Int($1)]) } }
            let day = I.problem.calendar.days[d]
            rows.append(
                [day.id] + (hasDates ? [day.date ?? ""] : []) + [
                    String(mine.count), String(groups), String(pupils),
                    "\(rooms) of \(I.roomCount)", String(staff),
                ])
        }
        let headers = ["day"] + (hasDates ? ["date"] : []) + ["sessions", "groups", "pupil-sessions", "rooms", "staff"]
        let first = hasDates ? 2 : 1
        return TextTable(headers: headers, rows: rows, rightAligned: Set(first..<headers.count)).lines(width: width)
    }

    /// `score: hard 0, soft 123: …` (`score(_:)`) wrapped to `width`
    /// columns, continuation lines indented.
    public static func scoreLines(_ e: Evaluation, width: Int = 80) -> [String] {
        TerminalText.hanging("score: " + score(e), width: width)
    }

    /// `hard 0, soft 123: preference 40, idleGap 12, …` with the costliest terms first.
    public static func score(_ e: Evaluation) -> String {
        let terms = Weights.Term.allCases.filter { e.weighted($0) != 0 }.sorted { e.weighted($0) > e.weighted($1) }
        let list = terms.map {
            "\($0.rawValue) \(number(e.weighted($0))) (\(number(e.cost($0))) × \(number(e.weights[$0])))"
        }
        return "hard \(e.hard), soft \(number(e.soft))" + (list.isEmpty ? "" : ": " + list.joined(separator: ", "))
    }

    /// A whole number without `.0`, else up to six decimals.
    public static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String((x * 1e6).rounded() / 1e6)
    }

    /// The `check.py`-style last line: `feasible=true hard=0 soft=12 terms={…}`.
    public static func checkLine(_ e: Evaluation) -> String {
        let terms = Weights.Term.allCases.map { "\"\($0.rawValue)\":\(number(e.weighted($0)))" }.joined(separator: ",")
        return "feasible=\(e.isFeasible) hard=\(e.hard) soft=\(number(e.soft)) terms={\(terms)}"
    }

    /// The score as JSON for programs.
    /// `lower bound 40 (sessions 40), gap 83 (67.5 %)`: how far the soft
    /// score may still be from the best (`SoftLowerBound`); at gap 0 the
    /// schedule is optimal, and the line says so.
    public static func boundLines(_ bound: SoftLowerBound, evaluation e: Evaluation, width: Int = 80) -> [String] {
        let parts = bound.terms.map { "\($0.term.rawValue) \(number($0.weighted))" }
        let gap = e.soft - bound.soft
        let share = e.soft > 0 ? String(format: " (%.1f %% of the score)", 100 * gap / e.soft) : ""
        return TerminalText.hanging(
            "lower bound on soft: \(number(bound.soft))"
                + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
                + (gap <= 1e-9 ? ", gap 0: optimal" : ", gap \(number(gap))\(share)"), width: width)
    }

    /// The bound as JSON; the gap only for a complete schedule (the bound is
    /// for complete schedules).
    public static func boundJSON(_ bound: SoftLowerBound, evaluation e: Evaluation, complete: Bool) -> JSONOutput {
        .object([
            ("soft", .number(bound.soft)),
            ("terms", .object(bound.terms.map { ($0.term.rawValue, .number($0.weighted)) })),
            ("gap", complete ? .number(e.soft - bound.soft) : .null),
        ])
    }

    public static func scoreJSON(_ e: Evaluation) -> JSONOutput {
        .object([
            ("feasible", .bool(e.isFeasible)), ("hard", .int(e.hard)), ("soft", .number(e.soft)),
            ("terms", .object(Weights.Term.allCases.map { ($0.rawValue, .number(e.weighted($0))) })),
            ("costs", .object(Weights.Term.allCases.map { ($0.rawValue, .number(e.cost($0))) })),
            ("violations", .array(e.violations.map { .string($0.description) })),
        ])
    }

    private static func pad(_ n: Int, _ width: Int = 3) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
