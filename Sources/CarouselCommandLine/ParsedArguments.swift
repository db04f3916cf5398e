/// A command's arguments after parsing: every value already checked against
/// its declaration, so the accessors cannot fail; an option that was not
/// given reads as its declared default.
public struct ParsedArguments: Sendable {
    public let spec: CommandSpec
    /// Positional arguments, in order.
    public internal(set) var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(spec: CommandSpec) { self.spec = spec }

    /// Whether `--name` was given on the command line.
    public func isGiven(_ name: String) -> Bool {
        declared(name)
        return values[name] != nil || flags.contains(name)
    }

    public func flag(_ name: String) -> Bool {
        precondition(declared(name).isFlag, "--\(name) is not a flag")
        return flags.contains(name)
    }

    /// The value given, or the declared default, or nil.
    public func string(_ name: String) -> String? {
        let option = declared(name)
        return values[name] ?? option.defaultValue
    }

    public func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    public func double(_ name: String) -> Double? { string(name).flatMap { Double($0) } }

    /// A comma-separated list of numbers.
    public func numbers(_ name: String) -> [Double]? {
        string(name).map { $0.split(separator: ",").compactMap { Double($0) } }
    }

    /// A comma-separated list of words.
    public func words(_ name: String) -> [String]? {
        string(name).map { $0.split(separator: ",").map(String.init) }
    }

    /// The value as one of a fixed set of words.
    public func choice<Word: RawRepresentable>(_ name: String, as _: Word.Type = Word.self) -> Word?
    where Word.RawValue == String {
        string(name).flatMap(Word.init(rawValue:))
    }

    /// The positional declared as `name`, when given.
    public func positional(_ name: String) -> String? {
        guard let i = spec.positionals.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(spec.name) declares no positional \(name)")
        }
        return i < positionals.count ? positionals[i] : nil
    }

    /// Every value of the last, repeating positional declared as `name`.
    public func repeated(_ name: String) -> [String] {
        guard let i = spec.positionals.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(spec.name) declares no positional \(name)")
        }
        return i < positionals.count ? Array(positionals[i...]) : []
    }

    @discardableResult
    private func declared(_ name: String) -> Option {
        guard let option = spec.option(named: name) else {
            preconditionFailure("\(spec.name) declares no option --\(name)")
        }
        return option
    }
}
