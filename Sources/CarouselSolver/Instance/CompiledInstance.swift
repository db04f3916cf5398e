import CarouselModel

/// The dense form of a `Problem` that scoring and search work on: every id is
/// an index, every availability a bit row over time slots, every relation a
/// precomputed table. Built once by `init(_:)`; never refers back to strings
/// in a hot loop (the `problem` is kept only for names in messages and output).
///
/// Immutable, and a class so that every schedule, tracker and search shares
/// one copy: a schedule that embedded the tables would be a kilobyte-sized
/// struct, copied whenever the search calls one of its queries.
///
/// Time is flattened: slot `t = day * periodCount + period`, where `period`
/// indexes the calendar's period list (breaks included), so a session of
/// duration k starting at slot t occupies slots `t ..< t + k`.
public final class CompiledInstance: Sendable {
    /// A group's requirement on one activity, merged over its direct items.
    public struct DirectDemand: Sendable, Equatable {
        public var activity: Int32
        /// Sessions required (ignored when `daily`).
        public var times: Int32
        public var daily: Bool
        /// Row of `withinSlots` the item's sessions must lie in, or -1
        /// (spec section 12). Items without `within` are merged per activity;
        /// each item with one is a demand of its own.
        public var within: Int32 = -1
    }

    /// A `oneOf` item.
    public struct ChoiceDemand: Sendable, Equatable {
        public var choices: [Int32]
        public var count: Int32
        /// Rank of each activity (by index into `choices`), or nil without `prefer`.
        public var rank: [Int32]?
        /// Σ_{i<count} min(i, len(prefer)): the least possible rank sum.
        public var leastRankSum: Int32
        /// Row of `withinSlots` the chosen activities' sessions must lie in, or -1.
        public var within: Int32 = -1
    }

    /// A direct item with `minDays` (the `spread` term).
    public struct SpreadDemand: Sendable, Equatable {
        public var activity: Int32
        public var minDays: Int32
        /// The item's `within` row, or -1: with one, only the sessions inside count.
        public var within: Int32 = -1
    }

    /// One staffing row of an activity.
    public struct StaffRow: Sendable {
        public var count: Int32
        /// 0 when the row has no `perPupils`.
        public var perPupils: Int32
        /// Staff who match the row, ascending.
        public var members: [Int32]

        /// Staff needed for `pupils` pupils.
        @inline(__always)
        public func needed(pupils: Int32) -> Int32 {
            guard perPupils > 0 else { return count }
            return Int32(clamping: Int(count) + (Int(pupils) + Int(perPupils) - 1) / Int(perPupils))
        }
    }

    /// Marker for "no limit" in the Int32 tables.
    public static let unlimited: Int32 = .max

    public let problem: Problem

    // MARK: Time
    public let dayCount: Int
    public let periodCount: Int
    public var slotCount: Int { dayCount * periodCount }
    public let periodStart: [Int32]
    public let periodEnd: [Int32]
    public let isBreak: [Bool]
    /// Day × period: the day holds the period.
    public let dayHasPeriod: BitMatrix
    /// Per slot: 0-based position among the day's non-break periods, or -1.
    public let position: [Int32]

    // MARK: Rooms
    public var roomCount: Int { roomCapacity.count }
    public let roomCapacity: [Int32]
    public let roomSite: [Int32]
    public let siteNames: [String]
    /// Room × slot: blocked (any overlap with `unavailable`).
    public let roomUnavailable: BitMatrix

    // MARK: Activities
    public var activityCount: Int { duration.count }
    public let duration: [Int32]
    public let activityCapacity: [Int32]
    public let maxGroups: [Int32]
    public let together: [Bool]
    /// `years` bounds; `yearsLow > yearsHigh` never happens; `hasYears` false means any.
    public let hasYears: [Bool]
    public let yearsLow: [Int32]
    public let yearsHigh: [Int32]
    public let maxPerDay: [Int32]
    public let maxSessions: [Int32]
    /// Activity × slot: a session may start here by the period grid alone.
    public let fitsGrid: BitMatrix
    /// Activity × slot: a session starting here lies inside one window range.
    public let inWindow: BitMatrix
    /// Activity × room: the room has the features and is in `rooms`.
    public let roomAllowed: BitMatrix
    /// Allowed rooms per activity, ascending.
    public let activityRooms: [[Int32]]
    /// Staff rows of activity a: `rows[rowStart[a] ..< rowStart[a + 1]]`.
    public let rowStart: [Int32]
    public let rows: [StaffRow]
    /// Row × staff membership, for O(1) tests.
    public let rowMember: BitMatrix

