import CarouselModel

/// How much memory compiling and searching a problem will take, estimated
/// from the decoded `Problem` before anything is allocated, so that a small
/// file asking for gigabytes (100,000 days of 10 periods for 1,000 groups:
/// 4 GB of occupancy tables) is refused with the numbers instead of
/// crashing. `CompiledInstance`, `UnitTable` and `PartialSchedule` allocate
/// what is counted here; the estimate follows their tables:
///
/// - the compiled instance's bit matrices (rows × slots bits for room
///   closures, group visits, staff availability and its transpose, and
///   activity × slot starts and windows) and per-slot arrays;
/// - the units (one per attendance to place) and, for each, the days it may
///   go on (`UnitTable.unitsOfDay`, the construction's domains);
/// - each search's occupancy tables: rooms and staff × slots, groups × the
///   slots of the days they visit (Int32 each), activity × slot session
///   lists, the per-day counters — twice per thread (the search's state and
///   its best copy).
///
/// It leaves out what is proportional to the file itself (already read)
/// and small tables. O(groups × attend items + days).
public struct InstanceSizeEstimate: Sendable {
    /// Refused above this many bytes by default: 256 MiB. The largest
    /// generated week (100,000 visitors, 20 days) needs under 20 MiB, so the
    /// limit leaves room for any real event while keeping a hostile file far
    /// from the machine's memory. `CAROUSEL_MEMORY_LIMIT` (MiB) changes it.
    public static let defaultLimit = 256 << 20

    public let days: Int
    public let periods: Int
    public var slots: Int { days * periods }
    public let rooms: Int
    public let staff: Int
    public let activities: Int
    public let groups: Int
    /// Attendances to place (after expanding `times`, `daily` and `count`).
    public let units: Int
    /// Σ over units of the days each may go on.
    public let unitDays: Int
    public let threads: Int
    /// Estimated bytes in all.
    public let bytes: Int
    /// The largest contributions, largest first: what the bytes are made
    /// of, for the message.
    public let terms: [(what: String, bytes: Int)]

    public init(_ problem: Problem, threads: Int = 1) {
        let D = problem.calendar.days.count, P = problem.calendar.periods.count, T = D * P
        let R = problem.rooms.count, S = problem.staff.count, A = problem.activities.count, G = problem.groups.count
        let rows = problem.activities.reduce(0) { $0 + $1.staff.count }
        var units = 0, unitDays = 0, groupDays = 0
        for group in problem.groups {
            let visitDays = Self.visitDays(group, days: D)
            groupDays = groupDays.addingClamped(visitDays)
            for item in group.attend {
                switch item {
                case .activity(_, let times, let daily, _, _):
                    if daily {
                        units = units.addingClamped(visitDays)
                        unitDays = unitDays.addingClamped(visitDays)
                    } else {
                        units = units.addingClamped(times)
                        unitDays = unitDays.addingClamped(times.multipliedClamped(by: visitDays))
                    }
                case .oneOf(_, let count, _, _):
                    units = units.addingClamped(count)
                    unitDays = unitDays.addingClamped(count.multipliedClamped(by: visitDays))
                }
            }
        }
        func bits(_ r: Int, _ c: Int) -> Int { r.multipliedClamped(by: max(1, (c + 63) / 64)).multipliedClamped(by: 8) }
        func cells(_ a: Int, _ b: Int, _ size: Int) -> Int { a.multipliedClamped(by: b).multipliedClamped(by: size) }
        let searches = 2 * max(1, threads)
        var terms: [(String, Int)] = [
            (
                "days × periods × rooms = \(D) × \(P) × \(R) slots of rooms",
                cells(T, R, 4 * searches).addingClamped(bits(R, T))
            ),
            (
                "visiting days × periods = \(groupDays) × \(P) slots of groups",
                cells(groupDays, P, 4 * searches).addingClamped(bits(G, T)).addingClamped(cells(G, D, 4))
            ),
            (
                "days × periods × staff = \(D) × \(P) × \(S) slots of staff",
                cells(T, S, 4 * searches).addingClamped(bits(S, T).multipliedClamped(by: 2 + searches))
            ),
            (
                "days × periods × activities = \(D) × \(P) × \(A) possible starts",
                cells(T, A, 8 * searches).addingClamped(bits(A, T).multipliedClamped(by: 2))
            ),
            (
                "attendances to place (\(units)) × the days each may go on (\(unitDays) in all)",
                cells(units, 200, 1).addingClamped(cells(unitDays, 8, 1)).addingClamped(cells(units, 48, searches))
            ),
            (
                "days × groups, staff and activities = \(D) × \(G + S + A) day counters",
                cells(D, G.addingClamped(S).addingClamped(A), 16 * searches)
            ),
            ("groups × activities = \(G) × \(A) choice counters", cells(G, A, searches)),
            ("activities × rooms = \(A) × \(R)", cells(A, R, 4 * searches).addingClamped(bits(A, R))),
            ("staff rows × staff = \(rows) × \(S)", bits(rows, S).addingClamped(cells(rows, S, 4))),
            ("time slots (\(T))", cells(T, 16, 1)),
        ]
        terms.sort { $0.1 > $1.1 }
        self.days = D
        periods = P
        rooms = R
        staff = S
        activities = A
        groups = G
        self.units = units
        self.unitDays = unitDays
        self.threads = threads
        bytes = terms.reduce(0) { $0.addingClamped($1.1) }
        self.terms = terms
    }

    /// Days the group may be scheduled on (all of them without `visit`).
    static func visitDays(_ group: Group, days: Int) -> Int {
        guard let visit = group.visit else { return days }
        if visit.contains(where: { $0.day == nil }) { return days }
        return Set(visit.compactMap(\.day)).count
    }

    /// The limit in bytes: `CAROUSEL_MEMORY_LIMIT` (MiB) from `environment`
    /// when it is a positive whole number, else `defaultLimit`.
    public static func limit(environment: [String: String]) -> Int {
        guard let text = environment["CAROUSEL_MEMORY_LIMIT"], let mib = Int(text), mib > 0 else { return defaultLimit }
        return mib.multipliedClamped(by: 1 << 20)
    }

    /// nil when the estimate is within `limit`, else the reason, naming the
    /// two largest contributions with their numbers (one line).
    public func excess(limit: Int) -> String? {
        guard bytes > limit else { return nil }
        let parts = terms.prefix(2).filter { $0.bytes > 0 }.map { "\($0.what) (\(Self.megabytes($0.bytes)))" }
        let who = threads > 1 ? " with \(threads) threads" : ""
        return
            "too large to schedule\(who): it would need about \(Self.megabytes(bytes)) of memory, more than the limit of \(Self.megabytes(limit)); "
            + "most goes to \(parts.joined(separator: " and ")) (CAROUSEL_MEMORY_LIMIT=MiB raises the limit)"
    }

    /// `1,234 MiB`.
    static func megabytes(_ bytes: Int) -> String {
        ListText.grouped(bytes / (1 << 20) + (bytes % (1 << 20) == 0 ? 0 : 1)) + " MiB"
    }
}

extension Int {
    /// `self + other`, or `Int.max` on overflow.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self × other`, or `Int.max` on overflow.
    func multipliedClamped(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
