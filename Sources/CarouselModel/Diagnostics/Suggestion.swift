/// "Did you mean …" suggestions for misspelt keys and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive,
    /// adjacent transpositions count once), if it is close enough to be a
    /// plausible typo: at most a third of the word's length, and at least 1.
    /// Ties go to the earlier candidate, so results are deterministic.
    ///
    /// Complexity: O(|candidates| · |word| · |candidate|), capped at
    /// `maxWork` character comparisons (a hostile file with 100,000 long ids
    /// gets an error without a suggestion rather than a minute's wait);
    /// candidates whose length differs by more than the limit are skipped
    /// cheaply.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        guard !w.isEmpty, w.count <= 200 else { return nil }
        let limit = max(1, w.count / 3)
        var best: (String, Int)?
        var work = 0
        for candidate in candidates {
            guard abs(candidate.unicodeScalars.count - w.count) <= limit else { continue }
            let c = Array(candidate.lowercased().unicodeScalars)
            guard abs(c.count - w.count) <= limit, c.count <= 200 else { continue }
            work += w.count * c.count
            if work > maxWork { break }
            let d = distance(w, c)
            if d <= limit, d < (best?.1 ?? Int.max), candidate != word { best = (candidate, d) }
        }
        return best?.0
    }

    /// Most character comparisons one suggestion may cost.
    public static let maxWork = 20_000_000

    /// `did you mean "x"?` or nil.
    public static func hint(for word: String, among candidates: some Sequence<String>, kind: String = "") -> String? {
        guard let match = closest(to: word, among: candidates) else { return nil }
        return kind.isEmpty ? "did you mean \"\(match)\"?" : "did you mean \(kind) \"\(match)\"?"
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
