import CarouselModel

/// Joining instructions for online and hybrid sessions (spec section 15):
/// for each person in a session held in an online room, or in a room with
/// a `url`, when it is and where to join.
extension TimetableView {
    /// One section per staff member, then per group, with every session of
    /// theirs that has a joining link (`joiningLink`), in time order.
    /// Columns: For, When, Session, Room, Link; without any room's `url`
    /// the link is the room's name, and Room is left out.
    func linkSections() -> [Listing.Section] {
        guard problem.rooms.indices.contains(where: { joiningLink($0) != nil }) else { return [] }
        let withRooms = problem.rooms.contains { $0.url != nil }
        let headers = ["For", "When", "Session"] + (withRooms ? ["Room"] : []) + ["Link"]
        var out: [Listing.Section] = []
        for entity in entities(.staff) + entities(.group) {
            let joined = entity.sessions.filter { joiningLink(sessions[$0].room) != nil }
            guard !joined.isEmpty else { continue }
            let inPerson = entity.sessions.count - joined.count
            let rows = joined.map { i in
                let s = sessions[i]
                return [entity.title, whenText(s), activityName(s.activity)] + (withRooms ? [roomName(s.room)] : []) + [
                    joiningLink(s.room)!
                ]
            }
            let n = joined.count
            var facts = ["\(n) session\(n == 1 ? "" : "s") to join online"]
            if inPerson > 0 { facts.append("and \(inPerson) in person (see the timetable)") }
            out.append(
                Listing.Section(
                    title: "Joining links for \(entity.title)", facts: [facts.joined(separator: " ")],
                    headers: headers, rows: rows, subject: 0, keywords: [entity.key, entity.title],
                    collapsible: Set(3..<headers.count), link: headers.count - 1))
        }
        return out
    }
}