    // MARK: Groups
    public var groupCount: Int { groupSize.count }
    /// Pupils the group brings to a session: its size, or 0 for a group
    /// that takes no seats (`seats: false`).
    public let groupSize: [Int32]
    /// Per group, bit `term.index` set when the group is exempt from that term.
    public let groupExempt: [UInt32]
    /// `Int32.min` when the group has no year. For a team (spec section 11),
    /// the earliest year of the pools it has members from, `Int32.min` when
    /// one of them has no year.
    public let groupYear: [Int32]
    /// The latest year (equal to `groupYear` except for teams).
    public let groupYearHigh: [Int32]
    /// Pools (spec section 11): split into teams, in no session themselves.
    public let groupIsPool: [Bool]
    /// Rule 11: the group sees the same continuity-role staff every time.
    public let groupSameStaff: [Bool]
    /// Slot sets of the attend items' `within` ranges (non-break periods
    /// inside the union), one row per item that has one, then one row per
    /// fixed session with `move: "room"`: the periods it is written at.
    public let withinSlots: BitMatrix
    /// School index; a group without a school gets one of its own.
    public let groupSchool: [Int32]
    /// Group × slot: on site for the whole period.
    public let groupVisit: BitMatrix
    /// Group × day: on site for at least one non-break period of the day.
    public let groupVisitsDay: BitMatrix
    /// Group × room: the room has every feature the group needs.
    public let groupNeedsMet: BitMatrix
    public let direct: [[DirectDemand]]
    public let choice: [[ChoiceDemand]]
    /// Whether some activity is in two of the group's `oneOf` lists (then
    /// its picks need the general assignment to items, `ChoiceAssignment`).
    public let choiceListsOverlap: [Bool]
    public let spread: [[SpreadDemand]]

    // MARK: Staff
    public var staffCount: Int { staffMaxPerDay.count }
    /// Staff × slot: available for the whole period.
    public let staffAvailable: BitMatrix
    /// Slot × staff: the transpose of `staffAvailable`, so that the staff
    /// available in a slot are one row of words.
    public let staffAvailableAt: BitMatrix
    public let staffMaxPerDay: [Int32]
    public let staffMax: [Int32]
    public let staffPreferredMaxPerDay: [Int32]
    /// Whether the staff member's role is a continuity role (spec section 12).
    public let staffContinuity: [Bool]
    /// Whether staff continuity matters at all (its weight, or a `sameStaff`
    /// group): then rows are filled with the staff a group knows first.
    public let wantsContinuity: Bool
    /// Whether some group has `sameStaff` (rule 11).
    public let hasSameStaff: Bool

    // MARK: Version 2
    /// Sites, travel, homes and hosts (spec sections 10, 13, 15).
    public let sites: SiteTable
    /// Rule 12 (spec section 13).
    public let spacing: SpacingTable
    /// Most periods in a row in sessions (`maxConsecutive`), or `unlimited`;
    /// and the staff with such a limit, ascending.
    public let staffMaxConsecutive: [Int32]
    public let runLimitedStaff: [Int32]
    /// Parties, gates and coaches (a Carousel addition: gate capacity and
    /// `arrivalCrowding`).
    public let arrivals: ArrivalTable

    // MARK: Fixed sessions and weights
    public let fixed: [FixedSession]
    /// Per fixed session with `move: "room"`, its row of `withinSlots`
    /// (the units it binds must be held exactly then); -1 for the others.
    public let fixedWithin: [Int32]
    public let weights: Weights

    // MARK: - Building

