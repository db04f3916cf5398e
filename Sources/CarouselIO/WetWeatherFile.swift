import CarouselModel
import CarouselSolver

/// The wet-weather plans of a schedule file (`"planB"`, written by `carousel
/// solve --plan-b`; docs/format.md, "Wet weather"): one entry per day with
/// an outdoor session, holding the wet schedule's sessions on that day and
/// the days after (the days before are as in `sessions`), what changed, and
/// its score against the wet problem.
public enum WetWeatherFile {
    /// One wet day's plan as read back.
    public struct Day: Sendable {
        public var day: Int
        /// The problem with that day wet (`Problem.onWetDay`), compiled.
        public var instance: CompiledInstance
        /// The whole wet schedule: the dry sessions before the day, then the plan's.
        public var schedule: Schedule
        /// Entries that name what the problem does not have (left out).
        public var formatViolations: [Violation]
    }

    /// The `planB` value for the plans of `days`, made from `dry`.
    public static func json(_ days: [WetWeatherPlan.Day], dry: Schedule) -> JSONOutput {
        .array(
            days.map { plan in
                let I = plan.instance, d = plan.day
                let evaluation = Evaluator(I).evaluate(plan.schedule)
                let diff = ScheduleDiff(old: dry, new: plan.schedule, instance: I)
                let unmet = plan.result.unplaced.count
                return .object([
                    ("day", .string(I.dayID(d))),
                    ("feasible", .bool(evaluation.isFeasible && unmet == 0)),
                    ("sessionsChanged", .int(diff.sessionsChanged)),
                    ("attendancesChanged", .int(diff.attendancesChanged)),
                    ("change", .int(plan.result.perturbation)),
                    ("score", .object([("hard", .int(evaluation.hard)), ("soft", .number(evaluation.soft))])),
                    (
                        "sessions",
                        ScheduleFile.sessionsJSON(
                            Schedule(sessions: plan.schedule.sessions.filter { Int($0.day) >= d }), instance: I)
                    ),
                ])
            })
    }

    /// The plans in a schedule file's `planB` (nil: none), for the dry
    /// `schedule` of instance `I`. Entries that cannot be read are skipped.
    public static func read(_ planB: JSONValue?, dry schedule: Schedule, instance I: CompiledInstance) -> [Day] {
        guard let entries = planB?.array else { return [] }
        var out: [Day] = []
        for entry in entries {
            guard let object = entry.object, let id = object["day"]?.string,
                let d = I.problem.calendar.days.firstIndex(where: { $0.id == id }), let sessions = object["sessions"]
            else { continue }
            let wet = CompiledInstance(I.problem.onWetDay(d))
            let root = JSONValue(
                .object(
                    JSONObject(entries: [
                        JSONObject.Entry(key: "sessions", keyLocation: sessions.location, value: sessions)
                    ])),
                at: entry.location)
            guard let loaded = try? ScheduleFile.decode(root, file: "planB", for: wet) else { continue }
            let kept = schedule.sessions.filter { Int($0.day) < d }
            out.append(
                Day(
                    day: d, instance: wet,
                    schedule: Schedule(sessions: kept + loaded.schedule.sessions.filter { Int($0.day) >= d }),
                    formatViolations: loaded.formatViolations))
        }
        return out.sorted { $0.day < $1.day }
    }
}
