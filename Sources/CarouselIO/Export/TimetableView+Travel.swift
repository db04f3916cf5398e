import CarouselModel

/// Travel legs (spec section 10): each group's and staff member's moves
/// between sites with times, and the rota of every vehicle (a staff member
/// with role `vehicle`, a minibus) with who it takes.
extension TimetableView {
    /// One move between two sites.
    struct Leg {
        var day: Int
        var leave: Minutes
        var from: String
        var to: String
        var arrive: Minutes
        var minutes: Int
        /// Minutes to spare between two sessions (nil for a leg from or to home).
        var spare: Int?
        var purpose: String
    }

    /// Per vehicle, group and staff member that moves (vehicles first): its
    /// legs, day by day: from its home to its first session's site when that
    /// is elsewhere (leaving in time to arrive at the start), between two
    /// sessions in a row at different sites (leaving at the end of the first,
    /// with the minutes spare before the second starts), and back home.
    /// Online sessions are not places: a person stays where they were.
    /// Only for problems with a sites list. Columns: Who, Day, Leave, From,
    /// To, Arrive, Minutes, Spare, For.
    func travelSections() -> [Listing.Section] {
        guard problem.sites != nil else { return [] }
        let headers = ["Who", "Day", "Leave", "From", "To", "Arrive", "Minutes", "Spare", "For"]
        var vehicles: [Listing.Section] = [], others: [Listing.Section] = []
        func add(_ name: String, home: String?, sessions list: [Int], vehicle: Bool, own: Int?) {
            let legs = legs(home: home, sessions: list, vehicle: vehicle, own: own)
            guard !legs.isEmpty else { return }
            let rows = legs.map { leg in
                [
                    name, shortDay(leg.day), leg.leave.clockText, siteName(leg.from), siteName(leg.to),
                    leg.arrive.clockText,
                    String(leg.minutes), leg.spare.map(String.init) ?? "", leg.purpose,
                ]
            }
            let total = legs.reduce(0) { $0 + $1.minutes }
            let section = Listing.Section(
                title: vehicle ? "Vehicle rota: \(name)" : "\(name): travel",
                facts: [
                    "\(legs.count) leg\(legs.count == 1 ? "" : "s"), \(total) minutes on the way"
                        + (home.map { "; home: \(siteName($0))" } ?? "")
                ],
                headers: headers, rows: rows, subject: 0, rightAligned: [6, 7], keywords: [name], note: 8)
            if vehicle { vehicles.append(section) } else { others.append(section) }
        }
        for g in problem.groups.indices where !problem.groups[g].pool {
            add(
                groupName(g), home: problem.groups[g].home,
                sessions: sessions.indices.filter { sessions[$0].groups.contains(g) },
                vehicle: false, own: nil)
        }
        for m in problem.staff.indices {
            add(
                staffName(m), home: problem.staff[m].home,
                sessions: sessions.indices.filter { sessions[$0].staff.contains(m) },
                vehicle: problem.staff[m].role == "vehicle", own: m)
        }
        return vehicles + others
    }

    /// The legs of one person with sessions `list` (indices into
    /// `sessions`, in time order); `own` is the staff member, left out of a
    /// vehicle's passengers.
    func legs(home: String?, sessions list: [Int], vehicle: Bool, own: Int?) -> [Leg] {
        var legs: [Leg] = []
        var byDay: [Int: [Session]] = [:]
        for i in list where !problem.isOnline(room: sessions[i].room) {
            byDay[sessions[i].day, default: []].append(sessions[i])
        }
        func site(_ s: Session) -> String { problem.rooms[s.room].site }
        func purpose(_ s: Session) -> String {
            var text = "\(activityName(s.activity)) in \(roomName(s.room))"
            if vehicle {
                let riders = s.staff.filter { $0 != own }.map(staffName)
                if !riders.isEmpty { text += ", with \(riders.joined(separator: ", "))" }
            }
            return text
        }
        for d in byDay.keys.sorted() {
            let day = byDay[d]!
            if let home, site(day[0]) != home {
                let minutes = problem.travelMinutes(from: home, to: site(day[0]))
                legs.append(
                    Leg(
                        day: d, leave: day[0].start - minutes, from: home, to: site(day[0]), arrive: day[0].start,
                        minutes: minutes, spare: nil, purpose: purpose(day[0])))
            }
            for (a, b) in zip(day, day.dropFirst()) where site(a) != site(b) {
                let minutes = problem.travelMinutes(from: site(a), to: site(b))
                legs.append(
                    Leg(
                        day: d, leave: a.end, from: site(a), to: site(b), arrive: b.start, minutes: minutes,
                        spare: b.start - a.end - minutes, purpose: purpose(b)))
            }
            if let home, let last = day.last, site(last) != home {
                let minutes = problem.travelMinutes(from: site(last), to: home)
                legs.append(
                    Leg(
                        day: d, leave: last.end, from: site(last), to: home, arrive: last.end + minutes,
                        minutes: minutes,
                        spare: nil, purpose: "back to \(siteName(home))"))
            }
        }
        return legs
    }
}
