/// The days and the period grid (spec section 1).
public struct EventCalendar: Sendable {
    public struct Day: Sendable {
        public var id: String
        public var name: String?
        /// ISO date `YYYY-MM-DD`, if given.
        public var date: String?
        /// Indices into `periods` held on this day, ascending.
        public var periods: [Int]

        public init(id: String, name: String? = nil, date: String? = nil, periods: [Int]) {
            self.id = id
            self.name = name
            self.date = date
            self.periods = periods
        }
    }

    public struct Period: Sendable {
        public var id: String
        public var name: String?
        public var start: Minutes
        public var end: Minutes
        public var isBreak: Bool

        public init(id: String, name: String? = nil, start: Minutes, end: Minutes, isBreak: Bool = false) {
            self.id = id
            self.name = name
            self.start = start
            self.end = end
            self.isBreak = isBreak
        }
    }

    public var days: [Day]
    public var periods: [Period]

    public init(days: [Day], periods: [Period]) {
        self.days = days
        self.periods = periods
    }

    /// The index of the period with this id, or whose start time is this
    /// `HH:MM` text (as `fixed[].start` and schedule `start` allow).
    public func periodIndex(idOrStart text: String) -> Int? {
        if let i = periods.firstIndex(where: { $0.id == text }) { return i }
        if let t = TimeRange.parseClock(text) { return periods.firstIndex(where: { $0.start == t }) }
        return nil
    }

    /// `tue p3 (11:00-11:45)`.
    public func slotName(day: Int, period: Int) -> String {
        let p = periods[period]
        return "\(days[day].id) \(p.id) (\(p.start.clockText)-\(p.end.clockText))"
    }

    /// The (day, period) pairs a list of time ranges covers: the ranges of
    /// each day are merged (touching ranges join), then a period is covered
    /// when it lies wholly inside the union (`available`, `visit`, `window`),
    /// or, with `touching`, when it overlaps it at all (`unavailable`).
    public func periods(coveredBy ranges: [TimeRange], touching: Bool) -> [(day: Int, period: Int)] {
        var out: [(day: Int, period: Int)] = []
        for d in days.indices {
            var intervals: [(Int, Int)] = []
            for range in ranges where range.day == nil || range.day == d {
                if let w = range.window {
                    intervals.append((w.lowerBound, w.upperBound))
                } else {
                    intervals.append((-1, Int.max))
                }
            }
            guard !intervals.isEmpty else { continue }
            intervals.sort { $0 < $1 }
            var merged: [(Int, Int)] = []
            for (a, b) in intervals {
                if let last = merged.last, a <= last.1 {
                    merged[merged.count - 1].1 = max(last.1, b)
                } else {
                    merged.append((a, b))
                }
            }
            for p in days[d].periods {
                let s = periods[p].start, e = periods[p].end
                if merged.contains(where: { touching ? ($0.0 < e && s < $0.1) : ($0.0 <= s && e <= $0.1) }) {
                    out.append((d, p))
                }
            }
        }
        return out
    }
}
