import Foundation

/// The built `carousel` run as a child process: its exit status, output,
/// peak memory and time.
struct ChildRun {
    var status: Int32
    /// The signal that ended it, if one did.
    var signal: Int32?
    var out: String
    var err: String
    /// Peak resident set size (VmHWM, sampled every 2 ms), in kilobytes.
    var peakKB: Int
    var seconds: Double
    /// User and system CPU time of the child (from `wait4`).
    var cpuSeconds: Double

    /// Runs `executable` with `arguments`, feeding `input` to its standard
    /// input, with `environment` added to this process's. With
    /// `dataLimitKB`, the child runs under that `RLIMIT_DATA` (`ulimit -d`):
    /// an allocation beyond it fails and the child aborts, so an exit
    /// status of 2 proves it stayed within. (`ru_maxrss` cannot tell: Linux
    /// carries the spawning process's peak over `exec`.)
    init(
        _ executable: URL, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
        dataLimitKB: Int? = nil
    ) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carousel-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inPath = scratch.appendingPathComponent("in").path, outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path
        try Data(input).write(to: URL(fileURLWithPath: inPath))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let prefix =
            dataLimitKB.map { ["/bin/sh", "-c", "ulimit -d \($0) && exec \"$0\" \"$@\"", executable.path] } ?? [
                executable.path
            ]
        let argv = prefix + arguments
        var pid: pid_t = 0
        let start = Date()
        let spawned = withCStrings(argv) { cArgs in
            withCStrings(env) { cEnv in posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv) }
        }
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        var sampled = 0
        // Sample VmHWM until the child ends.
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kb = Int(line.dropFirst(6).split(separator: " ").first ?? "")
            {
                sampled = max(sampled, kb)
            }
            usleep(2_000)
        }
        seconds = Date().timeIntervalSince(start)
        let exited = status & 0x7f == 0
        self.status = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        signal = exited ? nil : status & 0x7f
        // Decoded by hand: String(contentsOfFile:) would drop a byte order mark.
        out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        peakKB = sampled
        cpuSeconds =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    }
}

/// Runs `body` with `strings` as a NULL-terminated C array.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}

/// The built benchmark executable, beside `carousel`.
func benchmarksExecutable() -> URL? {
    guard let carousel = carouselExecutable() else { return nil }
    let url = carousel.deletingLastPathComponent().appendingPathComponent("CarouselBenchmarks")
    return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
}
