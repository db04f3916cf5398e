import CarouselModel

/// "How many more classes like this one can we host?": adds copies of a
/// group (on one day, or as it visits) until the `FeasibilityOracle` says
/// no — doubling, then bisecting — and, at the first count that fails,
/// tries one extra resource at a time to name what binds.
///
/// Stopped early (a deadline, Ctrl-C), it answers with what it had
/// established: the most copies known to fit, the fewest known not to, and
/// the resources tried so far (`Answer.isComplete` false).
public struct CapacityProbe {
    public let problem: Problem
    public let group: Int
    /// The day the copies visit (the group's own visit times moved to that
    /// day), or nil for copies that visit as the group does.
    public let day: Int?
    public var oracle: FeasibilityOracle
    /// The largest number of copies tried.
    public var ceiling = 512
    /// Copies that would make the problem larger than this many bytes
    /// (`InstanceSizeEstimate`) are not tried; nil: no limit.
    public var sizeLimit: Int?
    public private(set) var checks = 0
    /// Called after every search.
    public var progress: ((DiagnosisProgress) -> Void)?
    private var stage = "checking the problem as it is"

    public init(_ problem: Problem, like group: Int, day: Int?, oracle: FeasibilityOracle = FeasibilityOracle()) {
        self.problem = problem
        self.group = group
        self.day = day
        self.oracle = oracle
    }

    /// A resource that, with one more of it, lets one more copy in
    /// (`unplaced` 0), or at least places more of what was left out.
    public struct Binding: Sendable, Equatable {
        public var resource: String
        public var relaxation: String
        /// Attendances still unplaced with this resource added (0: it binds alone).
        public var unplaced: Int
    }

    public struct Answer: Sendable {
        /// Copies that still fit (nil when the problem itself cannot be scheduled).
        public var extra: Int?
        /// What lets copy `extra + 1` in when added alone (empty: no single resource).
        public var binding: [Binding]
        /// When no single resource binds: those that place the most of
        /// what copy `extra + 1` leaves out (best first, at most three), and
        /// how much is left out without any.
        public var nearest: [Binding]
        public var unplaced: Int
        public var hitCeiling: Bool
        /// false when stopped before the end: `extra` copies are known to
        /// fit, `notFitting` (when known) not, and `binding`/`nearest` hold
        /// only the resources tried.
        public var isComplete = true
        /// The fewest copies found not to fit.
        public var notFitting: Int?
        /// The count stopped at `ceiling` or at the size limit.
        public var limitedBySize = false
    }

    /// The problem with `n` copies of the group.
    public func withCopies(_ n: Int) -> Problem {
        var p = problem
        let g = problem.groups[group]
        var copy = g
        if let day {
            let windows = (g.visit ?? [TimeRange(day: nil, window: nil)]).map(\.window)
            var visit: [TimeRange] = []
            for w in windows where !visit.contains(TimeRange(day: day, window: w)) {
                visit.append(TimeRange(day: day, window: w))
            }
            copy.visit = visit
        }
        for k in 0..<n {
            var c = copy
            c.id = "\(g.id)+\(k + 1)"
            c.name = nil
            c.school = "extra class \(k + 1)"
            p.groups.append(c)
        }
        // Fixed sessions keep naming the original groups only.
        return p
    }

    mutating func fits(_ n: Int) throws(DiagnosisStopped) -> Bool {
        try ask { $0.feasible($1.withCopies(n)) }
    }

    /// Asks the oracle, counting the search and reporting progress; throws
    /// when the answer was cut short.
    mutating func ask<T>(_ question: (FeasibilityOracle, Self) -> T) throws(DiagnosisStopped) -> T {
        checks += 1
        let answer = question(oracle, self)
        guard !oracle.isCutShort else { throw DiagnosisStopped() }
        progress?(DiagnosisProgress(stage: stage, checks: checks))
        return answer
    }

    /// Whether `n` copies stay within the size limit.
    func withinSize(_ n: Int) -> Bool {
        guard let sizeLimit else { return true }
        return InstanceSizeEstimate(withCopies(n)).bytes <= sizeLimit
    }

    public mutating func run() -> Answer {
        var answer = Answer(extra: nil, binding: [], nearest: [], unplaced: 0, hitCeiling: false)
        do {
            guard try fits(0) else { return answer }
            answer.extra = 0
            var bad = 1
            stage = "adding copies"
            while bad <= ceiling && withinSize(bad) {
                guard try fits(bad) else { break }
                answer.extra = bad
                bad *= 2
            }
            if bad > ceiling || !withinSize(bad) {
                answer.hitCeiling = true
                answer.limitedBySize = bad <= ceiling
                return answer
            }
            answer.notFitting = bad
            stage = "narrowing between \(answer.extra!) and \(bad) copies"
            while bad - answer.extra! > 1 {
                let mid = (answer.extra! + bad) / 2
                if try fits(mid) {
                    answer.extra = mid
                } else {
                    bad = mid
                    answer.notFitting = mid
                }
                stage = "narrowing between \(answer.extra!) and \(bad) copies"
            }
            let base = withCopies(answer.extra! + 1)
            stage = "trying one more of each resource"
            answer.unplaced = try ask { oracle, _ in oracle.unplaced(base) }
            try bindings(base, into: &answer)
            return answer
        } catch {
            answer.isComplete = false
            return answer
        }
    }

