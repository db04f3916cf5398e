import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// `carousel check` on the version 2 rules (`ProblemAnalysis+Version2`):
/// each finding on a problem that breaks it, with its exact words, and none
/// on the same problem mended.
@Suite struct Version2AnalysisTests {
    /// The findings for a problem file whose top level holds `body` (the
    /// calendar of `Fixtures`), with teams formed as `carousel check` forms them.
    static func findings(_ body: String) throws -> [String] {
        let json = "{\"format\": \"carousel/2\", \"name\": \"t\", \"calendar\": \(Fixtures.calendar), \(body)}"
        let problem = try ProblemDecoder.decode(bytes: Array(json.utf8), file: "t.json")
        return ProblemAnalysis(CompiledInstance(problem.withFormedTeams())).findings().map {
            "\($0.severity.rawValue): \($0.message)"
        }
    }

    /// A formation over pools of the given (school, size), with `extra` keys.
    static func teams(_ pools: [(school: String, size: Int)], _ extra: String) -> String {
        let groups = pools.enumerated().map { i, p in
            "{\"id\": \"p\(i)\", \"school\": \"\(p.school)\", \"size\": \(p.size), \"pool\": true}"
        }
        return """
            "rooms": [{"id": "hall"}], "activities": [{"id": "pitch", "maxGroups": 20}],
            "groups": [\(groups.joined(separator: ", "))],
            "teams": [{"id": "gc", "pools": [\(pools.indices.map { "\"p\($0)\"" }.joined(separator: ", "))], \(extra), "attend": [{"activity": "pitch"}]}]
            """
    }

