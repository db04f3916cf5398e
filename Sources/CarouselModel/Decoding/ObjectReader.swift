/// Typed, located access to one JSON object of an input file. Every accessor
/// throws an `InputError` that names the file, the line:column and the JSON
/// path, and says what was expected.
struct ObjectReader {
    let file: String
    let path: String
    let object: JSONObject
    let location: SourcePosition

    /// Reads `value` as an object whose keys must all be in `allowed`
    /// (nil: any key, for maps such as a site's `travel`); an unknown key is
    /// an error with a "did you mean" hint.
    init(_ value: JSONValue, path: String, file: String, allowed: [String]?) throws(InputError) {
        guard let object = value.object else {
            throw InputError(
                file: file, location: value.location, path: path,
                message: "expected an object, got \(value.kindName)")
        }
        self.file = file
        self.path = path
        self.object = object
        self.location = value.location
        guard let allowed else { return }
        for entry in object.entries where !allowed.contains(entry.key) {
            let hint = Suggestion.hint(for: entry.key, among: allowed)
            throw InputError(
                file: file, location: entry.keyLocation, path: path.isEmpty ? entry.key : "\(path).\(entry.key)",
                message: "unknown key \"\(entry.key)\"; expected one of \(allowed.joined(separator: ", "))",
                hint: hint)
        }
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { object[key] != nil }

    func value(_ key: String) -> JSONValue? { object[key] }

    func error(_ key: String?, _ message: String, hint: String? = nil) -> InputError {
        let at = key.flatMap { object[$0]?.location } ?? location
        return InputError(file: file, location: at, path: key.map(childPath) ?? path, message: message, hint: hint)
    }

    func string(_ key: String) throws(InputError) -> String? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let s = v.string else { throw error(key, "expected a string, got \(v.kindName)") }
        return s
    }

    func requiredString(_ key: String, what: String = "a string") throws(InputError) -> String {
        guard let v = object[key] else { throw error(nil, "missing \"\(key)\" (\(what))") }
        guard let s = v.string else { throw error(key, "expected \(what), got \(v.kindName)") }
        return s
    }

    /// The id of an entity: a non-empty string that `Identifier` accepts,
    /// unique among `seen`.
    func id(unique seen: [String: Int]) throws(InputError) -> String {
        let id = try requiredString("id", what: "a non-empty string id")
        guard !id.isEmpty else { throw error("id", "expected a non-empty string id") }
        if let problem = Identifier.problem(with: id) { throw error("id", problem) }
        if let other = seen[id] { throw error("id", "duplicate id \"\(id)\" (already used by entry \(other))") }
        return id
    }

    func bool(_ key: String) throws(InputError) -> Bool? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let b = v.bool else { throw error(key, "expected true or false, got \(v.kindName)") }
        return b
    }

    func int(_ key: String, minimum: Int? = nil, maximum: Int = 1_000_000_000) throws(InputError) -> Int? {
        guard let v = object[key], !v.isNull else { return nil }
        return try Self.int(v, path: childPath(key), file: file, minimum: minimum, maximum: maximum)
    }

    static func int(_ v: JSONValue, path: String, file: String, minimum: Int?, maximum: Int) throws(InputError) -> Int {
        guard let n = v.number else {
            throw InputError(
                file: file, location: v.location, path: path, message: "expected a whole number, got \(v.kindName)")
        }
        guard let i = n.integer else {
            let d = n.double
            if !d.isFinite || (d == d.rounded() && abs(d) >= 9.0e15) {
                let limit = d < 0 ? "≥ \(minimum ?? -maximum)" : "≤ \(maximum)"
                throw InputError(
                    file: file, location: v.location, path: path, message: "expected a number \(limit), got \(n.text)")
            }
            throw InputError(
                file: file, location: v.location, path: path,
                message: "expected a whole number, got \(n.text)")
        }
        if let minimum, i < minimum {
            throw InputError(
                file: file, location: v.location, path: path, message: "expected a number ≥ \(minimum), got \(i)")
        }
        if i > maximum {
            throw InputError(
                file: file, location: v.location, path: path,
                message: "expected a number ≤ \(maximum), got \(n.text)")
        }
        return i
    }

    /// The list at `key`, nil when the key is absent. `null` is an error,
    /// as in `check.py`: `"groups": null` is a mistake, not an empty event.
    func list(_ key: String) throws(InputError) -> [JSONValue]? {
        guard let v = object[key] else { return nil }
        guard let a = v.array else {
            throw error(
                key, "expected a list, got \(v.kindName)",
                hint: v.isNull ? "leave the key out, or write [] for none" : nil)
        }
        return a
    }

    /// A list of strings, each with its path and location.
    func strings(_ key: String) throws(InputError) -> [(value: String, item: JSONValue, path: String)]? {
        guard let items = try list(key) else { return nil }
        var out: [(String, JSONValue, String)] = []
        for (i, item) in items.enumerated() {
            let p = "\(childPath(key))[\(i)]"
            guard let s = item.string else {
                throw InputError(
                    file: file, location: item.location, path: p, message: "expected a string, got \(item.kindName)")
            }
            out.append((s, item, p))
        }
        return out
    }

    func stringSet(_ key: String) throws(InputError) -> Set<String> {
        Set((try strings(key) ?? []).map(\.value))
    }
}
