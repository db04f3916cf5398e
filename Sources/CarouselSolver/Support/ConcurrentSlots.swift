import Foundation

/// Results written by concurrent workers, one slot each (for
/// `DispatchQueue.concurrentPerform`): worker i sets slot i.
public final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: Value) { lock.withLock { slots[i] = value } }

    /// The values set, in slot order.
    public var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
