/// One broken hard rule, in plain words.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Which rule of spec section 8 (1–8); 0 for a malformed schedule entry,
    /// 9 for a session that does not fit the period grid.
    public var rule: Int
    public var message: String

    public init(rule: Int, _ message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String {
        switch rule {
        case 0: "[format] \(message)"
        case 9: "[time] \(message)"
        default: "[rule \(rule)] \(message)"
        }
    }
}
