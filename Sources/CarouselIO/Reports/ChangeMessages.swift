import CarouselModel
import CarouselSolver

/// The messages to send after a change on the day, in plain words with
/// names (not ids): one per school (each changed class's sessions), one per
/// room (what it now holds or no longer holds) and one per staff member
/// (where they are now needed). `carousel repair --now` prints them, and
/// `export --sheet changes --since OLD` lays them out on one page.
public struct ChangeMessages: Sendable {
    /// One message: who it is for, and its lines.
    public struct Message: Sendable, Equatable {
        public var to: String
        public var lines: [String]
    }

    public var schools: [Message]
    public var rooms: [Message]
    public var staff: [Message]

    public var isEmpty: Bool { schools.isEmpty && rooms.isEmpty && staff.isEmpty }

    /// The messages for going from `old` to `new` (both over `instance`).
    /// O(S log S) for S sessions.
    public init(old: Schedule, new: Schedule, instance I: CompiledInstance) {
        let before = TimetableView(instance: I, schedule: old), after = TimetableView(instance: I, schedule: new)
        let names = after
        func day(_ s: TimetableView.Session) -> String {
            I.problem.calendar.days[s.day].name ?? I.problem.calendar.days[s.day].id
        }
        func at(_ s: TimetableView.Session) -> String { "on \(day(s)) \(names.timeText(s))" }
        /// `from Tuesday 09:15-10:00 to 13:15-14:00` (the day said once when it stays).
        func fromTo(_ a: TimetableView.Session, _ b: TimetableView.Session) -> String {
            a.day == b.day
                ? "on \(day(a)) from \(names.timeText(a)) to \(names.timeText(b))"
                : "from \(day(a)) \(names.timeText(a)) to \(day(b)) \(names.timeText(b))"
        }
        func groups(_ list: [Int]) -> String {
            list.isEmpty ? "no class" : ListText.joined(list.map(names.groupName), limit: 6)
        }
        func staffNames(_ list: [Int]) -> String {
            list.isEmpty ? "no staff" : list.map(names.staffName).joined(separator: ", ")
        }

        // Schools: each group's changed attendances; what it lost and what
        // it gained instead are said together.
        let diff = ScheduleDiff(old: old, new: new, instance: I)
        var bySchool: [(school: String, lines: [String])] = []
        func session(_ p: ScheduleDiff.Place, in view: TimetableView) -> TimetableView.Session? {
            view.sessions.first {
                $0.activity == Int(p.activity) && $0.day == Int(p.day) && $0.periods.lowerBound == Int(p.start)
                    && $0.room == Int(p.room)
            }
        }
        for (g, changes) in diff.groups {
            var lines: [String] = []
            let who = names.groupName(g)
            var lost: [TimetableView.Session] = [], gained: [TimetableView.Session] = []
            for change in changes {
                switch change {
                case .moved(let from, let to):
                    guard let a = session(from, in: before), let b = session(to, in: after) else { continue }
                    lines.append(
                        "\(who): \(names.activityName(b.activity)) moves \(fromTo(a, b))"
                            + (a.room == b.room
                                ? " (\(names.roomName(b.room)))"
                                : ", now in \(names.roomName(b.room)) (was \(names.roomName(a.room)))"))
                case .roomChanged(let from, let to):
                    guard let a = session(from, in: before), let b = session(to, in: after) else { continue }
                    lines.append(
                        "\(who): \(names.activityName(b.activity)) \(at(b)) is now in \(names.roomName(b.room)) (was \(names.roomName(a.room)))"
                    )
                case .staffChanged(let from, let to):
                    guard let a = session(from, in: before), let b = session(to, in: after) else { continue }
                    lines.append(
                        "\(who): \(names.activityName(b.activity)) \(at(b)) in \(names.roomName(b.room)) is now with \(staffNames(b.staff)) (was \(staffNames(a.staff)))"
                    )
                case .added(let p): if let b = session(p, in: after) { gained.append(b) }
                case .removed(let p): if let a = session(p, in: before) { lost.append(a) }
                }
            }
            for (k, b) in gained.enumerated() {
                let what = "\(names.activityName(b.activity)) \(at(b)) in \(names.roomName(b.room))"
                lines.append(
                    k < lost.count
                        ? "\(who): \(what), instead of \(names.activityName(lost[k].activity)) \(at(lost[k]))"
                        : "\(who): now also \(what)")
            }
            for a in lost.dropFirst(gained.count) {
                lines.append(
                    "\(who): \(names.activityName(a.activity)) \(at(a)) in \(names.roomName(a.room)) is cancelled")
            }
            guard !lines.isEmpty else { continue }
            let school = names.schoolName(g)
            if let i = bySchool.firstIndex(where: { $0.school == school }) {
                bySchool[i].lines += lines
            } else {
                bySchool.append((school, lines))
            }
        }
        schools = bySchool.map { Message(to: $0.school, lines: $0.lines) }

        /// The changes to one room's or staff member's bookings.
        func bookings(_ dimension: TimetableView.Dimension, describe: (TimetableView.Session) -> String) -> [Message] {
            let was = before.entities(dimension), now = after.entities(dimension)
            var out: [Message] = []
            for (e, entity) in now.enumerated() {
                var gone = was[e].sessions.map { before.sessions[$0] }, came: [TimetableView.Session] = []
                for i in entity.sessions {
                    let s = after.sessions[i]
                    if let j = gone.firstIndex(where: { Self.same($0, s) }) {
                        gone.remove(at: j)
                    } else {
                        came.append(s)
                    }
                }
                var lines: [String] = []
                // Same activity, time and room with other classes; then the same activity moved.
                for b in came {
                    if let j = gone.firstIndex(where: { Self.samePlace($0, b) }) {
                        let a = gone.remove(at: j)
                        lines.append(
                            "\(names.activityName(b.activity)) \(at(b)): now for \(groups(b.groups)) (was \(groups(a.groups)))"
                                + (a.staff.sorted() == b.staff.sorted() || dimension == .staff
                                    ? "" : ", with \(staffNames(b.staff))"))
                    } else if let j = gone.firstIndex(where: {
                        $0.activity == b.activity && !Set($0.groups).isDisjoint(with: b.groups)
                    }) {
                        let a = gone.remove(at: j)
                        lines.append(
                            "\(names.activityName(b.activity)) for \(groups(b.groups)) moves \(fromTo(a, b))"
                                + (a.room == b.room ? "" : " (\(names.roomName(a.room)) → \(names.roomName(b.room)))"))
                    } else {
                        lines.append("new: \(describe(b))")
                    }
                }
                for a in gone {
                    lines.append("no longer: \(names.activityName(a.activity)) \(at(a)) for \(groups(a.groups))")
                }
                if !lines.isEmpty { out.append(Message(to: entity.title, lines: lines)) }
            }
            return out
        }
        rooms = bookings(.room) { "\(names.activityName($0.activity)) \(at($0)) for \(groups($0.groups))" }
        staff = bookings(.staff) {
            "\(names.activityName($0.activity)) \(at($0)) in \(names.roomName($0.room)) with \(groups($0.groups))"
        }
    }

    static func same(_ a: TimetableView.Session, _ b: TimetableView.Session) -> Bool {
        samePlace(a, b) && a.groups.sorted() == b.groups.sorted()
    }

    static func samePlace(_ a: TimetableView.Session, _ b: TimetableView.Session) -> Bool {
        a.activity == b.activity && a.day == b.day && a.periods == b.periods && a.room == b.room
    }

    /// The messages as indented text, for the terminal.
    public var lines: [String] {
        guard !isEmpty else { return ["No messages to send: nobody's timetable changed."] }
        var out: [String] = []
        for (title, list) in [("To schools", schools), ("To rooms (whoever sets them up)", rooms), ("To staff", staff)]
        where !list.isEmpty {
            out.append("\(title):")
            for m in list {
                out.append("  \(m.to):")
                out += m.lines.map { "    - \($0)" }
            }
        }
        return out
    }

    /// The same for programs.
    public var json: JSONOutput {
        func list(_ messages: [Message]) -> JSONOutput {
            .array(messages.map { .object([("to", .string($0.to)), ("lines", .array($0.lines.map { .string($0) }))]) })
        }
        return .object([("schools", list(schools)), ("rooms", list(rooms)), ("staff", list(staff))])
    }
}
