import CarouselModel

/// The dense form of a `Problem` that scoring and search work on: every id is
/// an index, every availability a bit row over time slots, every relation a
/// precomputed table. Built once by `init(_:)`; never refers back to strings
/// in a hot loop (the `problem` is kept only for names in messages and output).
///
/// Time is flattened: slot `t = day * periodCount + period`, where `period`
/// indexes the calendar's period list (breaks included), so a session of
/// duration k starting at slot t occupies slots `t ..< t + k`.
public struct CompiledInstance: Sendable {
    /// A group's requirement on one activity, merged over its direct items.
    public struct DirectDemand: Sendable, Equatable {
        public var activity: Int32
        /// Sessions required (ignored when `daily`).
        public var times: Int32
        public var daily: Bool
    }

    /// A `oneOf` item.
    public struct ChoiceDemand: Sendable, Equatable {
        public var choices: [Int32]
        public var count: Int32
        /// Rank of each activity (by index into `choices`), or nil without `prefer`.
        public var rank: [Int32]?
        /// Σ_{i<count} min(i, len(prefer)): the least possible rank sum.
        public var leastRankSum: Int32
    }

    /// A direct item with `minDays` (the `spread` term).
    public struct SpreadDemand: Sendable, Equatable {
        public var activity: Int32
        public var minDays: Int32
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
    public let sessionFits: BitMatrix
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
    public let groupExempt: [UInt16]
    /// `Int32.min` when the group has no year.
    public let groupYear: [Int32]
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

    // MARK: Fixed sessions and weights
    public let fixed: [FixedSession]
    public let weights: Weights

    // MARK: - Queries

    @inline(__always)
    public func slot(day: Int, period: Int) -> Int { day * periodCount + period }

    /// Whether activity `a` may start at slot `t` (grid and window).
    @inline(__always)
    public func canStart(_ a: Int, at t: Int) -> Bool { sessionFits.contains(a, t) && inWindow.contains(a, t) }

    /// Whether group `g`'s year is within activity `a`'s `years`.
    @inline(__always)
    public func yearAllowed(group g: Int, activity a: Int) -> Bool {
        !hasYears[a] || (groupYear[g] != Int32.min && yearsLow[a] <= groupYear[g] && groupYear[g] <= yearsHigh[a])
    }

    /// Whether group g's costs for `term` count.
    @inline(__always)
    public func counts(_ term: Weights.Term, forGroup g: Int) -> Bool {
        groupExempt[g] & (1 << UInt16(term.index)) == 0
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
