/// What changed between two schedules of one instance, for the people who
/// must be told: each group's changed attendances, and the rooms and staff
/// whose timetable is no longer what it was.
public struct ScheduleDiff: Sendable {
    /// Where and with whom one attendance happens.
    public struct Place: Sendable, Hashable {
        public var activity: Int32
        public var day: Int32
        public var start: Int32
        public var room: Int32
        public var staff: [Int32]
    }

    /// One change to one group's timetable.
    public enum Change: Sendable, Hashable {
        /// Same activity at another time (and maybe room or staff).
        case moved(from: Place, to: Place)
        /// Same activity and time, another room (and maybe staff).
        case roomChanged(from: Place, to: Place)
        /// Same activity, time and room, other staff.
        case staffChanged(from: Place, to: Place)
        /// An attendance the old schedule did not have (a new class, a changed choice).
        case added(Place)
        /// An attendance that is gone.
        case removed(Place)
    }

    /// One session of a room's or staff member's timetable that was gained or lost.
    public struct Booking: Sendable, Hashable {
        public var gained: Bool
        public var activity: Int32
        public var day: Int32
        public var start: Int32
        public var room: Int32
    }

    public var sessionsBefore: Int
    public var sessionsAfter: Int
    /// Old sessions that are not in the new schedule exactly as they were
    /// (activity, day, start, room, groups and staff).
    public var sessionsChanged: Int
    /// New sessions that are not in the old schedule.
    public var sessionsAdded: Int
    /// Changed groups in instance order, each with its changes.
    public var groups: [(group: Int, changes: [Change])]
    /// Rooms and staff whose bookings changed, with what they gained and lost.
    public var rooms: [(room: Int, bookings: [Booking])]
    public var staff: [(staff: Int, bookings: [Booking])]

    /// Weighted attendance changes in the `Reference` sense is what repair
    /// minimises; this is the plain count of changed attendances.
    public var attendancesChanged: Int { groups.reduce(0) { $0 + $1.changes.count } }

    public init(old: Schedule, new: Schedule, instance I: CompiledInstance) {
        sessionsBefore = old.sessions.count
        sessionsAfter = new.sessions.count
        func key(_ s: ScheduledSession) -> ScheduledSession {
            ScheduledSession(
                activity: s.activity, day: s.day, start: s.start, room: s.room,
                groups: s.groups.sorted(), staff: s.staff.sorted())
        }
        var remaining: [ScheduledSession: Int] = [:]
        for s in new.sessions { remaining[key(s), default: 0] += 1 }
        var changed = 0
        for s in old.sessions {
            if let n = remaining[key(s)], n > 0 { remaining[key(s)] = n - 1 } else { changed += 1 }
        }
        sessionsChanged = changed
        sessionsAdded = remaining.values.reduce(0, +)

        func places(_ schedule: Schedule) -> [[Place]] {
            var out = [[Place]](repeating: [], count: I.groupCount)
            for s in schedule.sessions {
                let place = Place(
                    activity: s.activity, day: s.day, start: s.start, room: s.room, staff: s.staff.sorted())
                for g in s.groups { out[Int(g)].append(place) }
            }
            return out
        }
        let before = places(old), after = places(new)
        groups = []
        for g in 0..<I.groupCount {
            var gone = before[g], came: [Place] = []
            for p in after[g] {
                if let i = gone.firstIndex(of: p) { gone.remove(at: i) } else { came.append(p) }
            }
            guard !gone.isEmpty || !came.isEmpty else { continue }
            var changes: [Change] = []
            // Pair what is gone with what came, same activity, closest first:
            // same time and room (staff changed), same time (room changed), any.
            for level in 0..<3 {
                var i = 0
                while i < gone.count {
                    let p = gone[i]
                    let match = came.firstIndex { q in
                        guard q.activity == p.activity else { return false }
                        switch level {
                        case 0: return q.day == p.day && q.start == p.start && q.room == p.room
                        case 1: return q.day == p.day && q.start == p.start
                        default: return true
                        }
                    }
                    if let j = match {
                        let q = came.remove(at: j)
                        gone.remove(at: i)
                        changes.append(
                            level == 0
                                ? .staffChanged(from: p, to: q)
                                : level == 1 ? .roomChanged(from: p, to: q) : .moved(from: p, to: q))
                    } else {
                        i += 1
                    }
                }
            }
            changes += gone.map { .removed($0) } + came.map { .added($0) }
            groups.append((g, changes))
        }

        func bookings(_ count: Int, _ holders: (ScheduledSession) -> [Int]) -> [(Int, [Booking])] {
            var was = [[Booking]](repeating: [], count: count), now = was
            for s in old.sessions {
                for h in holders(s) {
                    was[h].append(
                        Booking(gained: false, activity: s.activity, day: s.day, start: s.start, room: s.room))
                }
            }
            for s in new.sessions {
                for h in holders(s) {
                    now[h].append(Booking(gained: true, activity: s.activity, day: s.day, start: s.start, room: s.room))
                }
            }
            var out: [(Int, [Booking])] = []
            for h in 0..<count {
                func same(_ x: Booking, _ y: Booking) -> Bool {
                    (x.activity, x.day, x.start, x.room) == (y.activity, y.day, y.start, y.room)
                }
                var lost = was[h], gained: [Booking] = []
                for b in now[h] {
                    if let i = lost.firstIndex(where: { same($0, b) }) { lost.remove(at: i) } else { gained.append(b) }
                }
                if !lost.isEmpty || !gained.isEmpty { out.append((h, lost + gained)) }
            }
            return out
        }
        rooms = bookings(I.roomCount) { [Int($0.room)] }.map { (room: $0.0, bookings: $0.1) }
        staff = bookings(I.staffCount) { $0.staff.map(Int.init) }.map { (staff: $0.0, bookings: $0.1) }
    }
}