    /// Compiles a decoded problem. O(size of the problem × slots).
    public init(_ problem: Problem) {
        self.problem = problem
        let cal = problem.calendar
        let D = cal.days.count, P = cal.periods.count, T = D * P
        dayCount = D
        periodCount = P
        periodStart = cal.periods.map { Int32($0.start) }
        periodEnd = cal.periods.map { Int32($0.end) }
        isBreak = cal.periods.map(\.isBreak)

        var dayHas = BitMatrix(rows: D, columns: P)
        var pos = [Int32](repeating: -1, count: T)
        for (d, day) in cal.days.enumerated() {
            var k: Int32 = 0
            for p in day.periods {
                dayHas.insert(d, p)
                if !cal.periods[p].isBreak {
                    pos[d * P + p] = k
                    k += 1
                }
            }
        }
        dayHasPeriod = dayHas
        position = pos

        let coverage = Coverage(calendar: cal)

        // Rooms and sites
        var roomSites: [Int32] = []
        sites = SiteTable(problem, roomSite: &roomSites)
        var unavailable = BitMatrix(rows: problem.rooms.count, columns: T)
        for (r, room) in problem.rooms.enumerated() {
            coverage.mark(room.unavailable, touching: true, row: r, in: &unavailable)
        }
        roomCapacity = problem.rooms.map { $0.capacity.map { Int32(clamping: $0) } ?? Self.unlimited }
        roomSite = roomSites
        siteNames = sites.names
        spacing = SpacingTable(problem)
        roomUnavailable = unavailable

        // Activities
        let A = problem.activities.count, R = problem.rooms.count
        duration = problem.activities.map { Int32($0.duration) }
        activityCapacity = problem.activities.map { $0.capacity.map { Int32(clamping: $0) } ?? Self.unlimited }
        maxGroups = problem.activities.map { Int32(clamping: $0.maxGroups) }
        together = problem.activities.map(\.together)
        hasYears = problem.activities.map { $0.years != nil }
        yearsLow = problem.activities.map { Int32($0.years?.lowerBound ?? 0) }
        yearsHigh = problem.activities.map { Int32($0.years?.upperBound ?? 0) }
        maxPerDay = problem.activities.map { $0.maxPerDay.map { Int32(clamping: $0) } ?? Self.unlimited }
        maxSessions = problem.activities.map { $0.maxSessions.map { Int32(clamping: $0) } ?? Self.unlimited }
        var fits = BitMatrix(rows: A, columns: T)
        var window = BitMatrix(rows: A, columns: T)
        var allowed = BitMatrix(rows: A, columns: R)
        var actRooms: [[Int32]] = []
        var rowStarts: [Int32] = [0]
        var allRows: [StaffRow] = []
        for (a, act) in problem.activities.enumerated() {
            let k = act.duration
            for d in 0..<D {
                for p in 0..<P where p + k <= P {
                    let ps = p..<(p + k)
                    guard ps.allSatisfy({ !cal.periods[$0].isBreak && dayHas.contains(d, $0) }) else { continue }
                    fits.insert(a, d * P + p)
                    let s = cal.periods[p].start, e = cal.periods[p + k - 1].end
                    if act.window?.contains(where: { $0.contains(day: d, start: s, end: e) }) ?? true {
                        window.insert(a, d * P + p)
                    }
                }
            }
            var list: [Int32] = []
            for (r, room) in problem.rooms.enumerated()
            where act.roomFeatures.isSubset(of: room.features) && (act.rooms?.contains(r) ?? true) {
                allowed.insert(a, r)
                list.append(Int32(r))
            }
            actRooms.append(list)
            for row in act.staff {
                let members = problem.staff.indices.filter { row.matches(problem.staff[$0], index: $0) }.map {
                    Int32($0)
                }
                allRows.append(
                    StaffRow(
                        count: Int32(clamping: row.count), perPupils: Int32(clamping: row.perPupils ?? 0),
                        members: members))
            }
            rowStarts.append(Int32(allRows.count))
        }
        fitsGrid = fits
        inWindow = window
        roomAllowed = allowed
        activityRooms = actRooms
        rowStart = rowStarts
        rows = allRows
        var member = BitMatrix(rows: allRows.count, columns: problem.staff.count)
        for (i, row) in allRows.enumerated() {
            for s in row.members { member.insert(i, Int(s)) }
        }
        rowMember = member

        // Groups
        let G = problem.groups.count
        groupSize = problem.groups.map { $0.seats ? Int32(clamping: $0.size) : 0 }
        groupExempt = problem.groups.map { $0.exempt.reduce(UInt32(0)) { $0 | (1 << UInt32($1.index)) } }
        let years: [(Int32, Int32)] = problem.groups.map { g in
            let ys = g.team?.years ?? [g.year]
            guard !ys.isEmpty, ys.allSatisfy({ $0 != nil }) else { return (Int32.min, Int32.min) }
            return (Int32(clamping: ys.map { $0! }.min()!), Int32(clamping: ys.map { $0! }.max()!))
        }
        groupYear = years.map(\.0)
        groupYearHigh = years.map(\.1)
        groupIsPool = problem.groups.map(\.pool)
        groupSameStaff = problem.groups.map(\.sameStaff)
        var withinRows: [[Int]] = []
        var schoolIndex: [String: Int32] = [:]
        var schools: [Int32] = []
        var nextSchool: Int32 = 0
        for group in problem.groups {
            if let s = group.school, let i = schoolIndex[s] {
                schools.append(i)
            } else {
                if let s = group.school { schoolIndex[s] = nextSchool }
                schools.append(nextSchool)
                nextSchool += 1
            }
        }
        groupSchool = schools
        var visit = BitMatrix(rows: G, columns: T)
        var visitsDay = BitMatrix(rows: G, columns: D)
        var needsMet = BitMatrix(rows: G, columns: R)
        var directs: [[DirectDemand]] = []
        var choices: [[ChoiceDemand]] = []
        var spreads: [[SpreadDemand]] = []
        for (g, group) in problem.groups.enumerated() {
            if let ranges = group.visit {
                coverage.mark(ranges, touching: false, row: g, in: &visit)
            } else {
                visit.fillRow(g)
            }
            for d in 0..<D
            where cal.days[d].periods.contains(where: { !cal.periods[$0].isBreak && visit.contains(g, d * P + $0) }) {
                visitsDay.insert(g, d)
            }
            for (r, room) in problem.rooms.enumerated() where group.needs.isSubset(of: room.features) {
                needsMet.insert(g, r)
            }
            var direct: [DirectDemand] = []
            var choice: [ChoiceDemand] = []
            var spread: [SpreadDemand] = []
            for item in group.attend {
                var within: Int32 = -1
                if let ranges = item.within {
                    within = Int32(withinRows.count)
                    withinRows.append(
                        cal.periods(coveredBy: ranges, touching: false)
                            .filter { !cal.periods[$0.period].isBreak }.map { $0.day * P + $0.period })
                }
                switch item {
                case .activity(let a, let times, let daily, let minDays, _):
                    if within < 0, let i = direct.firstIndex(where: { $0.activity == Int32(a) && $0.within < 0 }) {
                        direct[i].times = Int32(clamping: Int(direct[i].times) + times)
                    } else {
                        direct.append(
                            DirectDemand(
                                activity: Int32(a), times: Int32(clamping: times), daily: daily, within: within))
                    }
                    if let minDays {
                        spread.append(
                            SpreadDemand(activity: Int32(a), minDays: Int32(clamping: minDays), within: within))
                    }
                case .oneOf(let list, let count, let prefer, _):
                    let rank = prefer.map { p in list.map { a in Int32(p.firstIndex(of: a) ?? p.count) } }
                    let least = prefer.map { p in (0..<count).reduce(0) { $0 + min($1, p.count) } } ?? 0
                    choice.append(
                        ChoiceDemand(
                            choices: list.map { Int32($0) }, count: Int32(clamping: count), rank: rank,
                            leastRankSum: Int32(clamping: least), within: within))
                }
            }
            directs.append(direct)
            choices.append(choice)
            spreads.append(spread)
        }
        var fixedRows: [Int32] = []
        for f in problem.fixed {
            guard f.move == .room else {
                fixedRows.append(-1)
                continue
            }
            fixedRows.append(Int32(withinRows.count))
            let t = f.day * P + f.start, k = problem.activities[f.activity].duration
            withinRows.append(Array(t..<min(t + k, T)))
        }
        fixedWithin = fixedRows
        var withinMatrix = BitMatrix(rows: withinRows.count, columns: T)
        for (w, slots) in withinRows.enumerated() {
            for t in slots { withinMatrix.insert(w, t) }
        }
        withinSlots = withinMatrix
        groupVisit = visit
        groupVisitsDay = visitsDay
        groupNeedsMet = needsMet
        direct = directs
        choice = choices
        choiceListsOverlap = choices.map { items in
            let all = items.flatMap(\.choices)
            return Set(all).count != all.count
        }
        spread = spreads

        // Staff
        var available = BitMatrix(rows: problem.staff.count, columns: T)
        for (s, member) in problem.staff.enumerated() {
            if let ranges = member.available {
                coverage.mark(ranges, touching: false, row: s, in: &available)
            } else {
                available.fillRow(s)
            }
        }
        staffAvailable = available
        staffAvailableAt = available.transposed()
        staffMaxPerDay = problem.staff.map { $0.maxPerDay.map { Int32(clamping: $0) } ?? Self.unlimited }
        staffMax = problem.staff.map { $0.max.map { Int32(clamping: $0) } ?? Self.unlimited }
        staffPreferredMaxPerDay = problem.staff.map {
            $0.preferredMaxPerDay.map { Int32(clamping: $0) } ?? Self.unlimited
        }
        staffContinuity = problem.staff.map { member in
            problem.continuityRoles.map { roles in member.role.map(roles.contains) ?? false } ?? true
        }
        hasSameStaff = problem.groups.contains(where: \.sameStaff)
        wantsContinuity = problem.weights[.continuity] > 0 || hasSameStaff
        staffMaxConsecutive = problem.staff.map { $0.maxConsecutive.map { Int32(clamping: $0) } ?? Self.unlimited }
        runLimitedStaff = problem.staff.indices.filter { problem.staff[$0].maxConsecutive != nil }.map { Int32($0) }

        arrivals = ArrivalTable(problem, groupSchool: schools, groupVisitsDay: visitsDay, dayCount: D)
        fixed = problem.fixed
        weights = problem.weights
    }

