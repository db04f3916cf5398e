/// The hard rules a schedule must keep, by name: spec section 8's eight,
/// numbered as the spec numbers them, and the checks Carousel makes besides.
///
/// `Evaluator` detects every one (its `check` functions name the rule of
/// each violation); the phases that build and change schedules keep them
/// through `PartialSchedule`, whose invariant is rules 2–6, and through
/// construction and the search (rules 1, 7, 8). The spec's version 2 adds
/// rules 9–12 (travel, teams, same staff, spacing): each becomes a case
/// here with its number. docs/architecture.md, "Add a hard rule", lists
/// the places a new rule touches.
public enum HardRule: Sendable, Hashable, CaseIterable {
    /// Rule 1: every attend item is met exactly; a group attends nothing else.
    case attendance
    /// Rule 2: a group is in at most one session in any period, and only
    /// within its `visit`.
    case groupTime
    /// Rule 3: a room holds at most one session in any period and is not
    /// unavailable then; it has the activity's features and the groups'
    /// needs, and is among the activity's rooms.
    case roomUse
    /// Rule 4: pupils within the activity's and the room's capacity, groups
    /// within `maxGroups`, every group's year within `years`, at least one group.
    case sessionMakeUp
    /// Rule 5: sessions inside the activity's `window`, within `maxPerDay`
    /// and `maxSessions`.
    case activityTimes
    /// Rule 6: every staff row filled; a staff member in at most one session
    /// in any period, only when available, within `maxPerDay` and `max`.
    case staffing
    /// Rule 7: a `together` activity's sessions hold every group that attends it.
    case together
    /// Rule 8: every fixed session is there as written.
    case fixedSession
    /// A schedule entry that names nothing the problem has, or is not an
    /// object (found while reading a schedule file).
    case malformedEntry
    /// A session whose periods do not fit the period grid (consecutive
    /// non-break periods of one day).
    case periodGrid
    /// Rule 9 (spec section 10): a group or staff member has at least the
    /// travel time between consecutive sessions at two sites.
    case travel
    /// Rule 10 (spec section 11): teams formed as their formation says;
    /// pools in no session.
    case teams
    /// Rule 11 (spec section 12): a `sameStaff` group sees the same
    /// continuity-role staff every time.
    case sameStaff
    /// Rule 12 (spec section 13): sessions of a spacing entry's activities
    /// start at least `minDays` apart.
    case spacing
    /// A staff member in sessions for more periods in a row than their
    /// `maxConsecutive` (a Carousel addition; a break or a free period ends
    /// a run).
    case staffConsecutive
    /// More coaches arriving at a gate within one clock quarter hour than
    /// its `capacity` (a Carousel addition, `ArrivalTable`).
    case gateCapacity

    /// The rule's number in the spec (section 8), or nil for Carousel's own checks.
    public var number: Int? {
        switch self {
        case .attendance: 1
        case .groupTime: 2
        case .roomUse: 3
        case .sessionMakeUp: 4
        case .activityTimes: 5
        case .staffing: 6
        case .together: 7
        case .fixedSession: 8
        case .travel: 9
        case .teams: 10
        case .sameStaff: 11
        case .spacing: 12
        case .malformedEntry, .periodGrid, .staffConsecutive, .gateCapacity: nil
        }
    }

    /// How a broken instance is tagged in `carousel validate`'s output:
    /// `rule 3` for the spec's rules, a word for Carousel's own checks.
    public var tag: String {
        switch self {
        case .malformedEntry: "format"
        case .periodGrid: "time"
        case .staffConsecutive: "maxConsecutive"
        case .gateCapacity: "gate"
        case .attendance, .groupTime, .roomUse, .sessionMakeUp, .activityTimes, .staffing, .together, .fixedSession,
            .travel, .teams, .sameStaff, .spacing:
            "rule \(number ?? 0)"
        }
    }
}
