import CarouselCLI
import Foundation
import Testing

/// Runs `carousel` in-process and captures what it prints.
struct Run {
    var code: Int32
    var out: String
    var err: String

    init(_ arguments: [String]) {
        let box = Captured()
        code = CarouselTool.main(
            arguments, console: Console(out: { box.append(out: $0) }, err: { box.append(err: $0) }))
        out = box.out
        err = box.err
    }
}

final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = ""
    private(set) var err = ""
    func append(out s: String) { lock.withLock { out += s } }
    func append(err s: String) { lock.withLock { err += s } }
}

extension String {
    /// The text with every run of spaces and newlines as one space: lines
    /// wrapped to 80 columns read as they were written.
    var flattened: String { split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A file of `Examples/` by its path there.
func exampleFile(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/\(path)").path
}

func example(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/\(name).json").path
}

@Suite struct CommandTests {
    @Test func solveWritesAScheduleThatValidates() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("summer.schedule.json").path
        let solve = Run([
            "solve", example("summer-school"), "-o", out, "--time-limit", "120", "--moves", "3000", "--quiet",
        ])
        #expect(solve.code == 0, "\(solve.out)\(solve.err)")
        #expect(solve.err.isEmpty)
        #expect(solve.out.contains("wrote \(out)"))
        #expect(solve.out.contains("score: hard 0"))
        let validate = Run(["validate", example("summer-school"), out])
        #expect(validate.code == 0, "\(validate.out)")
        #expect(validate.out.contains("feasible=true hard=0"))
        // No temporary file is left beside the schedule.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["summer.schedule.json"])
    }

    @Test func validateExplainsABrokenScheduleAndExitsOne() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("p.json").path
        try #"""
        {"calendar": {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]},
         "rooms": [{"id": "lab", "capacity": 10}],
         "activities": [{"id": "chem"}],
         "groups": [{"id": "g1", "size": 20, "attend": [{"activity": "chem"}]}]}
        """#.write(toFile: problem, atomically: true, encoding: .utf8)
        let schedule = dir.appendingPathComponent("s.json").path
        try #"{"sessions": [{"activity": "chem", "day": "mon", "start": "p1", "room": "lab", "groups": ["g1"]}]}"#
            .write(toFile: schedule, atomically: true, encoding: .utf8)
        let run = Run(["validate", problem, schedule])
        #expect(run.code == 1)
        #expect(run.out.contains("[rule 4] chem@mon p1 in lab: 20 pupils exceed room lab capacity 10"))
        #expect(run.out.flattened.contains("NOT feasible: 1 broken rule"))
        let json = Run(["validate", problem, schedule, "--json"])
        #expect(json.out.hasPrefix("{"))
        #expect(json.out.contains("\"feasible\": false"))
    }

    @Test func anInfeasibleProblemIsExplainedByCheckAndSolveStillWritesItsBest() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("tight.json").path
        // Three classes each need the one lab for both periods of the day.
        try #"""
        {"name": "Tight",
         "calendar": {"days": [{"id": "tue"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]},
         "rooms": [{"id": "lab1", "features": ["lab"]}, {"id": "hall"}],
         "activities": [{"id": "chem", "roomFeatures": ["lab"]}],
         "groups": [{"id": "a", "size": 20, "attend": [{"activity": "chem"}]},
                    {"id": "b", "size": 20, "attend": [{"activity": "chem"}]},
                    {"id": "c", "size": 20, "attend": [{"activity": "chem"}]}]}
        """#.write(toFile: problem, atomically: true, encoding: .utf8)
        let check = Run(["check", problem])
        #expect(check.code == 1)
        #expect(
            check.out.contains("error: tue needs at least 3 room-periods in lab1 (for chem); 2 exist"), "\(check.out)")
        let out = dir.appendingPathComponent("tight.schedule.json").path
        let solve = Run(["solve", problem, "-o", out, "--time-limit", "1", "--quiet"])
        #expect(solve.code == 1)
        #expect(solve.out.contains("NO FEASIBLE SCHEDULE"))
        #expect(solve.out.contains("unmet: group"))
        #expect(solve.out.contains("carousel explain"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("\"unmet\""))
    }

    @Test func usageMistakesSayWhatToTypeAndExitTwo() {
        let option = Run(["solve", example("stem-week"), "--time-limt", "5"])
        #expect(option.code == 2)
        #expect(option.err.contains("error: unknown option --time-limt (did you mean --time-limit?)"))
        #expect(option.err.contains("usage: carousel solve PROBLEM"))
        let command = Run(["sovle"])
        #expect(command.code == 2)
        #expect(command.err.contains("unknown command \"sovle\" (did you mean \"solve\"?)"))
        let value = Run(["solve", example("stem-week"), "--time-limit", "soon"])
        #expect(value.code == 2)
        #expect(value.err.contains("--time-limit expects a number"))
        let missing = Run(["validate", example("stem-week")])
        #expect(missing.code == 2)
        #expect(missing.err.contains("missing SCHEDULE"))
    }

    @Test func badInputIsOneLineWithLocationAndExitTwo() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("typo.json").path
        try
            "{\n  \"calendar\": {\"days\": [{\"id\": \"mon\"}], \"periods\": [{\"id\": \"p1\", \"start\": \"09:00\", \"end\": \"10:00\"}]},\n  \"grups\": []\n}\n"
            .write(toFile: problem, atomically: true, encoding: .utf8)
        let run = Run(["check", problem])
        #expect(run.code == 2)
        #expect(
            run.err
                == "error: \(problem):3:3: grups: unknown key \"grups\"; expected one of format, name, description, calendar, rooms, staff, activities, groups, fixed, weights, sites, teams, spacing, continuityRoles, gates, coaches (did you mean \"groups\"?)\n"
        )
        let absent = Run(["check", dir.appendingPathComponent("nope.json").path])
        #expect(absent.code == 2)
        #expect(absent.err.contains("no such file"))
    }

    @Test func helpListsCommandsAndOptions() {
        let overview = Run(["help"])
        #expect(overview.code == 0)
        for name in ["solve", "validate", "check"] { #expect(overview.out.contains(name)) }
        let solve = Run(["solve", "--help"])
        #expect(solve.out.contains("--time-limit S"))
        #expect(solve.out.contains("Ctrl-C"))
    }
}
