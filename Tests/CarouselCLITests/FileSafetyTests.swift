import CarouselCLI
import CarouselIO
import Foundation
import Testing

/// Issue 13, items 1–3 and 14: no command replaces one of its inputs (by
/// file identity), a replaced file keeps its mode, the temporary file of an
/// atomic write cannot be redirected by a planted link, and `-` means
/// standard input or output — all against real files in a temporary folder.
@Suite struct FileSafetyTests {
    /// A folder with the summer-school problem (`p.json`) and a schedule of it (`s.json`).
    static func folder() throws -> (dir: URL, problem: String, schedule: String) {
        let dir = try temporaryFolder()
        let problem = dir.appendingPathComponent("p.json").path
        try FileManager.default.copyItem(atPath: example("summer-school"), toPath: problem)
        let schedule = dir.appendingPathComponent("s.json").path
        let solve = Run(["solve", problem, "-o", schedule, "--moves", "500", "--quiet"])
        #expect(solve.code == 0, "\(solve.err)")
        return (dir, problem, schedule)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: Item 1: no command overwrites one of its own inputs

    @Test func noCommandOverwritesItsOwnInput() throws {
        let (dir, problem, schedule) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problemBefore = try Self.bytes(problem), scheduleBefore = try Self.bytes(schedule)
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: problem)
        let hard = dir.appendingPathComponent("hard.json").path
        try FileManager.default.linkItem(atPath: problem, toPath: hard)
        let dotted = dir.path + "/./p.json"
        let cases: [([String], String)] = [
            (
                ["solve", problem, "-o", problem, "--moves", "100", "-q"],
                "refusing to write the schedule here: it is the problem file this command reads, which would be lost"
            ),
            (
                ["solve", problem, "-o", dotted, "--moves", "100", "-q"],
                "it is the problem file this command reads (the same file as \(problem))"
            ),
            (
                ["solve", problem, "-o", link, "--moves", "100", "-q"],
                "it is the problem file this command reads (the same file as \(problem))"
            ),
            (
                ["solve", problem, "-o", hard, "--moves", "100", "-q"],
                "it is the problem file this command reads (the same file as \(problem))"
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "html", "-o", problem],
                "refusing to write the html export here: it is the problem file"
            ),
            (
                ["export", schedule, "--problem", problem, "--as", "csv", "-o", schedule],
                "refusing to write the csv export here: it is the schedule file"
            ),
            (
                ["repair", problem, schedule, "-o", schedule, "-q"],
                "refusing to write the repaired schedule here: it is the old schedule this command reads"
            ),
            (
                ["repair", problem, schedule, "-o", problem, "-q"],
                "refusing to write the repaired schedule here: it is the problem file"
            ),
            (
                ["export", "itc2007", problem, schedule, "-o", schedule],
                "refusing to write the solution here: it is the schedule file"
            ),
            // No inputs, but the file is a Carousel file of another kind.
            (
                ["schema", "-o", problem],
                "refusing to write the schema here: the file is a Carousel problem file, which would be lost"
            ),
            (
                ["generate", "--visitors", "100", "-o", schedule],
                "refusing to write the problem here: the file is a Carousel schedule file"
            ),
        ]
        for (arguments, message) in cases {
            let run = Run(arguments)
            #expect(run.code == 2, "\(arguments)")
            #expect(run.err.hasPrefix("error: \(arguments[arguments.firstIndex(of: "-o")! + 1]): "), "\(run.err)")
            #expect(run.err.contains(message), "\(arguments): \(run.err)")
            #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
        }
        #expect(try Self.bytes(problem) == problemBefore)
        #expect(try Self.bytes(schedule) == scheduleBefore)
        // The same kind may be replaced: a schedule by a schedule, a problem by a problem.
        #expect(Run(["solve", problem, "-o", schedule, "--moves", "100", "-q"]).code == 0)
        let generated = dir.appendingPathComponent("g.json").path
        #expect(Run(["generate", "--visitors", "100", "-o", generated]).code == 0)
        #expect(Run(["generate", "--visitors", "200", "-o", generated]).code == 0)
    }

    @Test func importCSVDoesNotOverwriteASheet() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheets = dir.appendingPathComponent("sheets").path
        #expect(Run(["template", sheets]).code == 0)
        let classes = sheets + "/classes.csv"
        let before = try Self.bytes(classes)
        let run = Run(["import", "csv", sheets, "-o", classes])
        #expect(run.code == 2)
        #expect(
            run.err.contains("refusing to write the problem here: it is the classes.csv sheet this command reads"),
            "\(run.err)")
        #expect(try Self.bytes(classes) == before)
        // A sheet given by option counts too.
        let other = dir.appendingPathComponent("more.csv").path
        try FileManager.default.copyItem(atPath: classes, toPath: other)
        let byOption = Run(["import", "csv", sheets, "--classes", other, "-o", other])
        #expect(byOption.code == 2 && byOption.err.contains("it is the classes.csv sheet"), "\(byOption.err)")
    }

    // MARK: Item 2: an overwritten file keeps its mode

    @Test func anOverwrittenFileKeepsItsMode() throws {
        let (dir, problem, schedule) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(chmod(schedule, 0o600) == 0)
        #expect(Run(["solve", problem, "-o", schedule, "--moves", "200", "-q"]).code == 0)
        var status = stat()
        #expect(stat(schedule, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(chmod(schedule, 0o640) == 0)
        try AtomicFile.write("{}", to: schedule)
        #expect(stat(schedule, &status) == 0 && status.st_mode & 0o777 == 0o640)
        // A new file gets 666 less the umask, not mkstemp's 600.
        let fresh = dir.appendingPathComponent("fresh.txt").path
        let mask = umask(0o022)
        umask(mask)
        try AtomicFile.write("x", to: fresh)
        #expect(stat(fresh, &status) == 0 && status.st_mode & 0o777 == 0o666 & ~mask)
    }

    // MARK: Item 3: no symlink race

    @Test func aPlantedLinkNeverRedirectsAWrite() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.txt").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let target = dir.appendingPathComponent("out.json").path
        // The old temporary name was predictable (`.out.json.PID.tmp`) and
        // opened following links: a link planted there received the write.
        let predictable = dir.appendingPathComponent(".out.json.\(getpid()).tmp").path
        try FileManager.default.createSymbolicLink(atPath: predictable, withDestinationPath: victim)
        try AtomicFile.write("{\"new\": true}\n", to: target)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"new\": true}\n")
        // The planted link is left alone, and no temporary file is left over.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                ".out.json.\(getpid()).tmp", "out.json", "victim.txt",
            ])
        // A link planted at the target itself is replaced, not followed.
        let planted = dir.appendingPathComponent("planted.json").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        try AtomicFile.write("replaced\n", to: planted)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        var status = stat()
        #expect(lstat(planted, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
        #expect(try String(contentsOfFile: planted, encoding: .utf8) == "replaced\n")
    }

    // MARK: Item 14: "-" for standard input and output

    @Test(.enabled(if: carouselExecutable() != nil, "the carousel executable was not built beside the tests"))
    func dashMeansStandardInputAndOutput() throws {
        let (dir, problem, schedule) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = carouselExecutable()!
        let problemBytes = [UInt8](try Self.bytes(problem)), scheduleBytes = [UInt8](try Self.bytes(schedule))
        let check = try ChildRun(exe, ["check", "-"], input: problemBytes)
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.hasPrefix("<stdin>: 8 groups"), "\(check.out)")
        let validate = try ChildRun(exe, ["validate", problem, "-", "-q"], input: scheduleBytes)
        #expect(validate.status == 0 && validate.out.contains("<stdin>: feasible"), "\(validate.out)\(validate.err)")
        // The schedule to standard output, the summary to standard error.
        let solve = try ChildRun(exe, ["solve", "-", "-o", "-", "--moves", "200", "-q"], input: problemBytes)
        #expect(solve.status == 0, "\(solve.err)")
        #expect(solve.out.hasPrefix("{\n  \"format\": \"carousel-schedule/1\""))
        #expect(solve.err.contains("wrote the schedule to standard output"))
        // CSV to standard output has no byte order mark unless asked.
        let csv = try ChildRun(
            exe, ["export", "-", "--problem", problem, "--as", "csv", "-o", "-"], input: scheduleBytes)
        #expect(csv.status == 0 && csv.out.hasPrefix("day,date,"), "\(csv.err)")
        let bom = try ChildRun(exe, ["export", schedule, "--problem", problem, "--as", "csv", "--bom"])
        #expect(bom.out.hasPrefix("\u{FEFF}day,"))
        let file = dir.appendingPathComponent("t.csv").path
        #expect(Run(["export", schedule, "--problem", problem, "--as", "csv", "-o", file]).code == 0)
        #expect(try Self.bytes(file).starts(with: [0xEF, 0xBB, 0xBF]))
        // Standard input is read once.
        let twice = try ChildRun(exe, ["validate", "-", "-"], input: problemBytes)
        #expect(
            twice.status == 2 && twice.err.hasPrefix("error: <stdin>: standard input can be read only once"),
            "\(twice.err)")
        // Errors name standard input.
        let bad = try ChildRun(exe, ["check", "-"], input: Array("{\"grups\": []}".utf8))
        #expect(bad.status == 2 && bad.err.hasPrefix("error: <stdin>:1:2: grups: unknown key"), "\(bad.err)")
        // Generate, schema, import and show use "-" too.
        #expect(try ChildRun(exe, ["generate", "--visitors", "50", "-o", "-"]).out.hasPrefix("{"))
        #expect(try ChildRun(exe, ["schema", "-o", "-"]).out.hasPrefix("{"))
        let ctt = try ChildRun(exe, ["import", "itc2007", "-"], input: Array(Self.toyCTT.utf8))
        #expect(ctt.status == 0 && ctt.out.contains("\"together\": true"), "\(ctt.err)")
        let show = try ChildRun(exe, ["show", "-", "--problem", problem, "--group", "y3-otters"], input: scheduleBytes)
        #expect(show.status == 0, "\(show.err)")
        // A folder output cannot be "-".
        let folder = Run(["export", schedule, "--problem", problem, "--as", "csv", "--by", "group", "-o", "-"])
        #expect(
            folder.code == 2 && folder.err.hasPrefix("error: -o DIR is required: csv by group writes one file each"),
            "\(folder.err)")
    }

    /// The small ITC-2007 instance that ships with the examples.
    static var toyCTT: String { (try? String(contentsOfFile: exampleFile("itc2007/toy.ctt"), encoding: .utf8)) ?? "" }
}
