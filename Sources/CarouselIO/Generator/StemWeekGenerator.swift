import CarouselModel
import CarouselSolver

/// Synthetic STEM-Week-style problems of any size, realistic in shape:
/// schools send classes of 22–32 pupils in Years 3–6 on one day (big schools
/// on two), some arriving late or leaving early, a tenth needing step-free
/// rooms; each class has lunch in shifts, a liquid-nitrogen show for up to
/// four classes, and three workshops from a wish list limited by year; rooms
/// (labs, ICT suites, outdoor pads, a dome, classrooms, halls, dining rooms
/// on two sites) and staff (skilled teachers, presenters, sixth-form helpers
/// at one per 15 pupils with part-week availability) are sized from the
/// busiest day so that `tightness` 0 is roomy and 1 is tight.
public struct StemWeekGenerator {
    public var visitors = 1_900
    /// Schools; 0 means one per ~110 pupils.
    public var schools = 0
    public var days = 5
    /// 0 (roomy) … 1 (tight): target room utilisation 55 % … 90 %.
    public var tightness = 0.5
    public var seed: UInt64 = 1

    public init() {}

    struct Workshop {
        var id: String, name: String, feature: String, skill: String, duration: Int, years: ClosedRange<Int>,
            site: String
    }

    static let workshops: [Workshop] = [
        Workshop(
            id: "chem", name: "Chemistry lab", feature: "lab", skill: "chemistry", duration: 1, years: 4...6,
            site: "science-centre"),
        Workshop(
            id: "forensics", name: "Forensic science", feature: "lab", skill: "forensics", duration: 1, years: 5...6,
            site: "science-centre"),
        Workshop(
            id: "vr-space", name: "VR space mission", feature: "ict", skill: "vr", duration: 1, years: 3...6,
            site: "main"),
        Workshop(
            id: "robotics", name: "Robotics", feature: "ict", skill: "robotics", duration: 1, years: 4...6, site: "main"
        ),
        Workshop(
            id: "rocket", name: "Rocket launch", feature: "outdoor", skill: "rocketry", duration: 2, years: 3...6,
            site: "main"),
        Workshop(
            id: "bridges", name: "Bridge building", feature: "classroom", skill: "engineering", duration: 1,
            years: 3...6, site: "main"),
        Workshop(
            id: "planetarium", name: "Planetarium", feature: "dome", skill: "astronomy", duration: 1, years: 3...6,
            site: "science-centre"),
    ]

