import CarouselModel
import CarouselSolver

/// A one-day conference like Examples/conference.json: primary teachers in
/// delegations of one to four (larger primaries split into an EYFS/KS1 and a
/// KS2 team with different wishes) hear a keynote together, have lunch, and
/// attend three different workshops from their strand in three breakout
/// rounds, ranked by preference. Each presenter runs their workshop at most
/// twice; rooms are seminar rooms on two sites, an ICT lab and an outdoor
/// space.
///
/// Scale multiplies the schools (110 at 1); every twelve workshops form a
/// strand, and delegations choose within theirs. The bottleneck is the seats:
/// every delegate is in a workshop in every round. Over-constrained
/// (tightness > 1): the breakout rooms seat fewer people in all than there
/// are delegates, so no round can hold everyone.
struct ConferenceGenerator {
    var parameters: GeneratorParameters

    static let topics: [(id: String, title: String, feature: String, phases: String)] = [
        ("maths-mastery", "Maths mastery in mixed-age classes", "seminar", "all"),
        ("early-reading", "Early reading and phonics that sticks", "seminar", "early"),
        ("adaptive-send", "Adaptive teaching for pupils with SEND", "seminar", "all"),
        ("oracy", "Oracy across the curriculum", "seminar", "all"),
        ("science-enquiry", "Working scientifically in KS2", "seminar", "ks2"),
        ("microbit", "Physical computing with micro:bit", "computers", "ks2"),
        ("outdoor-learning", "Outdoor learning all year round", "outdoor", "all"),
        ("behaviour", "Behaviour, belonging and relationships", "seminar", "all"),
        ("writing", "Writing for pleasure", "seminar", "all"),
        ("eyfs-provision", "Continuous provision in the EYFS", "seminar", "early"),
        ("transition", "Year 6 to 7 transition that works", "seminar", "ks2"),
        ("wellbeing", "Staff wellbeing and workload", "seminar", "all"),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let periods = [
            ProblemDraft.period("keynote", "Keynote", "09:30", "10:30"),
            ProblemDraft.period("coffee", "Coffee", "10:30", "10:50", isBreak: true),
            ProblemDraft.period("round-1", "Breakout round 1", "10:50", "11:50"),
            ProblemDraft.period("lunch", "Lunch", "11:50", "12:40"),
            ProblemDraft.period("round-2", "Breakout round 2", "12:40", "13:40"),
            ProblemDraft.period("tea", "Tea", "13:40", "13:55", isBreak: true),
            ProblemDraft.period("round-3", "Breakout round 3", "13:55", "14:55"),
        ]
        var draft = ProblemDraft(
            days: [EventCalendar.Day(id: "fri", name: "Friday", date: "2026-06-26", periods: Array(periods.indices))],
            periods: periods)

        // Delegations: schools, the larger ones sometimes in two teams.
        struct Delegation { var school: String, team: String?, size: Int, strand: Int }
        let schools = parameters.scaled(110)
        let strands = max(1, Int(parameters.scale.rounded()))
        var delegations: [Delegation] = []
        for s in 0..<schools {
            let school = names.school(random.chance(0.3) ? "Primary Academy" : "Primary School")
            let strand = s * strands / schools
            let size = random.pick([1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6])
            if size >= 4 && random.chance(0.5) {
                delegations.append(Delegation(school: school, team: "EYFS/KS1", size: size / 2, strand: strand))
                delegations.append(Delegation(school: school, team: "KS2", size: size - size / 2, strand: strand))
            } else {
                delegations.append(Delegation(school: school, team: nil, size: min(size, 4), strand: strand))
            }
        }
        let delegates = delegations.reduce(0) { $0 + $1.size }

        // Rooms: the hall and restaurant hold everyone; breakout rooms seat
        // every delegate in each round (the bottleneck).
        let hall = draft.add(
            Room(
                id: "great-hall", name: delegates > 400 ? "Arena" : "Great Hall",
                capacity: delegates + delegates / 10 + 10,
                features: ["hall"]))
        draft.add(
            Room(
                id: "atrium", name: delegates > 400 ? "Exhibition Hall" : "Atrium Restaurant", capacity: delegates + 10,
                features: ["dining"]))
        // Enough rooms for the sessions a round needs at once (a workshop
        // takes at most 40 delegations), not only the seats.
        let breakoutRooms = draft.addRooms(
            seating: parameters.supply(for: Double(delegates)), atLeast: (delegations.count + 39) / 40 + 1,
            exactly: parameters.isOverConstrained
        ) { n in
            let feature = n % 12 == 6 ? "computers" : n % 12 == 7 ? "outdoor" : "seminar"
            let name =
                feature == "computers"
                ? "ICT Lab \(n)"
                : feature == "outdoor"
                    ? "Forest Garden \(n)"
                    : n % 12 == 1 ? "Lecture Theatre \(n)" : "Seminar Room \(n)"
            let capacity =
                n % 12 == 1
                ? 120 : feature == "seminar" ? random.pick([36, 40, 45, 50, 56, 60]) : random.pick([32, 40])
            return Room(
                id: ProblemDraft.slug(name), name: name, capacity: capacity, features: [feature],
                site: n % 2 == 0 ? "learning-centre" : "main")
        }

        // Staff and activities: the keynote speaker, a presenter per workshop.
        let speaker = draft.add(StaffMember(id: "keynote-speaker", name: "\(names.adult()) (keynote)", role: "speaker"))
        let keynote = draft.add(
            Activity(
                id: "keynote", name: "Keynote: Curriculum that lasts", rooms: [hall], together: true,
                staff: [.init(ids: [speaker], count: 1)]))
        let lunch = draft.add(
            Activity(
                id: "lunch", name: "Lunch and exhibition", maxGroups: delegations.count, roomFeatures: ["dining"],
                window: [ProblemDraft.range(day: nil, "11:50-12:40")]))
        // A workshop whose kind of room the conference lacks (a small one
        // without an ICT lab) is held in a seminar room.
        let features = Set(breakoutRooms.flatMap { draft.rooms[$0].features })
        let perStrand = strands == 1 ? parameters.scaled(12, minimum: 6) : 12
        var workshops: [[(activity: Int, phases: String)]] = []
        for s in 0..<strands {
            var list: [(activity: Int, phases: String)] = []
            for k in 0..<perStrand {
                let topic = Self.topics[k % Self.topics.count]
                let suffix = strands > 1 || k >= Self.topics.count ? " (\(s * perStrand + k + 1))" : ""
                let partDay = random.chance(0.15) ? random.pick(["09:30-13:40", "12:40-14:55"]) : nil
                let presenter = draft.add(
                    StaffMember(
                        id: draft.uniqueID("presenter \(topic.id)\(suffix)", kind: "staff"), name: names.adult(),
                        role: "presenter", available: partDay.map { [ProblemDraft.range(day: nil, $0)] }, maxPerDay: 2))
                list.append(
                    (
                        draft.add(
                            Activity(
                                id: draft.uniqueID(topic.id + suffix, kind: "activity"), name: topic.title + suffix,
                                maxGroups: 40,
                                roomFeatures: [features.contains(topic.feature) ? topic.feature : "seminar"],
                                maxSessions: random.chance(0.1) ? 1 : 2,
                                staff: [.init(ids: [presenter], count: 1)])), topic.phases
                    ))
            }
            workshops.append(list)
        }

        for d in delegations {
            let name = d.team.map { "\(d.school) (\($0) team)" } ?? d.school
            let choices = workshops[d.strand].filter { w in
                switch d.team {
                case "EYFS/KS1": w.phases != "ks2"
                case "KS2": w.phases != "early"
                default: true
                }
            }.map(\.activity)
            let prefer = random.sample(choices, random.int(in: 3...5))
            draft.add(
                Group(
                    id: draft.uniqueID(name, kind: "group"), name: name, school: d.school, size: d.size,
                    attend: [
                        .activity(activity: keynote, times: 1, daily: false, minDays: nil),
                        .activity(activity: lunch, times: 1, daily: false, minDays: nil),
                        .oneOf(choices: choices, count: 3, prefer: prefer),
                    ]))
        }
        draft.fixed = [FixedSession(activity: keynote, day: 0, start: 0, room: hall, staff: [speaker])]
        return draft.problem("conference: \(delegates) teachers from \(schools) schools", kind: .conference, parameters)
    }
}
