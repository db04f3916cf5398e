/// A parsed JSON value that remembers where it came from, so that every later
/// error (a wrong type, an unknown id) can name the line and column.
public struct JSONValue: Sendable {
    /// The JSON kinds. Numbers keep their source text so that integers are
    /// read exactly and huge values are reported instead of rounded.
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public var kind: Kind
    public var location: SourcePosition

    public init(_ kind: Kind, at location: SourcePosition) {
        self.kind = kind
        self.location = location
    }

    /// The kind in words, for "expected X, got Y" messages.
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    public var isNull: Bool { if case .null = kind { true } else { false } }
    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = kind { b } else { nil } }
    public var number: JSONNumber? { if case .number(let n) = kind { n } else { nil } }
    public var array: [JSONValue]? { if case .array(let a) = kind { a } else { nil } }
    public var object: JSONObject? { if case .object(let o) = kind { o } else { nil } }
}

/// A JSON number as written, with exact integer access.
public struct JSONNumber: Sendable, Hashable {
    /// The literal as it appeared in the file.
    public var text: String

    public init(text: String) { self.text = text }

    /// The value as a `Double` (may be rounded or infinite for huge literals).
    public var double: Double { Double(text) ?? .nan }

    /// The value as an `Int` when it is a whole number that fits, else nil.
    /// `3.0` and `3e2` are whole numbers; `3.5` and `1e400` are not.
    public var integer: Int? {
        if let i = Int(text) { return i }
        let d = double
        guard d.isFinite, d == d.rounded(), abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }
}

/// A JSON object: its entries in file order, with the location of each key.
public struct JSONObject: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourcePosition
        public var value: JSONValue

        public init(key: String, keyLocation: SourcePosition, value: JSONValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The value under `key`, or nil. Linear: objects here are small.
    public subscript(key: String) -> JSONValue? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }
}
