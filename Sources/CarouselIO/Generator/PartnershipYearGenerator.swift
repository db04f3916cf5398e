import CarouselModel
import CarouselSolver

/// A partnership's year like Examples/partnership-year.json: schools (sites
/// that take turns to host, with shares by size) in localities of about
/// twelve; each locality's year holds six headteachers' cluster meetings,
/// three TeachMeets, a conference, primary football, netball and athletics
/// festivals (one a term), a secondary debating competition (two rounds and
/// an evening final) and a choir concert. Every school has three delegations
/// (heads, staff, pupils) whose `visit` leaves out its blackout dates (INSET
/// days, its own events, SATs week, parents' evenings); its rooms are
/// unavailable on them and its hall while it holds exams. Big events are a
/// week apart, repeats spread out (`spacing`); hosting is shared by size
/// (`hostBalance`) and travel kept down (`travel`).
///
/// Scale multiplies the schools (12 at 1; 120 in ten localities at 10). The
/// bottleneck is the spacing of the cluster meetings: six meetings at least
/// g days apart need 5g days between the first and the last school day.
/// Over-constrained (tightness > 1): g is one more than that span allows.
struct PartnershipYearGenerator {
    var parameters: GeneratorParameters

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let dates = SchoolCalendar.schoolDays(weekdays: [0, 1, 2, 3, 4])
        let periods = [
            ProblemDraft.period("day", "School day", "09:30", "15:00"),
            ProblemDraft.period("twilight", "Twilight", "16:00", "17:30"),
            ProblemDraft.period("evening", "Evening", "18:30", "20:30"),
        ]
        var draft = ProblemDraft(days: SchoolCalendar.days(dates, periods: periods.count), periods: periods)
        let days = dates.count
        let termOf = dates.map { SchoolCalendar.term(of: $0) ?? 0 }
        func dayIndex(month: Int, day: Int) -> Int {
            dates.firstIndex { $0.month == month && $0.day >= day } ?? days - 1
        }

        // Schools: a third of them secondaries, in localities around towns 20 km apart.
        let schoolCount = parameters.scaled(12, minimum: 3)
        let localities = max(1, Int((Double(schoolCount) / 12).rounded()))
        struct School { var name: String, secondary: Bool, share: Double, locality: Int, hall: Int, field: Bool }
        var schools: [School] = []
        var map = SiteMap(walkLimit: 0, driveBase: 6, drivePerKm: 1.5)
        for i in 0..<schoolCount {
            let locality = i % localities
            let secondary = (i / localities) % 3 == 0
            let name =
                secondary
                ? names.school(random.chance(0.5) ? "Academy" : "School", stems: NamePool.secondaryStems)
                : names.school(random.chance(0.3) ? "Primary Academy" : "Primary School")
            let share = secondary ? Double(random.int(in: 2...3)) : 1
            schools.append(
                School(
                    name: name, secondary: secondary, share: share, locality: locality,
                    hall: secondary ? random.int(in: 24...36) * 10 : random.int(in: 8...12) * 10,
                    field: secondary || random.chance(0.7)))
            let r = 1 + random.unit() * 8, dx = random.unit() * 2 - 1, dy = random.unit() * 2 - 1
            let length = max(0.01, (dx * dx + dy * dy).squareRoot())
            map.places.append(
                .init(
                    id: draft.uniqueID(name, kind: "site"),
                    name: "\(name), \(NamePool.towns[locality % NamePool.towns.count])",
                    x: Double(locality % 4) * 20 + r * dx / length, y: Double(locality / 4) * 20 + r * dy / length))
        }
        draft.sites = map.sites(host: { _ in true }, share: { schools[$0].share })

