import CarouselModel
import Foundation

/// The small languages of cells that hold more than a word or a number:
/// year ranges, attend items and staff rows (docs/csv-import.md).
extension Cell {
    /// `5` → 5…5; `5-6` or `5 to 6` → 5…6 (years −5…100, as problem files).
    func years() throws(InputError) -> ClosedRange<Int> {
        let compact = String(text.filter { !$0.isWhitespace })
        var parts: [String]
        if let n = Int(compact) {
            parts = [String(n), String(n)]
        } else if let to = compact.range(of: "to") {
            parts = [String(compact[..<to.lowerBound]), String(compact[to.upperBound...])]
        } else if let dash = compact.dropFirst().firstIndex(of: "-") {
            parts = [String(compact[..<dash]), String(compact[compact.index(after: dash)...])]
        } else {
            throw unexpected()
        }
        guard let lo = Int(parts[0]), let hi = Int(parts[1]) else { throw unexpected() }
        guard (-5...100).contains(lo), (-5...100).contains(hi), lo <= hi else {
            throw unexpected("years from -5 to 100 with the lower first, such as 5-6")
        }
        return lo...hi
    }

    /// One `attend` item: `lunch daily`, `show`, `maths x3 over 3 days`,
    /// `football within sep16 to oct21`.
    struct AttendItem {
        var activity: String
        var times: Int?
        var daily: Bool
        var minDays: Int?
        /// The time ranges after `within` (each a range or a span of days,
        /// as in a time-range cell), split at `and`; nil without `within`.
        var within: [String]?
    }

    static let attendForms =
        "expected an activity id, then optionally \"xN\" (N sessions) or \"daily\" (once on every visit day), \"over N days\" (spread them, softly), and last \"within\" and the days, e.g. \"maths x3 over 3 days\" or \"football within sep16 to oct21\""

    /// The items of an `attend` cell.
    func attendItems() throws(InputError) -> [AttendItem] {
        var items: [AttendItem] = []
        for text in list {
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            var item = AttendItem(activity: words[0], times: nil, daily: false, minDays: nil, within: nil)
            var k = 1
            func fail(_ why: String = Cell.attendForms) -> InputError { error("cannot read \"\(text)\"; \(why)") }
            while k < words.count {
                let word = words[k].lowercased()
                if word == "within" {
                    let chunks = words[(k + 1)...].split(omittingEmptySubsequences: false) { $0.lowercased() == "and" }
                    guard k + 1 < words.count, chunks.allSatisfy({ !$0.isEmpty }) else {
                        throw fail(
                            "\"within\" needs the days or times after it, e.g. \"within sep16 to oct21\" or \"within mon and wed\""
                        )
                    }
                    item.within = chunks.map { $0.joined(separator: " ") }
                    k = words.count
                } else if word == "daily" {
                    guard !item.daily else { throw fail() }
                    item.daily = true
                    k += 1
                } else if let n = Self.timesCount(word, next: k + 1 < words.count ? words[k + 1] : nil) {
                    guard item.times == nil else { throw fail() }
                    guard n.value >= 1 else { throw fail("the number of sessions must be at least 1") }
                    item.times = n.value
                    k += n.words
                } else if word == "over", k + 2 < words.count, let d = Int(words[k + 1]),
                    ["days", "day"].contains(words[k + 2].lowercased())
                {
                    guard item.minDays == nil else { throw fail() }
                    item.minDays = d
                    k += 3
                } else {
                    throw fail()
                }
            }
            if item.daily && item.times != nil {
                throw fail("\"daily\" already means once on every visit day; give either daily or xN")
            }
            items.append(item)
        }
        return items
    }

    /// `x3`, `×3`, or `x 3` (two words): the count and the words it used.
    private static func timesCount(_ word: String, next: String?) -> (value: Int, words: Int)? {
        guard let first = word.first, first == "x" || first == "×" else { return nil }
        if let n = Int(word.dropFirst()) { return (n, 1) }
        if word.count == 1, let next, let n = Int(next) { return (n, 2) }
        return nil
    }

    /// One row of an activity's `staff` cell.
    struct StaffRow {
        var role: String?
        var skills: [String] = []
        var ids: [String] = []
        var count = 0
        var perPupils: Int?
    }

    static let staffForms =
        "expected e.g. \"1 with chemistry\", \"1 teacher\", \"2 teacher with dbs and first-aid\", \"student per 15 pupils\", \"1 + mentor per 10 pupils\" or \"1 from mr-osei or ms-khan\""

    /// The rows of an activity's `staff` cell:
    /// `[N [+]] [ROLE] [with SKILL and SKILL…] [from ID or ID…] [per N pupils]`.
    func staffRows() throws(InputError) -> [StaffRow] {
        var rows: [StaffRow] = []
        for text in list {
            func fail(_ why: String = Cell.staffForms) -> InputError {
                error("cannot read staff row \"\(text)\"; \(why)")
            }
            var words = text.split(whereSeparator: \.isWhitespace).map(String.init)[...]
            var row = StaffRow()
            var count: Int?
            var plus = false
            if let n = words.first.flatMap({ Int($0) }) {
                guard n >= 0 else { throw fail() }
                count = n
                words = words.dropFirst()
                if words.first == "+" {
                    plus = true
                    words = words.dropFirst()
                }
            }
            var sections: [String: [String]] = ["": []]
            var current = ""
            for word in words {
                let lower = word.lowercased()
                if ["with", "from", "per"].contains(lower) {
                    guard sections[lower] == nil else { throw fail("\"\(lower)\" appears twice") }
                    current = lower
                    sections[lower] = []
                } else {
                    sections[current, default: []].append(word)
                }
            }
            func terms(_ key: String, joinedBy separator: String) throws(InputError) -> [String] {
                guard let words = sections[key] else { return [] }
                let groups = words.split(whereSeparator: { $0.lowercased() == separator || $0 == "&" })
                guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else { throw fail() }
                return groups.map { $0.joined(separator: " ") }
            }
            let role = sections[""]!.joined(separator: " ")
            row.role = role.isEmpty ? nil : role
            row.skills = try terms("with", joinedBy: "and")
            row.ids = try terms("from", joinedBy: "or")
            if let per = sections["per"] {
                guard (1...2).contains(per.count), let n = Int(per[0]), n >= 1,
                    per.count == 1 || ["pupils", "pupil"].contains(per[1].lowercased())
                else {
                    throw fail("expected \"per N pupils\" with N at least 1")
                }
                row.perPupils = n
                if let count, !plus, count != 1 {
                    throw fail(
                        "write \"\(words.joined(separator: " "))\" for one per \(n) pupils, or \"\(count) + \(words.joined(separator: " "))\" for \(count) more besides"
                    )
                }
                row.count = plus ? count ?? 0 : 0
            } else {
                guard let count, !plus else { throw plus ? fail("\"+\" needs \"per N pupils\" after it") : fail() }
                row.count = count
            }
            rows.append(row)
        }
        return rows
    }
}
