import CarouselModel
import Foundation

/// A small JSON Schema (draft 2020-12) validator for the keywords
/// `ProblemSchema` uses: `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `const`, `minimum`, `maximum`,
/// `minItems`, `maxItems`, `minLength`, `uniqueItems`, `pattern`, `oneOf`,
/// `anyOf` and local `$ref` into `$defs`. A keyword it does not know is
/// reported as an error, so the schema cannot outgrow the validator unseen.
struct JSONSchemaValidator {
    let root: JSONValue

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "default"]

    /// Every way `instance` breaks the schema, as `path: reason` lines.
    func errors(_ instance: JSONValue) -> [String] {
        var out: [String] = []
        validate(instance, against: root, path: "$", into: &out)
        return out
    }

    private func validate(_ value: JSONValue, against schema: JSONValue, path: String, into out: inout [String]) {
        if let b = schema.bool {
            if !b { out.append("\(path): no value is allowed here") }
            return
        }
        guard let s = schema.object else {
            out.append("\(path): schema is not an object")
            return
        }
        for entry in s.entries {
            let k = entry.value
            switch entry.key {
            case _ where Self.annotations.contains(entry.key): continue
            case "$ref":
                guard let ref = k.string, ref.hasPrefix("#/$defs/"),
                    let target = root.object?["$defs"]?.object?[String(ref.dropFirst(8))]
                else {
                    out.append("\(path): unresolvable $ref \(k.string ?? "?")")
                    continue
                }
                validate(value, against: target, path: path, into: &out)
            case "type":
                let types = k.array?.compactMap(\.string) ?? [k.string ?? ""]
                if !types.contains(where: { Self.has(value, type: $0) }) {
                    out.append("\(path): expected \(types.joined(separator: " or ")), got \(value.kindName)")
                }
            case "properties":
                guard let o = value.object else { continue }
                for p in k.object?.entries ?? [] {
                    if let v = o[p.key] { validate(v, against: p.value, path: "\(path).\(p.key)", into: &out) }
                }
            case "required":
                guard let o = value.object else { continue }
                for r in k.array?.compactMap(\.string) ?? [] where o[r] == nil {
                    out.append("\(path): missing required \(r)")
                }
            case "additionalProperties":
                guard let o = value.object else { continue }
                let known = Set(s["properties"]?.object?.keys ?? [])
                for e in o.entries where !known.contains(e.key) {
                    validate(e.value, against: k, path: "\(path).\(e.key)", into: &out)
                }
            case "items":
                for (i, item) in (value.array ?? []).enumerated() {
                    validate(item, against: k, path: "\(path)[\(i)]", into: &out)
                }
            case "enum":
                if !(k.array ?? []).contains(where: { Self.canonical($0) == Self.canonical(value) }) {
                    out.append("\(path): not one of the allowed values")
                }
            case "const":
                if Self.canonical(k) != Self.canonical(value) { out.append("\(path): must be \(Self.canonical(k))") }
            case "minimum":
                if let x = value.number?.double, let m = k.number?.double, x < m {
                    out.append("\(path): below the minimum \(m)")
                }
            case "maximum":
                if let x = value.number?.double, let m = k.number?.double, x > m {
                    out.append("\(path): above the maximum \(m)")
                }
            case "minItems":
                if let a = value.array, let m = k.number?.integer, a.count < m {
                    out.append("\(path): fewer than \(m) items")
                }
            case "maxItems":
                if let a = value.array, let m = k.number?.integer, a.count > m {
                    out.append("\(path): more than \(m) items")
                }
            case "minLength":
                if let t = value.string, let m = k.number?.integer, t.unicodeScalars.count < m {
                    out.append("\(path): shorter than \(m)")
                }
            case "uniqueItems":
                if k.bool == true, let a = value.array, Set(a.map(Self.canonical)).count != a.count {
                    out.append("\(path): items are not unique")
                }
            case "pattern":
                guard let t = value.string else { continue }
                guard let regex = try? NSRegularExpression(pattern: k.string ?? "") else {
                    out.append("\(path): bad pattern")
                    continue
                }
                if regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) == nil {
                    out.append("\(path): \"\(t)\" does not match \(k.string!)")
                }
            case "oneOf", "anyOf":
                let matches = (k.array ?? []).filter { sub in
                    var errs: [String] = []
                    validate(value, against: sub, path: path, into: &errs)
                    return errs.isEmpty
                }.count
                if entry.key == "oneOf" ? matches != 1 : matches == 0 {
                    out.append("\(path): matches \(matches) of the \(entry.key) alternatives")
                }
            default:
                out.append("\(path): the validator does not know the keyword \(entry.key)")
            }
        }
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value.kind) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number(let n)): n.integer != nil
        default: false
        }
    }

    /// A canonical text of a value, for equality.
    static func canonical(_ value: JSONValue) -> String {
        switch value.kind {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.integer.map(String.init) ?? String(n.double)
        case .string(let s): "\"" + s + "\""
        case .array(let a): "[" + a.map(canonical).joined(separator: ",") + "]"
        case .object(let o):
            "{"
                + o.entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\":" + canonical($0.value) }.joined(
                    separator: ",") + "}"
        }
    }
}
