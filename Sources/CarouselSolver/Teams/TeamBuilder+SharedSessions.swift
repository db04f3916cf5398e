import CarouselModel

/// Whether a formation's teams, at the sizes formed, could share the
/// sessions of the activities they all attend. Fewer teams need fewer
/// sessions only while the teams that share a session still fit its room:
/// eight teams of six cannot pair up in rooms that seat eleven, where eight
/// teams of five and a few of six could. `TeamBuilder.form` tries one more
/// team when the fewest do not pass this count.
extension TeamBuilder {
    /// One activity every team of a formation attends `times` times, with
    /// the seats of each place open to the teams (roomiest first).
    struct SessionPlaces {
        var times: Int
        var maxGroups: Int32
        var seats: [Int32]
    }

    /// For every activity each team attends a fixed number of times (an
    /// `activity` item; not one whose session holds every group,
    /// `together`), the places open to the formation's teams: a room of the
    /// activity that suits them, at a start in the activity's window and the
    /// teams' visit, starts in one room not overlapping; each seats the
    /// fewer of the activity's and the room's capacity (the activity's alone
    /// when `overCapacity` makes room capacity soft). The teams all have the
    /// formation's visit and needs, so any teams of it give the same places.
    static func sessionPlaces(_ problem: Problem, formation f: Int, teams: [Team]) -> [SessionPlaces] {
        guard !teams.isEmpty else { return [] }
        let I = CompiledInstance(problem.addingTeams(teams))
        let g = I.groupCount - teams.count
        return problem.formations[f].attend.compactMap { item in
            guard case .activity(let a, let times, _, _, _) = item, times > 0, !I.together[a] else { return nil }
            return SessionPlaces(
                times: times, maxGroups: I.maxGroups[a], seats: openSeats(I, activity: a, group: g).sorted(by: >))
        }
    }

    /// Whether teams of these sizes could share the sessions of `places`:
    /// each activity's attendances, largest team first, are packed first
    /// fit into its places, each taking at most `maxGroups` teams and its
    /// seats in pupils. True when every attendance finds a place. Rooms and
    /// staff that other activities also need are not counted against it,
    /// so a pass says only that this count does not rule the sizes out.
    static func teamsShareSessions(sizes: [Int], places: [SessionPlaces]) -> Bool {
        let sizes = sizes.sorted(by: >)
        for activity in places {
            var load = [(teams: Int32, pupils: Int32)](repeating: (0, 0), count: activity.seats.count)
            for size in sizes {
                for _ in 0..<activity.times {
                    guard
                        let i = activity.seats.indices.first(where: {
                            load[$0].teams < activity.maxGroups && load[$0].pupils + Int32(size) <= activity.seats[$0]
                        })
                    else { return false }
                    load[i].teams += 1
                    load[i].pupils += Int32(size)
                }
            }
        }
        return true
    }

    /// The seats of every place open to group g for activity a: one entry
    /// per (room, start), starts in a room not overlapping.
    private static func openSeats(_ I: CompiledInstance, activity a: Int, group g: Int) -> [Int32] {
        let k = Int(I.duration[a])
        var seats: [Int32] = []
        for r32 in I.activityRooms[a] where I.groupNeedsMet.contains(g, Int(r32)) {
            let r = Int(r32)
            let capacity =
                I.weights.overCapacity != nil ? I.activityCapacity[a] : min(I.activityCapacity[a], I.roomCapacity[r])
            var t = 0
            while t + k <= I.slotCount {
                let open =
                    I.canStart(a, at: t) && I.groupVisit.containsAll(g, from: t, count: k)
                    && !I.roomUnavailable.containsAny(r, from: t, count: k)
                if open {
                    seats.append(capacity)
                    t += k
                } else {
                    t += 1
                }
            }
        }
        return seats
    }
}
