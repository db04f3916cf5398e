import CarouselModel
import Testing

@testable import CarouselIO
@testable import CarouselSolver

/// Which kinds of move an instance's search draws (`MoveMix.mix(for:units:)`).
@Suite struct MoveMixTests {
    /// A two-course ITC-2007 instance: every unit a cohort, every staff row
    /// one teacher.
    static let courses = """
        Name: Two
        Courses: 2
        Rooms: 1
        Days: 2
        Periods_per_day: 2
        Curricula: 1
        Constraints: 0

        COURSES:
        c1 t1 2 2 10
        c2 t2 1 1 10

        ROOMS:
        r 20

        CURRICULA:
        q 2 c1 c2

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """

    static func kinds(_ I: CompiledInstance) -> [LocalSearch.Move] {
        LocalSearch.MoveMix.mix(for: I, units: UnitTable(I)).weights.map(\.move)
    }

    @Test func kindsThatCannotApplyAreNotDrawn() throws {
        let itc = try CurriculumTimetabling.parse(Self.courses, file: "two.ctt")
        let I = CompiledInstance(itc.problem())
        #expect(UnitTable(I).units.allSatisfy { $0.kind == .cohort })
        #expect(Self.kinds(I) == [.moveSession, .swapSessions, .kempeChain])
    }

    @Test func theStemWeekDrawsEveryStandardKind() throws {
        let I = try SameChoicesTests.example("stem-week")
        let kinds = Self.kinds(I)
        for kind in LocalSearch.MoveMix.standard.weights.map(\.move) { #expect(kinds.contains(kind), "\(kind)") }
    }
}
