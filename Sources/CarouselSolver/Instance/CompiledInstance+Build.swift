import CarouselModel

extension CompiledInstance {
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

        // Rooms
        var siteIndex: [String: Int32] = [:]
        var sites: [String] = []
        var roomSites: [Int32] = []
        var unavailable = BitMatrix(rows: problem.rooms.count, columns: T)
        for (r, room) in problem.rooms.enumerated() {
            if siteIndex[room.site] == nil {
                siteIndex[room.site] = Int32(sites.count)
                sites.append(room.site)
            }
            roomSites.append(siteIndex[room.site]!)
            coverage.mark(room.unavailable, touching: true, row: r, in: &unavailable)
        }
        roomCapacity = problem.rooms.map { $0.capacity.map { Int32(clamping: $0) } ?? Self.unlimited }
        roomSite = roomSites
        siteNames = sites
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
                let members = problem.staff.indices.filter { row.matches(problem.staff[$0], index: $0) }.map { Int32($0) }
                allRows.append(StaffRow(count: Int32(clamping: row.count), perPupils: Int32(clamping: row.perPupils ?? 0),
                                        members: members))
            }
            rowStarts.append(Int32(allRows.count))
        }
        sessionFits = fits
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
        groupExempt = problem.groups.map { $0.exempt.reduce(UInt16(0)) { $0 | (1 << UInt16($1.index)) } }
        groupYear = problem.groups.map { $0.year.map { Int32(clamping: $0) } ?? Int32.min }
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
            for d in 0..<D where cal.days[d].periods.contains(where: { !cal.periods[$0].isBreak && visit.contains(g, d * P + $0) }) {
                visitsDay.insert(g, d)
            }
            for (r, room) in problem.rooms.enumerated() where group.needs.isSubset(of: room.features) {
                needsMet.insert(g, r)
            }
            var direct: [DirectDemand] = []
            var choice: [ChoiceDemand] = []
            var spread: [SpreadDemand] = []
            for item in group.attend {
                switch item {
                case let .activity(a, times, daily, minDays):
                    if let i = direct.firstIndex(where: { $0.activity == Int32(a) }) {
                        direct[i].times = Int32(clamping: Int(direct[i].times) + times)
                    } else {
                        direct.append(DirectDemand(activity: Int32(a), times: Int32(clamping: times), daily: daily))
                    }
                    if let minDays { spread.append(SpreadDemand(activity: Int32(a), minDays: Int32(clamping: minDays))) }
                case let .oneOf(list, count, prefer):
                    let rank = prefer.map { p in list.map { a in Int32(p.firstIndex(of: a) ?? p.count) } }
                    let least = prefer.map { p in (0..<count).reduce(0) { $0 + min($1, p.count) } } ?? 0
                    choice.append(ChoiceDemand(choices: list.map { Int32($0) }, count: Int32(clamping: count), rank: rank,
                                               leastRankSum: Int32(clamping: least)))
                }
            }
            directs.append(direct)
            choices.append(choice)
            spreads.append(spread)
        }
        groupVisit = visit
        groupVisitsDay = visitsDay
        groupNeedsMet = needsMet
        direct = directs
        choice = choices
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
        staffPreferredMaxPerDay = problem.staff.map { $0.preferredMaxPerDay.map { Int32(clamping: $0) } ?? Self.unlimited }

        fixed = problem.fixed
        weights = problem.weights
    }
}

/// Turns lists of time ranges into slot sets (spec section 1, see
/// `EventCalendar.periods(coveredBy:touching:)`).
struct Coverage {
    let calendar: EventCalendar

    func mark(_ ranges: [TimeRange], touching: Bool, row: Int, in matrix: inout BitMatrix) {
        let P = calendar.periods.count
        for (d, p) in calendar.periods(coveredBy: ranges, touching: touching) { matrix.insert(row, d * P + p) }
    }
}