    // MARK: - Queries

    @inline(__always)
    public func slot(day: Int, period: Int) -> Int { day * periodCount + period }

    /// Whether activity `a` may start at slot `t` (grid and window).
    @inline(__always)
    public func canStart(_ a: Int, at t: Int) -> Bool { fitsGrid.contains(a, t) && inWindow.contains(a, t) }

    /// Whether group `g`'s year is within activity `a`'s `years`.
    @inline(__always)
    public func yearAllowed(group g: Int, activity a: Int) -> Bool {
        !hasYears[a] || (groupYear[g] != Int32.min && yearsLow[a] <= groupYear[g] && groupYearHigh[g] <= yearsHigh[a])
    }

    /// Whether a daily item (with `within` row `w`, or -1) asks group g for
    /// a session on day d: the group visits the day, and with `within` the
    /// day has a non-break period both visited and inside the ranges (spec
    /// sections 5 and 12).
    public func asksDaily(group g: Int, day d: Int, within w: Int32) -> Bool {
        guard w >= 0 else { return groupVisitsDay.contains(g, d) }
        for p in 0..<periodCount
        where withinSlots.contains(Int(w), d * periodCount + p) && groupVisit.contains(g, d * periodCount + p) {
            return true
        }
        return false
    }

    /// Whether a session of activity `a` starting at slot `t` lies wholly
    /// inside `within` row `w` (-1: no restriction).
    @inline(__always)
    public func inside(within w: Int32, activity a: Int, at t: Int) -> Bool {
        w < 0 || withinSlots.containsAll(Int(w), from: t, count: Int(duration[a]))
    }

    /// Whether group g's costs for `term` count.
    @inline(__always)
    public func counts(_ term: Weights.Term, forGroup g: Int) -> Bool {
        groupExempt[g] & (1 << UInt32(term.index)) == 0
    }

    /// Staff rows of activity `a`.
    @inline(__always)
    public func rowRange(_ a: Int) -> Range<Int> { Int(rowStart[a])..<Int(rowStart[a + 1]) }

    // Names for messages.
    public func dayID(_ d: Int) -> String { problem.calendar.days[d].id }
    public func periodID(_ p: Int) -> String { problem.calendar.periods[p].id }
    public func activityID(_ a: Int) -> String { problem.activities[a].id }
    public func roomID(_ r: Int) -> String { problem.rooms[r].id }
    public func groupID(_ g: Int) -> String { problem.groups[g].id }
    public func staffID(_ s: Int) -> String { problem.staff[s].id }
    /// `tue p3 (11:00-11:45)`.
    public func slotName(_ t: Int) -> String {
        problem.calendar.slotName(day: t / periodCount, period: t % periodCount)
    }
}
