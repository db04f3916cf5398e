import CarouselModel

/// One requirement of a problem that an explanation may name, and that can
/// be relaxed on its own: a group's attend item, its visit or needs, a
/// room's closures or capacity, a staff member's availability, an
/// activity's window, limits, session size, rooms, staff rows or years, a
/// fixed session. The entities themselves and the calendar stay.
public enum Requirement: Hashable, Sendable {
    case attend(group: Int, item: Int)
    case visit(group: Int)
    case needs(group: Int)
    case roomClosed(room: Int)
    case roomCapacity(room: Int)
    case staffAvailability(staff: Int)
    case activityWindow(activity: Int)
    case activityLimits(activity: Int)
    case activitySize(activity: Int)
    case activityRooms(activity: Int)
    case activityStaff(activity: Int)
    case activityYears(activity: Int)
    case fixed(index: Int)

    /// Every requirement of `p` that says something (a room with no
    /// closures has no `roomClosed`), demand (attend items) last.
    public static func all(in p: Problem) -> [Requirement] {
        var out: [Requirement] = []
        for (r, room) in p.rooms.enumerated() {
            if !room.unavailable.isEmpty { out.append(.roomClosed(room: r)) }
            if room.capacity != nil { out.append(.roomCapacity(room: r)) }
        }
        for (s, member) in p.staff.enumerated()
        where member.available != nil || member.maxPerDay != nil || member.max != nil {
            out.append(.staffAvailability(staff: s))
        }
        for (a, act) in p.activities.enumerated() {
            if act.window != nil { out.append(.activityWindow(activity: a)) }
            if act.maxPerDay != nil || act.maxSessions != nil { out.append(.activityLimits(activity: a)) }
            if act.capacity != nil || (!act.together && act.maxGroups < Int(Int32.max)) {
                out.append(.activitySize(activity: a))
            }
            if !act.roomFeatures.isEmpty || act.rooms != nil { out.append(.activityRooms(activity: a)) }
            if !act.staff.isEmpty { out.append(.activityStaff(activity: a)) }
            if act.years != nil { out.append(.activityYears(activity: a)) }
        }
        for f in p.fixed.indices { out.append(.fixed(index: f)) }
        for (g, group) in p.groups.enumerated() {
            if group.visit != nil { out.append(.visit(group: g)) }
            if !group.needs.isEmpty { out.append(.needs(group: g)) }
        }
        for (g, group) in p.groups.enumerated() {
            for i in group.attend.indices { out.append(.attend(group: g, item: i)) }
        }
        return out
    }

    /// `p` with every requirement of `all` that is not in `kept` relaxed.
    public static func relax(_ p: Problem, all: [Requirement], keeping kept: Set<Requirement>) -> Problem {
        var q = p
        var dropItems = Set<Requirement>(), dropFixed = Set<Int>()
        for r in all where !kept.contains(r) {
            switch r {
            case .attend: dropItems.insert(r)
            case .fixed(let f): dropFixed.insert(f)
            default: r.relax(&q)
            }
        }
        if !dropItems.isEmpty {
            for g in q.groups.indices {
                q.groups[g].attend = q.groups[g].attend.indices.filter {
                    !dropItems.contains(.attend(group: g, item: $0))
                }
                .map { q.groups[g].attend[$0] }
            }
        }
        if !dropFixed.isEmpty { q.fixed = q.fixed.indices.filter { !dropFixed.contains($0) }.map { q.fixed[$0] } }
        return q
    }

    /// Lifts this requirement (attend items and fixed sessions go through `relax(_:all:keeping:)`).
    func relax(_ q: inout Problem) {
        switch self {
        case .visit(let g): q.groups[g].visit = nil
        case .needs(let g): q.groups[g].needs = []
        case .roomClosed(let r): q.rooms[r].unavailable = []
        case .roomCapacity(let r): q.rooms[r].capacity = nil
        case .staffAvailability(let s):
            q.staff[s].available = nil
            q.staff[s].maxPerDay = nil
            q.staff[s].max = nil
        case .activityWindow(let a): q.activities[a].window = nil
        case .activityLimits(let a):
            q.activities[a].maxPerDay = nil
            q.activities[a].maxSessions = nil
        case .activitySize(let a):
            q.activities[a].capacity = nil
            q.activities[a].maxGroups = Int(Int32.max)
        case .activityRooms(let a):
            q.activities[a].roomFeatures = []
            q.activities[a].rooms = nil
        case .activityStaff(let a): q.activities[a].staff = []
        case .activityYears(let a): q.activities[a].years = nil
        case .attend, .fixed: break
        }
    }

