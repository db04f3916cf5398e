import CarouselCLI
import Foundation
import Testing

/// `repair`, `whatif`, `explain` and `capacity` end to end, on a small lab problem.
@Suite struct WhatIfCommandTests {
    static let problem = """
        {"name": "Labs",
         "calendar": {"days": [{"id": "mon"}, {"id": "tue"}],
                      "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}, {"id": "p2", "start": "10:00", "end": "11:00"}]},
         "rooms": [{"id": "lab1", "features": ["lab"]}, {"id": "lab2", "features": ["lab"]}],
         "staff": [{"id": "t1", "skills": ["chem"]}, {"id": "t2", "skills": ["chem"]}],
         "activities": [{"id": "chem", "roomFeatures": ["lab"], "staff": [{"skills": ["chem"], "count": 1}]}],
         "groups": [{"id": "a", "school": "North", "size": 20, "attend": [{"activity": "chem"}]},
                    {"id": "b", "school": "South", "size": 20, "attend": [{"activity": "chem"}]}]}
        """
    static let schedule = """
        {"sessions": [{"activity": "chem", "day": "mon", "start": "p1", "room": "lab1", "groups": ["a"], "staff": ["t1"]},
                      {"activity": "chem", "day": "mon", "start": "p2", "room": "lab1", "groups": ["b"], "staff": ["t1"]}]}
        """

    func files(_ extra: [String: String] = [:]) throws -> URL {
        let dir = try temporaryFolder()
        try Self.problem.write(to: dir.appendingPathComponent("labs.json"), atomically: true, encoding: .utf8)
        try Self.schedule.write(to: dir.appendingPathComponent("labs.schedule.json"), atomically: true, encoding: .utf8)
        for (name, text) in extra {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func repairSaysWhoMustBeToldAndWritesTheNewSchedule() throws {
        let dir = try files()
        defer { try? FileManager.default.removeItem(at: dir) }
        // t1 is away on Monday.
        let ill = Self.problem.replacingOccurrences(
            of: #"{"id": "t1", "skills": ["chem"]}"#, with: #"{"id": "t1", "skills": ["chem"], "available": ["tue"]}"#)
        try ill.write(to: dir.appendingPathComponent("ill.json"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("new.json").path
        let run = Run([
            "repair", dir.appendingPathComponent("ill.json").path,
            dir.appendingPathComponent("labs.schedule.json").path,
            "-o", out, "--quiet",
        ])
        #expect(run.code == 0, "\(run.out)\(run.err)")
        #expect(
            run.out.flattened.contains(
                "2 of 2 sessions changed (100.0%), 2 group attendances (at least 2 unavoidable), change cost 18"),
            "\(run.out)")
        #expect(run.out.contains("  North\n    a:\n      new staff: chem mon 09:00 lab1: t1 → t2"), "\(run.out)")
        #expect(run.out.contains("Staff (2):"))
        let validate = Run(["validate", dir.appendingPathComponent("ill.json").path, out])
        #expect(validate.code == 0, "\(validate.out)")
        let unknownDay = Run([
            "repair", dir.appendingPathComponent("ill.json").path,
            dir.appendingPathComponent("labs.schedule.json").path,
            "--keep-until", "mun",
        ])
        #expect(unknownDay.code == 2)
        #expect(
            unknownDay.err.hasPrefix(
                #"error: --keep-until: unknown day "mun"; the days are mon, tue (did you mean "mon"?)"#),
            "\(unknownDay.err)")
    }

    @Test func whatifComparesScenariosWithTheBase() throws {
        let dir = try files([
            "closed.json":
                #"{"name": "lab2 closed", "base": "labs.json", "changes": [{"close": "lab2", "when": ["mon", "tue"]}]}"#,
            "more.json": #"{"name": "8 classes", "changes": [{"copyGroups": 3, "groups": ["a", "b"]}]}"#,
            "typo.json": #"{"changes": [{"close": "lab3", "when": ["mon"]}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let run = Run([
            "whatif", path("labs.json"), path("closed.json"), path("more.json"), "--schedule",
            path("labs.schedule.json"),
            "--threads", "2", "--quiet", "--moves", "2000",
        ])
        #expect(run.code == 0, "\(run.out)\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("scenario     feasible") == true, "\(run.out)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(run.out)")
        #expect(lines.contains { $0.hasPrefix("base ") && $0.contains("2/2") && $0.contains("40/40") })
        #expect(lines.contains { $0.hasPrefix("lab2 closed ") && $0.contains("yes") && $0.contains("2/2") })
        // 8 classes need 8 chem sessions: 2 labs × 4 periods, and 2 teachers.
        #expect(lines.contains { $0.hasPrefix("8 classes ") && $0.contains("yes") && $0.contains("8/8") }, "\(run.out)")
        #expect(lines.contains { $0.hasPrefix("8 classes ") && $0.contains("100%") }, "\(run.out)")
        let json = Run(["whatif", path("labs.json"), path("closed.json"), "--quiet", "--json", "--moves", "1000"])
        #expect(json.out.contains(#""name": "lab2 closed""#) && json.out.contains(#""sessionsChanged""#), "\(json.out)")
        let typo = Run(["whatif", path("labs.json"), path("typo.json")])
        #expect(typo.code == 2)
        #expect(typo.err.contains(#"changes[0].close: unknown room "lab3" (did you mean room "lab1"?)"#), "\(typo.err)")
    }

    @Test func explainAndCapacityAnswerInPlainWords() throws {
        let full = Self.problem.replacingOccurrences(
            of: #"{"id": "lab2", "features": ["lab"]}"#,
            with: #"{"id": "lab2", "features": ["lab"], "unavailable": ["mon", "tue"]}"#
        )
        .replacingOccurrences(of: #""days": [{"id": "mon"}, {"id": "tue"}]"#, with: #""days": [{"id": "mon"}]"#)
        .replacingOccurrences(of: #"{"id": "mon"}, {"id": "tue"}"#, with: #"{"id": "mon"}"#)
        .replacingOccurrences(of: #""unavailable": ["mon", "tue"]"#, with: #""unavailable": ["mon"]"#)
        let three = full.replacingOccurrences(
            of: #"{"id": "b", "school": "South""#,
            with: #"{"id": "c", "size": 20, "attend": [{"activity": "chem"}]}, {"id": "b", "school": "South""#)
        let dir = try files(["full.json": three])
        defer { try? FileManager.default.removeItem(at: dir) }
        let explain = Run(["explain", dir.appendingPathComponent("full.json").path])
        #expect(explain.code == 1, "\(explain.out)\(explain.err)")
        #expect(explain.out.flattened.contains("no schedule meets these"), "\(explain.out)")
        #expect(explain.out.contains("open lab2 when it is closed (mon)"), "\(explain.out)")
        let capacity = Run(["capacity", dir.appendingPathComponent("labs.json").path, "--like", "a", "--day", "tue"])
        #expect(capacity.code == 0, "\(capacity.out)\(capacity.err)")
        #expect(capacity.out.contains("  tue: 4 more (80 pupils)"), "\(capacity.out)")
        let feasible = Run(["explain", dir.appendingPathComponent("labs.json").path])
        #expect(feasible.code == 0 && feasible.out.contains("nothing to explain"))
        let typo = Run(["capacity", dir.appendingPathComponent("labs.json").path, "--like", "aa"])
        #expect(typo.code == 2 && typo.err.contains(#"unknown group "aa" (did you mean "a"?)"#), "\(typo.err)")
    }
}
