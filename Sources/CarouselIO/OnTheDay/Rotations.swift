import CarouselModel

/// Lists for a class teacher's clipboard (docs/exports.md, "Rotation
/// lists and cards"): every visiting group with its sessions in the order
/// it goes to them, numbered, with the room, its site and the staff.
public enum Rotations {
    public static let headers = ["#", "day", "start", "end", "activity", "room", "site", "staff"]

    /// The group's sessions (indices into the view) in time order.
    public static func order(of g: Int, in view: TimetableView) -> [Int] {
        view.sessions.indices.filter { view.sessions[$0].groups.contains(g) }
            .sorted {
                (view.sessions[$0].day, view.sessions[$0].start) < (view.sessions[$1].day, view.sessions[$1].start)
            }
    }

    /// One table per group with a session, in problem order: its title
    /// names the group, its school and its pupils.
    public static func tables(_ view: TimetableView) -> [ReportTable] {
        let p = view.problem
        return p.groups.indices.compactMap { g in
            let order = order(of: g, in: view)
            guard !order.isEmpty else { return nil }
            let rows = order.enumerated().map { k, i in
                let s = view.sessions[i]
                return [
                    "\(k + 1)", p.calendar.days[s.day].name ?? p.calendar.days[s.day].id, s.start.clockText,
                    s.end.clockText,
                    view.activityName(s.activity), view.roomName(s.room), p.rooms[s.room].site,
                    s.staff.map(view.staffName).joined(separator: ", "),
                ]
            }
            return ReportTable(
                title: "\(view.groupName(g)), \(view.schoolName(g)), \(p.groups[g].size) pupils", headers: headers,
                rows: rows, numeric: [0])
        }
    }
}
