/// The problem on a wet day (`carousel solve --plan-b`; docs/format.md, "Wet
/// weather"): the outdoor rooms are closed that day, and every `outdoor`
/// activity falls back to its `wetWeather` plan.
extension Problem {
    /// Whether some activity is `outdoor` (and so has a wet-weather plan).
    public var hasOutdoorActivities: Bool { activities.contains(where: \.outdoor) }

    /// The rooms an activity may use by its `rooms` and `roomFeatures`.
    public func eligibleRooms(_ a: Int) -> [Int] {
        let activity = activities[a]
        return rooms.indices.filter {
            activity.roomFeatures.isSubset(of: rooms[$0].features) && (activity.rooms?.contains($0) ?? true)
        }
    }

    /// The outdoor rooms, closed on a wet day: every room an outdoor
    /// activity may use, except the rooms named as wet-weather rooms.
    public var outdoorRooms: [Int] {
        var outdoor = Set<Int>(), indoor = Set<Int>()
        for (a, activity) in activities.enumerated() where activity.outdoor {
            outdoor.formUnion(eligibleRooms(a))
            if case .rooms(let list)? = activity.wetWeather { indoor.formUnion(list) }
        }
        return outdoor.subtracting(indoor).sorted()
    }

    /// The same problem with day d wet:
    /// - every outdoor room is `unavailable` all day d;
    /// - an outdoor activity with wet-weather `rooms` may also use those
    ///   rooms (its own are closed that day, so there it must), its
    ///   `roomFeatures` giving way to the list of rooms;
    /// - an outdoor activity with a replacement `activity` b: for each
    ///   group that visits day d, an item `{"activity": a}` attended once
    ///   becomes `{"oneOf": [a, b]}`, a `oneOf` with a also offers b (after
    ///   a), and an item attending a several times or daily attends b
    ///   instead; a fixed session of a on day d becomes one of b.
    /// Fixed sessions on day d in an outdoor room move to the activity's
    /// first wet-weather room, or the replacement's first room that is not
    /// outdoor. Ids and indices stay, so a schedule of the dry problem reads
    /// as one of the wet one.
    public func onWetDay(_ d: Int) -> Problem {
        var wet = self
        let closed = Set(outdoorRooms)
        for r in closed { wet.rooms[r].unavailable.append(TimeRange(day: d, window: nil)) }
        let visitsDay: [Bool] = groups.map { group in
            guard let visit = group.visit else { return true }
            return calendar.periods(coveredBy: visit, touching: false).contains {
                $0.day == d && !calendar.periods[$0.period].isBreak
            }
        }
        for (a, activity) in activities.enumerated() where activity.outdoor {
            switch activity.wetWeather {
            case .rooms(let list)?:
                wet.activities[a].rooms = eligibleRooms(a) + list
                wet.activities[a].roomFeatures = []
                for f in wet.fixed.indices
                where wet.fixed[f].activity == a && wet.fixed[f].day == d && closed.contains(wet.fixed[f].room) {
                    wet.fixed[f].room = list[0]
                }
            case .activity(let b)?:
                for g in groups.indices where visitsDay[g] {
                    wet.groups[g].attend = groups[g].attend.map { Self.replacing(a, by: b, in: $0) }
                }
                let room = eligibleRooms(b).first { !closed.contains($0) }
                for f in wet.fixed.indices where wet.fixed[f].activity == a && wet.fixed[f].day == d {
                    wet.fixed[f].activity = b
                    if let room, closed.contains(wet.fixed[f].room) { wet.fixed[f].room = room }
                }
            case nil:
                break
            }
        }
        return wet
    }

    /// An attend item with activity a replaced by (or, where one attendance
    /// can take either, offered alongside) activity b.
    static func replacing(_ a: Int, by b: Int, in item: Group.AttendItem) -> Group.AttendItem {
        switch item {
        case .activity(let x, let times, let daily, let minDays, let within) where x == a:
            return times == 1 && !daily
                ? .oneOf(choices: [a, b], count: 1, prefer: nil, within: within)
                : .activity(activity: b, times: times, daily: daily, minDays: minDays, within: within)
        case .oneOf(let choices, let count, let prefer, let within) where choices.contains(a) && !choices.contains(b):
            var offered = choices
            offered.insert(b, at: choices.firstIndex(of: a)! + 1)
            return .oneOf(choices: offered, count: count, prefer: prefer, within: within)
        default:
            return item
        }
    }
}
