import CarouselModel
import CarouselSolver
import Foundation

/// A schedule as people read it: every session with its clock times and
/// names, and the timetable of each school, group, room and staff member.
///
/// Built once from a compiled problem and a schedule; the exports
/// (`CSVWriter`, `ICalendarWriter`, `HTMLReport`, `TextTimetable`) only lay it
/// out, so every format lists the same sessions for the same entity.
///
/// Invariants: `sessions` is sorted by day, start, room and activity; every
/// entity's `sessions` indexes into it in that order.
public struct TimetableView: Sendable {
    /// One session with its time resolved.
    public struct Session: Sendable {
        public var day: Int
        /// Calendar period indices the session occupies (its start and the
        /// `duration - 1` periods after it, clamped to the calendar).
        public var periods: ClosedRange<Int>
        /// Clock times of its first period's start and last period's end.
        public var start: Minutes
        public var end: Minutes
        public var activity: Int
        public var room: Int
        public var groups: [Int]
        public var staff: [Int]
    }

    /// What a timetable is for: `--by` and `carousel show` take these words.
    /// A site's timetable is every session in its rooms (a host school's
    /// calendar of what it hosts).
    public enum Dimension: String, CaseIterable, Sendable {
        case school, group, room, staff, site
    }

    /// One school, group, room or staff member and the sessions it is in.
    public struct Entity: Sendable {
        public var dimension: Dimension
        /// The id of a group, room, staff member or site; the name of a
        /// school (a group without a school is a school of its own, keyed by
        /// its id).
        public var key: String
        /// The index of the group, room or staff member; nil for a school or a site.
        public var index: Int?
        /// The name to show people.
        public var title: String
        /// A file name stem made of `a-z`, `0-9` and `-`, unique within the
        /// dimension (`st-marys-ce-primary-school`).
        public var fileStem: String
        /// Indices into `TimetableView.sessions`, in time order.
        public var sessions: [Int]
        /// The groups this timetable is about (a school's groups and the
        /// teams its pupils are in, or the group itself); nil for a room,
        /// staff member or site, whose timetable covers every group in its
        /// sessions.
        public var groups: Set<Int>?
    }

    /// One group in one session: a line of a CSV file. A session with no
    /// groups still gives one row (with `group` nil) where every group counts.
    public struct Row: Sendable {
        public var session: Int
        public var group: Int?
    }

    public let instance: CompiledInstance
    public var problem: Problem { instance.problem }
    public let sessions: [Session]

    /// Builds the view. O(S log S + G) for S sessions and G groups.
    public init(instance: CompiledInstance, schedule: Schedule) {
        self.instance = instance
        let cal = instance.problem.calendar
        let last = cal.periods.count - 1
        sessions = schedule.sessions
            .sorted { ($0.day, $0.start, $0.room, $0.activity) < ($1.day, $1.start, $1.room, $1.activity) }
            .map { s in
                let first = Int(s.start)
                let end = min(last, first + Int(instance.duration[Int(s.activity)]) - 1)
                return Session(
                    day: Int(s.day), periods: first...max(first, end), start: cal.periods[first].start,
                    end: cal.periods[max(first, end)].end, activity: Int(s.activity), room: Int(s.room),
                    groups: s.groups.map(Int.init), staff: s.staff.map(Int.init))
            }
    }

    // MARK: Names

    public func activityName(_ a: Int) -> String { problem.activities[a].name ?? problem.activities[a].id }
    public func roomName(_ r: Int) -> String { problem.rooms[r].name ?? problem.rooms[r].id }
    public func groupName(_ g: Int) -> String { problem.groups[g].name ?? problem.groups[g].id }
    public func staffName(_ s: Int) -> String { problem.staff[s].name ?? problem.staff[s].id }
    /// The school a group counts for: its `school`, or its own name.
    public func schoolName(_ g: Int) -> String { problem.groups[g].school ?? groupName(g) }

    /// `Monday 2026-03-09`, `Monday`, `mon 2026-03-09` or `mon`.
    public func dayTitle(_ d: Int) -> String {
        let day = problem.calendar.days[d]
        return [day.name ?? day.id, day.date].compactMap { $0 }.joined(separator: " ")
    }

