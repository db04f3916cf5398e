import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// How many teams `TeamBuilder` forms: the fewest the counting rules allow,
/// unless teams of those sizes could not share the sessions they need.
@Suite struct TeamFormationTests {
    /// 36 pupils from three schools formed into teams of 5–6 that each go
    /// once to a station holding two teams a session in one room seating
    /// `roomCapacity`, on Monday's four lessons.
    static func problem(roomCapacity: Int) throws -> Problem {
        let json = """
            {"format": "carousel/2", "name": "t", "calendar": \(Fixtures.calendar),
             "rooms": [{"id": "r1", "capacity": \(roomCapacity)}],
             "activities": [{"id": "station", "maxGroups": 2, "rooms": ["r1"]}],
             "groups": [{"id": "a", "school": "A", "size": 12, "pool": true},
                        {"id": "b", "school": "B", "size": 12, "pool": true},
                        {"id": "c", "school": "C", "size": 12, "pool": true}],
             "teams": [{"id": "gc", "pools": ["a", "b", "c"], "size": [5, 6], "visit": ["mon"],
                        "attend": [{"activity": "station"}]}]}
            """
        return try ProblemDecoder.decode(bytes: Array(json.utf8), file: "t.json")
    }

    @Test func oneMoreTeamWhenTheFewestCannotShareTheirRoom() throws {
        // Six teams of six are the fewest, but two of them (12) do not fit a
        // room seating 11: six sessions for four lessons. Seven teams (one of
        // six, six of five) pair into four sessions: 6+5, 5+5, 5+5, 5.
        let tight = try Self.problem(roomCapacity: 11)
        let teams = TeamBuilder.formTeams(tight, seed: 1)
        #expect(teams.map(\.size).sorted() == [5, 5, 5, 5, 5, 5, 6])
        let I = CompiledInstance(tight.addingTeams(teams))
        var options = Solver.Options()
        options.seed = 1
        options.moveLimit = 2_000
        let result = Solver.solve(I, options: options)
        #expect(result.unplaced.isEmpty)
        expectFeasible(Evaluator(I).evaluate(result.state.schedule))
    }

    @Test func theFewestTeamsWhenTheyCanShare() throws {
        // A room seating 12 takes two teams of six: three sessions.
        let roomy = try Self.problem(roomCapacity: 12)
        #expect(TeamBuilder.formTeams(roomy, seed: 1).map(\.size) == [6, 6, 6, 6, 6, 6])
    }
}
