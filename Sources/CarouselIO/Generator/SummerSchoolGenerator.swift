import CarouselModel
import CarouselSolver

/// A summer school week like Examples/summer-school.json: groups of 12–14
/// pupils going into Years 3–5 rotate through six workshops (science three
/// times, the others twice, on different days), have lunch in shifts, open
/// with an assembly on Monday and end with a showcase for families on Friday
/// afternoon. Every session has a teacher with the subject's skill and Year 9
/// mentors, one per five pupils.
///
/// Scale multiplies the groups, rooms, teachers and mentors (104 pupils at
/// 1). The bottleneck is the mentors: the Friday showcase needs one per five
/// pupils at once, and the week needs three per workshop session. Over-
/// constrained (tightness > 1): fewer mentors are free on Friday than the
/// showcase needs (⌈pupils / 5⌉).
struct SummerSchoolGenerator {
    var parameters: GeneratorParameters

    struct Workshop {
        var id: String, name: String, feature: String, roomName: String, skill: String, times: Int, site: String
    }

    static let workshops = [
        Workshop(
            id: "science", name: "Science investigations", feature: "lab", roomName: "Science Lab", skill: "science",
            times: 3, site: "main"),
        Workshop(
            id: "art", name: "Art and printmaking", feature: "art", roomName: "Art Room", skill: "art", times: 2,
            site: "main"),
        Workshop(
            id: "animation", name: "Stop-motion animation", feature: "computers", roomName: "ICT Suite",
            skill: "animation", times: 2, site: "main"),
        Workshop(
            id: "cookery", name: "Cookery", feature: "kitchen", roomName: "Food Technology Kitchen", skill: "cookery",
            times: 2, site: "main"),
        Workshop(
            id: "drama", name: "Drama", feature: "drama", roomName: "Drama Studio", skill: "drama", times: 2,
            site: "arts-block"),
        Workshop(
            id: "music", name: "Music and songwriting", feature: "music", roomName: "Music Room", skill: "music",
            times: 2, site: "arts-block"),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let dates = (0..<5).map { CivilDate(year: 2026, month: 7, day: 27).adding(days: $0) }
        let periods = [
            ProblemDraft.period("p1", nil, "09:30", "10:30"), ProblemDraft.period("p2", nil, "10:30", "11:30"),
            ProblemDraft.period("break", "Snack break", "11:30", "11:45", isBreak: true),
            ProblemDraft.period("p3", nil, "11:45", "12:30"), ProblemDraft.period("p4", nil, "12:30", "13:15"),
            ProblemDraft.period("p5", nil, "13:15", "14:15"), ProblemDraft.period("p6", nil, "14:15", "15:15"),
        ]
        var draft = ProblemDraft(
            days: dates.map { date in
                EventCalendar.Day(
                    id: CivilDate.weekdayNames[date.weekday].prefix(3).lowercased(),
                    name: CivilDate.weekdayNames[date.weekday], date: date.isoText, periods: Array(periods.indices))
            }, periods: periods)

        // Groups first (sizes drive everything else); added to the draft last.
        let groupCount = parameters.scaled(8)
        let sizes = (0..<groupCount).map { _ in random.int(in: 12...14) }
        let pupils = sizes.reduce(0, +)

        // Rooms: workshop rooms from the week's sessions (a room holds about
        // 24 of the 30 periods), dining rooms for two lunch shifts of four groups.
        let hall = draft.add(
            Room(
                id: "main-hall", name: pupils > 220 ? "Sports Arena" : "Main Hall",
                capacity: max(220, pupils + pupils / 10), features: ["hall"]))
        let dining = parameters.provision(for: Double(groupCount) / 8)
        for i in 1...dining {
            draft.add(Room(id: "canteen-\(i)", name: "Canteen \(i)", capacity: 70, features: ["dining"]))
        }
        var roomsPer: [Int] = []
        for w in Self.workshops {
            let n = parameters.provision(for: Double(groupCount * w.times) / 24)
            roomsPer.append(n)
            for i in 1...n {
                draft.add(
                    Room(
                        id: "\(w.feature)-\(i)", name: "\(w.roomName) \(i)", capacity: w.id == "cookery" ? 16 : 30,
                        features: [w.feature], site: w.site))
            }
        }
        let closed = random.below(draft.rooms.count - 1 - dining) + 1 + dining  // one workshop room shut for a day
        draft.rooms[closed].unavailable = [ProblemDraft.range(day: random.below(4) + 1)]

        // Staff: the lead, teachers per subject (one more than rooms, the
        // extra ones part-week), mentors.
        let lead = draft.add(
            StaffMember(id: "lead", name: "\(names.adult()) (summer school lead)", role: "teacher", skills: ["lead"]))
        for (w, rooms) in zip(Self.workshops, roomsPer) {
            for i in 1...(rooms + 1) {
                let partWeek = i > rooms
                draft.add(
                    StaffMember(
                        id: "\(w.skill)-\(i)", name: names.adult(), role: "teacher", skills: [w.skill],
                        available: partWeek ? draft.days { _ in random.chance(0.6) } : nil, maxPerDay: 5))
            }
        }
        let showcaseNeed = Double((pupils + 4) / 5)
        let weekNeed = Double(sizes.reduce(0) { $0 + 13 * (($1 + 4) / 5) } + (pupils + 9) / 10)
        let friday = parameters.supply(for: showcaseNeed)
        let weekdaysOnly = max(0, parameters.provision(for: weekNeed / 20) - friday)
        for i in 0..<(friday + weekdaysOnly) {
            let offDay = i < friday ? random.below(4) : 4  // Friday mentors miss one other day; the rest miss Friday
            draft.add(
                StaffMember(
                    id: "mentor-\(i + 1)", name: "\(names.person()) (Year 9)", role: "mentor",
                    available: draft.days { $0 != offDay || (i < friday && random.chance(0.5)) }, maxPerDay: 5))
        }

        // Activities.
        let opening = draft.add(
            Activity(
                id: "opening", name: "Opening assembly", rooms: [hall], together: true,
                staff: [.init(skills: ["lead"], count: 1), .init(role: "mentor", perPupils: 10)]))
        let showcase = draft.add(
            Activity(
                id: "showcase", name: "Friday showcase for families", duration: 2, rooms: [hall],
                window: [ProblemDraft.range(day: 4, "13:15-15:15")], together: true,
                staff: [.init(skills: ["lead"], count: 1), .init(role: "mentor", perPupils: 5)]))
        let lunch = draft.add(
            Activity(
                id: "lunch", name: "Lunch", capacity: 60, maxGroups: 4, roomFeatures: ["dining"],
                window: [ProblemDraft.range(day: nil, "11:45-13:15")]))
        let workshops = Self.workshops.map { w in
            draft.add(
                Activity(
                    id: w.id, name: w.name, capacity: 16, roomFeatures: [w.feature],
                    maxPerDay: w.id == "cookery" ? 4 * roomsPer[3] : nil,
                    staff: [.init(skills: [w.skill], count: 1), .init(role: "mentor", perPupils: 5)]))
        }

        for (g, size) in sizes.enumerated() {
            let year = 3 + g * 3 / groupCount
            let name =
                "Year \(year) \(NamePool.classNames[g % NamePool.classNames.count])"
                + (g >= NamePool.classNames.count ? " \(g / NamePool.classNames.count + 1)" : "")
            var attend: [Group.AttendItem] = [
                .activity(activity: opening, times: 1, daily: false, minDays: nil),
                .activity(activity: showcase, times: 1, daily: false, minDays: nil),
                .activity(activity: lunch, times: 1, daily: true, minDays: nil),
            ]
            for (w, a) in zip(Self.workshops, workshops) {
                attend.append(.activity(activity: a, times: w.times, daily: false, minDays: w.times))
            }
            draft.add(
                Group(id: draft.uniqueID(name, kind: "group"), name: name, year: year, size: size, attend: attend))
        }
        draft.fixed = [
            FixedSession(activity: opening, day: 0, start: 0, room: hall, staff: [lead]),
            FixedSession(activity: showcase, day: 4, start: 5, room: hall, staff: [lead]),
        ]
        return draft.problem("summer school: \(pupils) pupils in \(groupCount) groups", kind: .summerSchool, parameters)
    }
}
