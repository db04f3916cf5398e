import CarouselModel

/// Parses one command's arguments against its `CommandSpec`.
///
/// `--name value`, `--name=value`, `-o value`; `--` ends the options; `-`
/// alone is a positional (standard input or output). Every value is checked
/// against its declared kind, then the positionals are counted, required
/// options demanded and exclusive options kept apart, so a command's `run`
/// starts from arguments that are already valid.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec)
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            let (option, inlineValue) = try recognise(arg, in: spec)
            if parsed.isGiven(option.name) {
                throw UsageError("\(option.isFlag ? "--\(option.name)" : option.longForm) is given twice")
            }
            guard let kind = option.value else {
                guard inlineValue == nil else { throw UsageError("--\(option.name) is a flag and takes no value") }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else {
                    throw UsageError("--\(option.name) needs a value (\(option.placeholder))")
                }
                value = arguments[i]
                i += 1
            }
            try check(value, kind, name: "--\(option.name)")
            parsed.values[option.name] = value
        }
        try checkPositionals(parsed.positionals, spec: spec)
        for option in spec.options where option.isRequired && !parsed.isGiven(option.name) {
            throw UsageError("\(option.longForm) is required: \(sentenceFragment(option.help))")
        }
        for group in spec.exclusive where group.filter(parsed.isGiven).count > 1 {
            let names = group.map { "--\($0)" }
            throw UsageError("give at most one of \(names.joined(separator: ", "))")
        }
        return parsed
    }

    /// The option `arg` names, and a value written into it (`--seed=7`).
    static func recognise(_ arg: String, in spec: CommandSpec) throws(UsageError) -> (Option, String?) {
        if arg.hasPrefix("--") {
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if let option = spec.option(named: name) { return (option, inlineValue) }
            let hint =
                Suggestion.closest(to: name, among: spec.options.map(\.name)).map { " (did you mean --\($0)?)" } ?? ""
            throw UsageError("unknown option --\(name)\(hint)")
        }
        let letter = arg.dropFirst().first
        if arg.count == 2, let option = spec.options.first(where: { $0.short == letter }) { return (option, nil) }
        let hint =
            Suggestion.closest(to: String(arg.dropFirst()), among: spec.options.map(\.name)).map {
                " (did you mean --\($0)?)"
            } ?? ""
        throw UsageError("unknown option \(arg)\(hint)")
    }

    static func check(_ value: String, _ kind: ValueKind, name: String) throws(UsageError) {
        guard let expected = kind.problem(with: value) else { return }
        var hint = ""
        if case .choice(let words) = kind {
            hint = Suggestion.closest(to: value, among: words).map { " (did you mean \"\($0)\"?)" } ?? ""
        }
        throw UsageError("\(name) expects \(expected), got \"\(value)\"\(hint)")
    }

    static func checkPositionals(_ given: [String], spec: CommandSpec) throws(UsageError) {
        let declared = spec.positionals
        let required = declared.filter { !$0.isOptional }.count
        if given.count < required {
            throw UsageError("missing \(declared[given.count..<required].map(\.name).joined(separator: " "))")
        }
        if given.count > declared.count && declared.last?.repeats != true {
            let hint = spec.extraArgumentHint.map { "; \($0)" } ?? ""
            throw UsageError("unexpected argument \"\(given[declared.count])\"\(hint)")
        }
        for (k, text) in given.enumerated() {
            try check(text, declared[min(k, declared.count - 1)].value, name: declared[min(k, declared.count - 1)].name)
        }
    }

    /// `The group to copy.` → `the group to copy`.
    static func sentenceFragment(_ help: String) -> String {
        var text = help
        if text.last == "." { text.removeLast() }
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? true else {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }
}