        // Blackouts: INSET days, the school's sports day, nativity week or an
        // open day, SATs week (primaries); halls hold mocks and summer exams
        // (secondaries); parents' evenings take the evening.
        let sats = (0..<4).map { dayIndex(month: 5, day: 11) + $0 }
        var blackout: [Set<Int>] = [], hallClosed: [Set<Int>] = [], busyEvening: [Set<Int>] = []
        for school in schools {
            var b = Set(
                random.sample([0, dayIndex(month: 1, day: 5), dayIndex(month: 4, day: 13)], 2)
                    + random.sample(Array(0..<days), 2))
            b.insert(dayIndex(month: 7, day: 13) + random.below(5))
            var hall = Set<Int>()
            if school.secondary {
                let mocks = random.pick([
                    dayIndex(month: 11, day: 24), dayIndex(month: 12, day: 1), dayIndex(month: 1, day: 12),
                ])
                hall = Set(mocks..<min(days, mocks + 10)).union(
                    dayIndex(month: 5, day: 11)..<dayIndex(month: 6, day: 22))
                b.insert(random.below(dayIndex(month: 11, day: 1)))
            } else {
                b.formUnion(sats)
                b.formUnion(
                    (dayIndex(month: 12, day: 8)..<dayIndex(month: 12, day: 13)).filter { _ in random.chance(0.6) })
            }
            blackout.append(b)
            hallClosed.append(hall)
            busyEvening.append(Set(random.sample(Array(0..<days), 4)))
        }
        func dayList(_ set: Set<Int>) -> [TimeRange] { set.sorted().map { ProblemDraft.range(day: $0) } }
        for (s, school) in schools.enumerated() {
            let site = map.places[s].id, short = school.name
            draft.add(
                Room(
                    id: "\(site)-hall", name: "\(short) hall", capacity: school.hall, features: ["hall"], site: site,
                    unavailable: dayList(blackout[s].union(hallClosed[s]))))
            draft.add(
                Room(
                    id: "\(site)-meeting", name: "\(short) meeting room", capacity: 26, features: ["meeting"],
                    site: site,
                    unavailable: dayList(blackout[s])))
            if school.field {
                draft.add(
                    Room(
                        id: "\(site)-field", name: "\(short) playing field",
                        features: school.secondary ? ["field", "track"] : ["field"],
                        site: site, unavailable: dayList(blackout[s])))
            }
            if school.secondary {
                draft.add(
                    Room(
                        id: "\(site)-sports-hall", name: "\(short) sports hall", capacity: 200, features: ["court"],
                        site: site,
                        unavailable: dayList(blackout[s])))
            }
        }

