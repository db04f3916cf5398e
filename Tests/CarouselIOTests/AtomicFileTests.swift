import CarouselIO
import Foundation
import Testing

@Suite struct AtomicFileTests {
    /// `-o /dev/null` or a pipe must be written to, not renamed over (which
    /// replaced /dev/null with a plain file when run as root).
    @Test func aPipeIsWrittenToAndStaysAPipe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedText()
        let reader = Thread {
            received.set(
                FileHandle(forReadingAtPath: fifo).flatMap { try? $0.readToEnd() }.map {
                    String(decoding: $0, as: UTF8.self)
                })
        }
        reader.start()
        try AtomicFile.write("hello\n", to: fifo)
        let deadline = Date().addingTimeInterval(10)
        while !received.isDone && Date() < deadline { usleep(1_000) }
        #expect(received.text == "hello\n")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }
}

final class ReceivedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String??
    func set(_ text: String?) { lock.withLock { value = .some(text) } }
    var isDone: Bool { lock.withLock { value != nil } }
    var text: String? { lock.withLock { value ?? nil } }
}
