/// One entry of an availability list (spec section 1): a whole day
/// (`"tue"`), a window on one day (`"tue 09:30-12:00"`) or a window on every
/// day (`"09:30-12:00"`).
public struct TimeRange: Sendable, Hashable {
    /// The day index, or nil for every day.
    public var day: Int?
    /// Start and end in minutes, or nil for the whole day.
    public var window: ClosedRange<Minutes>?

    public init(day: Int?, window: ClosedRange<Minutes>?) {
        self.day = day
        self.window = window
    }

    /// Parses `HH:MM` (hour 0–24, minute 00–59); nil when malformed.
    public static func parseClock(_ text: Substring) -> Minutes? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            let h = Int(parts[0]), let m = Int(parts[1]), h <= 24, m <= 59, h < 24 || m == 0
        else { return nil }
        return h * 60 + m
    }

    public static func parseClock(_ text: String) -> Minutes? { parseClock(Substring(text)) }

    /// Parses `HH:MM-HH:MM` (spaces around the dash allowed).
    static func parseWindow(_ text: Substring) -> (Minutes, Minutes)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let a = parseClock(parts[0].trimmingSpaces), let b = parseClock(parts[1].trimmingSpaces)
        else { return nil }
        return (a, b)
    }

    /// Whether `[start, end)` lies wholly inside this range on `day`.
    public func contains(day d: Int, start: Minutes, end: Minutes) -> Bool {
        if let day, day != d { return false }
        guard let window else { return true }
        return window.lowerBound <= start && end <= window.upperBound
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
