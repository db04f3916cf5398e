import CarouselModel

/// What a repair may change: the sessions that start before `openFrom`
/// have happened or are under way (`carousel repair --now "tue 09:40"`), or
/// are on days that are over (`--keep-until`); those of `keptDays` stay as
/// they are (a Plan B for one day keeps the later days' sessions). Both are
/// kept as they were, locked, and nothing new starts before `openFrom`.
/// New sessions may still go on kept days, around what is there.
public struct RepairScope: Sendable, Equatable {
    /// The first slot (`day * periodCount + period`) at which a session may
    /// be opened, joined or moved to.
    public var openFrom: Int
    /// Days whose old sessions are kept as they are, beyond those before `openFrom`.
    public var keptDays: Set<Int>
    /// The clock minute of the moment (`moment(day:minute:instance:)`), for notes.
    public var minute: Int?

    public init(openFrom: Int = 0, keptDays: Set<Int> = [], minute: Int? = nil) {
        self.openFrom = openFrom
        self.keptDays = keptDays
        self.minute = minute
    }

    /// Days before `day` are over.
    public static func from(day d: Int, instance I: CompiledInstance) -> RepairScope {
        RepairScope(openFrom: d * I.periodCount)
    }

    /// The moment `minute` (clock minutes) of day d: sessions that start
    /// before it have happened or are under way; the first period that
    /// starts at or after it is the first that may change.
    public static func moment(day d: Int, minute: Int, instance I: CompiledInstance) -> RepairScope {
        let P = I.periodCount
        let p = (0..<P).first { Int(I.periodStart[$0]) >= minute } ?? P
        return RepairScope(openFrom: d * P + p, minute: minute)
    }

    /// Whether an old session starting at slot t on day d stays as it was.
    public func keeps(slot t: Int, day d: Int) -> Bool { t < openFrom || keptDays.contains(d) }

    /// Why an old session at slot t is kept, for a note when it cannot be.
    func reason(slot t: Int, instance I: CompiledInstance) -> String {
        guard t < openFrom else { return "is on a day the plan keeps" }
        let d = t / I.periodCount
        if let minute, d == openFrom / I.periodCount { return "had started by \(I.dayID(d)) \(minute.clockText)" }
        return "is on a day that is over"
    }
}
