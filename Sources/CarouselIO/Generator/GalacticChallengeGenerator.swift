import CarouselModel
import CarouselSolver

/// A Galactic Challenge day like Examples/galactic-challenge.json: the host's
/// Year 7 STEM club and Year 5–7 pupils from local schools (pools, a few with
/// pupils' names) are formed into teams of five or six with at least three
/// schools and one host Year 7 in each; after a briefing the teams rotate
/// through four mission stations (each in several rooms, two teams to a room,
/// an adult with the station's skill in each), and after lunch every team
/// pitches once to one of the judging panels (two judges each) in six
/// fifteen-minute slots, before the awards.
///
/// Scale multiplies the visiting schools, the host pools, station rooms,
/// leaders and panels (about 125 pupils from eight schools at 1). The bottleneck is the pitch
/// slots: there are at least ⌈pupils / 6⌉ teams and each pitches once.
/// Over-constrained (tightness > 1): panels × 6 slots < ⌈pupils / 6⌉.
struct GalacticChallengeGenerator {
    var parameters: GeneratorParameters

    static let stations: [(id: String, name: String, feature: String, room: String, skill: String)] = [
        ("rocket-design", "Rocket design and launch", "workshop", "D&T Workshop", "rocketry"),
        ("mission-coding", "Mission coding (micro:bit rovers)", "computers", "ICT Suite", "coding"),
        ("astronaut-training", "Astronaut training", "active", "Sports Hall court", "fitness"),
        ("habitat-build", "Mars habitat build", "lab", "Science Lab", "habitats"),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let periods =
            [
                ProblemDraft.period("briefing", "Briefing", "09:30", "10:00"),
                ProblemDraft.period("r1", "Rotation 1", "10:00", "10:45"),
                ProblemDraft.period("r2", "Rotation 2", "10:45", "11:30"),
                ProblemDraft.period("snack", "Snack break", "11:30", "11:45", isBreak: true),
                ProblemDraft.period("r3", "Rotation 3", "11:45", "12:30"),
                ProblemDraft.period("r4", "Rotation 4", "12:30", "13:15"),
                ProblemDraft.period("lunch", "Lunch and pitch practice", "13:15", "14:00", isBreak: true),
            ]
            + (1...6).map { k in
                ProblemDraft.period(
                    "pitch\(k)", "Pitch slot \(k)", (840 + 15 * (k - 1)).clockText, (840 + 15 * k).clockText)
            } + [
                ProblemDraft.period("deliberation", "Judges deliberate", "15:30", "15:45", isBreak: true),
                ProblemDraft.period("awards", "Awards ceremony", "15:45", "16:15"),
            ]
        var draft = ProblemDraft(
            days: [
                EventCalendar.Day(
                    id: "sat", name: "Saturday 14 March 2026", date: "2026-03-14",
                    periods: Array(periods.indices))
            ], periods: periods)
        let host = "Kingsmead Academy"

        // Pools: visiting schools' year groups, then the host's Year 7
        // forms, enough for one per team (teams have at most six members).
        struct Pool { var school: String, year: Int, size: Int }
        var visiting: [Pool] = []
        for s in 0..<parameters.scaled(8, minimum: 4) {
            let secondary = s % 8 == 7
            let school =
                secondary
                ? names.school("Academy", stems: NamePool.secondaryStems.filter { $0 != "Kingsmead" })
                : names.school(random.chance(0.25) ? "Primary Academy" : "Primary School")
            let years = secondary ? [7] : random.chance(0.4) ? [5, 6] : [random.pick([5, 6])]
            for y in years {
                visiting.append(Pool(school: school, year: y, size: random.int(in: years.count == 2 ? 6...10 : 7...14)))
            }
        }
        let visitors = visiting.reduce(0) { $0 + $1.size }
        let hostPupils = visitors / 5 + 4
        let hostForms = (hostPupils + 29) / 30
        let hostPools = (0..<hostForms).map { f in
            Pool(school: host, year: 7, size: hostPupils / hostForms + (f < hostPupils % hostForms ? 1 : 0))
        }
        let pupils = visitors + hostPupils
        let fewestTeams = (pupils + 5) / 6

        // Rooms: the hall, station rooms (four rotations, two teams a room),
        // judging rooms (six slots each; the bottleneck).
        let hall = draft.add(
            Room(id: "main-hall", name: "Main Hall", capacity: pupils + 200, features: ["hall", "stream"]))
        var stationRooms: [Int] = []
        for st in Self.stations {
            let n = parameters.provision(for: Double(fewestTeams) / 8)
            stationRooms.append(n)
            for i in 1...n {
                draft.add(
                    Room(
                        id: "\(st.feature)-\(i)", name: "\(st.room) \(i)", capacity: random.chance(0.2) ? 11 : 12,
                        features: [st.feature]))
            }
        }
        let panels = parameters.supply(for: Double(fewestTeams) / 6)
        let judgingRooms = (0..<panels).map { p in
            draft.add(
                Room(
                    id: "judging-\(p + 1)", name: "Seminar Room \(p + 1) (Panel \(p + 1))", capacity: 8,
                    features: ["panel"]))
        }

        // Staff: the lead; per station one leader a room, one of them
        // leaving at 12:30 and a STEM ambassador covering that rotation; judges.
        let lead = draft.add(
            StaffMember(
                id: "lead", name: "\(names.adult()) (Head of Science, challenge lead)", role: "teacher",
                skills: ["lead"]))
        for (st, n) in zip(Self.stations, stationRooms) {
            for i in 1...n {
                let early = i == n && n > 1
                draft.add(
                    StaffMember(
                        id: "\(st.skill)-\(i)", name: names.adult(),
                        role: random.chance(0.3) ? "technician" : "teacher",
                        skills: [st.skill], available: early ? [ProblemDraft.range(day: nil, "09:30-12:30")] : nil))
            }
            draft.add(
                StaffMember(
                    id: "ambassador-\(st.skill)", name: "\(names.adult()) (STEM Ambassador)", role: "ambassador",
                    skills: [st.skill], available: [ProblemDraft.range(day: nil, "11:45-13:15")]))
        }
        let judges = (0..<panels).map { p in
            (0..<2).map { j in
                draft.add(
                    StaffMember(
                        id: "judge-\(p + 1)\(j == 0 ? "a" : "b")", name: names.adult(), role: "judge",
                        skills: ["judging"]))
            }
        }

        // Activities.
        let briefing = draft.add(
            Activity(
                id: "briefing", name: "Mission briefing", rooms: [hall], together: true,
                staff: [.init(ids: [lead], count: 1)]))
        let stations = Self.stations.map { st in
            draft.add(
                Activity(
                    id: st.id, name: st.name, maxGroups: 2, roomFeatures: [st.feature],
                    window: [ProblemDraft.range(day: nil, "10:00-13:15")], staff: [.init(skills: [st.skill], count: 1)])
            )
        }
        let pitches = (0..<panels).map { p in
            draft.add(
                Activity(
                    id: "pitch-\(p + 1)", name: "Pitch to panel \(p + 1)", rooms: [judgingRooms[p]],
                    window: [ProblemDraft.range(day: nil, "14:00-15:30")], staff: [.init(ids: Set(judges[p]), count: 2)]
                ))
        }
        let awards = draft.add(
            Activity(
                id: "awards", name: "Awards ceremony", rooms: [hall], together: true,
                staff: [.init(ids: [lead], count: 1)]))

        // Pool groups (about one pool in eight lists its pupils) and the formation.
        var poolIndices: [Int] = []
        for (k, pool) in (hostPools + visiting).enumerated() {
            let form = k < hostPools.count && hostForms > 1 ? " (form 7\(Character(UnicodeScalar(UInt8(65 + k)))))" : ""
            let listed = k >= hostPools.count && random.chance(0.125)
            poolIndices.append(
                draft.add(
                    Group(
                        id: draft.uniqueID("\(pool.school) y\(pool.year)\(form)", kind: "group"),
                        name: "\(pool.school) Year \(pool.year)\(form)", school: pool.school, year: pool.year,
                        size: pool.size, pool: true, pupils: listed ? (0..<pool.size).map { _ in names.person() } : nil)
                ))
        }
        draft.formations = [
            TeamFormation(
                id: "gc", name: "Galactic Challenge teams", pools: poolIndices, minSize: 5, maxSize: 6, minSchools: 3,
                require: [.init(pools: Array(poolIndices.prefix(hostPools.count)), min: 1)],
                visit: [ProblemDraft.range(day: 0, "09:30-16:15")],
                attend: [.activity(activity: briefing, times: 1, daily: false, minDays: nil)]
                    + stations.map { .activity(activity: $0, times: 1, daily: false, minDays: nil) }
                    + [
                        .oneOf(choices: pitches, count: 1, prefer: nil),
                        .activity(activity: awards, times: 1, daily: false, minDays: nil),
                    ])
        ]
        draft.fixed = [
            FixedSession(activity: briefing, day: 0, start: 0, room: hall, staff: [lead]),
            FixedSession(activity: awards, day: 0, start: periods.count - 1, room: hall, staff: [lead]),
        ]
        draft.weights[.idleGap] = 0
        draft.weights[.sessions] = 1
        return draft.problem(
            "Galactic Challenge: \(pupils) pupils, \(hostPools.count + visiting.count) pools", kind: .galacticChallenge,
            parameters)
    }
}
