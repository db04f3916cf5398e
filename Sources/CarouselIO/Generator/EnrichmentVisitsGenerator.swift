import CarouselModel
import CarouselSolver

/// Year 12 enrichment visits like Examples/year12-enrichment.json: Year 12
/// students from sixth forms teach prepared practical lessons (science, art,
/// animation, cookery, drama, music) to classes at local primaries on twelve
/// Wednesday afternoons, in teams of two to four that include a student with
/// the subject's skill (one lead plus one per 15 pupils). Primaries within a
/// walk of a sixth form get the walking variant of each lesson; the others
/// get the minibus variant, which also needs a minibus and a teacher with a
/// permit. Sites have travel times (walked or driven), so the fifteen
/// minutes between the two slots decide who can teach twice in an afternoon.
///
/// Scale multiplies the sixth forms, primaries, classes, students, drivers
/// and minibuses (8 primaries at 1; at 10, 80 primaries around 20 sixth forms
/// in ten towns). The bottleneck is the minibuses: each lesson at a far
/// primary holds one for its slot. Over-constrained (tightness > 1): the
/// minibuses' available slots over the term are fewer than the far lessons.
struct EnrichmentVisitsGenerator {
    var parameters: GeneratorParameters

    static let subjects: [(id: String, title: String, room: String)] = [
        ("science", "Science: kitchen chemistry", "classroom"), ("art", "Art: printmaking", "classroom"),
        ("animation", "Stop-motion animation", "classroom"), ("cookery", "Cookery: breads of the world", "food-area"),
        ("drama", "Drama workshop", "hall"), ("music", "Music: samba and rhythm", "hall"),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let wednesdays = SchoolCalendar.weekly(weekday: 2, from: CivilDate(year: 2025, month: 9, day: 17), count: 12)
        let periods = [
            ProblemDraft.period("e1", "Enrichment 1", "13:15", "14:15"),
            ProblemDraft.period("changeover", "Changeover", "14:15", "14:30", isBreak: true),
            ProblemDraft.period("e2", "Enrichment 2", "14:30", "15:15"),
        ]
        var draft = ProblemDraft(days: SchoolCalendar.days(wednesdays, periods: periods.count), periods: periods)
        let weeks = draft.calendar.days.count

        // The map: towns 18 km apart, a sixth form or two in each, primaries
        // around them, half within a walk.
        var map = SiteMap(walkLimit: 22, driveBase: 8, drivePerKm: 2.6)
        let sixthForms = parameters.scaled(2), primaries = parameters.scaled(8)
        let towns = max(1, (sixthForms + 1) / 2)
        let townNames = random.shuffled(NamePool.towns)
        func townCentre(_ t: Int) -> (Double, Double) { (Double(t % 4) * 18, Double(t / 4) * 18) }
        for f in 0..<sixthForms {
            let (x, y) = townCentre(f % towns)
            let school = names.school("School", stems: NamePool.secondaryStems)
            map.places.append(
                .init(
                    id: draft.uniqueID(school, kind: "site"),
                    name: "\(school) (sixth form), \(townNames[f % towns % townNames.count])",
                    x: x + random.unit() * 1.6 - 0.8, y: y + random.unit() * 1.6 - 0.8))
        }
        for p in 0..<primaries {
            let (x, y) = townCentre(p % towns)
            let r = p % 2 == 0 ? 0.4 + random.unit() * 0.9 : 3 + random.unit() * 2.5
            let dx = random.unit() * 2 - 1, dy = random.unit() * 2 - 1,
                length = max(0.01, (dx * dx + dy * dy).squareRoot())
            let school = names.school(random.chance(0.2) ? "Junior School" : "Primary School")
            map.places.append(
                .init(
                    id: draft.uniqueID(school.replacingOccurrences(of: " Primary School", with: ""), kind: "site"),
                    name: school, x: x + r * dx / length, y: y + r * dy / length))
        }
        draft.sites = map.sites()

        // Each primary: a hall and a classroom (some with a food area, some a
        // second classroom); one or two classes asking for three to five lessons.
        var farLessons = 0, lessonsOf = [Int](repeating: 0, count: Self.subjects.count), studentSessions = 0
        var classes: [(primary: Int, name: String, year: Int, size: Int, wants: [(Int, Int)], far: Bool)] = []
        for p in 0..<primaries {
            let site = sixthForms + p
            let place = map.places[site]
            let far = !(0..<sixthForms).contains { map.isWalk($0, site) }
            let kind = far ? "far" : "near"
            let food = random.chance(0.5), second = random.chance(0.25)
            let short = place.name.replacingOccurrences(of: " Primary School", with: "").replacingOccurrences(
                of: " Junior School", with: "")
            draft.add(
                Room(
                    id: "\(place.id)-hall", name: "\(short) hall", capacity: 90,
                    features: ["hall", "at-\(place.id)", kind], site: place.id))
            draft.add(
                Room(
                    id: "\(place.id)-class", name: "\(short) classroom" + (food ? " (with food area)" : ""),
                    capacity: 32,
                    features: Set(["classroom", "at-\(place.id)", kind] + (food ? ["food-area"] : [])), site: place.id))
            if second {
                draft.add(
                    Room(
                        id: "\(place.id)-class-2", name: "\(short) second classroom", capacity: 32,
                        features: ["classroom", "at-\(place.id)", kind], site: place.id))
            }
            for c in 0..<(second || random.chance(0.5) ? 2 : 1) {
                let year = random.int(in: 3...6)
                let size = far && random.chance(0.5) ? random.int(in: 14...22) : random.int(in: 24...31)
                let allowed = Self.subjects.indices.filter { food || Self.subjects[$0].room != "food-area" }
                var wants: [(Int, Int)] = []
                for s in random.sample(allowed, random.int(in: 3...4)) {
                    let times = s == 0 && random.chance(0.5) ? 2 : 1
                    wants.append((s, times))
                    lessonsOf[s] += times
                    farLessons += far ? times : 0
                    studentSessions += times * (1 + (size + 14) / 15)
                }
                classes.append(
                    (
                        p,
                        "\(short), \(c == 0 ? "Year \(year) \(NamePool.classNames[random.below(NamePool.classNames.count)])" : "Class \(c + 1) (Year \(year))")",
                        year, size, wants, far
                    ))
            }
        }

        // Students: enough for the term's teams (each teaches at most eight
        // lessons), with leads for every subject; drivers and minibuses.
        let students = parameters.provision(for: Double(studentSessions) / 7)
        var skillsOf = [[String]](repeating: [], count: students)
        var next = 0
        for (s, subject) in Self.subjects.enumerated() {
            for _ in 0..<parameters.provision(for: Double(lessonsOf[s]) / 5) {
                skillsOf[next % students].append(subject.id)
                next += 1
            }
        }
        for i in 0..<students {
            let home = i % sixthForms
            let away = Set(random.sample(Array(0..<weeks), random.pick([1, 2, 2, 3])))
            let person = names.person()
            draft.add(
                StaffMember(
                    id: draft.uniqueID(person, kind: "staff"), name: "\(person) (Year 12)", role: "student",
                    skills: Set(skillsOf[i]), available: draft.days { !away.contains($0) }, maxPerDay: 2, max: 8,
                    home: map.places[home].id))
        }
        for i in 0..<parameters.provision(for: Double(farLessons) / (Double(weeks) * 2 * 2 / 3)) {
            let off = i % 2
            draft.add(
                StaffMember(
                    id: "driver-\(i + 1)", name: "\(names.adult()) (minibus permit)", role: "teacher",
                    skills: ["minibus-driver"],
                    available: draft.days { $0 % 3 != off }, maxPerDay: 2, home: map.places[i % sixthForms].id))
        }
        var slots = 0, vehicles = 0
        while true {
            let away = Set(random.sample(Array(0..<weeks), random.int(in: 0...3)))
            let offered = 2 * (weeks - away.count)
            guard
                parameters.isOverConstrained
                    ? slots + offered < farLessons
                    : Double(slots) < Double(farLessons) / parameters.utilisation
            else { break }
            slots += offered
            vehicles += 1
            draft.add(
                StaffMember(
                    id: "minibus-\(vehicles)", name: "Minibus \(vehicles) (16 seats)", role: "vehicle",
                    available: away.isEmpty ? nil : draft.days { !away.contains($0) },
                    home: map.places[(vehicles - 1) % sixthForms].id))
        }

        // Activities: each subject walking and by minibus, where a class asks for it.
        var walking = [Int](repeating: -1, count: Self.subjects.count), byMinibus = walking
        for far in [false, true] {
            for (s, subject) in Self.subjects.enumerated()
            where classes.contains(where: { $0.far == far && $0.wants.contains { $0.0 == s } }) {
                var team: [Activity.StaffRow] = [
                    .init(role: "student", skills: [subject.id], count: 1), .init(role: "student", perPupils: 15),
                ]
                if far { team += [.init(role: "vehicle", count: 1), .init(skills: ["minibus-driver"], count: 1)] }
                let a = draft.add(
                    Activity(
                        id: far ? "\(subject.id)-far" : subject.id,
                        name: "\(subject.title) (\(far ? "by minibus" : "walking"))",
                        roomFeatures: [subject.room, far ? "far" : "near"], staff: team))
                if far { byMinibus[s] = a } else { walking[s] = a }
            }
        }

        for c in classes {
            let site = map.places[sixthForms + c.primary]
            let trips = random.chance(0.3) ? Set(random.sample(Array(0..<weeks), random.int(in: 1...2))) : []
            draft.add(
                Group(
                    id: draft.uniqueID(c.name, kind: "group"), name: c.name, school: site.name, year: c.year,
                    size: c.size,
                    visit: draft.days(where: { !trips.contains($0) }, window: "13:15-15:15"), needs: ["at-\(site.id)"],
                    attend: c.wants.map { s, times in
                        .activity(
                            activity: c.far ? byMinibus[s] : walking[s], times: times, daily: false,
                            minDays: times > 1 ? times : nil)
                    }, home: site.id))
        }
        draft.weights[.travel] = 1
        draft.weights[.siteChange] = 0
        draft.weights[.idleGap] = 0
        return draft.problem(
            "Year 12 enrichment: \(primaries) primaries, \(classes.count) classes, \(students) students",
            kind: .year12Enrichment, parameters)
    }
}
