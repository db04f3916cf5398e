import CarouselCLI
import CarouselCommandLine
import Foundation
import Testing

/// Issue 13, item 18: the README renders as meant (every code block is
/// closed) and every command in it runs as written on a fresh clone: it
/// parses against the commands' declarations, and every file it reads ships
/// in the repository or is written by a command before it.
@Suite struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var readme: [String] {
        ((try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? "").components(
            separatedBy: "\n")
    }

    /// CommonMark fences: a block opens with ``` and an optional info
    /// string, and closes only with a bare ``` line.
    @Test func everyCodeBlockIsClosedBeforeTheNextOpens() {
        var open: Int?
        for (i, line) in Self.readme.enumerated() where line.hasPrefix("```") {
            let info = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if let start = open {
                #expect(
                    info.isEmpty,
                    "line \(i + 1): \"\(line)\" inside the block opened on line \(start + 1), which swallows what follows"
                )
                if info.isEmpty { open = nil }
            } else {
                open = i
            }
        }
        #expect(open == nil, "the block opened on line \((open ?? 0) + 1) is never closed")
        var inBlock = false
        for (i, line) in Self.readme.enumerated() {
            if line.hasPrefix("```") { inBlock.toggle() }
            if inBlock {
                #expect(
                    !line.hasPrefix("## ") && !line.hasPrefix("### "), "heading on line \(i + 1) is inside a code block"
                )
            }
        }
    }

    /// The commands of `sh` blocks and the `$ ` lines of output blocks.
    static func commands() -> [(line: Int, words: [String])] {
        var out: [(Int, [String])] = []
        var block: String?
        for (i, raw) in readme.enumerated() {
            if raw.hasPrefix("```") {
                block = block == nil ? String(raw.dropFirst(3)) : nil
                continue
            }
            guard let kind = block else { continue }
            var line = raw.trimmingCharacters(in: .whitespaces)
            if kind != "sh" {
                guard line.hasPrefix("$ ") else { continue }
                line.removeFirst(2)
            }
            let words = shellWords(line)
            if !words.isEmpty { out.append((i + 1, words)) }
        }
        return out
    }

    /// Words of a shell line: quotes removed, `# comment` dropped, globs
    /// expanded against the repository.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = "", quote: Character?, started = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                started = true
            } else if c == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else if c == "#" && current.isEmpty && !started {
                break
            } else {
                current.append(c)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words.flatMap { word -> [String] in
            guard word.contains("*") else { return [word] }
            let url = URL(fileURLWithPath: word)
            let folder = url.deletingLastPathComponent().relativePath, pattern = url.lastPathComponent
            let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
            let names =
                ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasPrefix(parts[0]) && $0.hasSuffix(parts.last!) }.sorted()
            return names.map { folder + "/" + $0 }
        }
    }

    @Test func everyCommandRunsAsWrittenOnAFreshClone() throws {
        let commands = Self.commands()
        #expect(commands.count > 20)
        var produced: [String] = []
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path)
                || produced.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        for (line, words) in commands {
            var arguments = words
            if arguments.starts(with: ["swift", "run", "-c", "release", "carousel"]) {
                arguments.removeFirst(5)
            } else if arguments.first == "swift" {
                // `swift test`, `swift run … CarouselBenchmarks`: not the CLI's.
                continue
            } else if arguments.first == "export" {
                continue
            } else {
                #expect(arguments.first == "carousel", "line \(line): \(words.joined(separator: " "))")
                arguments.removeFirst()
            }
            let invocation: CommandLineProgram.Invocation
            do {
                invocation = try CarouselTool.program.resolve(arguments)
            } catch {
                Issue.record("README line \(line): \(words.joined(separator: " ")): \(error.error.message)")
                continue
            }
            guard case .run(let path, let parsed) = invocation, let spec = path.last else { continue }
            let writesFolder = spec.name == "template"
            for (k, value) in parsed.positionals.enumerated() where value != "-" {
                let positional = spec.positionals[min(k, spec.positionals.count - 1)]
                guard [ValueKind.file, .path, .folder].contains(positional.value) else { continue }
                if writesFolder {
                    produced.append(value)
                } else {
                    #expect(
                        exists(value),
                        "README line \(line): \(value) is neither in the repository nor written by an earlier command")
                }
            }
            if writesFolder && parsed.positionals.isEmpty { produced.append(".") }
            for option in spec.options where parsed.isGiven(option.name) && !option.isFlag {
                guard let value = parsed.string(option.name), value != "-",
                    [ValueKind.file, .path, .folder].contains(option.value!)
                else { continue }
                if ["output", "save"].contains(option.name) {
                    produced.append(value)
                } else {
                    #expect(
                        exists(value),
                        "README line \(line): --\(option.name) \(value) is neither in the repository nor written by an earlier command"
                    )
                }
            }
            // The outputs a command writes without -o.
            if spec.name == "solve" && !parsed.isGiven("output"), let problem = parsed.positional("PROBLEM") {
                produced.append(
                    URL(fileURLWithPath: problem).deletingPathExtension().lastPathComponent + ".schedule.json")
            }
            if spec.name == "repair" && !parsed.isGiven("output"), let old = parsed.positional("OLD_SCHEDULE") {
                produced.append((old.hasSuffix(".json") ? String(old.dropLast(5)) : old) + ".repaired.json")
            }
        }
    }

    /// The synopses in the README's headings (`### carousel solve PROBLEM
    /// [-o SCHEDULE] …`) name only options the commands declare.
    @Test func synopsesNameOnlyDeclaredOptions() {
        for (i, line) in Self.readme.enumerated() where line.hasPrefix("### `carousel ") || line.hasPrefix("`carousel ")
        {
            for synopsis in line.components(separatedBy: "`").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element)
            where synopsis.hasPrefix("carousel ") {
                let words = synopsis.split(separator: " ").map(String.init)
                var path: [CommandSpec] = [CarouselTool.program.root]
                for word in words.dropFirst() {
                    guard let sub = path.last!.subcommand(named: word) else { break }
                    path.append(sub)
                }
                let spec = path.last!
                for word in words where word.hasPrefix("-") {
                    let name = word.trimmingCharacters(in: CharacterSet(charactersIn: "[]|"))
                    guard name.count > 1 else { continue }
                    let known = spec.options.contains { "--\($0.name)" == name || $0.short.map { "-\($0)" } == name }
                    #expect(known || name == "--help", "README line \(i + 1): \(spec.name) declares no \(name)")
                }
            }
        }
    }
}