    /// The requirement in plain words, and the relaxation that lifts it.
    public func describe(in p: Problem) -> (requirement: String, relaxation: String) {
        let cal = p.calendar
        func ranges(_ list: [TimeRange]) -> String {
            list.map { r in
                var text = r.day.map { cal.days[$0].id } ?? "every day"
                if let w = r.window { text += " \(w.lowerBound.clockText)-\(w.upperBound.clockText)" }
                return text
            }.joined(separator: ", ")
        }
        func activityName(_ a: Int) -> String { p.activities[a].id }
        switch self {
        case .attend(let g, let i):
            let group = p.groups[g].id
            switch p.groups[g].attend[i] {
            case .activity(let a, let times, let daily, _, _):
                let how = daily ? " every day it visits" : times > 1 ? " \(times) times" : ""
                return (
                    "group \(group) attends \(activityName(a))\(how)",
                    "let \(group) skip \(activityName(a))\(daily || times > 1 ? " (or attend it fewer times)" : "")"
                )
            case .oneOf(let choices, let count, _, _):
                let list = choices.map(activityName).joined(separator: ", ")
                return (
                    "group \(group) takes \(count) of \(list)",
                    "let \(group) take fewer of \(list), or offer it other activities"
                )
            }
        case .visit(let g):
            return (
                "group \(p.groups[g].id) is on site only \(ranges(p.groups[g].visit ?? []))",
                "let \(p.groups[g].id) stay longer or come on another day"
            )
        case .needs(let g):
            return (
                "group \(p.groups[g].id) needs rooms with \(p.groups[g].needs.sorted().joined(separator: ", "))",
                "find \(p.groups[g].id) rooms without \(p.groups[g].needs.sorted().joined(separator: ", ")) (or fit them out)"
            )
        case .roomClosed(let r):
            return (
                "room \(p.rooms[r].id) is closed \(ranges(p.rooms[r].unavailable))",
                "open \(p.rooms[r].id) when it is closed (\(ranges(p.rooms[r].unavailable)))"
            )
        case .roomCapacity(let r):
            return (
                "room \(p.rooms[r].id) holds at most \(p.rooms[r].capacity ?? 0) pupils",
                "let \(p.rooms[r].id) hold more pupils"
            )
        case .staffAvailability(let s):
            let m = p.staff[s]
            var parts: [String] = []
            if let a = m.available { parts.append("available only \(ranges(a))") }
            if let x = m.maxPerDay { parts.append("at most \(x) sessions a day") }
            if let x = m.max { parts.append("at most \(x) sessions in all") }
            return (
                "staff \(m.id) is \(parts.joined(separator: ", "))",
                "make \(m.id) available for more (or lift their session limits)"
            )
        case .activityWindow(let a):
            return (
                "\(activityName(a)) runs only \(ranges(p.activities[a].window ?? []))",
                "let \(activityName(a)) run outside \(ranges(p.activities[a].window ?? []))"
            )
        case .activityLimits(let a):
            let act = p.activities[a]
            var parts: [String] = []
            if let x = act.maxPerDay { parts.append("at most \(x) sessions a day") }
            if let x = act.maxSessions { parts.append("at most \(x) sessions in all") }
            return ("\(act.id) has \(parts.joined(separator: " and "))", "allow more \(act.id) sessions")
        case .activitySize(let a):
            let act = p.activities[a]
            var parts: [String] = []
            if let c = act.capacity { parts.append("at most \(c) pupils") }
            if !act.together && act.maxGroups < Int(Int32.max) {
                parts.append("at most \(act.maxGroups) group\(act.maxGroups == 1 ? "" : "s")")
            }
            return ("a \(act.id) session takes \(parts.joined(separator: " and "))", "allow bigger \(act.id) sessions")
        case .activityRooms(let a):
            let act = p.activities[a]
            var parts: [String] = []
            if !act.roomFeatures.isEmpty {
                parts.append("a room with \(act.roomFeatures.sorted().joined(separator: ", "))")
            }
            if let rooms = act.rooms { parts.append("one of \(ListText.joined(rooms.map { p.rooms[$0].id }))") }
            return (
                "\(act.id) needs \(parts.joined(separator: ", "))",
                "hold \(act.id) in other rooms too (or add a room like these)"
            )
        case .activityStaff(let a):
            let rows = p.activities[a].staff.map { row -> String in
                var who: [String] = []
                if let role = row.role { who.append(role) }
                if !row.skills.isEmpty { who.append("with \(row.skills.sorted().joined(separator: ", "))") }
                let n = row.count > 0 ? "\(row.count)" : ""
                let per = row.perPupils.map { "\(row.count > 0 ? " + " : "")1 per \($0) pupils" } ?? ""
                return "\(n)\(per) \(who.joined(separator: " "))".trimmingCharacters(in: .whitespaces)
            }
            return (
                "\(p.activities[a].id) needs staff: \(rows.joined(separator: "; "))",
                "run \(p.activities[a].id) with fewer staff, or find more who can lead it"
            )
        case .activityYears(let a):
            let y = p.activities[a].years
            return (
                "\(p.activities[a].id) is for years \(y.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "")",
                "open \(p.activities[a].id) to other years"
            )
        case .fixed(let f):
            let s = p.fixed[f]
            return (
                "\(p.activities[s.activity].id) is fixed on \(cal.days[s.day].id) \(cal.periods[s.start].id) in \(p.rooms[s.room].id)",
                "let the \(p.activities[s.activity].id) session on \(cal.days[s.day].id) move"
            )
        }
    }
}
