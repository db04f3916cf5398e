import CarouselModel

/// Timetables as iCalendar (RFC 5545): one VCALENDAR per school, group, room
/// or staff member, one VEVENT per session.
///
/// - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8
///   sequence; TEXT values escape `\`, `;`, `,` and newlines.
/// - DTSTART and DTEND are floating local times (no time zone: the event is
///   at 09:15 wherever the reader is) from the day's `date` and the periods'
///   clock times; an end of `24:00` is midnight of the next day.
/// - UIDs are stable: a hash of the problem name, day, start period,
///   activity, room and the calendar's entity, so importing a re-exported
///   calendar updates events instead of duplicating them. DTSTAMP is the time
///   of export, given by the caller.
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

    /// The calendar of one entity, or of the whole event when nil. `stamp`
    /// is the DTSTAMP in seconds since 1970 (UTC). Throws `MissingDate` for
    /// the first session on a day without a date. O(sessions · line length).
    public static func render(_ view: TimetableView, entity: TimetableView.Entity?, stamp: Int) throws(MissingDate) -> String {
        let p = view.problem
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escape(productID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(p.name): \(entity?.title ?? "all sessions")"),
        ]
        let dtstamp = utcText(stamp)
        var uids: Set<String> = []
        for i in view.sessionIndices(of: entity) {
            let s = view.sessions[i]
            let day = p.calendar.days[s.day]
            guard let date = day.date.flatMap(CivilDate.init(iso:)) else { throw MissingDate(day: s.day, dayID: day.id) }
            let groups = view.groups(of: s, in: entity).map(view.groupName)
            let activity = view.activityName(s.activity)
            let summary = entity?.dimension == .group || groups.isEmpty ? activity : "\(activity): \(groups.joined(separator: ", "))"
            var description = [
                "Groups: " + view.groups(of: s, in: nil).map { "\(view.groupName($0)) (\(view.schoolName($0)))" }.joined(separator: ", "),
            ]
            if !s.staff.isEmpty { description.append("Staff: " + s.staff.map(view.staffName).joined(separator: ", ")) }
            description.append(p.name)
            let key = [p.name, day.id, p.calendar.periods[s.periods.lowerBound].id, p.activities[s.activity].id,
                       p.rooms[s.room].id, entity?.dimension.rawValue ?? "", entity?.key ?? ""].joined(separator: "\u{1F}")
            var uid = hex(fnv1a(key)) + "@carousel"
            var n = 2
            while uids.contains(uid) {
                uid = hex(fnv1a(key)) + "-\(n)@carousel"
                n += 1
            }
            uids.insert(uid)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:" + dtstamp,
                "DTSTART:" + localText(date, s.start),
                "DTEND:" + localText(date, s.end),
                "SUMMARY:" + escape(summary),
                "LOCATION:" + escape("\(view.roomName(s.room)), \(p.rooms[s.room].site)"),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                "END:VEVENT",
            ]
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
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        return CivilDate(daysSinceEpoch: days).basicText + "T" + pad(rest / 3600, 2) + pad(rest % 3600 / 60, 2)
            + pad(rest % 60, 2) + "Z"
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms
    /// (unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
