import CarouselCLI
import CarouselCommandLine
import Foundation
import Testing

/// Issue 13, item 16, and issue 14, item 5: options declared once, and
/// usage lines, `--help`, completions and validation all derived from the
/// declarations; nested subcommands; the benchmarks on the same parser.
@Suite struct CommandLineTests {
    /// Every command below the root, with its path of names.
    static func commands(_ spec: CommandSpec = CarouselTool.program.root, path: [String] = []) -> [(
        path: [String], spec: CommandSpec
    )] {
        spec.subcommands.flatMap { sub in [(path + [sub.name], sub)] + commands(sub, path: path + [sub.name]) }
    }

    @Test func everyUsageLineListsEveryOptionTheCommandTakes() {
        for (path, spec) in Self.commands() where !spec.requiresSubcommand {
            let usage = spec.usage(prefix: (["carousel"] + path).joined(separator: " "))
            for option in spec.options {
                let form =
                    (option.short.map { "-\($0)" } ?? "--\(option.name)")
                    + (option.isFlag ? "" : " \(option.placeholder)")
                #expect(usage.contains(form), "\(path): \(usage) lacks \(form)")
            }
            for positional in spec.positionals { #expect(usage.contains(positional.name), "\(usage)") }
        }
        // The ones the issue found missing.
        let help = Run(["help", "solve"]).out.flattened
        #expect(help.contains("[--first]") && help.contains("[--moves N]"))
        #expect(Run(["help", "capacity"]).out.flattened.contains("[--seed N]"))
        #expect(Run(["help", "export"]).out.flattened.contains("[--no-bom]"))
    }

    @Test func helpIsPrintedFromTheDeclarations() {
        for (path, spec) in Self.commands() {
            let run = Run(path + ["--help"])
            #expect(run.code == 0, "\(path)")
            #expect(Run(["help"] + path).out == run.out)
            #expect(run.out.hasPrefix(spec.abstract), "\(path)")
            for option in spec.options {
                #expect(run.out.contains(option.synopsis), "\(path): \(option.synopsis)")
                if let shown = option.defaultValue ?? option.defaultNote {
                    #expect(run.out.flattened.contains("(default: \(shown))"), "\(path) --\(option.name)")
                }
            }
            for sub in spec.subcommands { #expect(run.out.contains("  \(sub.name) "), "\(path): \(sub.name)") }
            #expect(run.out.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(path)")
        }
    }

    @Test func helpForAnUnknownCommandExitsTwo() {
        let run = Run(["help", "sovle"])
        #expect(run.code == 2)
        #expect(
            run.err
                == "error: unknown command \"sovle\" (did you mean \"solve\"?)\nRun 'carousel help' for the list of commands.\n"
        )
        let sub = Run(["help", "import", "cvs"])
        #expect(
            sub.code == 2
                && sub.err.hasPrefix(
                    "error: unknown import format \"cvs\"; expected csv, itc2007 (did you mean \"csv\"?)\n")
        )
    }

    @Test func versionHasAShortFlag() {
        for flag in ["-V", "--version"] {
            let run = Run([flag])
            #expect(run.code == 0 && run.out == "carousel \(CarouselTool.version)\n")
        }
    }

    @Test func valuesAreCheckedByTheirDeclaredKind() {
        let cases: [([String], String)] = [
            (
                ["solve", example("stem-week"), "--seed", "x"],
                "error: --seed expects a whole number from 0 to 9223372036854775807, got \"x\""
            ),
            (
                ["solve", example("stem-week"), "--threads", "0"],
                "error: --threads expects a whole number from 1 to 256, got \"0\""
            ),
            (
                ["capacity", example("stem-week"), "--like", "a", "--time-limit", "-1"],
                "error: --time-limit expects a number from 0 to 1000000, got \"-1\""
            ),
            (
                ["show", "s.json", "--problem", "p.json", "--width", "10"],
                "error: --width expects a whole number from 40 to 1000, got \"10\""
            ),
            (["completions", "fish"], "error: SHELL expects one of bash, zsh, got \"fish\""),
            (
                ["capacity", example("stem-week"), "--like", "a", "--day", "mon", "--per-day"],
                "error: give at most one of --day, --per-day"
            ),
            (["capacity", example("stem-week")], "error: --like GROUP is required: the group to copy"),
            (["solve", example("stem-week"), "--seed", "1", "--seed", "2"], "error: --seed N is given twice"),
            (["import"], "error: missing import format: csv, itc2007"),
            (
                ["import", "cvs", "dir"],
                "error: unknown import format \"cvs\"; expected csv, itc2007 (did you mean \"csv\"?)"
            ),
        ]
        for (arguments, message) in cases {
            let run = Run(arguments)
            #expect(run.code == 2, "\(arguments)")
            #expect(run.err.hasPrefix(message + "\n"), "\(arguments): \(run.err)")
            #expect(run.err.contains("usage: carousel \(arguments[0])"), "\(run.err)")
        }
    }

