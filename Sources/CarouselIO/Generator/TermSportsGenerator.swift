import CarouselModel
import CarouselSolver

/// A term of Tuesday-evening sports like Examples/term-sports.json: Year 4
/// groups play 16:00–16:45 and Year 5 groups 16:45–17:30 on twelve dated
/// Tuesdays (half term in the middle); every group plays each of six sports
/// once in each half term (`within` the half term's days), sometimes against
/// another group; each session has a coach for the sport and Year 10–12
/// sports leaders (one per eight pupils, role helper) whose availability
/// changes week by week. Groups should keep their leaders (`continuity`,
/// some groups `sameStaff`), sports their spaces (`roomStability`). The north
/// field has no floodlights after the clocks change; the sports hall is
/// taken for mock exams on two Tuesdays.
///
/// Scale multiplies the groups, spaces, coaches and leaders (ten groups at
/// 1). The bottleneck is the leaders: each group plays exactly once a week,
/// so each evening's slot needs ⌈Σ sizes of its groups / 8⌉ leaders at once.
/// Over-constrained (tightness > 1): on one Tuesday fewer leaders are free
/// for the later slot than that.
struct TermSportsGenerator {
    var parameters: GeneratorParameters

    static let sports: [(id: String, name: String, feature: String)] = [
        ("football", "Football", "pitch"), ("netball", "Netball", "court"), ("hockey", "Hockey", "astro"),
        ("tag-rugby", "Tag rugby", "pitch"), ("athletics", "Athletics", "athletics"),
        ("dodgeball", "Dodgeball", "indoor"),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let tuesdays = SchoolCalendar.weekly(weekday: 1, from: CivilDate(year: 2025, month: 9, day: 16), count: 12)
        let periods = [
            ProblemDraft.period("early", "Year 4 session", "16:00", "16:45"),
            ProblemDraft.period("late", "Year 5 session", "16:45", "17:30"),
        ]
        var draft = ProblemDraft(days: SchoolCalendar.days(tuesdays, periods: periods.count), periods: periods)
        let weeks = draft.calendar.days.count
        let halfTerm = SchoolCalendar.year2025[0].secondHalf.daysSinceEpoch
        let secondHalf = Set(tuesdays.indices.filter { tuesdays[$0].daysSinceEpoch >= halfTerm })
        let mocks = Array(secondHalf.sorted().suffix(4).prefix(2))

        // Groups: a Year 4 and a Year 5 group from each school.
        let schools = parameters.scaled(5)
        var groups: [(school: String, year: Int, size: Int)] = []
        for _ in 0..<schools {
            let school = names.school("Primary School")
            groups.append((school, 4, random.int(in: 9...13)))
            groups.append((school, 5, random.int(in: 9...13)))
        }
        let perSlot = Double(schools)

        // Spaces, in proportion to the groups playing at once.
        let floodlit = draft.days(where: { secondHalf.contains($0) }, window: "16:45-17:30")
        func spaces(
            _ base: Double, _ id: String, _ name: String, _ features: Set<String>, capacity: Int?,
            unavailable: [TimeRange] = []
        ) {
            let n = parameters.provision(for: base * perSlot / 5 * 0.725)
            for i in 1...n {
                draft.add(
                    Room(
                        id: n == 1 ? id : "\(id)-\(i)", name: n == 1 ? name : "\(name) \(i)", capacity: capacity,
                        features: features,
                        unavailable: unavailable))
            }
        }
        spaces(1, "astro", "3G astro pitch (floodlit)", ["astro", "floodlit", "pitch"], capacity: 30)
        spaces(
            1, "field-north", "North field (no floodlights)", ["athletics", "grass", "pitch"], capacity: 30,
            unavailable: floodlit)
        spaces(1, "field-south", "South field (floodlit)", ["athletics", "floodlit", "grass", "pitch"], capacity: 30)
        spaces(1, "courts", "Netball courts (floodlit)", ["court", "floodlit"], capacity: 28)
        spaces(
            2, "sports-hall", "Sports hall court", ["athletics", "court", "indoor"], capacity: 28,
            unavailable: mocks.map { ProblemDraft.range(day: $0) })
        spaces(1, "gym", "Gymnasium", ["indoor"], capacity: 24)

        // Coaches, three sports each, so that every sport has half of them.
        for i in 0..<parameters.provision(for: perSlot + 1) {
            let skills = Set([i, i + 1, i + 3].map { Self.sports[$0 % Self.sports.count].id })
            let away = Set(random.sample(Array(0..<weeks), random.int(in: 0...2)))
            draft.add(
                StaffMember(
                    id: "coach-\(i + 1)", name: "\(names.adult()) (coach)", role: "coach", skills: skills,
                    available: away.isEmpty ? nil : draft.days { !away.contains($0) }))
        }

        // Sports leaders: two who come every week for each sameStaff group,
        // then others missing a few weeks, some only for one slot, until every
        // (Tuesday, slot) has enough for its groups at the utilisation.
        let need = [0, 1].map { slot in (groups.filter { $0.year == 4 + slot }.reduce(0) { $0 + $1.size } + 7) / 8 }
        let sameStaff = Set((0..<groups.count).filter { $0 % 10 == 8 })
        var free = [[Bool]](), count = [[Int]](repeating: [0, 0], count: weeks)
        func addLeader(_ slots: [[Bool]]) {
            free.append(slots.flatMap { $0 })
            for w in 0..<weeks { for s in 0..<2 where slots[w][s] { count[w][s] += 1 } }
        }
        for _ in 0..<(2 * sameStaff.count) { addLeader(Array(repeating: [true, true], count: weeks)) }
        while (0..<weeks).contains(where: { w in
            (0..<2).contains { Double(count[w][$0]) < Double(need[$0]) / min(parameters.utilisation, 0.9) }
        }) {
            let away = Set(random.sample(Array(0..<weeks), random.int(in: 1...3)))
            let only = random.chance(0.2) ? random.below(2) : -1
            addLeader((0..<weeks).map { w in (0..<2).map { s in !away.contains(w) && (only < 0 || only == s) } })
        }
        if parameters.isOverConstrained {  // one Tuesday's later slot one leader short
            let w = random.below(weeks)
            for k in free.indices.reversed() where count[w][1] >= need[1] && free[k][2 * w + 1] {
                free[k][2 * w + 1] = false
                count[w][1] -= 1
            }
        }
        for slots in free {
            let years = [10, 11, 12][draft.staff.count % 3]
            var available: [TimeRange]? = []
            if slots.allSatisfy({ $0 }) { available = nil }
            for w in 0..<weeks where slots[2 * w] || slots[2 * w + 1] {
                available?.append(
                    ProblemDraft.range(
                        day: w, slots[2 * w] && slots[2 * w + 1] ? nil : slots[2 * w] ? "16:00-16:45" : "16:45-17:30"))
            }
            let person = names.person()
            draft.add(
                StaffMember(
                    id: draft.uniqueID(person, kind: "staff"), name: "\(person) (Year \(years) sports leader)",
                    role: "helper",
                    available: available))
        }

        let sports = Self.sports.map { s in
            draft.add(
                Activity(
                    id: s.id, name: s.name, capacity: 28, maxGroups: 2, roomFeatures: [s.feature],
                    staff: [.init(role: "coach", skills: [s.id], count: 1), .init(role: "helper", perPupils: 8)]))
        }
        let halves = [draft.days { !secondHalf.contains($0) }, draft.days { secondHalf.contains($0) }]
        for (g, group) in groups.enumerated() {
            let short = group.school.replacingOccurrences(of: " Primary School", with: "")
            draft.add(
                Group(
                    id: draft.uniqueID("\(short) y\(group.year)", kind: "group"),
                    name: "\(group.school) Year \(group.year)",
                    school: group.school, year: group.year, size: group.size,
                    visit: [ProblemDraft.range(day: nil, group.year == 4 ? "16:00-16:45" : "16:45-17:30")],
                    attend: sports.flatMap { a in
                        halves.map { .activity(activity: a, times: 1, daily: false, minDays: nil, within: $0) }
                    },
                    sameStaff: sameStaff.contains(g)))
        }
        draft.continuityRoles = ["helper"]
        draft.weights[.continuity] = 3
        draft.weights[.roomStability] = 1
        draft.weights[.idleGap] = 0
        draft.weights[.siteChange] = 0
        return draft.problem(
            "Tuesday sports: \(groups.count) groups, \(groups.reduce(0) { $0 + $1.size }) pupils, \(weeks) weeks",
            kind: .termSports, parameters)
    }
}
