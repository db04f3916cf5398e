/// One broken hard rule, in plain words.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public var rule: HardRule
    public var message: String

    public init(_ rule: HardRule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    /// `[rule 3] room lab-1 holds 2 sessions at …`, `[format] …`, `[time] …`.
    public var description: String { "[\(rule.tag)] \(message)" }
}
