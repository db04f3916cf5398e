import CarouselModel
import CarouselSolver

/// A Saturday maths programme like Examples/saturday-maths.json: teams of
/// about five Year 5 pupils, two from each partner primary, come on six
/// Saturday mornings for a teacher's masterclass (up to three teams), mentored
/// problem solving, puzzles and games (Year 11 mentors, one per two pupils,
/// two teams to a room), and a team competition in the hall on the last
/// Saturday.
///
/// Scale multiplies the teams, rooms, teachers and mentors (ten teams at 1).
/// The bottleneck is the mentors: every mentored team-session needs at least
/// ⌈pupils / 2⌉ mentor-periods. Over-constrained (tightness > 1): the
/// mentors' available periods over the programme are fewer than that sum.
struct SaturdayMathsGenerator {
    var parameters: GeneratorParameters

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let saturdays = [(1, 10), (1, 17), (1, 24), (1, 31), (2, 7), (2, 28)].map {
            CivilDate(year: 2026, month: $0.0, day: $0.1)
        }
        let periods = [
            ProblemDraft.period("s1", "Session 1", "09:30", "10:15"),
            ProblemDraft.period("s2", "Session 2", "10:15", "11:00"),
            ProblemDraft.period("break", "Snack break", "11:00", "11:20", isBreak: true),
            ProblemDraft.period("s3", "Session 3", "11:20", "12:05"),
            ProblemDraft.period("s4", "Session 4", "12:05", "12:50"),
        ]
        var draft = ProblemDraft(
            days: saturdays.enumerated().map { i, date in
                EventCalendar.Day(
                    id: "sat-\(i + 1)", name: "Saturday \(date.day) \(CivilDate.monthNames[date.month - 1])",
                    date: date.isoText, periods: Array(periods.indices))
            }, periods: periods)
        let last = saturdays.count - 1

        let schools = parameters.scaled(5)
        let sizes = (0..<(2 * schools)).map { _ in random.chance(0.8) ? 5 : random.pick([4, 6]) }
        let teams = sizes.count, pupils = sizes.reduce(0, +)

        // Rooms: masterclass rooms for three teams a session, mentored rooms
        // for two teams a session, over the 22 periods a team can use.
        let hall = draft.add(
            Room(
                id: "main-hall", name: pupils > 200 ? "Sports Hall" : "Main Hall", capacity: max(200, pupils + 20),
                features: ["hall"]))
        let masterRooms = (1...parameters.provision(for: Double(teams * 5) / 3 / 22)).map { i in
            draft.add(
                Room(
                    id: "masterclass-\(i)", name: "Maths Room M\(i) (masterclass)", capacity: 18,
                    features: ["projector", "whiteboard"]))
        }
        let mentored = parameters.provision(for: Double(teams * 12) / 2 / 22)
        var whiteboard: [Int] = []
        for i in 1...mentored {
            let tables = i % 2 == 0
            let r = draft.add(
                Room(
                    id: tables ? "study-\(i)" : "maths-\(i)", name: tables ? "Study Room \(i)" : "Maths Room \(i)",
                    capacity: 12, features: tables ? ["tables"] : ["tables", "whiteboard"]))
            if !tables { whiteboard.append(r) }
        }
        draft.rooms[masterRooms.count + 1 + random.below(mentored)].unavailable = [
            ProblemDraft.range(day: 1 + random.below(4), "09:30-11:00")
        ]

        // Staff: the lead teacher, more maths teachers, Year 11 mentors
        // who each miss one Saturday in two of three cases.
        let lead = draft.add(
            StaffMember(
                id: "lead", name: "\(names.adult()) (Head of Maths, programme lead)", role: "teacher",
                skills: ["lead", "maths-teacher"], maxPerDay: 4))
        for i in 0..<masterRooms.count {
            draft.add(
                StaffMember(
                    id: "teacher-\(i + 1)", name: names.adult(), role: "teacher", skills: ["maths-teacher"],
                    available: draft.days { $0 != i % saturdays.count }, maxPerDay: 3))
        }
        // Each mentored team-session needs at least size / 2 mentor-periods
        // (two teams share a room); the competition needs ⌈pupils / 5⌉ for two.
        let need = Double(6 * pupils + 2 * ((pupils + 4) / 5))
        var offered = 0.0, m = 0
        while true {
            let away = random.chance(2.0 / 3) ? random.below(saturdays.count) : -1
            let periods = 4.0 * Double(away < 0 ? saturdays.count : saturdays.count - 1)
            guard parameters.isOverConstrained ? offered + periods < need : offered < need / parameters.utilisation
            else { break }
            offered += periods
            m += 1
            draft.add(
                StaffMember(
                    id: "mentor-\(m)", name: "\(names.person()) (Year 11)", role: "mentor",
                    available: away < 0 ? nil : draft.days { $0 != away }))
        }

        let mentors = Activity.StaffRow(role: "mentor", perPupils: 2)
        let masterclass = draft.add(
            Activity(
                id: "masterclass", name: "Masterclass with a maths teacher", maxGroups: 3, rooms: masterRooms,
                staff: [.init(skills: ["maths-teacher"], count: 1)]))
        let solving = draft.add(
            Activity(
                id: "problem-solving", name: "Problem solving with mentors", maxGroups: 2,
                roomFeatures: ["whiteboard"], rooms: whiteboard, staff: [mentors]))
        let puzzles = draft.add(
            Activity(id: "puzzles", name: "Logic puzzles", maxGroups: 2, roomFeatures: ["tables"], staff: [mentors]))
        let games = draft.add(
            Activity(
                id: "maths-games", name: "Maths games", maxGroups: 2, roomFeatures: ["tables"],
                window: [ProblemDraft.range(day: nil, "10:15-12:50")], staff: [mentors]))
        let competition = draft.add(
            Activity(
                id: "competition", name: "Team maths competition", duration: 2, rooms: [hall], together: true,
                staff: [.init(ids: [lead], count: 1), .init(role: "mentor", perPupils: 5)]))

        let missing = random.below(teams)
        var school = ""
        for (t, size) in sizes.enumerated() {
            if t % 2 == 0 { school = names.school("Primary School") }
            let short = school.replacingOccurrences(of: " Primary School", with: "")
            let team = t % 2 == 0 ? "A" : "B"
            let away = t == missing ? 1 + random.below(last - 1) : -1
            draft.add(
                Group(
                    id: draft.uniqueID("\(short) \(team)", kind: "group"), name: "\(short) team \(team)",
                    school: school, year: 5, size: size,
                    visit: away < 0 ? nil : draft.days { $0 != away },
                    attend: [
                        .activity(activity: masterclass, times: 5, daily: false, minDays: 5),
                        .activity(activity: solving, times: 4, daily: false, minDays: 4),
                        .activity(activity: puzzles, times: 4, daily: false, minDays: 4),
                        .activity(activity: games, times: 4, daily: false, minDays: 4),
                        .activity(activity: competition, times: 1, daily: false, minDays: nil),
                    ]))
        }
        draft.fixed = [FixedSession(activity: competition, day: last, start: 3, room: hall, staff: [lead])]
        draft.weights[.mixSchools] = 1
        draft.weights[.sessions] = 1
        return draft.problem("Saturday maths: \(teams) teams, \(pupils) pupils", kind: .saturdayMaths, parameters)
    }
}
