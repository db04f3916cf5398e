import CarouselModel

/// Rule 12 in dense form (spec section 13): for each spacing entry, the
/// days whose dates are too close to each day's.
public struct SpacingTable: Sendable {
    /// Entries each activity is listed in.
    public let entriesOfActivity: [[Int32]]
    /// Per entry, its activities (for messages and counts).
    public let activities: [[Int32]]
    public let minDays: [Int32]
    /// `closeDays[e * dayCount + d]`: days d' (d itself included) whose
    /// date is fewer than minDays(e) days from d's; empty for a day without a
    /// date (no listed activity can be held there: the decoder checked it).
    public let closeDays: [[Int32]]
    /// Per day, its date as a day number (days since 1 January 1 AD), or nil.
    public let dayNumber: [Int?]

    init(_ problem: Problem) {
        let D = problem.calendar.days.count
        let numbers = problem.calendar.days.map { $0.date.flatMap(SpacingTable.dayNumber(iso:)) }
        dayNumber = numbers
        var ofActivity = [[Int32]](repeating: [], count: problem.activities.count)
        var close: [[Int32]] = []
        for (e, entry) in problem.spacing.enumerated() {
            for a in entry.activities { ofActivity[a].append(Int32(e)) }
            for d in 0..<D {
                guard let n = numbers[d] else {
                    close.append([])
                    continue
                }
                close.append(
                    (0..<D).filter { d2 in numbers[d2].map { abs($0 - n) < entry.minDays } ?? false }.map { Int32($0) })
            }
        }
        entriesOfActivity = ofActivity
        activities = problem.spacing.map { $0.activities.map { Int32($0) } }
        minDays = problem.spacing.map { Int32(clamping: $0.minDays) }
        closeDays = close
    }

    /// The proleptic Gregorian day number of `YYYY-MM-DD`, or nil.
    static func dayNumber(iso text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        // Days before year y, then before month m, then the day.
        let yy = y - 1
        var n = yy * 365 + yy / 4 - yy / 100 + yy / 400
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        n += before[m - 1] + (leap && m > 2 ? 1 : 0) + d
        return n
    }
}
