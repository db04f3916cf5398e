/// `roomStability` (spec §7): per activity, the distinct rooms its sessions
/// use, minus 1.
enum RoomStability {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .activity(cost), placement: .onlyRaises)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        var rooms: [Int: Set<Int32>] = [:]
        for S in placed.sessions { rooms[Int(S.session.activity), default: []].insert(S.session.room) }
        return rooms.values.reduce(0) { $0 + $1.count - 1 }
    }

    static func cost(_ a: Int, _ state: PartialSchedule) -> Int {
        max(0, Int(state.activityRoomsUsed[a]) - 1)
    }
}
