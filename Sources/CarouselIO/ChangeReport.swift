import CarouselModel
import CarouselSolver

/// "Who has to be told": a `ScheduleDiff` in words, per school and group,
/// room and staff member, for the terminal and as JSON.
public struct ChangeReport {
    let diff: ScheduleDiff
    let instance: CompiledInstance

    public init(_ diff: ScheduleDiff, instance: CompiledInstance) {
        self.diff = diff
        self.instance = instance
    }

    /// `rocket tue 10:30 field (mrjones, y12-amir)`.
    func describe(_ p: ScheduleDiff.Place, staff: Bool = true) -> String {
        let I = instance
        var s =
            "\(I.activityID(Int(p.activity))) \(I.dayID(Int(p.day))) \(Int(I.periodStart[Int(p.start)]).clockText) \(I.roomID(Int(p.room)))"
        if staff && !p.staff.isEmpty { s += " (" + p.staff.map { I.staffID(Int($0)) }.joined(separator: ", ") + ")" }
        return s
    }

    func describe(_ change: ScheduleDiff.Change) -> String {
        let I = instance
        func staffNames(_ p: ScheduleDiff.Place) -> String {
            p.staff.isEmpty ? "no staff" : p.staff.map { I.staffID(Int($0)) }.joined(separator: ", ")
        }
        switch change {
        case .moved(let from, let to): return "moved: \(describe(from)) → \(describe(to))"
        case .roomChanged(let from, let to):
            return "new room: \(describe(from, staff: false)) → \(I.roomID(Int(to.room)))"
                + (from.staff == to.staff ? "" : ", staff \(staffNames(from)) → \(staffNames(to))")
        case .staffChanged(let from, let to):
            return "new staff: \(describe(from, staff: false)): \(staffNames(from)) → \(staffNames(to))"
        case .added(let p): return "added: \(describe(p))"
        case .removed(let p): return "removed: \(describe(p))"
        }
    }

    func describe(_ b: ScheduleDiff.Booking) -> String {
        let I = instance
        return (b.gained ? "+ " : "− ")
            + "\(I.activityID(Int(b.activity))) \(I.dayID(Int(b.day))) \(Int(I.periodStart[Int(b.start)]).clockText) \(I.roomID(Int(b.room)))"
    }

    /// Schools with a changed group, in first-seen order (a group without a
    /// school stands for itself).
    public var schools: [(school: String, groups: [(group: Int, changes: [ScheduleDiff.Change])])] {
        var out: [(school: String, groups: [(group: Int, changes: [ScheduleDiff.Change])])] = []
        for entry in diff.groups {
            let school = instance.problem.groups[entry.group].school ?? instance.groupID(entry.group)
            if let i = out.firstIndex(where: { $0.school == school }) {
                out[i].groups.append(entry)
            } else {
                out.append((school, [entry]))
            }
        }
        return out
    }

    /// The indented text: schools and their groups, then rooms, then staff.
    public var lines: [String] {
        let I = instance
        guard !diff.groups.isEmpty || !diff.rooms.isEmpty || !diff.staff.isEmpty else {
            return ["Nobody's timetable changed."]
        }
        var out: [String] = []
        let affected = schools
        out.append("Schools (\(affected.count)) and groups (\(diff.groups.count)) with a changed timetable:")
        for school in affected {
            out.append("  \(school.school)")
            for (g, changes) in school.groups {
                out.append("    \(I.groupID(g)):")
                for c in changes { out.append("      \(describe(c))") }
            }
        }
        if !diff.rooms.isEmpty {
            out.append("Rooms (\(diff.rooms.count)):")
            for (r, bookings) in diff.rooms {
                out.append("  \(I.roomID(r)): " + bookings.map(describe).joined(separator: "; "))
            }
        }
        if !diff.staff.isEmpty {
            out.append("Staff (\(diff.staff.count)):")
            for (st, bookings) in diff.staff {
                out.append("  \(I.staffID(st)): " + bookings.map(describe).joined(separator: "; "))
            }
        }
        return out
    }

    /// The same for programs.
    public var json: JSONOutput {
        let I = instance
        return .object([
            (
                "schools",
                .array(
                    schools.map { school in
                        .object([
                            ("school", .string(school.school)),
                            (
                                "groups",
                                .array(
                                    school.groups.map { entry in
                                        .object([
                                            ("group", .string(I.groupID(entry.group))),
                                            ("changes", .array(entry.changes.map { .string(describe($0)) })),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "rooms",
                .array(
                    diff.rooms.map { entry in
                        .object([
                            ("room", .string(I.roomID(entry.room))),
                            ("changes", .array(entry.bookings.map { .string(describe($0)) })),
                        ])
                    })
            ),
            (
                "staff",
                .array(
                    diff.staff.map { entry in
                        .object([
                            ("staff", .string(I.staffID(entry.staff))),
                            ("changes", .array(entry.bookings.map { .string(describe($0)) })),
                        ])
                    })
            ),
        ])
    }
}
