import CarouselModel
import CarouselSolver

/// A hybrid careers evening like Examples/webinar.json: a keynote streamed
/// from the hub's stage to everyone, then three rounds of panels chosen by
/// preference. Each of the four interest areas (careers, primary, academic,
/// enrichment) has panels in the hub's rooms (two panellists there in
/// person) and panels online (two panellists of the area, on a meeting link
/// that holds one session at a time but has no capacity). Attendees in the
/// hub (sixth-formers and undergraduates, without laptops) need in-person
/// rooms; attendees online (teaching assistants, career changers) need links.
///
/// Scale multiplies the attendees, panels, panellists, links and rooms (120
/// attendees and twelve panels at 1). The bottleneck is the hub's seats: in
/// every round everyone in the hub is in an in-person panel. Over-
/// constrained (tightness > 1): the in-person rooms seat fewer in all than
/// the attendees in the hub.
struct WebinarGenerator {
    var parameters: GeneratorParameters

    static let areas: [(id: String, panels: [String])] = [
        (
            "careers",
            ["Routes in: salaried, fee-funded and apprenticeships", "Your first two years: the Early Career Framework"]
        ),
        ("primary", ["A day in a primary classroom", "Teaching in the early years"]),
        ("academic", ["Subject knowledge enhancement and shortage subjects", "Research, masters and NPQs"]),
        ("enrichment", ["Clubs, trips and residentials", "STEM outreach with partners"]),
    ]

