import CarouselCLI
import CarouselModel
import Foundation
import Testing

// MARK: - Deterministic randomness

/// FuzzRandom: a tiny seeded generator, so every run sees the same inputs.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}

// MARK: - A mutable JSON tree

/// JSON as a plain tree. Objects keep entries as a list, so a mutation can
/// write the same key twice (a duplicate-key error).
private indirect enum FuzzNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([FuzzNode])
    case object([(key: String, value: FuzzNode)])
    /// Text written as is (deep nesting, kept out of the tree so that
    /// walking and rendering stay linear).
    case raw(String)

    init(_ v: JSONValue) {
        switch v.kind {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.text)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(FuzzNode.init))
        case .object(let o): self = .object(o.entries.map { ($0.key, FuzzNode($0.value)) })
        }
    }

    var children: [FuzzNode] {
        switch self {
        case .array(let a): a
        case .object(let o): o.map(\.value)
        default: []
        }
    }

    /// Every node's index path, the root first.
    func paths(prefix: [Int] = []) -> [[Int]] {
        var out = [prefix]
        for (i, c) in children.enumerated() { out += c.paths(prefix: prefix + [i]) }
        return out
    }

    subscript(path: [Int]) -> FuzzNode {
        get {
            guard let first = path.first else { return self }
            return children[first][Array(path.dropFirst())]
        }
        set {
            guard let first = path.first else {
                self = newValue
                return
            }
            let rest = Array(path.dropFirst())
            switch self {
            case .array(var a):
                a[first][rest] = newValue
                self = .array(a)
            case .object(var o):
                o[first].value[rest] = newValue
                self = .object(o)
            default:
                break
            }
        }
    }

    /// JSON text, one entry per line so errors land on varied lines.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .raw(let text): return text
        case .string(let s):
            var out = ""
            JSONOutput.escape(s, into: &out)
            return out
        case .array(let a):
            if a.isEmpty { return "[]" }
            return "[\n" + a.map { pad + $0.rendered(indent: indent + 2) }.joined(separator: ",\n") + "\n"
                + String(repeating: " ", count: indent) + "]"
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{\n"
                + o.map {
                    var k = ""
                    JSONOutput.escape($0.key, into: &k)
                    return pad + k + ": " + $0.value.rendered(indent: indent + 2)
                }.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
        }
    }
}

// MARK: - Mutations

private enum FuzzMutator {
    /// Numbers that are too big, negative, fractional or otherwise odd.
    /// Values the decoder accepts are kept small: accepted values near its
    /// limit (1e9) make `check` expand millions of units or overflow Int32
    /// (see `KnownBugTests`), and very negative ones trap in `years`.
    static let oddNumbers = [
        "1e400", "-1e400", "123456789012345678901234567890", "-123456789012345678901234567890",
        "9223372036854775807", "9223372036854775808", "1000000001", "2147483648", "4294967296", "1e10",
        "-1", "-0", "0", "0.5", "1e-400", "2.0", "1E+1", "3e0", "-7", "99", "1.5e300",
        String(repeating: "9", count: 400),
    ]

    static let oddStrings = [
        "", " ", "x", "mon", "tue", "p1", "brk", "hall", "lab", "chem", "g1", "t1", "09:00", "9.30", "25:00",
        "09:00-08:00",
        "tues 09:00-10:00", "mon 09:00-", "-", "09:00-10:00-11:00", "carousel/2", "2026-02-30", "null", "0",
    ]

    static let unicodeScalars: [Unicode.Scalar] = [
        "a", "Z", "é", "日", "😀", "\u{0301}", "\u{202E}", "\u{0}", "\n", "\r", "\t", "\"", "\\", "/", "*",
        "\u{FFFF}", "\u{10FFFF}", "\u{FEFF}", " ", "\u{7F}", "\u{2028}", "ß", "İ",
    ]

    static let keys = [
        "id", "name", "extra", "grups", "atend", "", "activity", "oneOf", "times", "daily", "size", "days", "periods",
        "capacity", "weights", "count", "prefer", "start", "together", "years",
    ]

    static func randomString(_ rng: inout FuzzRandom) -> String {
        var s = ""
        for _ in 0..<rng.int(0..<12) { s.unicodeScalars.append(rng.pick(unicodeScalars)) }
        return s
    }