    @Test func teamsThatCountingRulesOutAreErrors() throws {
        #expect(
            try Self.findings(Self.teams([("A", 4), ("B", 3)], "\"size\": [3, 3]"))
                == [
                    "error: teams gc: its 7 pupils cannot be split into teams of 3-3: 2 teams hold at most 6, and 3 need at least 9"
                ])
        #expect(
            try Self.findings(
                Self.teams([("A", 1), ("B", 10)], "\"size\": [4, 6], \"require\": [{\"pools\": [\"p0\"]}]"))
                == [
                    "error: teams gc: its 11 pupils in teams of 4-6 make at least 2 teams, but every team needs 1 from p0, whose 1 pupil is enough for 1"
                ])
        #expect(
            try Self.findings(Self.teams([("A", 10), ("B", 1)], "\"size\": [4, 6], \"minSchools\": 2"))
                == [
                    "error: teams gc: its 11 pupils in teams of 4-6 make at least 2 teams, but its pools' 2 schools can give members from 2 schools to at most 1 team"
                ])
        #expect(
            try Self.findings(Self.teams([("A", 10), ("B", 10)], "\"size\": [1, 2], \"minSchools\": 3"))
                == ["error: teams gc: a team of at most 2 cannot have members from 3 schools"])
        // Mended: the same pools with sizes, supply and schools that allow teams.
        #expect(try Self.findings(Self.teams([("A", 4), ("B", 2)], "\"size\": [3, 3]")) == [])
        #expect(
            try Self.findings(
                Self.teams([("A", 2), ("B", 10)], "\"size\": [4, 6], \"require\": [{\"pools\": [\"p0\"]}]")) == [])
        #expect(try Self.findings(Self.teams([("A", 10), ("B", 2)], "\"size\": [4, 6], \"minSchools\": 2")) == [])
    }

    @Test func activitiesOnlyTeamsAttendAreNotUnused() throws {
        let body = Self.teams([("A", 6), ("B", 6)], "\"size\": [3, 4]")
        #expect(try Self.findings(body) == [])
        // Without the teams formed (as the generator tests analyse problems) too.
        let json = "{\"format\": \"carousel/2\", \"name\": \"t\", \"calendar\": \(Fixtures.calendar), \(body)}"
        let problem = try ProblemDecoder.decode(bytes: Array(json.utf8), file: "t.json")
        #expect(ProblemAnalysis(CompiledInstance(problem)).findings().isEmpty)
    }

    @Test func spacingTheDatesCannotHoldIsAnError() throws {
        func body(minDays: Int) -> String {
            """
            "rooms": [{"id": "hall"}], "activities": [{"id": "meet"}],
            "groups": [{"id": "g1", "size": 5, "attend": [{"activity": "meet"}]}, {"id": "g2", "size": 5, "attend": [{"activity": "meet"}]}],
            "spacing": [{"activities": ["meet"], "minDays": \(minDays)}]
            """
        }
        // Fixtures' days have no dates: give them three, a day apart.
        func dated(_ text: String) -> String { text }
        let calendar = Fixtures.calendar.replacingOccurrences(
            of: "[{\"id\": \"mon\"}, {\"id\": \"tue\"}]",
            with:
                "[{\"id\": \"mon\", \"date\": \"2026-03-09\"}, {\"id\": \"tue\", \"date\": \"2026-03-10\"}, {\"id\": \"wed\", \"date\": \"2026-03-11\"}]"
        )
        func run(_ minDays: Int) throws -> [String] {
            let json =
                "{\"format\": \"carousel/2\", \"name\": \"t\", \"calendar\": \(calendar), \(body(minDays: minDays))}"
            let problem = try ProblemDecoder.decode(bytes: Array(json.utf8), file: "t.json")
            return ProblemAnalysis(CompiledInstance(problem)).findings().map {
                "\($0.severity.rawValue): \($0.message)"
            }
        }
        #expect(
            try run(3) == [
                "error: spacing[0] (meet, 3 days apart) needs at least 2 sessions, but the 3 dates they could be held on allow at most 1 that far apart"
            ])
        #expect(try run(2) == [], "2026-03-09 and 2026-03-11 are 2 days apart")
    }

    @Test func sameStaffWithoutTheSameStaffOnTheDaysIsAnError() throws {
        func body(_ mentors: String) -> String {
            """
            "rooms": [{"id": "room"}], "continuityRoles": ["mentor"],
            "staff": [\(mentors), {"id": "t1", "role": "teacher"}],
            "activities": [{"id": "club", "staff": [{"role": "mentor", "count": 1}, {"role": "teacher", "count": 1}]}],
            "groups": [{"id": "g", "size": 6, "sameStaff": true, "visit": ["09:00-09:45"], "attend": [{"activity": "club", "times": 2}]}]
            """
        }
        let apart =
            #"{"id": "m1", "role": "mentor", "available": ["mon"]}, {"id": "m2", "role": "mentor", "available": ["tue"]}"#
        #expect(
            try Self.findings(body(apart)) == [
                "error: group g must see the same continuity staff (mentor) every time, and must come on mon, tue needing at least 1 of them each time; but of those who could serve it, no day's available ones are enough on every one of those days (e.g. of those available on mon, 0 are available on tue, where 1 is needed)"
            ])
        let both = apart + #", {"id": "m3", "role": "mentor"}"#
        #expect(try Self.findings(body(both)) == [])
        // Without sameStaff, different mentors each week are fine.
        #expect(try Self.findings(body(apart).replacingOccurrences(of: "\"sameStaff\": true, ", with: "")) == [])
    }

    @Test func travelNoStartTimesAllowIsAnError() throws {
        func body(visit: String) -> String {
            """
            "sites": [{"id": "main"}, {"id": "far", "travel": {"main": 30}}],
            "rooms": [{"id": "hall", "site": "main"}, {"id": "barn", "site": "far"}],
            "activities": [{"id": "a", "rooms": ["hall"]}, {"id": "b", "rooms": ["barn"]}],
            "groups": [{"id": "g", "size": 6, "visit": [\(visit)], "attend": [{"activity": "a", "daily": true}, {"activity": "b", "daily": true}]}]
            """
        }
        #expect(
            try Self.findings(body(visit: "\"mon 09:00-10:30\"")) == [
                "error: group g must have a and b on mon, but no start times within its visit leave the 30 minutes it takes to travel between their sites"
            ])
        // p1 09:00-09:45, then p3 from 10:45: an hour to travel.
        #expect(try Self.findings(body(visit: "\"mon 09:00-11:30\"")) == [])
    }

    @Test func fixedSessionsThatMayMoveButHaveNowhereToGoAreErrors() throws {
        func body(hall: String = "", lessons: String) -> String {
            """
            "rooms": [{"id": "r1", "features": ["classroom"]}, {"id": "r2", "features": ["classroom"]\(hall)}, {"id": "hall"}],
            "staff": [{"id": "t3", "available": ["tue"]}],
            "activities": [{"id": "lesson", "roomFeatures": ["classroom"]}, {"id": "talk", "rooms": ["r1"]}],
            "groups": [{"id": "g1", "size": 20, "attend": [{"activity": "lesson"}]}, {"id": "g2", "size": 20, "attend": [{"activity": "lesson"}]},
                       {"id": "g3", "size": 20, "visit": ["mon"], "attend": [{"activity": "lesson"}]}],
            "fixed": [{"activity": "talk", "day": "mon", "start": "p1", "room": "r1"}, \(lessons)]
            """
        }
        let two =
            #"{"activity": "lesson", "day": "mon", "start": "p1", "room": "r1", "groups": ["g1"], "move": "room"}, {"activity": "lesson", "day": "mon", "start": "p1", "room": "r2", "groups": ["g2"], "move": "room"}"#
        #expect(
            try Self.findings(body(lessons: two)) == [
                "error: at mon p1 (09:00-09:45), 2 fixed sessions that may change room (lesson, lesson) need different rooms, but only 1 can have one of the 1 free rooms they may use"
            ])
        let closed = body(
            hall: #", "unavailable": ["mon 09:00-09:45"]"#, lessons: String(two.prefix(while: { $0 != "}" })) + "}")
        #expect(
            try Self.findings(closed) == [
                "error: fixed[1] lesson on mon p1 (move: room; written in r1): no room it may use is free then (each lacks a feature, is closed, too small or held by a fixed session that does not move)"
            ])
        // Written in a room closed then, but free to move: no error about the written room.
        let movesOut = body(
            hall: #", "unavailable": ["mon 09:45-10:30"]"#,
            lessons:
                #"{"activity": "lesson", "day": "mon", "start": "p2", "room": "r2", "groups": ["g1"], "move": "room"}"#)
        #expect(try Self.findings(movesOut) == [])
        let nowhere =
            #"{"activity": "lesson", "day": "mon", "start": "p2", "room": "r2", "groups": ["g3"], "staff": ["t3"], "move": "any"}"#
        #expect(
            try Self.findings(body(lessons: nowhere)).contains(
                "error: fixed[1] lesson on mon p2 (move: any; written in r2): no day, start and room fit it (its window, its groups' visits, its staff's availability and its rooms' closures)"
            ))
        let somewhere = nowhere.replacingOccurrences(of: "\"g3\"", with: "\"g2\"")
        #expect(try Self.findings(body(lessons: somewhere)) == [])
    }

    @Test func theVersion2ExamplesCheckClean() throws {
        for name in [
            "galactic-challenge", "year12-enrichment", "term-sports", "partnership-year", "host-lessons", "webinar",
        ] {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent("Examples/\(name).json").path
            let problem = try ProblemDecoder.decode(contentsOf: path)
            // No errors; warnings only that a resource is tight (the galactic
            // challenge fills 11 of its 12 station room-periods).
            let findings = ProblemAnalysis(CompiledInstance(problem.withFormedTeams())).findings()
            let notTight = findings.filter { $0.severity == .error || !$0.message.hasSuffix(": tight") }
            #expect(notTight.isEmpty, "\(name): \(notTight.map(\.message))")
        }
    }
}