    /// `YYYY-MM-DD` of the day `n` days after Monday 2 March 2026.
    static func isoDate(daysAfterMarch2 n: Int) -> String {
        let lengths = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  // March … December
        var month = 3, day = 2 + n
        while month - 3 < lengths.count && day > lengths[month - 3] {
            day -= lengths[month - 3]
            month += 1
        }
        return "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public func make() -> Problem {
        var random = SeededRandom(seed: seed)
        let dayCount = max(1, days)
        let schoolCount = schools > 0 ? schools : max(1, visitors / 110)
        let weekdays = ["mon", "tue", "wed", "thu", "fri"]
        var calendarDays: [EventCalendar.Day] = []
        let periodSpecs: [(String, Int, Int, Bool)] = [
            ("p1", 555, 600, false), ("p2", 600, 645, false), ("break", 645, 660, true), ("p3", 660, 705, false),
            ("p4", 705, 750, false), ("p5", 750, 795, false), ("p6", 795, 840, false), ("p7", 840, 885, false),
        ]
        let periods = periodSpecs.map {
            EventCalendar.Period(id: $0.0, name: nil, start: $0.1, end: $0.2, isBreak: $0.3)
        }
        for d in 0..<dayCount {
            let week = d / 5, weekday = d % 5
            let id = dayCount <= 5 ? weekdays[weekday] : "w\(week + 1)-\(weekdays[weekday])"
            let date = Self.isoDate(daysAfterMarch2: week * 7 + weekday)
            calendarDays.append(.init(id: id, name: nil, date: date, periods: Array(periods.indices)))
        }

        // Schools, their classes and their days (least-loaded day first).
        var classes: [(school: Int, size: Int, year: Int)] = []
        var remaining = visitors
        var perSchool = [[Int]](repeating: [], count: schoolCount)
        var s = 0
        while remaining > 0 {
            let size = min(remaining, 22 + random.below(11))
            perSchool[s % schoolCount].append(classes.count)
            classes.append((s % schoolCount, size, 3 + random.below(4)))
            remaining -= size
            s += 1
        }
        var dayLoad = [Int](repeating: 0, count: dayCount)
        var classDay = [Int](repeating: 0, count: classes.count)
        for school in (0..<schoolCount).sorted(by: { perSchool[$0].count > perSchool[$1].count }) {
            let list = perSchool[school]
            let split = list.count > 6 && dayCount > 1
            let halves = split ? [Array(list.prefix(list.count / 2)), Array(list.dropFirst(list.count / 2))] : [list]
            var used: [Int] = []
            for half in halves {
                let d = (0..<dayCount).filter { !used.contains($0) }.min { dayLoad[$0] < dayLoad[$1] }!
                used.append(d)
                for c in half {
                    classDay[c] = d
                    dayLoad[d] += 1
                }
            }
        }
        let busiest = max(1, dayLoad.max() ?? 1)
        let utilisation = 0.55 + 0.35 * min(1, max(0, tightness))

        // Rooms sized from the busiest day.
        var rooms: [Room] = []
        func addRooms(
            _ count: Int, _ prefix: String, _ name: String, _ features: Set<String>, capacity: Int?, site: String
        ) {
            for i in 1...max(1, count) {
                var f = features
                if i == 1 || random.below(100) < 65 { f.insert("step-free") }
                rooms.append(
                    Room(id: "\(prefix)-\(i)", name: "\(name) \(i)", capacity: capacity, features: f, site: site))
            }
        }
        let slots = 7.0
        func roomsFor(share: Double, duration: Double) -> Int {
            Int((Double(busiest) * 3 * share * duration / (slots * utilisation)).rounded(.up))
        }
        addRooms(
            roomsFor(share: 2 / 7, duration: 1), "lab", "Science lab", ["lab"], capacity: 32, site: "science-centre")
        addRooms(roomsFor(share: 2 / 7, duration: 1), "ict", "ICT suite", ["ict"], capacity: 32, site: "main")
        addRooms(roomsFor(share: 1 / 7, duration: 2), "pad", "Launch pad", ["outdoor"], capacity: nil, site: "main")
        addRooms(roomsFor(share: 1 / 7, duration: 1), "class", "Classroom", ["classroom"], capacity: 32, site: "main")
        addRooms(
            roomsFor(share: 1 / 7, duration: 1), "dome", "Planetarium dome", ["dome"], capacity: 34,
            site: "science-centre")
        addRooms(
            Int((Double(busiest) / 4 / (6 * utilisation)).rounded(.up)), "hall", "Hall", ["hall"], capacity: 130,
            site: "main")
        addRooms(
            Int((Double(busiest) / 5 / (3 * utilisation)).rounded(.up)), "dining", "Dining room", ["dining"],
            capacity: 150, site: "main")
        func roomCount(_ feature: String) -> Int { rooms.filter { $0.features.contains(feature) }.count }

        // Staff.
        var staff: [StaffMember] = []
        func someDays(_ share: Int) -> [TimeRange]? {
            guard random.below(100) >= share else { return nil }
            let picked = (0..<dayCount).filter { _ in random.below(100) < 75 }
            return picked.isEmpty ? nil : picked.map { TimeRange(day: $0, window: nil) }
        }
        for w in Self.workshops {
            let n = roomCount(w.feature) + 1
            for i in 1...n {
                staff.append(
                    StaffMember(
                        id: "\(w.skill)-\(i)", name: "\(w.name) leader \(i)", role: "teacher", skills: [w.skill],
                        available: someDays(80), maxPerDay: 6, preferredMaxPerDay: 5))
            }
        }
        for i in 1...(roomCount("hall") + 1) {
            staff.append(
                StaffMember(
                    id: "presenter-\(i)", name: "Show presenter \(i)", role: "teacher", skills: ["show"],
                    available: someDays(85), maxPerDay: 6))
        }
        let workshopRooms = rooms.filter {
            !$0.features.isDisjoint(with: ["lab", "ict", "outdoor", "classroom", "dome"])
        }.count
        let helpers = Int((Double(workshopRooms) * 2.6 / utilisation).rounded(.up)) + 2
        for i in 1...helpers {
            staff.append(
                StaffMember(
                    id: "helper-\(i)", name: "Sixth-form helper \(i)", role: "student", skills: [],
                    available: someDays(40), maxPerDay: 5, preferredMaxPerDay: 4))
        }

        // Activities.
        var activities: [Activity] = []
        for w in Self.workshops {
            activities.append(
                Activity(
                    id: w.id, name: w.name, duration: w.duration, capacity: 34, roomFeatures: [w.feature],
                    years: w.years, window: w.id == "rocket" ? [TimeRange(day: nil, window: 555...795)] : nil,
                    staff: [.init(skills: [w.skill], count: 1), .init(role: "student", perPupils: 15)]))
        }
        let showIndex = activities.count
        activities.append(
            Activity(
                id: "ln2-show", name: "Liquid-nitrogen show", capacity: 130, maxGroups: 4, roomFeatures: ["hall"],
                staff: [.init(skills: ["show"], count: 1)]))
        let lunchIndex = activities.count
        activities.append(
            Activity(
                id: "lunch", name: "Lunch", capacity: 150, maxGroups: 5, roomFeatures: ["dining"],
                window: [TimeRange(day: nil, window: 705...840)]))

        // Groups.
        var groups: [Group] = []
        var ids = Set<String>()
        for (c, cls) in classes.enumerated() {
            let schoolName = "School \(cls.school + 1)"
            var id = "s\(cls.school + 1)-y\(cls.year)"
            var k = 1
            while ids.contains(id + (k == 1 ? "" : "-\(k)")) { k += 1 }
            id += k == 1 ? "" : "-\(k)"
            ids.insert(id)
            let d = classDay[c]
            let roll = random.below(100)
            let start = roll < 10 ? 600 : 555, end = roll >= 90 ? 840 : 885
            let allowed = Self.workshops.indices.filter { Self.workshops[$0].years.contains(cls.year) }
            var wishes = allowed
            for i in wishes.indices.reversed() where i > 0 { wishes.swapAt(i, random.below(i + 1)) }
            groups.append(
                Group(
                    id: id, name: "\(schoolName) Year \(cls.year)", school: schoolName, year: cls.year, size: cls.size,
                    visit: [TimeRange(day: d, window: start...end)], needs: random.below(100) < 10 ? ["step-free"] : [],
                    attend: [
                        .activity(activity: lunchIndex, times: 1, daily: true, minDays: nil),
                        .activity(activity: showIndex, times: 1, daily: false, minDays: nil),
                        .oneOf(choices: allowed, count: min(3, allowed.count), prefer: Array(wishes.prefix(3))),
                    ]))
        }
        return Problem(
            name: "Generated STEM Week: \(visitors) visitors, \(schoolCount) schools, \(dayCount) days (seed \(seed))",
            description: "Synthetic instance from carousel generate (tightness \(tightness)).",
            calendar: EventCalendar(days: calendarDays, periods: periods), rooms: rooms, staff: staff,
            activities: activities, groups: groups)
    }
}
