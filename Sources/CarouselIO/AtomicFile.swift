import Foundation

/// Writes files so that readers see either the old content or the new, never
/// half of it: the text goes to a temporary file beside the target, which is
/// then renamed over it (rename is atomic on one file system).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes each `(name, text)` atomically into the folder `path`, creating
    /// the folder (and its parents) when missing. Each file is whole or old;
    /// the set is not one transaction.
    public static func write(_ files: [(name: String, text: String)], intoFolder path: String) throws(WriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WriteError(path: path, reason: "not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: path, reason: "cannot create the folder")
            }
        }
        let folder = URL(fileURLWithPath: path)
        for (name, text) in files { try write(text, to: folder.appendingPathComponent(name).path) }
    }

    /// Writes `text` to `path` atomically. A path that is a device or a
    /// pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written straight to:
    /// renaming over it would replace it with a file.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let bytes = Array(text.utf8)
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            if let reason = writeAll(bytes, to: fd) { throw WriteError(path: path, reason: reason) }
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(path: path, reason: "the folder \(dir) does not exist")
        }
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        if let reason = writeAll(bytes, to: fd) {
            close(fd)
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
        fsync(fd)
        close(fd)
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes all of `bytes` to `fd`; the reason when it cannot.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return String(cString: strerror(errno)) }
            offset += n
        }
        return nil
    }
}
