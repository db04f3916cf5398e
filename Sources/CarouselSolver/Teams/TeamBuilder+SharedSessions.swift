import CarouselModel

/// Whether a formation's teams, at the sizes formed, could share the
/// sessions of the activities they all attend. Fewer teams need fewer
/// sessions only while the teams that share a session still fit its room:
/// eight teams of six cannot pair up in rooms that seat eleven, where eight
/// teams of five and a few of six could. `TeamBuilder.form` tries one more
/// team when the fewest do not pass this count.
extension TeamBuilder {
    /// For every activity each team attends a fixed number of times (an
    /// `activity` item; not one whose session holds every group,
    /// `together`), packs the teams' attendances, largest team first, into
    /// the places open to the formation — a room of the activity that suits
    /// the teams at a start in the activity's window and the teams' visit,
    /// starts in one room not overlapping — each place taking at most the
    /// activity's `maxGroups` teams and the pupils its room and the activity
    /// seat, the roomiest places first. True when every attendance finds a
    /// place. Rooms and staff that other activities also need are not
    /// counted against it, so a pass says only that this count does not
    /// rule the sizes out.
    static func teamsShareSessions(_ problem: Problem, formation f: Int, teams: [Team]) -> Bool {
        guard !teams.isEmpty else { return true }
        let I = CompiledInstance(problem.addingTeams(teams))
        let first = I.groupCount - teams.count
        let sizes = teams.map(\.size).sorted(by: >)
        for item in problem.formations[f].attend {
            guard case .activity(let a, let times, _, _, _) = item, times > 0, !I.together[a] else { continue }
            var places = openPlaces(I, activity: a, group: first)
            places.sort(by: >)
            var load = [(teams: Int32, pupils: Int32)](repeating: (0, 0), count: places.count)
            for size in sizes {
                for _ in 0..<times {
                    guard
                        let i = places.indices.first(where: {
                            load[$0].teams < I.maxGroups[a] && load[$0].pupils + Int32(size) <= places[$0]
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
    /// per (room, start), starts in a room not overlapping, each the fewer
    /// of the activity's and the room's capacity (the activity's alone when
    /// `overCapacity` makes room capacity soft).
    private static func openPlaces(_ I: CompiledInstance, activity a: Int, group g: Int) -> [Int32] {
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