    /// `09:15-10:00`.
    public func timeText(_ s: Session) -> String { "\(s.start.clockText)-\(s.end.clockText)" }

    /// An entity's sessions, or every session when nil.
    public func sessionIndices(of entity: Entity?) -> [Int] { entity?.sessions ?? Array(sessions.indices) }

    /// The session's groups that belong to `entity` (all of them when the
    /// entity has no group set).
    public func groups(of s: Session, in entity: Entity?) -> [Int] {
        guard let focus = entity?.groups else { return s.groups }
        return s.groups.filter(focus.contains)
    }

    // MARK: Entities

    /// Every entity of a dimension, each with its sessions: schools sorted by
    /// name, groups, rooms, staff and sites in problem order. A team (spec
    /// section 11) belongs to the school of every pool it has members from.
    /// O(S · k + E) where k is the groups and staff per session.
    public func entities(_ dimension: Dimension) -> [Entity] {
        var members: [[Int]]
        var keys: [String], titles: [String], groupSets: [Set<Int>?]
        switch dimension {
        case .school:
            var schoolOf: [String: Int] = [:]
            var index: [[Int]] = []
            keys = []
            titles = []
            var groupLists: [[Int]] = []
            for g in problem.groups.indices {
                let owners = problem.groups[g].team.map { $0.members.keys.sorted() } ?? [g]
                index.append([])
                for o in owners {
                    let key = problem.groups[o].school ?? problem.groups[o].id
                    let k =
                        schoolOf[key]
                        ?? {
                            schoolOf[key] = keys.count
                            keys.append(key)
                            titles.append(schoolName(o))
                            groupLists.append([])
                            return keys.count - 1
                        }()
                    if !index[g].contains(k) {
                        groupLists[k].append(g)
                        index[g].append(k)
                    }
                }
            }
            members = Array(repeating: [], count: keys.count)
            for (i, s) in sessions.enumerated() {
                for k in Set(s.groups.flatMap { index[$0] }).sorted() { members[k].append(i) }
            }
            groupSets = groupLists.map { Set($0) }
        case .group:
            keys = problem.groups.map(\.id)
            titles = problem.groups.indices.map(groupName)
            members = Array(repeating: [], count: keys.count)
            for (i, s) in sessions.enumerated() { for g in Set(s.groups) { members[g].append(i) } }
            groupSets = keys.indices.map { [$0] }
        case .room:
            keys = problem.rooms.map(\.id)
            titles = problem.rooms.indices.map(roomName)
            members = Array(repeating: [], count: keys.count)
            for (i, s) in sessions.enumerated() { members[s.room].append(i) }
            groupSets = Array(repeating: nil, count: keys.count)
        case .staff:
            keys = problem.staff.map(\.id)
            titles = problem.staff.indices.map(staffName)
            members = Array(repeating: [], count: keys.count)
            for (i, s) in sessions.enumerated() { for m in Set(s.staff) { members[m].append(i) } }
            groupSets = Array(repeating: nil, count: keys.count)
        case .site:
            keys = siteIDs
            titles = keys.map(siteName)
            members = Array(repeating: [], count: keys.count)
            for (i, s) in sessions.enumerated() { members[keys.firstIndex(of: problem.rooms[s.room].site)!].append(i) }
            groupSets = Array(repeating: nil, count: keys.count)
        }
        let stems = Self.fileStems(dimension == .school ? titles : keys, fallback: dimension.rawValue)
        var out = keys.indices.map {
            Entity(
                dimension: dimension, key: keys[$0], index: dimension == .school || dimension == .site ? nil : $0,
                title: titles[$0],
                fileStem: stems[$0], sessions: members[$0], groups: groupSets[$0])
        }
        if dimension == .school {
            out.sort { (Self.folded($0.title), $0.title) < (Self.folded($1.title), $1.title) }
        }
        return out
    }

    /// The rows of an entity's timetable (of the whole event when nil): one
    /// per session and group of the entity, in time order.
    public func rows(of entity: Entity?) -> [Row] {
        var out: [Row] = []
        for i in sessionIndices(of: entity) {
            let gs = groups(of: sessions[i], in: entity)
            if gs.isEmpty {
                if entity?.groups == nil { out.append(Row(session: i, group: nil)) }
            } else {
                out += gs.map { Row(session: i, group: $0) }
            }
        }
        return out
    }

