/// A proleptic Gregorian calendar date, with the day arithmetic calendar
/// exports need (Howard Hinnant's `days_from_civil` and `civil_from_days`).
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Parses `YYYY-MM-DD` (the problem decoder has already checked the date
    /// is real); nil when malformed.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `20260309`.
    var basicText: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }

    /// `2026-03-09`.
    var isoText: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// The UTC date of `seconds` since 1970, and the seconds since its midnight.
    static func utc(_ seconds: Int) -> (date: CivilDate, second: Int) {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return (CivilDate(daysSinceEpoch: days), seconds - days * 86400)
    }
}

/// `n` in decimal with leading zeros to `width` digits.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
