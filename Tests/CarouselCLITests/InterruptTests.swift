import CarouselCLI
import Foundation
import Testing

/// The real executable, beside this test bundle in the build folder.
func carouselExecutable() -> URL? {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("carousel")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// Runs the real executable with `arguments`, sends `signal` (Ctrl-C's
/// SIGINT by default) once stderr shows `marker` (the improvement phase's
/// progress), and returns its exit status and stdout.
func runAndInterrupt(_ arguments: [String], signal: Int32 = SIGINT, marker: String = "improve:") throws -> (
    status: Int32, out: String
) {
    let process = Process()
    process.executableURL = carouselExecutable()!
    process.arguments = arguments
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    var seen = Data()
    while Date() < deadline {
        seen.append(stderr.fileHandleForReading.availableData)
        if String(decoding: seen, as: UTF8.self).contains(marker) { break }
    }
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    )
}

@Suite struct InterruptTests {
    @Test(.enabled(if: carouselExecutable() != nil, "the carousel executable was not built beside the tests"))
    func ctrlCStopsTheSearchAndStillWritesTheBestSchedule() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("summer.schedule.json").path
        // Wait until the improvement phase reports progress, then press Ctrl-C.
        let (status, text) = try runAndInterrupt(["solve", example("summer-school"), "-o", out, "--time-limit", "600"])
        #expect(status == 130, "\(text)")
        #expect(text.contains("stopped by Ctrl-C after"))
        #expect(text.contains("wrote \(out)"))
        let validate = Run(["validate", example("summer-school"), out])
        #expect(validate.code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["summer.schedule.json"])
    }

    @Test(.enabled(if: carouselExecutable() != nil, "the carousel executable was not built beside the tests"))
    func ctrlCStopsARepairAndStillWritesTheBestSchedule() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old.json").path, new = dir.appendingPathComponent("new.json").path
        #expect(Run(["solve", example("summer-school"), "-o", old, "--moves", "2000", "--quiet"]).code == 0)
        let (status, text) = try runAndInterrupt([
            "repair", example("summer-school"), old, "-o", new, "--time-limit", "600", "--moves", "0",
        ])
        #expect(status == 130, "\(text)")
        #expect(text.contains("0 of") && text.contains("wrote \(new)"), "\(text)")
        #expect(Run(["validate", example("summer-school"), new]).code == 0)
    }

    /// Issue 13, item 9: SIGTERM (what `kill`, `timeout` and service
    /// managers send) stops the search like Ctrl-C, the best schedule is
    /// written, and the exit status is 143 so that scripts can tell.
    @Test(.enabled(if: carouselExecutable() != nil, "the carousel executable was not built beside the tests"))
    func sigtermStopsTheSearchWritesTheBestAndExits143() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("summer.schedule.json").path
        let (status, text) = try runAndInterrupt(
            ["solve", example("summer-school"), "-o", out, "--time-limit", "600", "--moves", "0"],
            signal: SIGTERM)
        #expect(status == 143, "\(text)")
        #expect(text.contains("stopped by SIGTERM after"), "\(text)")
        #expect(text.contains("wrote \(out)"))
        #expect(Run(["validate", example("summer-school"), out]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["summer.schedule.json"])
    }

    /// Issue 13, item 8: Ctrl-C during `capacity` prints what it had
    /// established, marked partial, and exits 130.
    @Test(.enabled(if: carouselExecutable() != nil, "the carousel executable was not built beside the tests"))
    func ctrlCStopsCapacityWithAPartialAnswer() throws {
        let (status, text) = try runAndInterrupt(
            ["capacity", example("stem-week"), "--like", "oakfield-4s", "--per-day"],
            marker: "capacity:")
        #expect(status == 130, "\(text)")
        #expect(text.contains("PARTIAL: stopped before the end"), "\(text)")
        #expect(text.contains("fri: not reached"), "\(text)")
    }
}
