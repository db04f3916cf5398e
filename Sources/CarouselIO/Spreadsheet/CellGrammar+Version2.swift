import CarouselModel

/// The cell languages of the version 2 sheets (docs/csv-import.md): travel
/// times, team sizes, team requirements, hosting shares and how far a fixed
/// session may move.
extension Cell {
    static let travelForms = "expected a site id and whole minutes, e.g. \"main 20; goodrich 15\""

    /// A `travel` cell: `main 20; goodrich 15` (also `main: 20`, `main 20
    /// min`), as (site, minutes) in the order given. The sites are checked
    /// by the caller.
    func travel() throws(InputError) -> [(site: String, minutes: Int)] {
        var out: [(site: String, minutes: Int)] = []
        for item in list {
            var words = item.replacingOccurrences(of: ":", with: " ").split(whereSeparator: \.isWhitespace).map(
                String.init)
            if words.count == 3, ["min", "mins", "minute", "minutes"].contains(words[2].lowercased()) {
                words.removeLast()
            }
            guard words.count == 2, let minutes = Int(words[1]) else {
                throw error("cannot read \"\(item)\"; \(Self.travelForms)")
            }
            guard (0...100_000).contains(minutes) else {
                throw error("cannot read \"\(item)\"; travel minutes must be from 0 to 100000")
            }
            if out.contains(where: { $0.site == words[0] }) {
                throw error("site \"\(words[0])\" is given twice")
            }
            out.append((words[0], minutes))
        }
        return out
    }

    /// A team size: `5-6` or `5 to 6`, `5` (exactly), or `at least 5`
    /// (no maximum; written as 100000, the largest a file takes).
    func teamSize() throws(InputError) -> ClosedRange<Int> {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        let expected = "a team size such as 5-6, 5 to 6, 5 or \"at least 5\""
        if words.count == 3, words[0] == "at", words[1] == "least", let n = Int(words[2]), (0...100_000).contains(n) {
            return n...100_000
        }
        let compact = String(text.filter { !$0.isWhitespace })
        let parts =
            compact.contains("to") ? compact.components(separatedBy: "to") : compact.components(separatedBy: "-")
        guard (1...2).contains(parts.count), let lo = Int(parts[0]), let hi = Int(parts.last!) else {
            throw unexpected(expected)
        }
        guard (0...100_000).contains(lo), (0...100_000).contains(hi), lo <= hi else {
            throw unexpected("a team size from 0 to 100000 with the smaller first, such as 5-6")
        }
        return lo...hi
    }

    /// One `require` entry: at least `min` members from `pools`.
    struct Requirement {
        var min: Int
        var pools: [String]
    }

    static let requireForms = "expected e.g. \"1 from kingsmead-y7\" or \"2 from oak-y5 or oak-y6\""

    /// A `require` cell: `1 from kingsmead-y7; 2 from oak-y5 or oak-y6`
    /// (`at least` may come first; without a number, 1).
    func requirements() throws(InputError) -> [Requirement] {
        var out: [Requirement] = []
        for item in list {
            var words = item.split(whereSeparator: \.isWhitespace).map(String.init)[...]
            func fail() -> InputError { error("cannot read \"\(item)\"; \(Self.requireForms)") }
            if words.count >= 2, words[words.startIndex].lowercased() == "at",
                words[words.startIndex + 1].lowercased() == "least"
            {
                words = words.dropFirst(2)
            }
            var min = 1
            if let n = words.first.flatMap({ Int($0) }) {
                guard n >= 0, n <= 100_000 else { throw fail() }
                min = n
                words = words.dropFirst()
            }
            guard words.first?.lowercased() == "from" else { throw fail() }
            let pools = words.dropFirst().split(omittingEmptySubsequences: false) { $0.lowercased() == "or" }
            guard pools.allSatisfy({ $0.count == 1 }) else { throw fail() }
            out.append(Requirement(min: min, pools: pools.map { $0.first! }))
        }
        return out
    }

    /// A hosting share: a number > 0, at most 10⁹.
    func share() throws(InputError) -> Double {
        guard let x = Double(text), x.isFinite, !text.contains(where: \.isLetter) else { throw unexpected() }
        guard x > 0, x <= 1e9 else { throw unexpected("a share of hosting above 0, such as 2") }
        return x
    }

    /// How far a fixed session may move: `room`, `any`, or `no` (nil: it
    /// stays as written).
    func move() throws(InputError) -> FixedSession.Move? {
        switch text.lowercased() {
        case "no", "none": return nil
        default:
            guard let move = FixedSession.Move(rawValue: text.lowercased()) else {
                throw unexpected(
                    nil,
                    hint: Suggestion.hint(for: text.lowercased(), among: FixedSession.Move.allCases.map(\.rawValue)))
            }
            return move
        }
    }
}
