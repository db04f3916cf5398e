import Foundation

/// Runs the independent reference checker, when it and python3 are present.
enum CheckPy {
    /// check.py: `CAROUSEL_CHECK_PY`, else `../../../shared/tools/check.py`
    /// from this file (i.e. /work/shared/tools/check.py).
    static let script: String? = {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["CAROUSEL_CHECK_PY"], !env.isEmpty { candidates.append(env) }
        let here = URL(fileURLWithPath: #filePath)
        candidates.append(
            here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("shared/tools/check.py").path)
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }()

    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let p = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    static var isAvailable: Bool { script != nil && python != nil }

    struct Verdict {
        var feasible: Bool
        var hard: Int
        var soft: Double
        var terms: [String: Double]
        var exitCode: Int32
        var output: String
    }

    /// Runs `python3 check.py PROBLEM SCHEDULE` and parses its last line;
    /// `lenient` passes `--lenient` (Carousel's additions become warnings).
    static func run(problem: String, schedule: String, lenient: Bool = false) throws -> Verdict {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [script!] + (lenient ? ["--lenient"] : []) + [problem, schedule]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let errText = String(decoding: errData, as: UTF8.self)
        guard let last = text.split(separator: "\n").last, last.hasPrefix("feasible=") else {
            throw CheckPyError(
                message: "check.py exited \(process.terminationStatus) without a score line:\n\(text)\(errText)")
        }
        // feasible=<true|false> hard=<H> soft=<S> terms=<json>
        let line = String(last)
        guard let termsAt = line.range(of: " terms=") else { throw CheckPyError(message: "cannot parse: \(line)") }
        var fields: [String: String] = [:]
        for part in line[..<termsAt.lowerBound].split(separator: " ") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        let termsJSON = Data(line[termsAt.upperBound...].utf8)
        guard let obj = try JSONSerialization.jsonObject(with: termsJSON) as? [String: Any] else {
            throw CheckPyError(message: "cannot parse terms: \(line)")
        }
        var terms: [String: Double] = [:]
        for (k, v) in obj { terms[k] = (v as? NSNumber)?.doubleValue ?? .nan }
        guard let feasible = fields["feasible"], let hard = fields["hard"].flatMap({ Int($0) }),
            let soft = fields["soft"].flatMap({ Double($0) })
        else {
            throw CheckPyError(message: "cannot parse: \(line)")
        }
        return Verdict(
            feasible: feasible == "true", hard: hard, soft: soft, terms: terms,
            exitCode: process.terminationStatus, output: text + errText)
    }
}

struct CheckPyError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
