import CarouselModel

/// `--help` and the command list, printed from the declarations and
/// wrapped to 80 columns.
public enum HelpText {
    public static let width = 80
    /// Where the description column starts.
    static let column = 28

    /// The help of the last command of `path` (the root and the commands
    /// below it).
    public static func render(_ path: [CommandSpec]) -> String {
        guard let command = path.last else { return "" }
        if path.count == 1 && command.requiresSubcommand { return overview(command) }
        let prefix = path.map(\.name).joined(separator: " ")
        var out = command.abstract + "\n\n" + usageBlock(command.usageLines(prefix: prefix), label: "USAGE: ")
        if !command.discussion.isEmpty { out += "\n" + command.discussion + "\n" }
        if !command.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            for p in command.positionals { out += entry(p.repeats ? p.name + "…" : p.name, p.help) }
        }
        out += "\nOPTIONS:\n"
        for o in command.options { out += entry(o.synopsis, o.helpWithDefault + (o.isRequired ? " Required." : "")) }
        out += entry("-h, --help", "Show this help.")
        if !command.subcommands.isEmpty {
            out += "\n\(command.subcommandNoun.uppercased())S:\n"
            for s in command.subcommands { out += entry(s.name, s.abstract) }
            let names = path.map(\.name)
            out +=
                "\nRun '\(names[0]) help \((names.dropFirst() + ["<\(command.subcommandNoun.split(separator: " ").last ?? "")>"]).joined(separator: " "))' for one of them.\n"
        }
        return out
    }

    /// The program's abstract, usage and command list.
    static func overview(_ root: CommandSpec) -> String {
        var out = "\(root.name) — \(root.abstract)\n\nUSAGE: \(root.name) <command> [options]\n\nCOMMANDS:\n"
        for c in root.subcommands { out += entry(c.name, c.abstract, indent: 2, column: 16) }
        out += entry("help", "Show help for a command (help COMMAND).", indent: 2, column: 16)
        out += "\nOPTIONS:\n"
        out += entry("-h, --help", "Show this list.", indent: 2, column: 16)
        out += entry("-V, --version", "Print the version.", indent: 2, column: 16)
        out += "\nRun '\(root.name) help <command>' for a command's options and examples.\n"
        return out
    }

    /// Usage lines, each wrapped at spaces so that continuations line up
    /// after the command's name.
    public static func usageBlock(_ lines: [String], label: String) -> String {
        var out = ""
        for (k, line) in lines.enumerated() {
            let lead = k == 0 ? label : String(repeating: " ", count: label.count)
            let command = line.split(separator: " ").prefix(2).joined(separator: " ")
            let hang = String(repeating: " ", count: label.count + min(command.count + 1, 30))
            var current = lead
            var first = true
            // A group too long for a line of its own breaks after its bars.
            let words = usageWords(line).flatMap { word -> [String] in
                guard hang.count + word.count > width else { return [word] }
                let parts = word.components(separatedBy: " | ")
                return parts.indices.map { k in k == parts.count - 1 ? parts[k] : parts[k] + " |" }
            }
            for word in words {
                if !first && current.count + 1 + word.count > width {
                    out += current + "\n"
                    current = hang + word
                } else {
                    current += (first ? "" : " ") + word
                }
                first = false
            }
            out += current + "\n"
        }
        return out
    }

    /// The words of a usage line, keeping `[-o FILE]` and `[--a X | --b Y]`
    /// together.
    static func usageWords(_ line: String) -> [String] {
        var words: [String] = []
        var depth = 0
        var current = ""
        for c in line {
            if c == "[" { depth += 1 }
            if c == "]" { depth -= 1 }
            if c == " " && depth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `  -o, --output FILE        Where to write…`, the description
    /// wrapped in its column.
    static func entry(_ left: String, _ text: String, indent: Int = 2, column: Int = HelpText.column) -> String {
        let pad = String(repeating: " ", count: indent)
        let lines = TerminalText.wrap(text, width: width - column)
        var out = pad + left
        if out.count + 2 > column {
            out += "\n" + String(repeating: " ", count: column)
        } else {
            out += String(repeating: " ", count: column - out.count)
        }
        out += lines.joined(separator: "\n" + String(repeating: " ", count: column)) + "\n"
        return out
    }
}
