import Foundation
import Synchronization

/// `-` in place of an input file: standard input, read whole, once.
public enum StandardInput {
    /// The path that means standard input.
    public static let path = "-"
    /// How standard input is named in messages.
    public static let displayName = "<stdin>"

    private static let taken = Atomic<Bool>(false)

    /// `path`, or `<stdin>` for `-`: the name errors give.
    public static func name(of path: String) -> String { path == Self.path ? displayName : path }

    /// Every byte of standard input, at most `limit` + 1 of them. A second
    /// read is an error: the first took everything.
    static func read(limit: Int) throws(InputError) -> [UInt8] {
        guard !taken.exchange(true, ordering: .relaxed) else {
            throw InputError(
                file: displayName, location: nil, path: "",
                message: "standard input can be read only once; give the other files by name")
        }
        let data: Data
        do {
            data = try FileHandle.standardInput.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw InputError(
                file: displayName, location: nil, path: "", message: "cannot be read: \(error.localizedDescription)")
        }
        return [UInt8](data)
    }
}