    static func randomScalar(_ rng: inout FuzzRandom, depth: Int = 0) -> FuzzNode {
        switch rng.int(0..<8) {
        case 0: return .null
        case 1: return .bool(rng.chance(0.5))
        case 2: return .number(rng.pick(oddNumbers))
        case 3: return .string(rng.pick(oddStrings))
        case 4: return .string(randomString(&rng))
        case 5: return .array(depth < 2 ? (0..<rng.int(0..<3)).map { _ in randomScalar(&rng, depth: depth + 1) } : [])
        case 6: return .object(depth < 2 ? [(rng.pick(keys), randomScalar(&rng, depth: depth + 1))] : [])
        default: return .number(String(rng.int(-3..<40)))
        }
    }

    static func nested(depth: Int) -> FuzzNode {
        .raw(String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth))
    }

    /// One structural mutation of `tree`; returns a short description.
    static func mutate(_ tree: inout FuzzNode, _ rng: inout FuzzRandom) -> String {
        let paths = tree.paths()
        let path = rng.pick(paths)
        let at = path.map(String.init).joined(separator: ".")
        switch rng.int(0..<13) {
        case 0:
            tree[path] = randomScalar(&rng)
            return "replace @\(at) with a random value"
        case 1:
            let n = rng.pick(oddNumbers)
            tree[path] = .number(n)
            return "number \(n.prefix(20)) @\(at)"
        case 2:
            tree[path] = .array([])
            return "empty list @\(at)"
        case 3:
            let d = rng.pick([3, 50, 150, 199, 260, 3000])
            tree[path] = nested(depth: d)
            return "nested arrays depth \(d) @\(at)"
        case 4:
            tree[path] = .string(randomString(&rng))
            return "random unicode string @\(at)"
        case 5:
            let objects = paths.filter { if case .object(let o) = tree[$0], !o.isEmpty { true } else { false } }
            guard let p = objects.isEmpty ? nil : rng.pick(objects), case .object(var o) = tree[p] else {
                return "no-op"
            }
            let removed = o.remove(at: rng.int(0..<o.count))
            tree[p] = .object(o)
            return "remove key \(removed.key)"
        case 6:
            let arrays = paths.filter { if case .array(let a) = tree[$0], !a.isEmpty { true } else { false } }
            guard let p = arrays.isEmpty ? nil : rng.pick(arrays), case .array(var a) = tree[p] else { return "no-op" }
            let i = rng.int(0..<a.count)
            a.insert(a[i], at: rng.int(0..<(a.count + 1)))
            tree[p] = .array(a)
            return "duplicate list element"
        case 7:
            let arrays = paths.filter { if case .array(let a) = tree[$0], !a.isEmpty { true } else { false } }
            guard let p = arrays.isEmpty ? nil : rng.pick(arrays), case .array(var a) = tree[p] else { return "no-op" }
            a.remove(at: rng.int(0..<a.count))
            tree[p] = .array(a)
            return "delete list element"
        case 8:
            // A dangling or crossed reference: some string becomes another
            // string of the file, or gets a suffix.
            let strings = paths.filter { if case .string = tree[$0] { true } else { false } }
            guard !strings.isEmpty else { return "no-op" }
            let p = rng.pick(strings)
            guard case .string(let s) = tree[p] else { return "no-op" }
            if rng.chance(0.5), case .string(let other) = tree[rng.pick(strings)] {
                tree[p] = .string(other)
                return "string \(s) -> \(other)"
            }
            tree[p] = .string(s + rng.pick(["x", "2", " ", "_", "s"]))
            return "string \(s) + suffix"
        case 9:
            let objects = paths.filter { if case .object = tree[$0] { true } else { false } }
            guard let p = objects.isEmpty ? nil : rng.pick(objects), case .object(var o) = tree[p] else {
                return "no-op"
            }
            let key = rng.pick(keys)
            o.insert((key, randomScalar(&rng)), at: rng.int(0..<(o.count + 1)))
            tree[p] = .object(o)
            return "add key \(key)"
        case 10:
            let objects = paths.filter { if case .object(let o) = tree[$0], !o.isEmpty { true } else { false } }
            guard let p = objects.isEmpty ? nil : rng.pick(objects), case .object(var o) = tree[p] else {
                return "no-op"
            }
            let e = o[rng.int(0..<o.count)]
            o.append(e)
            tree[p] = .object(o)
            return "duplicate key \(e.key)"
        case 11:
            // Swap two values of the file (types and meanings mix).
            let a = rng.pick(paths), b = rng.pick(paths)
            guard !a.isEmpty, !b.isEmpty, !a.starts(with: b), !b.starts(with: a) else { return "no-op" }
            let (va, vb) = (tree[a], tree[b])
            tree[a] = vb
            tree[b] = va
            return "swap values"
        default:
            tree[path] = .number(String(rng.int(-2..<6)))
            return "small number @\(at)"
        }
    }

    /// Byte-level damage: truncation, flips, insertions, deletions, garbage.
    static func damage(_ bytes: [UInt8], _ rng: inout FuzzRandom) -> ([UInt8], String) {
        var b = bytes
        switch rng.int(0..<8) {
        case 0:
            let n = rng.int(0..<(b.count + 1))
            return (Array(b.prefix(n)), "truncate at \(n)")
        case 1:
            var what = "flip"
            for _ in 0..<rng.int(1..<4) where !b.isEmpty {
                let i = rng.int(0..<b.count)
                b[i] ^= UInt8(1) << UInt8(rng.int(0..<8))
                what += " \(i)"
            }
            return (b, what)
        case 2:
            let i = rng.int(0..<(b.count + 1))
            let byte: UInt8 =
                rng.chance(0.5)
                ? rng.pick(Array("{}[]\",:/*-.0123456789eE \n\\'tfn".utf8))
                : UInt8(truncatingIfNeeded: rng.next())
            b.insert(byte, at: i)
            return (b, "insert \(byte) at \(i)")
        case 3:
            guard !b.isEmpty else { return (b, "no-op") }
            let i = rng.int(0..<b.count)
            let n = min(b.count - i, rng.int(1..<30))
            b.removeSubrange(i..<(i + n))
            return (b, "delete \(n) at \(i)")
        case 4:
            let i = rng.int(0..<(b.count + 1))
            let s = randomString(&rng)
            b.insert(contentsOf: Array(s.utf8), at: i)
            return (b, "insert unicode at \(i)")
        case 5:
            let i = rng.int(0..<(b.count + 1))
            let garbage = (0..<rng.int(1..<40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            b.insert(contentsOf: garbage, at: i)
            return (b, "splice \(garbage.count) random bytes at \(i)")
        case 6:
            let garbage = (0..<rng.int(0..<300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            return (garbage, "binary garbage")
        default:
            // Cut out a random span and paste it elsewhere.
            guard b.count > 2 else { return (b, "no-op") }
            let i = rng.int(0..<b.count), n = min(b.count - i, rng.int(1..<80))
            let span = Array(b[i..<(i + n)])
            b.insert(contentsOf: span, at: rng.int(0..<(b.count + 1)))
            return (b, "repeat \(n) bytes from \(i)")
        }
    }
}

// MARK: - Running the CLI

/// Captures what a command prints.
private final class FuzzCapture: @unchecked Sendable {
    var out = ""
    var err = ""
}

private struct FuzzRun {
    var code: Int32
    var out: String
    var err: String
}

private func runTool(_ arguments: [String]) -> FuzzRun {
    let captured = FuzzCapture()
    let console = Console(out: { captured.out += $0 }, err: { captured.err += $0 })
    let code = CarouselTool.main(arguments, console: console)
    return FuzzRun(code: code, out: captured.out, err: captured.err)
}

/// A scratch folder removed at the end of the test.
private final class FuzzScratch {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// What every run must satisfy: no crash (we got here), a known exit code,
/// and for bad input exactly one line on stderr, `error: …` naming the file.
/// Returns a description of what went wrong, or nil.
private func fuzzContractViolation(_ run: FuzzRun, file: String) -> String? {
    guard [0, 1, 2].contains(run.code) else { return "exit code \(run.code)" }
    guard run.code == 2 else { return nil }
    guard run.err.hasSuffix("\n") else { return "stderr does not end in a newline: \(run.err.debugDescription)" }
    let body = run.err.dropLast()
    if body.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
        return "stderr has more than one line: \(run.err.debugDescription)"
    }
    if !body.hasPrefix("error: ") { return "stderr does not start with \"error: \": \(run.err.debugDescription)" }
    if !body.contains(file) { return "stderr does not name \(file): \(run.err.debugDescription)" }
    return nil
}

// MARK: - Tests

@Suite("CLI fuzzing")
struct FuzzTests {
    static let problemBytes = Array(FuzzFixtures.problem.utf8)
    static let scheduleBytes = Array(FuzzFixtures.schedule.utf8)

    @Test func baseFilesAreValid() throws {
        let dir = try FuzzScratch("fuzz-base")
        let problem = try dir.write(Self.problemBytes, to: "problem.json")
        let schedule = try dir.write(Self.scheduleBytes, to: "schedule.json")
        let check = runTool(["check", problem])
        #expect(check.code == 0, "\(check.out)\(check.err)")
        let validate = runTool(["validate", problem, schedule])
        #expect(validate.code == 0, "\(validate.out)\(validate.err)")
        #expect(validate.out.contains("feasible=true hard=0"))
        // The tree round trip used by the mutations keeps the file valid.
        let tree = FuzzNode(try JSONParser.parse(Self.problemBytes))
        let rendered = try dir.write(Array(tree.rendered().utf8), to: "rendered.json")
        #expect(runTool(["check", rendered]).code == 0)
        #expect(runTool(["validate", rendered, schedule]).code == 0)
    }

    @Test func badInputGivesOneErrorLine() throws {
        let dir = try FuzzScratch("fuzz-one-line")
        let problem = try dir.write(Array(#"{"grups": []}"#.utf8), to: "p.json")
        let schedule = try dir.write(Self.scheduleBytes, to: "s.json")
        let run = runTool(["check", problem])
        #expect(run.code == 2)
        #expect(run.err.hasPrefix("error: \(problem):1:2: grups: unknown key \"grups\""))
        #expect(fuzzContractViolation(run, file: problem) == nil)
        let missing = dir.url.appendingPathComponent("missing.json").path
        let run2 = runTool(["validate", missing, schedule])
        #expect(run2.code == 2)
        #expect(run2.err == "error: \(missing): no such file\n")
    }

    /// ≥ 1,000 mutated and malformed problem files through `check` and
    /// `validate`: no crash, exit 0/1/2, one-line errors naming the file.
    @Test func mutatedProblemFiles() throws {
        let dir = try FuzzScratch("fuzz-problems")
        let schedule = try dir.write(Self.scheduleBytes, to: "schedule.json")
        let base = FuzzNode(try JSONParser.parse(Self.problemBytes))
        var rng = FuzzRandom(seed: 0xC0FFEE)
        var failures: [String] = []
        var codes: [Int32: Int] = [:]
        let cases = 1_200
        for n in 0..<cases {
            var bytes: [UInt8]
            var what: [String] = []
            if rng.chance(0.55) {
                var tree = base
                for _ in 0..<rng.int(1..<4) { what.append(FuzzMutator.mutate(&tree, &rng)) }
                bytes = Array(tree.rendered().utf8)
                if rng.chance(0.15) {
                    let (b, w) = FuzzMutator.damage(bytes, &rng)
                    bytes = b
                    what.append(w)
                }
            } else {
                bytes = Self.problemBytes
                for _ in 0..<rng.int(1..<3) {
                    let (b, w) = FuzzMutator.damage(bytes, &rng)
                    bytes = b
                    what.append(w)
                }
            }
            let path = try dir.write(bytes, to: "case-\(n).json")
            for arguments in [["check", path], ["validate", path, schedule]] {
                let run = runTool(arguments)
                codes[run.code, default: 0] += 1
                if let problem = fuzzContractViolation(run, file: path) {
                    failures.append("case \(n) [\(what.joined(separator: "; "))] \(arguments[0]): \(problem)")
                }
            }
        }
        for f in failures.prefix(15) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty, "\(failures.count) of \(cases * 2) runs broke the contract")
        // The mix should exercise both good and bad inputs.
        #expect(codes[2, default: 0] > cases / 2)
        #expect(codes[0, default: 0] + codes[1, default: 0] > cases / 20)
    }

    /// ~200 mutated schedule files validated against the valid problem.
    @Test func mutatedScheduleFiles() throws {
        let dir = try FuzzScratch("fuzz-schedules")
        let problem = try dir.write(Self.problemBytes, to: "problem.json")
        let base = FuzzNode(try JSONParser.parse(Self.scheduleBytes))
        var rng = FuzzRandom(seed: 0x5EED_5C4E)
        var failures: [String] = []
        var codes: [Int32: Int] = [:]
        let cases = 240
        for n in 0..<cases {
            var bytes: [UInt8]
            var what: [String] = []
            if rng.chance(0.6) {
                var tree = base
                for _ in 0..<rng.int(1..<4) { what.append(FuzzMutator.mutate(&tree, &rng)) }
                bytes = Array(tree.rendered().utf8)
            } else {
                let (b, w) = FuzzMutator.damage(Self.scheduleBytes, &rng)
                bytes = b
                what.append(w)
            }
            let path = try dir.write(bytes, to: "schedule-\(n).json")
            let run = runTool(["validate", problem, path])
            codes[run.code, default: 0] += 1
            if let problem = fuzzContractViolation(run, file: path) {
                failures.append("case \(n) [\(what.joined(separator: "; "))]: \(problem)")
            }
        }
        for f in failures.prefix(15) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty, "\(failures.count) of \(cases) runs broke the contract")
        #expect(codes[1, default: 0] > cases / 10)
        #expect(codes[2, default: 0] > cases / 10)
    }
}

/// Inputs that once trapped (Int32 overflow) or ran out of memory: each must
/// now end in a clear verdict or a one-line error.
@Suite("Regressions: inputs that once trapped")
struct KnownBugTests {
    private func check(_ text: String) throws -> FuzzRun {
        let dir = try FuzzScratch("known-bug")
        let path = try dir.write(Array(text.utf8), to: "p.json")
        return runTool(["check", path])
    }

    private static func problem(activities: String, groups: String) -> String {
        """
        {"calendar": {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]},
         "rooms": [{"id": "hall"}], "activities": [\(activities)], "groups": [\(groups)]}
        """
    }

    @Test
    func togetherCohortOfHugeGroups() throws {
        let g = (1...3).map { #"{"id": "g\#($0)", "size": 1000000000, "attend": [{"activity": "a"}]}"# }
        let run = try check(
            Self.problem(activities: #"{"id": "a", "together": true}"#, groups: g.joined(separator: ", ")))
        #expect([1, 2].contains(run.code))
    }

    @Test
    func repeatedHugeTimes() throws {
        let item = #"{"activity": "b", "times": 1000000000}"#
        let run = try check(
            Self.problem(
                activities: #"{"id": "b"}"#,
                groups: #"{"id": "g", "size": 10, "attend": [\#(item), \#(item), \#(item)]}"#))
        #expect([1, 2].contains(run.code))
    }

    @Test
    func hugeNegativeYears() throws {
        let run = try check(
            Self.problem(
                activities: #"{"id": "b", "years": [-3000000000, 7]}"#,
                groups: #"{"id": "g", "size": 10, "year": 5, "attend": [{"activity": "b"}]}"#))
        #expect([1, 2].contains(run.code))
    }

    @Test
    func hugeGroupsSharingAStaffedActivity() throws {
        let g = (1...3).map { #"{"id": "g\#($0)", "size": 1000000000, "attend": [{"activity": "a"}]}"# }
        let run = try check(
            Self.problem(activities: #"{"id": "a", "staff": [{"perPupils": 10}]}"#, groups: g.joined(separator: ", ")))
        #expect([0, 1, 2].contains(run.code))
    }

    @Test
    func validateASessionOfHugeGroups() throws {
        let dir = try FuzzScratch("known-bug")
        let g = (1...3).map { #"{"id": "g\#($0)", "size": 100000, "attend": [{"activity": "a"}]}"# }
        let problem = try dir.write(
            Array(
                Self.problem(
                    activities: #"{"id": "a", "staff": [{"perPupils": 10}]}"#,
                    groups: g.joined(separator: ", ")
                ).utf8), to: "p.json")
        let schedule = try dir.write(
            Array(
                #"{"sessions": [{"activity": "a", "day": "mon", "start": "p1", "room": "hall", "groups": ["g1", "g2", "g3"], "staff": []}]}"#
                    .utf8), to: "s.json")
        let run = runTool(["validate", problem, schedule])
        #expect(run.code == 1)
    }

    @Test
    func hugeTimes() throws {
        let run = try check(
            Self.problem(
                activities: #"{"id": "b"}"#,
                groups: #"{"id": "g", "size": 10, "attend": [{"activity": "b", "times": 100000000}]}"#))
        #expect([1, 2].contains(run.code))
    }
}
