import CarouselModel
import CarouselSolver

/// The arrivals and departures board (docs/exports.md, "Arrivals and
/// departures"): per day, each party — the groups of one school using one
/// gate (`ArrivalTable`) — with when its coaches arrive (`arriveBefore`
/// minutes before its first session) and leave (`leaveAfter` minutes after
/// its last), at which gate, how many coaches (⌈pupils and adults of its
/// groups visiting that day / seats⌉, 1 without `coaches`), who meets them (the lead staff member of each session they start with)
/// and where they go first. A quarter hour in which a gate receives more
/// coaches than its `capacity` is listed as a conflict.
public struct ArrivalsBoard: Sendable {
    /// One party on one day.
    public struct Visit: Sendable, Equatable {
        public var day: Int
        public var school: String
        /// Index into `Problem.gates`, nil when the problem lists none.
        public var gate: Int?
        /// The party's groups with a session that day.
        public var groups: [Int]
        /// Pupils and adults of its groups that visit that day, and their coaches.
        public var people: Int
        public var coaches: Int
        public var arrival: Minutes
        public var departure: Minutes
        /// The sessions (indices into the view) the groups start with, and end with.
        public var first: [Int]
        public var last: [Int]
        /// Who meets them: the first-listed staff member (the lead) of each
        /// session they start the day with.
        public var meetBy: [Int]
    }

    /// Coaches over a gate's capacity in one quarter hour.
    public struct Conflict: Sendable, Equatable {
        public var day: Int
        public var gate: Int
        /// The quarter hour's first minute.
        public var from: Minutes
        public var coaches: Int
        public var capacity: Int
        public var schools: [String]
    }

    /// By day, then arrival time, then school.
    public let visits: [Visit]
    public let conflicts: [Conflict]

    public init(_ view: TimetableView) {
        let I = view.instance, A = I.arrivals, p = view.problem
        var visits: [Visit] = []
        for d in p.calendar.days.indices {
            let today = view.sessions.indices.filter { view.sessions[$0].day == d }
            for (party, groups) in A.partyGroups.enumerated() {
                let members = Set(groups.map(Int.init))
                let mine = today.filter { !members.isDisjoint(with: view.sessions[$0].groups) }
                guard let start = mine.map({ view.sessions[$0].start }).min(),
                    let end = mine.map({ view.sessions[$0].end }).max()
                else { continue }
                let present = members.filter { g in mine.contains { view.sessions[$0].groups.contains(g) } }.sorted()
                // Each group's first and last session that day.
                var first = Set<Int>(), last = Set<Int>()
                for g in present {
                    let own = mine.filter { view.sessions[$0].groups.contains(g) }
                    first.insert(own.min { view.sessions[$0].start < view.sessions[$1].start }!)
                    last.insert(own.max { view.sessions[$0].end < view.sessions[$1].end }!)
                }
                let firstSessions = first.sorted()
                visits.append(
                    Visit(
                        day: d, school: view.schoolName(present[0]),
                        gate: p.gates.isEmpty ? nil : Int(A.partyGate[party]),
                        groups: present, people: Int(A.partyPeople[party * p.calendar.days.count + d]),
                        coaches: Int(A.coaches(party: party, day: d)),
                        arrival: start - Int(A.arriveBefore), departure: end + Int(A.leaveAfter),
                        first: firstSessions, last: last.sorted(),
                        meetBy: Set(
                            firstSessions.filter { view.sessions[$0].start == start }.compactMap {
                                view.sessions[$0].staff.first
                            }
                        ).sorted()))
            }
        }
        self.visits = visits.sorted { ($0.day, $0.arrival, $0.school) < ($1.day, $1.arrival, $1.school) }

        var conflicts: [Conflict] = []
        for (k, gate) in p.gates.enumerated() {
            guard let capacity = gate.capacity else { continue }
            for d in p.calendar.days.indices {
                let here = self.visits.filter { $0.day == d && $0.gate == k }
                for q in Set(here.map { Int(ArrivalTable.quarter(of: Int32($0.arrival))) }).sorted() {
                    let inQuarter = here.filter { Int(ArrivalTable.quarter(of: Int32($0.arrival))) == q }
                    let coaches = inQuarter.reduce(0) { $0 + $1.coaches }
                    if coaches > capacity {
                        conflicts.append(
                            Conflict(
                                day: d, gate: k, from: q * Int(ArrivalTable.quarter), coaches: coaches,
                                capacity: capacity, schools: inQuarter.map(\.school)))
                    }
                }
            }
        }
        self.conflicts = conflicts
    }

    /// `Coach bay (main gate)`, or `main entrance` without gates.
    public static func gateName(_ gate: Int?, problem: Problem) -> String {
        guard let gate else { return "main entrance" }
        return problem.gates[gate].name ?? problem.gates[gate].id
    }

    /// Per day, the arrivals board, then the departures board.
    public func tables(_ view: TimetableView) -> [ReportTable] {
        let p = view.problem
        func places(_ list: [Int]) -> String {
            var seen: [String] = []
            for i in list {
                let s = view.sessions[i], text = "\(view.activityName(s.activity)), \(view.roomName(s.room))"
                if !seen.contains(text) { seen.append(text) }
            }
            return seen.joined(separator: "; ")
        }
        let over = Set(conflicts.flatMap { c in c.schools.map { "\(c.day) \(c.gate) \(c.from) \($0)" } })
        var out: [ReportTable] = []
        for d in p.calendar.days.indices {
            let today = visits.filter { $0.day == d }
            guard !today.isEmpty else { continue }
            out.append(
                ReportTable(
                    title: view.dayTitle(d) + ": arrivals",
                    headers: ["time", "school", "gate", "coaches", "people", "met by", "first sessions"],
                    rows: today.map { v in
                        let quarter = Int(ArrivalTable.quarter(of: Int32(v.arrival))) * Int(ArrivalTable.quarter)
                        let flag = v.gate.map { over.contains("\(d) \($0) \(quarter) \(v.school)") } ?? false
                        return [
                            v.arrival.clockText, v.school,
                            Self.gateName(v.gate, problem: p) + (flag ? " (OVER CAPACITY)" : ""), "\(v.coaches)",
                            "\(v.people)",
                            v.meetBy.isEmpty ? "—" : v.meetBy.map(view.staffName).joined(separator: ", "),
                            places(v.first),
                        ]
                    }, numeric: [3, 4]))
            out.append(
                ReportTable(
                    title: view.dayTitle(d) + ": departures",
                    headers: ["time", "school", "gate", "coaches", "people", "last session"],
                    rows: today.sorted { ($0.departure, $0.school) < ($1.departure, $1.school) }.map { v in
                        [
                            v.departure.clockText, v.school, Self.gateName(v.gate, problem: p), "\(v.coaches)",
                            "\(v.people)", places(v.last),
                        ]
                    }, numeric: [3, 4]))
        }
        return out
    }
}