        // Each locality's coordinators and events.
        let span = dates[days - 1].daysSinceEpoch - dates[0].daysSinceEpoch
        let clusterGap =
            parameters.isOverConstrained ? span / 5 + 1 : Int(Double(span / 5) * min(parameters.utilisation, 0.9))
        let (day, twilight, evening) = ("09:30-15:00", "16:00-17:30", "18:30-20:30")
        func term(_ t: Int, _ window: String) -> [TimeRange] { draft.days(where: { termOf[$0] == t }, window: window) }
        var events: [[String: Int]] = []
        for l in 0..<localities {
            let suffix = localities == 1 ? "" : "-\(l + 1)"
            let title = localities == 1 ? "" : " (\(NamePool.towns[l % NamePool.towns.count]))"
            let manager = draft.add(
                StaffMember(
                    id: "partnership-manager\(suffix)", name: "\(names.adult()) (partnership manager)",
                    role: "coordinator", maxPerDay: 2))
            draft.add(
                StaffMember(
                    id: "sports-coordinator\(suffix)", name: "\(names.adult()) (School Games Organiser)",
                    role: "coordinator",
                    skills: ["sport"]))
            draft.add(
                StaffMember(
                    id: "music-lead\(suffix)", name: "\(names.adult()) (music lead)", role: "coordinator",
                    skills: ["music"],
                    available: draft.days { $0 >= dayIndex(month: 11, day: 1) || termOf[$0] != 0 }))
            let led: [Activity.StaffRow] = [.init(ids: [manager], count: 1)]
            func event(
                _ id: String, _ name: String, _ features: Set<String>, _ window: [TimeRange], capacity: Int? = nil,
                staff: [Activity.StaffRow] = []
            ) -> (String, Int) {
                (
                    id,
                    draft.add(
                        Activity(
                            id: id + suffix, name: name + title, capacity: capacity, roomFeatures: features,
                            window: window,
                            together: true, staff: staff))
                )
            }
            events.append(
                Dictionary(uniqueKeysWithValues: [
                    event(
                        "cluster", "Headteachers' cluster meeting", ["meeting"],
                        [ProblemDraft.range(day: nil, day), ProblemDraft.range(day: nil, twilight)], staff: led),
                    event("teachmeet", "TeachMeet", ["hall"], [ProblemDraft.range(day: nil, twilight)], staff: led),
                    event(
                        "conference", "Partnership conference", ["hall"], [ProblemDraft.range(day: nil, day)],
                        capacity: 400, staff: led),
                    event(
                        "football", "Primary football festival", ["field"], term(0, day),
                        staff: [.init(skills: ["sport"], count: 1)]),
                    event(
                        "netball", "Primary netball rally", ["court"], term(1, day),
                        staff: [.init(skills: ["sport"], count: 1)]),
                    event(
                        "athletics", "Primary athletics championship", ["track"], term(2, day),
                        staff: [.init(skills: ["sport"], count: 1)]),
                    event("debating", "Debating competition round", ["hall"], [ProblemDraft.range(day: nil, twilight)]),
                    event("debating-final", "Debating competition final", ["hall"], term(2, evening)),
                    event(
                        "choir", "Partnership choir concert", ["hall"], term(1, evening),
                        staff: [.init(skills: ["music"], count: 1)]),
                ]))
            let e = events[l]
            draft.spacing += [
                Spacing(
                    activities: ["conference", "football", "netball", "athletics", "debating-final", "choir"].map {
                        e[$0]!
                    }, minDays: 7),
                Spacing(activities: [e["cluster"]!], minDays: clusterGap),
                Spacing(activities: [e["teachmeet"]!], minDays: 56),
                Spacing(activities: [e["debating"]!, e["debating-final"]!], minDays: 21),
            ]
        }

        for (s, school) in schools.enumerated() {
            let e = events[school.locality], site = map.places[s].id
            let visit = (0..<days).filter { !blackout[s].contains($0) }.map {
                ProblemDraft.range(day: $0, busyEvening[s].contains($0) ? "09:30-17:30" : nil)
            }
            func once(_ id: String, _ times: Int = 1) -> Group.AttendItem {
                .activity(activity: e[id]!, times: times, daily: false, minDays: nil)
            }
            draft.add(
                Group(
                    id: "\(site)-heads", name: "\(school.name) headteacher and deputy", school: school.name, size: 2,
                    visit: visit,
                    attend: [once("cluster", 6)], home: site))
            draft.add(
                Group(
                    id: "\(site)-staff", name: "\(school.name) staff delegation", school: school.name,
                    size: Int(4 * school.share) + 2,
                    visit: visit, attend: [once("teachmeet", 3), once("conference")], home: site))
            draft.add(
                Group(
                    id: "\(site)-pupils",
                    name: "\(school.name) \(school.secondary ? "debating team and choir" : "pupils (sport and choir)")",
                    school: school.name, size: school.secondary ? 20 : 16, visit: visit,
                    attend: school.secondary
                        ? [once("debating", 2), once("debating-final"), once("choir")]
                        : [once("football"), once("netball"), once("athletics"), once("choir")], home: site))
        }
        draft.weights[.hostBalance] = 20
        draft.weights[.travel] = 1
        draft.weights[.idleGap] = 0
        draft.weights[.siteChange] = 0
        return draft.problem(
            "partnership year: \(schoolCount) schools in \(localities) localit\(localities == 1 ? "y" : "ies"), \(days) days",
            kind: .partnershipYear, parameters)
    }
}
