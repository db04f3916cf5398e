/// One option a command accepts, declared once: its name, value, help and
/// default. Usage lines, `--help`, shell completions and the parser's
/// checks all come from this declaration.
public struct Option: Sendable {
    /// Long name without dashes, e.g. `time-limit`.
    public var name: String
    /// One-letter alias, e.g. `o` for `-o`.
    public var short: Character?
    /// The value's kind, or nil for a flag.
    public var value: ValueKind?
    /// Placeholder for the value in usage and help (`S`, `FILE`).
    public var placeholder: String
    /// One sentence for `--help`.
    public var help: String
    /// The value used when the option is not given (checked like a given
    /// one), shown in help as "(default: …)".
    public var defaultValue: String?
    /// What happens without the option when no single value says it
    /// (`standard output`), shown in help as "(default: …)".
    public var defaultNote: String?
    /// The command cannot run without it.
    public var isRequired: Bool

    /// A flag: present or not.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> Option {
        Option(
            name: name, short: short, value: nil, placeholder: "", help: help, defaultValue: nil, defaultNote: nil,
            isRequired: false)
    }

    /// An option that takes a value.
    public static func value(
        _ name: String, short: Character? = nil, _ placeholder: String, _ kind: ValueKind = .text,
        default defaultValue: String? = nil, defaultNote: String? = nil, required: Bool = false,
        help: String
    ) -> Option {
        Option(
            name: name, short: short, value: kind, placeholder: placeholder, help: help, defaultValue: defaultValue,
            defaultNote: defaultNote, isRequired: required)
    }

    public var isFlag: Bool { value == nil }

    /// `-o, --output FILE` or `--json`.
    public var synopsis: String {
        (short.map { "-\($0), " } ?? "") + "--\(name)" + (isFlag ? "" : " \(placeholder)")
    }

    /// `--output FILE` (the long form, for messages).
    public var longForm: String { "--\(name)" + (isFlag ? "" : " \(placeholder)") }

    /// How the option appears in a usage line: `-o FILE` (short form when
    /// there is one), `--json`.
    var usageForm: String {
        let flag = short.map { "-\($0)" } ?? "--\(name)"
        return isFlag ? flag : "\(flag) \(placeholder)"
    }

    /// The help sentence with its default.
    public var helpWithDefault: String {
        guard let shown = defaultNote ?? defaultValue else { return help }
        var text = help
        let end = text.last == "." ? text.removeLast() : nil
        text += " (default: \(shown))"
        if let end { text.append(end) }
        return text
    }
}

/// One positional argument.
public struct Positional: Sendable {
    /// The placeholder, e.g. `PROBLEM`.
    public var name: String
    public var value: ValueKind
    public var help: String
    public var isOptional: Bool
    /// Takes one or more values (only the last positional).
    public var repeats: Bool

    public init(_ name: String, _ value: ValueKind = .file, optional: Bool = false, repeats: Bool = false, help: String)
    {
        self.name = name
        self.value = value
        self.help = help
        isOptional = optional
        self.repeats = repeats
    }

    /// `PROBLEM`, `[FOLDER]`, `SCENARIO…`.
    var usageForm: String {
        let core = repeats ? name + "…" : name
        return isOptional ? "[\(core)]" : core
    }
}
