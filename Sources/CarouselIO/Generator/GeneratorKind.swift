import CarouselModel

/// The kinds of event `carousel generate --kind` makes. Every kind but the
/// STEM week (which keeps its own `--visitors`, `--schools` and `--days`)
/// takes `GeneratorParameters`: a scale relative to its bundled example, a
/// tightness and a seed.
public enum GeneratorKind: String, CaseIterable, Sendable {
    case stemWeek = "stem-week"
    case summerSchool = "summer-school"
    case saturdayMaths = "saturday-maths"
    case conference
    case galacticChallenge = "galactic-challenge"
    case year12Enrichment = "year12-enrichment"
    case termSports = "term-sports"
    case partnershipYear = "partnership-year"
    case hostLessons = "host-lessons"
    case webinar

    /// One line for `carousel generate --help`.
    public var summary: String {
        switch self {
        case .stemWeek: "classes visit for a day and rotate through workshops (Examples/stem-week.json)"
        case .summerSchool: "a week of workshops for groups of 12-14 with mentors (Examples/summer-school.json)"
        case .saturdayMaths: "teams of five with Year 11 mentors over six Saturdays (Examples/saturday-maths.json)"
        case .conference: "keynote and three rounds of breakouts chosen by preference (Examples/conference.json)"
        case .galacticChallenge:
            "mixed teams formed from school pools, stations, then pitches to panels (Examples/galactic-challenge.json)"
        case .year12Enrichment:
            "Year 12 teams teach at primaries over a term; travel and minibuses (Examples/year12-enrichment.json)"
        case .termSports:
            "weekly sports over a term, each sport once per half term, helpers' continuity (Examples/term-sports.json)"
        case .partnershipYear:
            "a partnership's events over a school year: dates, hosts, blackouts, spacing (Examples/partnership-year.json)"
        case .hostLessons:
            "a conference at a school whose own lessons move out of its rooms (Examples/host-lessons.json)"
        case .webinar: "online and in-person panels by interest area, keynote streamed to all (Examples/webinar.json)"
        }
    }

    /// The problem of this kind for `parameters` (for the STEM week: the
    /// default week at that tightness and seed, its visitors scaled).
    public func make(_ parameters: GeneratorParameters) -> Problem {
        switch self {
        case .stemWeek:
            var generator = StemWeekGenerator()
            generator.visitors = parameters.scaled(1_900)
            generator.tightness = min(1, parameters.tightness)
            generator.seed = parameters.seed
            return generator.make()
        case .summerSchool: return SummerSchoolGenerator(parameters: parameters).make()
        case .saturdayMaths: return SaturdayMathsGenerator(parameters: parameters).make()
        case .conference: return ConferenceGenerator(parameters: parameters).make()
        case .galacticChallenge: return GalacticChallengeGenerator(parameters: parameters).make()
        case .year12Enrichment: return EnrichmentVisitsGenerator(parameters: parameters).make()
        case .termSports: return TermSportsGenerator(parameters: parameters).make()
        case .partnershipYear: return PartnershipYearGenerator(parameters: parameters).make()
        case .hostLessons: return HostLessonsGenerator(parameters: parameters).make()
        case .webinar: return WebinarGenerator(parameters: parameters).make()
        }
    }
}