    /// `text` for matching and sorting: lowercased, accents dropped
    /// (`École` → `ecole`), and typography as people type it on a keyboard:
    /// curly apostrophes and quotes (`St Mary’s`, `“Oak”`) become `'` and
    /// `"`, dashes `-`, no-break spaces spaces.
    static func folded(_ text: String) -> String {
        var out = ""
        for u in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where u.properties.generalCategory != .nonspacingMark {
            out.unicodeScalars.append(typed[u] ?? u)
        }
        return out.lowercased()
    }

    /// Typographic characters and the keyboard characters they stand for.
    static let typed: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for u in "\u{2018}\u{2019}\u{201A}\u{201B}\u{2032}\u{02BC}\u{FF07}".unicodeScalars { map[u] = "'" }
        for u in "\u{201C}\u{201D}\u{201E}\u{201F}\u{2033}\u{00AB}\u{00BB}\u{FF02}".unicodeScalars { map[u] = "\"" }
        for u in "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}".unicodeScalars { map[u] = "-" }
        for u in "\u{00A0}\u{2007}\u{202F}".unicodeScalars { map[u] = " " }
        return map
    }()

    /// File name stems: ASCII letters and digits of each name, `folded`
    /// (apostrophes removed), other runs as one `-`; a name
    /// with nothing left becomes `fallback-N`; repeats get `-2`, `-3`, ….
    static func fileStems(_ names: [String], fallback: String) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { i, name in
            var stem = ""
            var dash = false
            for u in folded(name).unicodeScalars {
                if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil {
                    if dash && !stem.isEmpty { stem += "-" }
                    dash = false
                    stem.unicodeScalars.append(u)
                } else if u == "'" {
                    continue
                } else {
                    dash = true
                }
            }
            stem = String(stem.prefix(60))
            while stem.hasSuffix("-") { stem.removeLast() }
            if stem.isEmpty { stem = "\(fallback)-\(i + 1)" }
            var unique = stem, n = 2
            while used.contains(unique) {
                unique = "\(stem)-\(n)"
                n += 1
            }
            used.insert(unique)
            return unique
        }
    }
}

// MARK: - Table layout shared by the text and HTML timetables

extension TimetableView {
    /// A column of a printed timetable.
    public enum Column: String, Sendable, CaseIterable {
        case time, activity, room, groups, staff

        /// The heading people see.
        public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// The columns of an entity's timetable: all but the one that would
    /// repeat the entity itself (a room's sheet has no room column).
    public func columns(for entity: Entity?) -> [Column] {
        switch entity?.dimension {
        case nil, .school, .site: [.time, .activity, .room, .groups, .staff]
        case .group: [.time, .activity, .room, .staff]
        case .room: [.time, .activity, .groups, .staff]
        case .staff: [.time, .activity, .room, .groups]
        }
    }

    /// The text of one cell: names for people; a room off the `main` site
    /// carries its site, and a room at an online site is its meeting link;
    /// the groups are the entity's own (a team in a school's timetable says
    /// how many of the school's pupils are in it).
    public func cell(_ column: Column, of s: Session, in entity: Entity?) -> String {
        switch column {
        case .time: timeText(s)
        case .activity: activityName(s.activity)
        case .room: placeText(s.room)
        case .groups: groups(of: s, in: entity).map { groupLabel($0, in: entity) }.joined(separator: ", ")
        case .staff: s.staff.map(staffName).joined(separator: ", ")
        }
    }

    /// An entity's sessions (the whole event's when nil) split by day, in
    /// calendar order; days without sessions are left out.
    public func sessionsByDay(of entity: Entity?) -> [(day: Int, sessions: [Int])] {
        var out: [(day: Int, sessions: [Int])] = []
        for i in sessionIndices(of: entity) {
            if out.last?.day == sessions[i].day {
                out[out.count - 1].sessions.append(i)
            } else {
                out.append((sessions[i].day, [i]))
            }
        }
        return out
    }
}
