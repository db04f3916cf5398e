import CarouselModel
import CarouselSolver

/// A conference at a working school like Examples/host-lessons.json: about
/// 130 primary teachers in delegations hear a keynote in the host's hall in
/// period 2, then attend three breakout workshops by preference in periods
/// 3–5, in the step-free seminar classrooms of the English and Maths
/// corridors and the library, while the host's 24 classes keep their five
/// lessons, each a fixed session with its class, teacher and usual room that
/// may move room (`move: "room"`; Year 11, who have a study period, may also
/// move in time: `"any"`). Soft `displaced` counts every change.
///
/// Scale multiplies the host schools (one at 1; at 10, ten schools of a trust
/// each host a tenth of the delegates, each with its own keynote). The
/// bottleneck is the classrooms in the breakout periods: a period's
/// classroom lessons that may only change room, plus ⌈delegates / 32⌉
/// breakout sessions, each need a classroom. Over-constrained (tightness >
/// 1): one classroom fewer than that in the busiest breakout period.
struct HostLessonsGenerator {
    var parameters: GeneratorParameters

    static let subjects: [(id: String, title: String, feature: String, teachers: Int)] = [
        ("english", "English", "classroom", 7), ("maths", "Maths", "classroom", 7), ("science", "Science", "lab", 7),
        ("history", "History", "classroom", 2), ("geography", "Geography", "classroom", 2),
        ("french", "French", "classroom", 3),
        ("re", "RE", "classroom", 2), ("computing", "Computing", "ict", 2), ("art", "Art", "art", 2),
        ("music", "Music", "music", 1),
        ("drama", "Drama", "drama", 2), ("pe", "PE", "pe", 3), ("dt", "Design and technology", "dt", 2),
        ("food", "Food preparation and nutrition", "food", 1),
    ]
    /// Specialist rooms: feature, name, how many.
    static let specialist: [(feature: String, name: String, count: Int, capacity: Int?)] = [
        ("lab", "Science Lab", 5, 30), ("ict", "ICT Suite", 2, 30), ("art", "Art Studio", 2, 30),
        ("music", "Music Room", 1, 30),
        ("drama", "Drama Studio", 1, 32), ("pe", "Sports Hall", 1, 64), ("pe", "Gym", 1, 32),
        ("pe", "Playing field", 1, nil),
        ("dt", "D&T Workshop", 2, 30), ("food", "Food Room", 1, 30),
    ]
    static let workshops = [
        "Maths mastery in mixed-age classes", "Early reading and phonics that sticks",
        "Adaptive teaching for pupils with SEND",
        "Oracy across the curriculum", "Working scientifically in KS2", "Writing for pleasure",
        "Continuous provision in the EYFS",
        "Year 6 to 7 transition that works", "Behaviour, belonging and relationships", "Staff wellbeing and workload",
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let periods = [
            ProblemDraft.period("p1", "Period 1", "08:50", "09:50"),
            ProblemDraft.period("p2", "Period 2", "09:50", "10:50"),
            ProblemDraft.period("break", "Break", "10:50", "11:10", isBreak: true),
            ProblemDraft.period("p3", "Period 3", "11:10", "12:10"),
            ProblemDraft.period("lunch", "Lunch", "12:10", "12:55", isBreak: true),
            ProblemDraft.period("p4", "Period 4", "12:55", "13:55"),
            ProblemDraft.period("p5", "Period 5", "13:55", "14:55"),
        ]
        let lessonPeriods = [0, 1, 3, 5, 6], breakoutPeriods = [3, 5, 6]
        var draft = ProblemDraft(
            days: [
                EventCalendar.Day(
                    id: "thu", name: "Thursday 2 July 2026", date: "2026-07-02",
                    periods: Array(periods.indices))
            ], periods: periods)
        let hosts = max(1, Int(parameters.scale.rounded()))
        let delegatesPerHost = max(20, parameters.scaled(131) / hosts)
        var lessonsMoving = 0, teachersInAll = 0
        for _ in 0..<hosts {
            let host =
                hosts == 1
                ? "St Anselm's School"
                : names.school(random.chance(0.5) ? "Academy" : "School", stems: NamePool.secondaryStems)
            let site = hosts == 1 ? "main" : ProblemDraft.slug(host)
            let prefix = hosts == 1 ? "" : "\(site)-"

            // The host's day: each class's subjects, periods and teachers;
            // specialist rooms now, classrooms counted per period.
            let teachers = Self.subjects.map { s in
                (0..<s.teachers).map { _ in
                    let person = names.adult()
                    return draft.add(
                        StaffMember(
                            id: draft.uniqueID(person, kind: "staff"), name: "\(person) (\(s.title))", role: "teacher",
                            skills: [s.id], maxPerDay: 5))
                }
            }
            var specialistRooms: [String: [Int]] = [:]
            let hall = draft.add(
                Room(
                    id: "\(prefix)main-hall", name: "\(host) Main Hall", capacity: 240,
                    features: ["drama", "hall", "pe"], site: site))
            for room in Self.specialist {
                for i in 1...room.count {
                    let r = draft.add(
                        Room(
                            id: "\(prefix)\(ProblemDraft.slug(room.name))\(room.count > 1 ? "-\(i)" : "")",
                            name: "\(room.name)\(room.count > 1 ? " \(i)" : "")", capacity: room.capacity,
                            features: [room.feature], site: site))
                    specialistRooms[room.feature, default: []].append(r)
                }
            }
            specialistRooms["pe", default: []].append(hall)
            struct Lesson { var cls: Int, subject: Int, teacher: Int, room: Int, period: Int }
            let classes =
                (7...10).flatMap { y in ["A", "B", "C", "D", "E"].map { "\(y)\($0)" } } + ["11A", "11B", "11C", "11D"]
            var lessons: [Lesson] = []
            var teacherBusy = Set<Int>(), roomBusy = Set<Int>(), teaching = [Int: Int]()
            for (c, cls) in classes.enumerated() {
                let count = cls.hasPrefix("11") ? 4 : 5
                var attempts = 0
                placing: while true {
                    attempts += 1  // after many tries, only subjects taught in ordinary classrooms
                    let optional = Array(3..<Self.subjects.count).filter {
                        attempts < 300 || Self.subjects[$0].feature == "classroom"
                    }
                    var day = [0, 1, 2] + random.sample(optional, count - 3)
                    if cls.hasPrefix("1") && random.chance(0.5) || attempts >= 300 {
                        day[2] = random.pick(optional.filter { !day.contains($0) })
                    }
                    let slots = random.sample(lessonPeriods, count)
                    var chosen: [Lesson] = []
                    for (s, p) in zip(day, slots) {
                        let free = teachers[s].filter {
                            !teacherBusy.contains($0 * 8 + p) && teaching[$0, default: 0] < 5
                        }
                        guard let t = free.first else { continue placing }
                        var room = -1
                        if Self.subjects[s].feature != "classroom" {
                            guard
                                let r = specialistRooms[Self.subjects[s].feature]!.first(where: {
                                    !roomBusy.contains($0 * 8 + p)
                                })
                            else { continue placing }
                            room = r
                        }
                        chosen.append(Lesson(cls: c, subject: s, teacher: t, room: room, period: p))
                    }
                    for l in chosen {
                        teacherBusy.insert(l.teacher * 8 + l.period)
                        teaching[l.teacher, default: 0] += 1
                        if l.room >= 0 { roomBusy.insert(l.room * 8 + l.period) }
                    }
                    lessons += chosen
                    break
                }
            }

            // Classrooms: the seminar corridors and library, then enough
            // others for every period's lessons and, in the breakout periods,
            // the breakouts (the bottleneck).
            func classroomLessons(_ p: Int, movableOnly: Bool) -> Int {
                lessons.filter { $0.period == p && $0.room < 0 && !(movableOnly && classes[$0.cls].hasPrefix("11")) }
                    .count
            }
            let busiest = lessonPeriods.map { classroomLessons($0, movableOnly: false) }.max()!
            let movable = breakoutPeriods.map { classroomLessons($0, movableOnly: true) }.max()!
            var breakouts = (delegatesPerHost + 31) / 32
            var delegates = delegatesPerHost
            if parameters.isOverConstrained {
                // Enough breakouts that one classroom short still holds every normal period.
                breakouts = max(breakouts, busiest + 1 - movable, 14 - movable)
                delegates = max(delegates, 32 * (breakouts - 1) + 1)
            }
            let breakoutNeed = movable + breakouts
            let classrooms =
                parameters.isOverConstrained
                ? breakoutNeed - 1
                : max(busiest, max(13, breakouts) + 1, parameters.provision(for: Double(breakoutNeed)))
            var corridor: [(name: String, seminar: Bool)] =
                (1...6).map { ("English E\($0)", true) } + (1...6).map { ("Maths M\($0)", true) } + [("Library", true)]
            var k = 0
            while corridor.count < classrooms {
                k += 1
                corridor.append((["Humanities H", "Languages L", "Sixth Form Room S"][k % 3] + "\(k / 3 + 1)", false))
            }
            let rooms = corridor.prefix(max(classrooms, 13)).map { c in
                draft.add(
                    Room(
                        id: prefix + ProblemDraft.slug(c.name), name: c.name, capacity: c.name == "Library" ? 60 : 32,
                        features: c.seminar ? ["classroom", "seminar"] : ["classroom"], site: site))
            }
            for p in lessonPeriods {  // English in E rooms, Maths in M rooms where they can, the rest anywhere free
                var free = rooms
                for i in lessons.indices where lessons[i].period == p && lessons[i].room < 0 {
                    let wanted = lessons[i].subject == 0 ? "English" : lessons[i].subject == 1 ? "Maths" : "Humanities"
                    let pick =
                        free.firstIndex { draft.rooms[$0].name!.hasPrefix(wanted) } ?? free.firstIndex {
                            !draft.rooms[$0].features.contains("seminar")
                        } ?? 0
                    lessons[i].room = free.remove(at: pick)
                }
            }

            // Lessons are activities by subject; each class attends its own.
            let subjectActivity = Self.subjects.map { s in
                draft.add(
                    Activity(
                        id: "\(prefix)\(s.id)", name: "\(s.title) lesson", roomFeatures: [s.feature],
                        staff: [.init(skills: [s.id], count: 1)]))
            }
            let classGroups = classes.enumerated().map { c, cls in
                let mine = lessons.filter { $0.cls == c }
                let subjects = mine.map(\.subject).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
                return draft.add(
                    Group(
                        id: "\(prefix)\(cls.lowercased())", name: "Class \(cls)", school: host,
                        year: Int(cls.dropLast())!,
                        size: random.int(in: 26...30),
                        attend: subjects.map { s in
                            .activity(
                                activity: subjectActivity[s], times: mine.filter { $0.subject == s }.count,
                                daily: false, minDays: nil)
                        }))
            }
            for l in lessons.sorted(by: { ($0.cls, $0.period) < ($1.cls, $1.period) }) {
                draft.fixed.append(
                    FixedSession(
                        activity: subjectActivity[l.subject], day: 0, start: l.period, room: l.room,
                        groups: [classGroups[l.cls]], staff: [l.teacher],
                        move: classes[l.cls].hasPrefix("11") ? .any : .room))
            }
            lessonsMoving += lessons.count
            teachersInAll += delegates

            // The conference at this host.
            let speaker = draft.add(
                StaffMember(id: "\(prefix)keynote-speaker", name: "\(names.adult()) (keynote)", role: "speaker"))
            let keynote = draft.add(
                Activity(
                    id: "\(prefix)keynote", name: "Keynote: Curriculum that lasts", rooms: [hall], together: true,
                    staff: [.init(ids: [speaker], count: 1)]))
            draft.fixed.append(FixedSession(activity: keynote, day: 0, start: 1, room: hall, staff: [speaker]))
            let workshops = Self.workshops.map { title in
                let presenter = draft.add(
                    StaffMember(
                        id: draft.uniqueID(
                            "presenter \(title.split(separator: " ").prefix(2).joined(separator: " "))", kind: "staff"),
                        name: "\(names.adult()) (\(title))", role: "presenter", maxPerDay: 2))
                return draft.add(
                    Activity(
                        id: draft.uniqueID(
                            prefix + title.split(separator: " ").prefix(3).joined(separator: " "), kind: "activity"),
                        name: title, capacity: 32, maxGroups: 12, roomFeatures: ["seminar"],
                        window: [ProblemDraft.range(day: nil, "11:10-14:55")], maxSessions: 2,
                        staff: [.init(ids: [presenter], count: 1)]))
            }
            var seated = 0
            while seated < delegates {
                let size = min(delegates - seated, random.pick([2, 3, 3, 3, 4, 4, 5]))
                seated += size
                let school = names.school("Primary School")
                draft.add(
                    Group(
                        id: draft.uniqueID(school.replacingOccurrences(of: " Primary School", with: ""), kind: "group"),
                        name: school,
                        school: school, size: size, visit: [ProblemDraft.range(day: 0, "09:50-14:55")],
                        attend: [
                            .activity(activity: keynote, times: 1, daily: false, minDays: nil),
                            .oneOf(
                                choices: workshops, count: 3, prefer: random.sample(workshops, random.int(in: 3...5))),
                        ]))
            }
        }
        draft.weights[.displaced] = 10
        draft.weights[.idleGap] = 0
        return draft.problem(
            "conference at \(hosts) working school\(hosts == 1 ? "" : "s"): \(teachersInAll) teachers, \(lessonsMoving) lessons",
            kind: .hostLessons, parameters)
    }
}