    func make() -> Problem {
        var random = SeededRandom(seed: parameters.seed)
        var names = NamePool(seed: parameters.seed)
        let periods = [
            ProblemDraft.period("keynote", "Keynote", "16:00", "16:40"),
            ProblemDraft.period("gap1", "Change rooms", "16:40", "16:50", isBreak: true),
            ProblemDraft.period("round1", "Panel round 1", "16:50", "17:30"),
            ProblemDraft.period("gap2", "Change rooms", "17:30", "17:40", isBreak: true),
            ProblemDraft.period("round2", "Panel round 2", "17:40", "18:20"),
            ProblemDraft.period("gap3", "Change rooms", "18:20", "18:30", isBreak: true),
            ProblemDraft.period("round3", "Panel round 3", "18:30", "19:10"),
        ]
        var draft = ProblemDraft(
            days: [
                EventCalendar.Day(
                    id: "wed", name: "Wednesday 21 January 2026", date: "2026-01-21",
                    periods: Array(periods.indices))
            ], periods: periods)
        draft.sites = [
            Site(id: "main", name: "Kingsmead Academy (partnership hub)"),
            Site(id: "online", name: "Online (meeting links)", online: true),
        ]

        // Attendees: a third in the hub in groups, the rest online.
        let attendees = parameters.scaled(120, minimum: 12)
        struct Party { var name: String, school: String?, size: Int, inPerson: Bool }
        var parties: [Party] = [], count = 0
        while count < attendees * 35 / 100 {
            let size = min(random.int(in: 5...9), attendees - count)
            let university = random.chance(0.3)
            let school =
                university
                ? "\(random.pick(NamePool.towns)) University" : names.school("School", stems: NamePool.secondaryStems)
            parties.append(
                Party(
                    name: university ? "\(school) undergraduates" : "\(school) sixth-formers", school: school,
                    size: size, inPerson: true))
            count += size
        }
        let hub = count
        while count < attendees * 70 / 100 {
            let size = min(random.int(in: 2...5), attendees - count)
            let school = names.school("Primary School")
            parties.append(Party(name: "\(school) teaching assistants", school: school, size: size, inPerson: false))
            count += size
        }
        while count < attendees {
            parties.append(Party(name: "\(names.person()) (career changer)", school: nil, size: 1, inPerson: false))
            count += 1
        }

        // Rooms: the streamed stage and links online; in-person rooms seating
        // everyone in the hub (the bottleneck).
        let stage = draft.add(
            Room(
                id: "main-stage", name: "Main stage (hub hall, streamed)", features: ["in-person", "link", "stage"],
                site: "online"))
        let links = (1...parameters.scaled(4)).map { i in
            draft.add(Room(id: "link-\(i)", name: "Panel link \(i)", features: ["link"], site: "online"))
        }
        let hubRooms = draft.addRooms(
            seating: parameters.supply(for: Double(hub)), exactly: parameters.isOverConstrained
        ) { n in
            Room(
                id: "seminar-\(n)", name: n == 1 ? "Lecture Theatre" : "Seminar Room \(n)",
                capacity: random.pick([24, 28, 30, 36, 45, 60]),
                features: ["in-person"], site: "main")
        }

        // Staff: the chair; per panel two panellists of its area (in person
        // for hub panels, online-only for online ones), some with a second area.
        let chair = draft.add(
            StaffMember(id: "chair", name: "\(names.adult()) (CEO of the trust; keynote)", role: "chair"))
        let perArea = parameters.scaled(3, minimum: 2)
        var hubPanels: [Int] = [], onlinePanels: [Int] = []
        for (a, area) in Self.areas.enumerated() {
            for k in 0..<perArea {
                let inPerson = (a + k) % 2 == 0
                for _ in 0..<2 {
                    var skills: Set<String> = [area.id]
                    if random.chance(0.2) { skills.insert(Self.areas[(a + 1 + random.below(3)) % 4].id) }
                    let person = names.adult()
                    draft.add(
                        StaffMember(
                            id: draft.uniqueID(person, kind: "staff"), name: person + (inPerson ? "" : ", online only"),
                            role: inPerson ? "panellist" : "remote", skills: skills,
                            available: random.chance(0.2)
                                ? [ProblemDraft.range(day: nil, random.pick(["16:00-18:20", "16:50-19:10"]))] : nil,
                            maxPerDay: 2))
                }
                let title =
                    area.panels[k % area.panels.count]
                    + (k >= area.panels.count ? " (\(k / area.panels.count + 1))" : "")
                let panel = draft.add(
                    Activity(
                        id: draft.uniqueID(
                            title.split(separator: " ").prefix(3).joined(separator: " "), kind: "activity"),
                        name: title + (inPerson ? " (in the hub)" : " (online)"), maxGroups: 60,
                        roomFeatures: [inPerson ? "in-person" : "link"], rooms: inPerson ? hubRooms : links,
                        window: [ProblemDraft.range(day: nil, "16:50-19:10")], maxSessions: 2,
                        staff: [
                            inPerson
                                ? .init(role: "panellist", skills: [area.id], count: 2)
                                : .init(skills: [area.id], count: 2)
                        ]))
                if inPerson { hubPanels.append(panel) } else { onlinePanels.append(panel) }
            }
        }
        let keynote = draft.add(
            Activity(
                id: "keynote", name: "Keynote: Why teach? Why here?", rooms: [stage], together: true,
                staff: [.init(ids: [chair], count: 1)]))
        draft.fixed = [FixedSession(activity: keynote, day: 0, start: 0, room: stage, staff: [chair])]

        for party in parties {  // wishes from one or more areas of interest: at least eight panels, or all
            let mine = party.inPerson ? hubPanels : onlinePanels
            var choices: [Int] = []
            for area in random.shuffled(Self.areas.map(\.id)) where choices.count < min(8, mine.count) {
                choices += mine.filter { panel in draft.activities[panel].staff[0].skills.contains(area) }
            }
            draft.add(
                Group(
                    id: draft.uniqueID(party.name, kind: "group"),
                    name: party.name + (party.inPerson ? " (in the hub)" : " (online)"),
                    school: party.school, size: party.size, needs: [party.inPerson ? "in-person" : "link"],
                    attend: [
                        .activity(activity: keynote, times: 1, daily: false, minDays: nil),
                        .oneOf(
                            choices: choices, count: 3,
                            prefer: random.sample(choices, random.int(in: 3...min(5, choices.count)))),
                    ]))
        }
        draft.weights[.idleGap] = 0
        draft.weights[.sessions] = 1
        return draft.problem(
            "hybrid webinar: \(attendees) attendees, \(hubPanels.count + onlinePanels.count) panels", kind: .webinar,
            parameters)
    }
}
