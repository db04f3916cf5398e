/// Rule 12 (spec section 13): sessions of these activities start on dates at
/// least `minDays` apart (two sessions of one activity included).
public struct Spacing: Sendable, Equatable {
    /// Activity indices.
    public var activities: [Int]
    public var minDays: Int

    public init(activities: [Int], minDays: Int) {
        self.activities = activities
        self.minDays = minDays
    }
}
