import Foundation

/// Where a command writes: standard output for results, standard error for
/// progress and errors. Tests capture both.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// The process's own stdout and stderr.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write($0.data(using: .utf8)!) },
        err: { FileHandle.standardError.write($0.data(using: .utf8)!) })

    public func print(_ line: String = "") {
        lock.withLock { writeOut(line + "\n") }
    }

    public func error(_ line: String) {
        lock.withLock { writeErr(line + "\n") }
    }

    /// Writes a progress line to stderr.
    public func status(_ line: String) {
        lock.withLock { writeErr(line + "\n") }
    }
}
