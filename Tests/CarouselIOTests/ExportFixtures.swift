import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation

/// A small problem whose names hold everything the export formats must
/// escape: commas, quotes, semicolons, backslashes, line breaks, HTML
/// specials and non-ASCII text; a period that ends at 24:00; and a schedule
/// for it.
enum ExportFixtures {
    static let problemJSON = #"""
        {"name": "Fair, \"Quoted\"; <b>&</b>",
         "calendar": {
           "days": [{"id": "mon", "name": "Monday", "date": "2026-03-09"}, {"id": "tue", "date": "2026-03-10"}],
           "periods": [{"id": "p1", "start": "09:00", "end": "10:00"},
                       {"id": "brk", "start": "10:00", "end": "10:15", "break": true},
                       {"id": "p2", "start": "10:15", "end": "11:15"},
                       {"id": "late", "start": "23:00", "end": "24:00"}]},
         "rooms": [{"id": "lab", "name": "Lab, \"Big\"\nfloor 1", "capacity": 60, "site": "Zoë's site"},
                   {"id": "hall", "name": "Hall <main> & café"},
                   {"id": "shed", "name": "Shed"}],
         "staff": [{"id": "ann", "name": "Ann Ó'Brien; PhD\\Chem"},
                   {"id": "bob", "name": "日本語の先生 with a rather long name that goes on and on and on"}],
         "activities": [{"id": "chem", "name": "Chemistry, \"wet\" lab", "staff": [{"count": 1}]},
                        {"id": "show", "name": "Show\r\nnight", "maxGroups": 3}],
         "groups": [{"id": "g1", "name": "Zoë's class", "school": "École Saint-Jean, Paris", "size": 20,
                     "attend": [{"activity": "chem"}, {"activity": "show"}]},
                    {"id": "g2", "name": "5B", "school": "École Saint-Jean, Paris", "size": 10, "attend": [{"activity": "show"}]},
                    {"id": "g3", "school": "Other", "size": 5,
                     "attend": [{"activity": "show"}, {"oneOf": ["chem"], "count": 1, "prefer": ["chem"]}]}]}
        """#

    /// chem mon p1 in lab (g1, ann); show mon p2 in hall (g1, g2; ann, bob);
    /// show tue 23:00-24:00 in hall (g3; bob); chem tue p1 in lab (g3; ann).
    static let schedule = Schedule(sessions: [
        ScheduledSession(activity: 1, day: 0, start: 2, room: 1, groups: [0, 1], staff: [0, 1]),
        ScheduledSession(activity: 0, day: 0, start: 0, room: 0, groups: [0], staff: [0]),
        ScheduledSession(activity: 1, day: 1, start: 3, room: 1, groups: [2], staff: [1]),
        ScheduledSession(activity: 0, day: 1, start: 0, room: 0, groups: [2], staff: [0]),
    ])

    static func problem(_ json: String = problemJSON) throws -> Problem {
        try ProblemDecoder.decode(bytes: Array(json.utf8), file: "fair.json")
    }

    static func view(_ json: String = problemJSON) throws -> TimetableView {
        TimetableView(instance: CompiledInstance(try problem(json)), schedule: schedule)
    }

    /// The bundled STEM Week with a first feasible schedule (construction
    /// only: as many sessions as a solved one, in a fraction of the time).
    static func stemWeek() throws -> (TimetableView, Evaluation) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/stem-week.json").path
        let I = CompiledInstance(try ProblemDecoder.decode(contentsOf: path))
        var options = Solver.Options()
        options.constructOnly = true
        options.timeLimit = 120
        let schedule = Solver.solve(I, options: options).state.schedule
        return (TimetableView(instance: I, schedule: schedule), Evaluator(I).evaluate(schedule))
    }
}
