import CarouselModel

/// Dated days for generated programmes: the English school year 2025–26
/// (Kent term dates: three terms, each with a half-term week, Easter and the
/// May bank holiday off), and day ids an organiser would type (`sep17`).
enum SchoolCalendar {
    /// One term: its first and last day and the weekdays off inside it.
    struct Term {
        var first: CivilDate
        var last: CivilDate
        /// Inclusive ranges of days off (half term, bank holidays).
        var breaks: [(CivilDate, CivilDate)]
        /// The first day after the half-term break: where the second half starts.
        var secondHalf: CivilDate
    }

    static let year2025: [Term] = [
        Term(
            first: CivilDate(year: 2025, month: 9, day: 3), last: CivilDate(year: 2025, month: 12, day: 19),
            breaks: [(CivilDate(year: 2025, month: 10, day: 27), CivilDate(year: 2025, month: 10, day: 31))],
            secondHalf: CivilDate(year: 2025, month: 11, day: 3)),
        Term(
            first: CivilDate(year: 2026, month: 1, day: 5), last: CivilDate(year: 2026, month: 3, day: 27),
            breaks: [(CivilDate(year: 2026, month: 2, day: 16), CivilDate(year: 2026, month: 2, day: 20))],
            secondHalf: CivilDate(year: 2026, month: 2, day: 23)),
        Term(
            first: CivilDate(year: 2026, month: 4, day: 13), last: CivilDate(year: 2026, month: 7, day: 21),
            breaks: [
                (CivilDate(year: 2026, month: 5, day: 4), CivilDate(year: 2026, month: 5, day: 4)),
                (CivilDate(year: 2026, month: 5, day: 25), CivilDate(year: 2026, month: 5, day: 29)),
            ],
            secondHalf: CivilDate(year: 2026, month: 6, day: 1)),
    ]

    /// School days of `term` (all terms when nil) on the given weekdays
    /// (0 Monday … 6 Sunday), in date order.
    static func schoolDays(weekdays: Set<Int>, term: Int? = nil) -> [CivilDate] {
        var out: [CivilDate] = []
        for (t, spec) in year2025.enumerated() where term == nil || term == t {
            for n in spec.first.daysSinceEpoch...spec.last.daysSinceEpoch {
                let date = CivilDate(daysSinceEpoch: n)
                guard weekdays.contains(date.weekday),
                    !spec.breaks.contains(where: { $0.0.daysSinceEpoch <= n && n <= $0.1.daysSinceEpoch })
                else { continue }
                out.append(date)
            }
        }
        return out
    }

    /// `count` school days of `term` on `weekday` (0 Monday), from `first` on:
    /// a weekly programme's dates, half term skipped.
    static func weekly(weekday: Int, from first: CivilDate, count: Int, term: Int = 0) -> [CivilDate] {
        Array(
            schoolDays(weekdays: [weekday], term: term).filter { $0.daysSinceEpoch >= first.daysSinceEpoch }.prefix(
                count))
    }

    /// The calendar days for `dates`: id `sep17`, name `Wednesday 17 September 2025`, the date, every period.
    static func days(_ dates: [CivilDate], periods: Int) -> [EventCalendar.Day] {
        dates.map {
            EventCalendar.Day(id: $0.shortID, name: $0.longName, date: $0.isoText, periods: Array(0..<periods))
        }
    }

    /// The index of the term holding `date`, if any.
    static func term(of date: CivilDate) -> Int? {
        year2025.firstIndex {
            $0.first.daysSinceEpoch <= date.daysSinceEpoch && date.daysSinceEpoch <= $0.last.daysSinceEpoch
        }
    }
}

extension CivilDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// 0 Monday … 6 Sunday (1970-01-01 was a Thursday).
    var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    /// The date `n` days later.
    func adding(days n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// `mar09`: unique within one school year.
    var shortID: String { Self.monthNames[month - 1].prefix(3).lowercased() + pad(day, 2) }

    /// `Monday 9 March 2026`.
    var longName: String { "\(Self.weekdayNames[weekday]) \(day) \(Self.monthNames[month - 1]) \(year)" }
}
