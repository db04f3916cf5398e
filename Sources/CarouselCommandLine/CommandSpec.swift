import CarouselModel

/// A command declared as data: what it is for, what it takes, and its
/// subcommands. The parser checks arguments against it; usage lines,
/// `--help` and shell completions are printed from it.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line for the list of commands.
    public var abstract: String
    /// Longer help for people (paragraphs, examples).
    public var discussion: String
    public var positionals: [Positional]
    public var options: [Option]
    /// Sets of options of which at most one may be given (by long name).
    public var exclusive: [[String]]
    public var subcommands: [CommandSpec]
    /// What a subcommand stands for in messages (`import format`).
    public var subcommandNoun: String
    /// Added to "unexpected argument" errors (`give the problem with --problem`).
    public var extraArgumentHint: String?

    public init(
        name: String, abstract: String, discussion: String = "", positionals: [Positional] = [],
        options: [Option] = [], exclusive: [[String]] = [], subcommands: [CommandSpec] = [],
        subcommandNoun: String = "subcommand", extraArgumentHint: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.exclusive = exclusive
        self.subcommands = subcommands
        self.subcommandNoun = subcommandNoun
        self.extraArgumentHint = extraArgumentHint
    }

    /// A command that only groups subcommands (`import csv`, `import
    /// itc2007`) and does nothing by itself.
    public var requiresSubcommand: Bool { !subcommands.isEmpty && positionals.isEmpty && options.isEmpty }

    public func option(named name: String) -> Option? { options.first { $0.name == name } }

    public func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }

    /// The usage line of this command alone, after `prefix` (the names of
    /// the commands above it and its own): every positional, then the
    /// required options, then each set of exclusive options, then the rest.
    public func usage(prefix: String) -> String {
        if requiresSubcommand { return "\(prefix) <\(subcommandNoun.split(separator: " ").last ?? "subcommand")> …" }
        var parts = [prefix] + positionals.map(\.usageForm)
        let grouped = Set(exclusive.joined())
        parts += options.filter(\.isRequired).map(\.usageForm)
        var shownGroups = Set<Int>()
        for option in options where !option.isRequired {
            if let g = exclusive.firstIndex(where: { $0.contains(option.name) }) {
                guard shownGroups.insert(g).inserted else { continue }
                parts.append(
                    "[" + exclusive[g].compactMap { self.option(named: $0)?.usageForm }.joined(separator: " | ") + "]")
            } else if !grouped.contains(option.name) {
                parts.append("[\(option.usageForm)]")
            }
        }
        return parts.joined(separator: " ")
    }

    /// Usage lines for this command and every subcommand below it.
    public func usageLines(prefix: String) -> [String] {
        var lines = requiresSubcommand ? [] : [usage(prefix: prefix)]
        for sub in subcommands { lines += sub.usageLines(prefix: "\(prefix) \(sub.name)") }
        return lines
    }
}
