/// The session move: a whole session to another start, day or room.
extension LocalSearch {
    /// Moves a whole session to a random start on its day (or another day
    /// its units allow) and, half the time, another allowed room: when
    /// `roomStability` counts, half of those times a room another session
    /// of the activity is in. When `isolated` or `idleGap` counts, a quarter
    /// of the starts are drawn from those next to another session of one of
    /// its groups.
    mutating func moveSession() -> Bool {
        guard let s = randomSession() else { return false }
        let a = Int(state.sessionActivity[s]), t0 = Int(state.sessionSlot[s]), r0 = Int(state.sessionRoom[s])
        let d =
            random.below(4) == 0 ? randomVisitDay(of: state.sessionGroups[s]) ?? t0 / I.periodCount : t0 / I.periodCount
        let rooms = I.activityRooms[a]
        var r = r0
        switch rooms.isEmpty ? 0 : random.below(4) {
        case 0, 1: break
        case 2: r = siblingRoom(of: a, besides: r0) ?? Int(rooms[random.below(rooms.count)])
        default: r = Int(rooms[random.below(rooms.count)])
        }
        targets.clearKeepingCapacity()
        guard state.mayRelocate(s, room: r, day: d) else { return refuse() }
        if compactness && random.below(4) == 0 {
            // Next to another session of one of its groups that day: the
            // starts that keep that group's day compact.
            let groups = state.sessionGroups[s]
            let g = Int(groups[random.below(groups.count)])
            let k = Int(I.duration[a]), first = d * I.periodCount, last = first + I.periodCount - k
            for q in first..<(first + I.periodCount) {
                let x = Int(state.groupSession(g, at: q))
                guard x >= 0, x != s, Int(state.sessionSlot[x]) == q else { continue }
                for side in 0..<2 {
                    let t = side == 0 ? q - k : q + Int(I.duration[Int(state.sessionActivity[x])])
                    if t >= first && t <= last && (t != t0 || r != r0)
                        && state.mayRelocate(s, to: t, inAllowedRoom: r, besides: -1)
                    {
                        targets.append(t)
                    }
                }
            }
        } else {
            // Every start the session may move to in room r, other than where it is.
            state.appendStarts(of: s, inAllowedRoom: r, day: d, to: &targets)
        }
        guard !targets.isEmpty else { return refuse() }
        let t = targets[random.below(targets.count)]
        let dayChange = d != t0 / I.periodCount
        guard !dayChange || state.mayAddSession(activity: a, day: d) else { return refuse() }
        sessionMoves.clearKeepingCapacity()
        sessionMoves.append((s, t, r))
        return relocateSessions(dayChange: dayChange) || refuse()
    }

    /// A room other than `r0` that another session of activity a is in, or
    /// nil (also when `roomStability` does not count).
    mutating func siblingRoom(of a: Int, besides r0: Int) -> Int? {
        guard I.weights[.roomStability] > 0 else { return nil }
        let R = I.roomCount
        targets.clearKeepingCapacity()
        for r in I.activityRooms[a] where Int(r) != r0 && state.activityRoomSessions[a * R + Int(r)] > 0 {
            targets.append(Int(r))
        }
        return targets.isEmpty ? nil : targets[random.below(targets.count)]
    }
}
