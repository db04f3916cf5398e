/// Builds JSON text for output files: stable key order (as given), two-space
/// indentation, and short arrays of scalars kept on one line so schedules stay
/// readable in a diff.
public enum JSONOutput: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// A number printed as an integer when it is whole, else with up to six
    /// decimals (as `check.py` prints scores).
    public static func number(_ x: Double) -> JSONOutput {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return .int(Int(x)) }
        return .double((x * 1e6).rounded() / 1e6)
    }

    /// The text, ending in a newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let entries):
            if entries.isEmpty {
                out += "{}"
                return
            }
            if entries.count <= 8, entries.allSatisfy({ $0.1.isScalar || $0.1.isShortScalarArray }) {
                out += "{"
                for (i, (k, v)) in entries.enumerated() {
                    if i > 0 { out += ", " }
                    Self.escape(k, into: &out)
                    out += ": "
                    v.write(into: &out, indent: indent)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (i, (k, v)) in entries.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                Self.escape(k, into: &out)
                out += ": "
                v.write(into: &out, indent: indent + 2)
                out += i + 1 < entries.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    private var isShortScalarArray: Bool {
        if case .array(let items) = self { return items.count <= 12 && items.allSatisfy(\.isScalar) }
        return false
    }

    /// Appends `s` as a JSON string literal.
    public static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where TerminalText.needsStandIn(u):
                // Every control character (C0, DEL, C1), line separator and
                // bidirectional override as \uXXXX: the same text for a
                // program, and nothing that can drive a terminal it is shown in.
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
