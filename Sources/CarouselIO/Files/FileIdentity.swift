import Foundation

/// Which file a path names, as the file system sees it: device and inode
/// after following links. Two paths name the same file exactly when their
/// identities are equal (`p.json`, `./p.json`, a link to it, a hard link).
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The file at `path`, following links; nil when there is none.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The regular file open as `descriptor` (standard input redirected
    /// from a file); nil for a terminal or a pipe.
    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
