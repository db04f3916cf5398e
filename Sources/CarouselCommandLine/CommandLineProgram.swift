import CarouselModel

/// A program of subcommands (`carousel solve …`): finds which command the
/// arguments name, and what was asked of it: its help, the version, or a
/// run with parsed arguments.
public struct CommandLineProgram: Sendable {
    /// The program itself: its name, abstract and commands.
    public var root: CommandSpec
    public var version: String

    public init(root: CommandSpec, version: String) {
        self.root = root
        self.version = version
    }

    /// What the arguments ask for.
    public enum Invocation: Sendable {
        /// Help for the command at the end of the path (the root for the
        /// overview); `isError` when the arguments named no command.
        case help([CommandSpec], isError: Bool)
        case version
        case run([CommandSpec], ParsedArguments)
    }

    /// A usage mistake, with the command it concerns.
    public struct Failure: Error, Sendable {
        public var error: UsageError
        /// The root and the commands below it down to the one concerned.
        public var path: [CommandSpec]
    }

    public static let helpFlags: Set<String> = ["--help", "-h"]
    public static let versionFlags: Set<String> = ["--version", "-V"]

    public func resolve(_ arguments: [String]) throws(Failure) -> Invocation {
        guard let first = arguments.first else { return .help([root], isError: true) }
        if first == "help" {
            return .help(try descend(Array(arguments.dropFirst()), strict: true).path, isError: false)
        }
        if Self.helpFlags.contains(first) { return .help([root], isError: false) }
        if Self.versionFlags.contains(first) { return .version }
        let (path, rest) = try descend(arguments, strict: false)
        let options = rest.prefix { $0 != "--" }
        if options.contains(where: Self.helpFlags.contains) { return .help(path, isError: false) }
        do {
            return .run(path, try ArgumentParser.parse(rest, for: path.last!))
        } catch {
            throw Failure(error: error, path: path)
        }
    }

    /// The commands the leading `arguments` name, and the arguments left.
    /// `strict` (for `help NAME…`): every argument must name a command.
    func descend(_ arguments: [String], strict: Bool) throws(Failure) -> (path: [CommandSpec], rest: [String]) {
        var path = [root]
        var i = 0
        while i < arguments.count, let next = path.last!.subcommand(named: arguments[i]) {
            path.append(next)
            i += 1
        }
        let current = path.last!
        let rest = Array(arguments[i...])
        guard let word = rest.first else {
            if current.requiresSubcommand && !strict && path.count > 1 {
                throw Failure(
                    error: UsageError(
                        "missing \(current.subcommandNoun): \(current.subcommands.map(\.name).joined(separator: ", "))"),
                    path: path)
            }
            return (path, rest)
        }
        let names = current.subcommands.map(\.name)
        let unknown = strict || (current.requiresSubcommand && !Self.helpFlags.contains(word))
        if unknown {
            let noun = path.count == 1 ? "command" : current.subcommandNoun
            let hint = Suggestion.closest(to: word, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            let expected = path.count == 1 ? "" : "; expected \(names.joined(separator: ", "))"
            throw Failure(error: UsageError("unknown \(noun) \"\(word)\"\(expected)\(hint)"), path: path)
        }
        return (path, rest)
    }
}
