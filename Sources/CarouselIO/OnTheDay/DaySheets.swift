import CarouselModel

/// A one-page sheet per room and per staff member for each day they are
/// used (docs/exports.md, "Day sheets"): who comes when, how many pupils
/// and adults, from which school, what to set up (the room features the
/// activity needs and its `equipment`), and the staff by name and id.
public enum DaySheets {
    public static let headers = ["time", "activity", "groups", "school", "pupils", "adults", "set up", "staff"]

    /// The sheet of one room or staff member (`entity`) on day d, nil when
    /// they have no session that day.
    public static func table(_ view: TimetableView, _ entity: TimetableView.Entity, day d: Int) -> ReportTable? {
        let p = view.problem
        let today = entity.sessions.filter { view.sessions[$0].day == d }
        guard !today.isEmpty else { return nil }
        let rows = today.map { i in
            let s = view.sessions[i], activity = p.activities[s.activity]
            let setUp = activity.roomFeatures.sorted() + activity.equipment
            let schools = s.groups.reduce(into: [String]()) { list, g in
                if !list.contains(view.schoolName(g)) { list.append(view.schoolName(g)) }
            }
            return [
                view.timeText(s),
                view.activityName(s.activity) + (entity.dimension == .staff ? " (\(view.roomName(s.room)))" : ""),
                s.groups.map(view.groupName).joined(separator: ", "), schools.joined(separator: ", "),
                "\(s.groups.reduce(0) { $0 + p.groups[$1].size })",
                "\(s.groups.reduce(0) { $0 + p.groups[$1].adults })",
                setUp.joined(separator: "; "),
                s.staff.map { "\(view.staffName($0)) [\(p.staff[$0].id)]" }.joined(separator: ", "),
            ]
        }
        return ReportTable(
            title: "\(entity.title): \(view.dayTitle(d))", headers: headers, rows: rows, numeric: [4, 5])
    }

    /// Every room's and staff member's sheet, day by day.
    public static func tables(_ view: TimetableView) -> [ReportTable] {
        let entities = view.entities(.room) + view.entities(.staff)
        return entities.flatMap { e in view.problem.calendar.days.indices.compactMap { table(view, e, day: $0) } }
    }
}
