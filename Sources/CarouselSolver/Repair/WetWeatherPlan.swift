import CarouselModel

/// Plan B (`carousel solve --plan-b`): for each day whose schedule holds an
/// outdoor session, the schedule for that day being wet that changes least
/// from the dry one — a repair (`Solver.repair`) of the dry schedule for the
/// wet problem (`Problem.onWetDay`), in which the days before are over and
/// the days after keep their sessions (what cannot stay may still go there,
/// around them).
public enum WetWeatherPlan {
    /// One wet day's plan.
    public struct Day: Sendable {
        public var day: Int
        /// The wet problem, compiled (same ids and indices as the dry one).
        public var instance: CompiledInstance
        public var result: Solver.Result
        public var schedule: Schedule { result.state.schedule }
    }

    /// The days whose sessions include an outdoor activity or an outdoor
    /// room, ascending.
    public static func wetDays(_ I: CompiledInstance, dry: Schedule) -> [Int] {
        let p = I.problem
        guard p.hasOutdoorActivities else { return [] }
        let rooms = Set(p.outdoorRooms)
        return Set(
            dry.sessions.filter { p.activities[Int($0.activity)].outdoor || rooms.contains(Int($0.room)) }.map {
                Int($0.day)
            }
        ).sorted()
    }

    /// The scope of day d's plan: earlier days are over, later ones kept.
    public static func scope(day d: Int, instance I: CompiledInstance) -> RepairScope {
        RepairScope(openFrom: d * I.periodCount, keptDays: Set((d + 1)..<I.dayCount))
    }

    /// Day d's plan: the dry schedule repaired for day d being wet.
    public static func plan(_ I: CompiledInstance, dry: Schedule, day d: Int, options: Solver.Options) -> Day {
        let wet = CompiledInstance(I.problem.onWetDay(d))
        return Day(
            day: d, instance: wet,
            result: Solver.repair(wet, old: dry, scope: scope(day: d, instance: I), options: options))
    }
}
