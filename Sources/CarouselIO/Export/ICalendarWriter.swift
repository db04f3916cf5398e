import CarouselModel

/// Timetables as iCalendar (RFC 5545): one VCALENDAR per school, group, room
/// or staff member, one VEVENT per session.
///
/// - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8
///   sequence; TEXT values escape `\`, `;`, `,` and newlines.
/// - LOCATION is the room and its site; a room at an online site is a
///   meeting link, so LOCATION is its `url` (else its name) alone, and the
///   description says to join there; a room's `url` is also the URL.
/// - DTSTART and DTEND are floating local times (no time zone: the event is
///   at 09:15 wherever the reader is) from the day's `date` and the periods'
///   clock times; an end of `24:00` is midnight of the next day.
/// - UIDs follow what a session *is* for the calendar's reader, not when or
///   where it is: a hash of the event's first date, the calendar's entity,
///   the activity, the groups (of the calendar's entity) in the session, and
///   which occurrence of that activity for those groups it is (in time
///   order). A repair that moves a session keeps its UID, so calendars
///   update the event; renaming the event or a room changes no UID.
/// - SEQUENCE and LAST-MODIFIED: with the previous export of the same
///   calendar (`--previous DIR`), an event whose time, place, title or
///   description changed gets the next SEQUENCE and LAST-MODIFIED now; an
///   unchanged one keeps both; an event of the previous export that no
///   longer exists is sent again as `STATUS:CANCELLED` (next SEQUENCE), so
///   re-importing leaves no ghost. Without it every event has SEQUENCE 0.
///   DTSTAMP is the time of export, given by the caller.
public enum ICalendarWriter {
    /// A session falls on a day without a `date`, so it has no calendar date.
    public struct MissingDate: Error, Sendable, CustomStringConvertible {
        /// The day's index in the calendar.
        public var day: Int
        public var dayID: String
        public var description: String {
            "day \"\(dayID)\" has no date; calendar exports need one (\"date\": \"YYYY-MM-DD\")"
        }
    }

    public static let productID = "-//Carousel//Carousel timetable export//EN"

    /// The properties compared to decide whether an event changed.
    static let contentKeys = ["DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS"]

    /// The calendar of one entity, or of the whole event when nil. `stamp`
    /// is the DTSTAMP in seconds since 1970 (UTC); `previous` the events of
    /// the same calendar's last export. Throws `MissingDate` for the first
    /// session on a day without a date. O(sessions · line length).
    public static func render(
        _ view: TimetableView, entity: TimetableView.Entity?, stamp: Int,
        previous: [ICalendarEvent] = []
    ) throws(MissingDate) -> String {
        let p = view.problem
        let eventKey = p.calendar.days.compactMap(\.date).first ?? ""
        var events: [ICalendarEvent] = []
        var occurrences: [String: Int] = [:]
        for i in view.sessionIndices(of: entity) {
            let s = view.sessions[i]
            let day = p.calendar.days[s.day]
            guard let date = day.date.flatMap(CivilDate.init(iso:)) else {
                throw MissingDate(day: s.day, dayID: day.id)
            }
            let mine = view.groups(of: s, in: entity)
            let groups = mine.map(view.groupName)
            let activity = view.activityName(s.activity)
            let summary =
                entity?.dimension == .group || groups.isEmpty
                ? activity : "\(activity): \(groups.joined(separator: ", "))"
            var description = [
                "Groups: "
                    + view.groups(of: s, in: nil).map { "\(view.groupName($0)) (\(view.schoolName($0)))" }.joined(
                        separator: ", ")
            ]
            if !s.staff.isEmpty { description.append("Staff: " + s.staff.map(view.staffName).joined(separator: ", ")) }
            let online = p.isOnline(room: s.room), link = view.joiningLink(s.room)
            if let link { description.append("\(online ? "Online" : "Also online"): join at \(link)") }
            description.append(p.name)
            let what = [p.activities[s.activity].id] + mine.map { p.groups[$0].id }.sorted()
            let whatKey = what.joined(separator: "\u{1F}")
            let occurrence = occurrences[whatKey, default: 0]
            occurrences[whatKey] = occurrence + 1
            let key = [eventKey, entity?.dimension.rawValue ?? "", entity?.key ?? "", whatKey, String(occurrence)]
                .joined(separator: "\u{1F}")
            var properties: [(name: String, value: String)] = [
                ("DTSTART", localText(date, s.start)),
                ("DTEND", localText(date, s.end)),
                ("SUMMARY", escape(summary)),
                ("LOCATION", escape(online ? link! : "\(view.roomName(s.room)), \(p.rooms[s.room].site)")),
                ("DESCRIPTION", escape(description.joined(separator: "\n"))),
            ]
            if let url = p.rooms[s.room].url { properties.append(("URL", url)) }
            events.append(
                ICalendarEvent(uid: Fingerprint.hex(Fingerprint.fnv1a(key)) + "@carousel", properties: properties))
        }
        return calendar(
            name: "\(p.name): \(entity?.title ?? "all sessions")", events: events, previous: previous, stamp: stamp)
    }

