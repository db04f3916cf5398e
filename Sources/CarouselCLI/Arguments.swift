import CarouselModel

/// A command-line usage mistake: printed as one line plus the usage, exit 2.
public struct UsageError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One option a command accepts.
struct OptionSpec {
    /// Long name without dashes, e.g. `time-limit`.
    var name: String
    /// Optional one-letter alias, e.g. `o`.
    var short: Character?
    /// Placeholder for the value (`S`, `FILE`); nil for a flag.
    var value: String?
    var help: String

    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, value: nil, help: help)
    }

    static func option(_ name: String, short: Character? = nil, value: String, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, value: value, help: help)
    }
}

/// The arguments of one command after parsing, with typed accessors that say
/// what to type instead when a value is wrong.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func string(_ name: String) -> String? { values[name] }

    func double(_ name: String, default value: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = values[name] else { return value }
        guard let x = Double(text), x.isFinite, range.contains(x) else {
            throw UsageError(message: "--\(name) expects a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted), got \"\(text)\"")
        }
        return x
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = values[name] else { return value }
        guard let x = Int(text), range.contains(x) else {
            throw UsageError(message: "--\(name) expects a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return x
    }

    /// The value of `--name` as one of a fixed set of words, or nil when the
    /// option was not given.
    func choice<Word: RawRepresentable & CaseIterable>(_ name: String, as _: Word.Type = Word.self) throws(UsageError) -> Word?
    where Word.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let word = Word(rawValue: text) else {
            let known = Word.allCases.map(\.rawValue)
            throw UsageError(message: "--\(name) expects one of \(known.joined(separator: ", ")), got \"\(text)\"\(didYouMean(text, among: known))")
        }
        return word
    }
}

extension Double {
    /// `30` rather than `30.0`.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// Parses `arguments` against `options`, expecting `positionals` names;
/// names in brackets (`[DIR]`) are optional and come last, and a last name
/// ending in "…" (`SCENARIO…`) takes one or more.
func parseArguments(_ arguments: [String], options: [OptionSpec], positionals: [String]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
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
        var name: String
        var inlineValue: String?
        let spec: OptionSpec?
        if arg.hasPrefix("--") {
            name = String(arg.dropFirst(2))
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            spec = options.first { $0.name == name }
        } else {
            let letter = arg.dropFirst().first
            spec = arg.count == 2 ? options.first { $0.short == letter } : nil
            name = spec?.name ?? String(arg.dropFirst())
        }
        guard let spec else {
            let hint = Suggestion.closest(to: name, among: options.map(\.name)).map { " (did you mean --\($0)?)" } ?? ""
            throw UsageError(message: "unknown option \(arg)\(hint)")
        }
        if let placeholder = spec.value {
            if let inlineValue {
                parsed.values[spec.name] = inlineValue
            } else {
                guard i < arguments.count else { throw UsageError(message: "--\(spec.name) needs a value (\(placeholder))") }
                parsed.values[spec.name] = arguments[i]
                i += 1
            }
        } else {
            guard inlineValue == nil else { throw UsageError(message: "--\(spec.name) is a flag and takes no value") }
            parsed.flags.insert(spec.name)
        }
    }
    let required = positionals.filter { !$0.hasPrefix("[") }.count
    if parsed.positionals.count < required {
        let missing = positionals[parsed.positionals.count..<required].joined(separator: " ")
        throw UsageError(message: "missing \(missing)")
    }
    if parsed.positionals.count > positionals.count && positionals.last?.hasSuffix("…") != true {
        throw UsageError(message: "unexpected argument \"\(parsed.positionals[positionals.count])\"")
    }
    return parsed
}