    /// Each candidate resource, added alone to `base`, with what it leaves
    /// unplaced: those that place everything bind; otherwise the three that
    /// place the most are the nearest.
    mutating func bindings(_ base: Problem, into answer: inout Answer) throws(DiagnosisStopped) {
        var tried: [Binding] = []
        defer {
            answer.binding = tried.filter { $0.unplaced == 0 }
            answer.nearest =
                answer.binding.isEmpty
                ? Array(tried.filter { $0.unplaced < answer.unplaced }.sorted { $0.unplaced < $1.unplaced }.prefix(3))
                : []
        }
        for (what, how, change) in candidates(base) {
            var p = base
            change(&p)
            tried.append(
                Binding(resource: what, relaxation: how, unplaced: try ask { oracle, _ in oracle.unplaced(p) }))
        }
    }

    /// Resources the group's activities use, each with a way to add one more.
    func candidates(_ p: Problem) -> [(String, String, (inout Problem) -> Void)] {
        let g = problem.groups[group]
        var activities: [Int] = []
        for item in g.attend {
            switch item {
            case .activity(let a, _, _, _, _): if !activities.contains(a) { activities.append(a) }
            case .oneOf(let choices, _, _, _): for a in choices where !activities.contains(a) { activities.append(a) }
            }
        }
        var out: [(String, String, (inout Problem) -> Void)] = []
        var roomKinds: [Set<String>] = []
        var staffKinds: [String] = []
        for a in activities {
            let act = p.activities[a]
            // Another room like the first the activity may use.
            if let r = p.rooms.indices.first(where: { r in
                act.roomFeatures.isSubset(of: p.rooms[r].features) && (act.rooms?.contains(r) ?? true)
            }), !roomKinds.contains(p.rooms[r].features) {
                roomKinds.append(p.rooms[r].features)
                let features = p.rooms[r].features.sorted().joined(separator: ", ")
                out.append(
                    (
                        "rooms with \(features.isEmpty ? "no features" : features) (like \(p.rooms[r].id))",
                        "add a room like \(p.rooms[r].id)",
                        { q in
                            var room = q.rooms[r]
                            room.id += "+extra"
                            room.unavailable = []
                            q.rooms.append(room)
                            for i in q.activities.indices where q.activities[i].rooms?.contains(r) == true {
                                q.activities[i].rooms?.append(q.rooms.count - 1)
                            }
                        }
                    ))
            }
            // Another staff member for each row.
            for row in act.staff {
                guard let s = p.staff.indices.first(where: { row.matches(p.staff[$0], index: $0) }) else { continue }
                let kind = ([row.role].compactMap { $0 } + row.skills.sorted()).joined(separator: ", ")
                guard !staffKinds.contains(kind) else { continue }
                staffKinds.append(kind)
                out.append(
                    (
                        "staff: \(kind.isEmpty ? "anyone" : kind) (like \(p.staff[s].id))",
                        "find one more \(kind.isEmpty ? "helper" : kind) for \(act.id)",
                        { q in
                            var m = q.staff[s]
                            m.id += "+extra"
                            m.available = nil
                            q.staff.append(m)
                            for i in q.activities.indices {
                                for k in q.activities[i].staff.indices
                                where q.activities[i].staff[k].ids?.contains(s) == true {
                                    q.activities[i].staff[k].ids?.insert(q.staff.count - 1)
                                }
                            }
                        }
                    ))
            }
            if act.capacity != nil || (!act.together && act.maxGroups < Int(Int32.max)) {
                out.append(
                    (
                        "\(act.id) session size", "allow bigger \(act.id) sessions",
                        { q in Requirement.activitySize(activity: a).relax(&q) }
                    ))
            }
            if act.maxPerDay != nil || act.maxSessions != nil {
                out.append(
                    (
                        "\(act.id) sessions per day/in all", "allow more \(act.id) sessions",
                        { q in Requirement.activityLimits(activity: a).relax(&q) }
                    ))
            }
            if act.window != nil {
                out.append(
                    (
                        "\(act.id)'s time window", "let \(act.id) run at other times",
                        { q in Requirement.activityWindow(activity: a).relax(&q) }
                    ))
            }
        }
        if g.visit != nil || day != nil {
            out.append(
                (
                    "the visiting time window", "let the extra classes stay the whole day",
                    { q in
                        for i in q.groups.indices where q.groups[i].id.hasPrefix("\(g.id)+") {
                            q.groups[i].visit = day.map { [TimeRange(day: $0, window: nil)] }
                        }
                    }
                ))
        }
        return out
    }
}