    @Test func subcommandsAreRealCommands() {
        let csv = Run(["import", "csv", "--help"])
        #expect(
            csv.out.contains("USAGE: carousel import csv [FOLDER] [-o PROBLEM]")
                && csv.out.flattened.contains("[--classes FILE]"), "\(csv.out)")
        #expect(!csv.out.contains("itc2007:"))
        let itc = Run(["export", "itc2007", "--help"])
        #expect(
            itc.out.contains("USAGE: carousel export itc2007 PROBLEM SCHEDULE [-o FILE.sol] [--ctt FILE.ctt]"),
            "\(itc.out)")
        let export = Run(["help", "export"])
        #expect(export.out.contains("       carousel export itc2007 PROBLEM SCHEDULE"), "\(export.out)")
        #expect(export.out.contains("IMPORT FORMATS") == false && export.out.contains("SUBCOMMANDS:\n  itc2007"))
        let sheets = Run(["import", "csv", "--days", "x.csv", "--bogus"])
        #expect(sheets.err.hasPrefix("error: unknown option --bogus\nusage: carousel import csv"), "\(sheets.err)")
    }

    // MARK: Completions

    static func completionScript(_ shell: String) throws -> URL {
        let dir = try temporaryFolder()
        let run = Run(["completions", shell])
        #expect(run.code == 0)
        let url = dir.appendingPathComponent(shell == "zsh" ? "_carousel" : "carousel.bash")
        try run.out.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs the bash completion function for `words` (the last one being
    /// completed) in the repository's folder, and returns what it offers.
    static func complete(_ script: URL, _ words: [String]) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let root = URL(fileURLWithPath: example("stem-week")).deletingLastPathComponent().deletingLastPathComponent()
            .path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            "cd '\(root)' && source '\(script.path)' && COMP_WORDS=(\(quoted)) && COMP_CWORD=\(words.count - 1) && _carousel && printf '%s\\n' \"${COMPREPLY[@]}\"",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            .map(String.init)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
    func bashCompletesCommandsOptionsAndValuesFromTheDeclarations() throws {
        let script = try Self.completionScript("bash")
        defer { try? FileManager.default.removeItem(at: script.deletingLastPathComponent()) }
        #expect(try Self.complete(script, ["carousel", "so"]) == ["solve"])
        #expect(
            try Self.complete(script, ["carousel", "export", "s.json", "--as", ""]) == ["html", "csv", "ics", "text"])
        #expect(try Self.complete(script, ["carousel", "import", ""]) == ["csv", "itc2007"])
        #expect(try Self.complete(script, ["carousel", "export", "itc2007", "--c"]) == ["--ctt"])
        #expect(try Self.complete(script, ["carousel", "solve", "Examples/stem-w"]) == ["Examples/stem-week.json"])
        #expect(try Self.complete(script, ["carousel", "completions", ""]) == ["bash", "zsh"])
        // Every option of every command is offered after "--".
        for (path, spec) in Self.commands() where !spec.options.isEmpty {
            let offered = try Self.complete(script, ["carousel"] + path + ["--"])
            for option in spec.options { #expect(offered.contains("--\(option.name)"), "\(path): --\(option.name)") }
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")
                || FileManager.default.isExecutableFile(atPath: "/bin/zsh"),
            "zsh is not installed"))
    func zshScriptLoadsAndRegistersItself() throws {
        let script = try Self.completionScript("zsh")
        defer { try? FileManager.default.removeItem(at: script.deletingLastPathComponent()) }
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") ? "/usr/bin/zsh" : "/bin/zsh")
        process.arguments = [
            "-f", "-c",
            "zsh -n '\(script.path)' && autoload -U compinit && compinit -u -D && source '\(script.path)' && print -r -- $_comps[carousel] && whence -w _carousel_import_csv",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(
            String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                == "_carousel\n_carousel_import_csv: function\n")
        let text = try String(contentsOf: script, encoding: .utf8)
        for (_, spec) in Self.commands() {
            for option in spec.options { #expect(text.contains("--\(option.name)"), "--\(option.name)") }
        }
    }

    // MARK: The benchmarks use the same parser

    @Test(.enabled(if: benchmarksExecutable() != nil, "the benchmark executable was not built beside the tests"))
    func theBenchmarksRefuseABadValueInsteadOfUsingADefault() throws {
        let exe = benchmarksExecutable()!
        let cases: [([String], String)] = [
            (
                ["--limits", "1,soon"],
                "error: --limits expects numbers from 0 to 1000000 separated by commas, got \"1,soon\""
            ),
            (["--threads", "two"], "error: --threads expects a whole number from 1 to 256, got \"two\""),
            (["--itc2007", "--jobs", "0"], "error: --jobs expects a whole number from 1 to 64, got \"0\""),
            (
                ["--throughput", "--repeats", "many"],
                "error: --repeats expects a whole number from 1 to 1000, got \"many\""
            ),
            (
                ["--single", "p.json", "seed", "10", "1"],
                "error: SEED expects a whole number from 0 to 9223372036854775807, got \"seed\""
            ),
            (["--quick", "--limts", "1"], "error: unknown option --limts (did you mean --limits?)"),
        ]
        for (arguments, message) in cases {
            let run = try ChildRun(exe, arguments)
            #expect(run.status == 2, "\(arguments): \(run.err)")
            #expect(run.err.hasPrefix(message + "\nusage: CarouselBenchmarks"), "\(arguments): \(run.err)")
        }
        let help = try ChildRun(exe, ["--help"])
        #expect(help.status == 0 && help.err.contains("--throughput-repeats N") && help.err.contains("--itc2007"))
    }
}
