import Foundation

/// Writes files so that readers see either the old content or the new, never
/// half of it: the text goes to a temporary file beside the target, which is
/// then renamed over it (rename is atomic on one file system).
///
/// The temporary file is created as `mkstemp` does — a name with 64 random
/// bits, opened with `O_CREAT | O_EXCL | O_NOFOLLOW` — so a file or link
/// planted in a shared folder can never redirect the write: the open fails
/// instead and another name is tried. A file that is replaced keeps its
/// permission bits (a `600` file stays `600`) and, where the system allows,
/// its owner, as `install` and editors do; a new file gets `666` less the
/// umask, like any file a program creates.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes each `(name, text)` atomically into the folder `path`, creating
    /// the folder (and its parents) when missing. Each file is whole or old;
    /// the set is not one transaction.
    public static func write(_ files: [(name: String, text: String)], intoFolder path: String) throws(WriteError) {
        try makeFolder(path)
        let folder = URL(fileURLWithPath: path)
        for (name, text) in files { try write(text, to: folder.appendingPathComponent(name).path) }
    }

    /// Makes the folder `path` (and its parents) unless it exists.
    public static func makeFolder(_ path: String) throws(WriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WriteError(path: path, reason: "not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder")
        }
    }

    /// Writes `text` to `path` atomically. A character device or a pipe
    /// (`/dev/null`, a FIFO, or a link under `/dev` or `/proc` such as
    /// `/dev/stdout`) is written straight to: renaming over it would replace
    /// it with a file. Any other link at `path` is replaced, never followed.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let bytes = Array(text.utf8)
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK && (path.hasPrefix("/dev/") || path.hasPrefix("/proc/")) {
                guard stat(path, &status) == 0 else {
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG, S_IFLNK: break
            case S_IFDIR: throw WriteError(path: path, reason: "is a folder")
            case S_IFCHR, S_IFIFO, S_IFSOCK: return try writeStraight(bytes, to: path)
            default: throw WriteError(path: path, reason: "not a regular file, a pipe or a terminal")
            }
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue
        else {
            throw WriteError(path: path, reason: "the folder \(dir) does not exist")
        }
        let (fd, temp) = try createTemporary(beside: url)
        // A file that is replaced keeps its mode and owner; lstat, because
        // rename replaces a link at `path`, not the file it points to.
        var old = stat()
        let replacing = lstat(path, &old) == 0 && old.st_mode & S_IFMT == S_IFREG
        let mode = replacing ? old.st_mode & 0o7777 : 0o666 & ~currentUmask()
        if replacing && geteuid() == 0 { _ = fchown(fd, old.st_uid, old.st_gid) }
        var failure = writeAll(bytes, to: fd)
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// Creates a new, empty temporary file in the folder of `target`, with
    /// an unpredictable name and without following links; the descriptor
    /// and the path.
    static func createTemporary(beside target: URL) throws(WriteError) -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(generator.next() as UInt64, radix: 36)
            let temp = target.deletingLastPathComponent().appendingPathComponent(
                ".\(target.lastPathComponent).\(suffix).tmp"
            ).path
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temp) }
            if errno != EEXIST && errno != ELOOP {
                throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
        throw WriteError(path: target.path, reason: "no free name for a temporary file beside it")
    }

    /// Writes to a device or pipe in place (never creating a file).
    static func writeStraight(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if let reason = writeAll(bytes, to: fd) { throw WriteError(path: path, reason: reason) }
    }

    /// The process's umask: from /proc (Linux 4.7 and later), else by
    /// setting it and setting it back.
    static func currentUmask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Writes all of `bytes` to `fd`; the reason when it cannot.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return String(cString: strerror(errno)) }
            offset += n
        }
        return nil
    }
}