    /// A calendar whose entity has no sessions left (or is gone): only the
    /// cancellations of its previous events.
    public static func cancellations(name: String, previous: [ICalendarEvent], stamp: Int) -> String {
        calendar(name: name, events: [], previous: previous, stamp: stamp)
    }

    /// The VCALENDAR: `events` with SEQUENCE and LAST-MODIFIED from
    /// `previous`, then `previous` events that are gone, cancelled.
    static func calendar(name: String, events: [ICalendarEvent], previous: [ICalendarEvent], stamp: Int) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escape(productID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        let now = utcText(stamp)
        var before: [String: ICalendarEvent] = [:]
        for e in previous { before[e.uid] = e }
        var written: Set<String> = []
        func emit(_ e: ICalendarEvent, sequence: Int, modified: String) {
            lines += [
                "BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + now, "SEQUENCE:\(sequence)", "LAST-MODIFIED:" + modified,
            ]
            lines += e.properties.filter { !["UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED"].contains($0.name) }.map {
                "\($0.name):\($0.value)"
            }
            lines.append("END:VEVENT")
        }
        for e in events where written.insert(e.uid).inserted {
            guard let old = before[e.uid] else {
                emit(e, sequence: 0, modified: now)
                continue
            }
            let same = contentKeys.allSatisfy { e[$0] == old[$0] }
            emit(e, sequence: same ? old.sequence : old.sequence + 1, modified: same ? old.lastModified ?? now : now)
        }
        for old in previous where written.insert(old.uid).inserted {
            if old["STATUS"] == "CANCELLED" {
                emit(old, sequence: old.sequence, modified: old.lastModified ?? now)
            } else {
                var cancelled = old
                cancelled.properties.removeAll { $0.name == "STATUS" }
                cancelled.properties.append(("STATUS", "CANCELLED"))
                emit(cancelled, sequence: old.sequence + 1, modified: now)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// TEXT escaping (RFC 5545 3.3.11): `\\`, `\;`, `\,`, and `\n` for a line
    /// break (CRLF, CR or LF); other control characters are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var afterCR = false
        for u in text.unicodeScalars {
            defer { afterCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !afterCR { out += "\\n" }
            case _ where u.value < 0x20 || u.value == 0x7F: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// One content line folded at 75 octets (RFC 5545 3.1): a longer line
    /// continues after CRLF and a space. Folds fall between Unicode scalars,
    /// so no UTF-8 sequence is split. Ends with CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for u in line.unicodeScalars {
            let size = UTF8.width(u)
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(u)
            octets += size
        }
        return out + "\r\n"
    }

    /// `20260309T091500`: floating local date-time; minute 1440 is the next
    /// day's midnight.
    static func localText(_ date: CivilDate, _ minutes: Minutes) -> String {
        let day = CivilDate(daysSinceEpoch: date.daysSinceEpoch + minutes / 1440)
        let m = minutes % 1440
        return day.basicText + "T" + pad(m / 60, 2) + pad(m % 60, 2) + "00"
    }

    /// `20260309T083000Z` for `seconds` since 1970 (UTC).
    static func utcText(_ seconds: Int) -> String {
        let (date, rest) = CivilDate.utc(seconds)
        return date.basicText + "T" + pad(rest / 3600, 2) + pad(rest % 3600 / 60, 2) + pad(rest % 60, 2) + "Z"
    }
}
