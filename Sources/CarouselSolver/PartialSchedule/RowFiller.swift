/// Fills staff rows by augmenting paths over the rows (a b-matching where row
/// k takes `need[k]` staff). Kept apart from `PartialSchedule` so the search
/// can also ask "could these rows be filled" without changing anything.
///
/// Who may serve is a staff set (`free`, one bit per staff member) that the
/// caller sets after `reset`; chosen staff leave it.
struct RowFiller {
    private(set) var rows: Range<Int> = 0..<0
    private(set) var need: [Int32] = []
    private(set) var preferred: [Int32] = []
    private(set) var chosen: [Int32] = []
    /// Staff who may serve and are not chosen: bit `st % 64` of word `st / 64`.
    var free: [UInt64] = []
    private var rowOf: [Int32] = []
    private var visited: [Bool] = []

    /// A one-off filler; `usable(st)` says who may serve among `staffCount`.
    init(rows: Range<Int>, need: [Int32], preferred: [Int32], staffCount: Int, usable: (Int32) -> Bool) {
        self.rows = rows
        self.need = need
        self.preferred = preferred
        free = [UInt64](repeating: 0, count: max(1, (staffCount + 63) >> 6))
        for st in 0..<Int32(staffCount) where usable(st) { free[Int(st) >> 6] |= 1 << UInt64(st & 63) }
    }

    /// An empty filler whose buffers `reset` refills without allocating
    /// once they have grown (kept by `PartialSchedule` for every refill).
    init() {}

    /// Prepares a new fill of `rows` needing `need(k)` staff in row k, with
    /// `first` then `then` preferred; the buffers keep their capacity. The
    /// caller then sets `free`.
    mutating func reset(rows: Range<Int>, need: (Int) -> Int32, preferring first: [Int32], then: [Int32]) {
        self.rows = rows
        self.need.clearKeepingCapacity()
        for k in rows { self.need.append(need(k)) }
        preferred.clearKeepingCapacity()
        preferred.append(contentsOf: first)
        preferred.append(contentsOf: then)
        chosen.clearKeepingCapacity()
        rowOf.clearKeepingCapacity()
    }

    @inline(__always) private func isFree(_ st: Int32) -> Bool { free[Int(st) >> 6] & (1 << UInt64(st & 63)) != 0 }

    /// Fills every row from the `free` staff. `candidates(k)` lists row k's
    /// candidates in preference order; with `member`, a candidate must also
    /// be in row `rows.lowerBound + k` of it. With `order` (each staff
    /// member's place in one order that every candidate list follows), the
    /// free members of a row are found from `member`'s bits instead of by
    /// scanning the list, with the same choice. `rank` breaks ties among
    /// free candidates (lower first).
    mutating func fill(
        candidates: (Int) -> [Int32], member: BitMatrix? = nil, order: [Int32]? = nil,
        rank: StaffRanks = StaffRanks()
    ) -> Bool {
        if let member {
            // A row with fewer free members than it needs cannot be filled:
            // say so before any search (a failed search tries every route).
            for k in need.indices where need[k] > 0 {
                var count = 0
                for w in free.indices {
                    count += (member.words[(rows.lowerBound + k) * member.stride + w] & free[w]).nonzeroBitCount
                }
                if count < Int(need[k]) { return false }
            }
        }
        var visited: [Bool] = []
        swap(&visited, &self.visited)
        defer { swap(&visited, &self.visited) }
        visited.clearKeepingCapacity()
        visited.append(contentsOf: repeatElement(false, count: need.count))
        for k in need.indices {
            for _ in 0..<Int(need[k]) {
                for i in visited.indices { visited[i] = false }
                if !augment(k, visited: &visited, candidates: candidates, member: member, order: order, rank: rank) {
                    return false
                }
            }
        }
        return true
    }

    private mutating func augment(
        _ k: Int, visited: inout [Bool], candidates: (Int) -> [Int32], member: BitMatrix?,
        order: [Int32]?, rank: StaffRanks
    ) -> Bool {
        visited[k] = true
        let row = rows.lowerBound + k
        let best =
            if let order, let member {
                freeMember(of: row, member: member, order: order, rank: rank)
            } else {
                freeCandidate(candidates(k), row: row, member: member, rank: rank)
            }
        if best >= 0 {
            chosen.append(best)
            rowOf.append(Int32(k))
            free[Int(best) >> 6] &= ~(1 << UInt64(best & 63))
            return true
        }
        // Otherwise move someone chosen for another row, if that row can be refilled.
        for st in candidates(k) where member?.contains(row, Int(st)) ?? true {
            guard let i = chosen.firstIndex(of: st) else { continue }
            let other = Int(rowOf[i])
            if other == k || visited[other] { continue }
            rowOf[i] = Int32(k)
            if augment(other, visited: &visited, candidates: candidates, member: member, order: order, rank: rank) {
                return true
            }
            rowOf[i] = Int32(other)
        }
        return false
    }

    /// The first free candidate of `list` that is preferred, else the first
    /// with the lowest rank (ranks are ≥ 0, so a 0 ends the scan); -1 if none.
    private func freeCandidate(_ list: [Int32], row: Int, member: BitMatrix?, rank: StaffRanks) -> Int32 {
        if !preferred.isEmpty {
            for st in list where isFree(st) && preferred.contains(st) && member?.contains(row, Int(st)) ?? true {
                return st
            }
        }
        var best: Int32 = -1, bestKey = Int.max
        for st in list where isFree(st) && member?.contains(row, Int(st)) ?? true {
            let key = rank(st)
            if key < bestKey {
                best = st
                bestKey = key
                if key <= 0 { break }
            }
        }
        return best
    }

    /// `freeCandidate` for a list that holds the row's members in `order`:
    /// the same choice, from the free members' bits.
    private func freeMember(of row: Int, member: BitMatrix, order: [Int32], rank: StaffRanks) -> Int32 {
        var best: Int32 = -1, bestPlace = Int32.max
        for st in preferred where isFree(st) && member.contains(row, Int(st)) && order[Int(st)] < bestPlace {
            best = st
            bestPlace = order[Int(st)]
        }
        if best >= 0 { return best }
        var bestKey = Int.max
        let W = member.stride
        for w in 0..<W {
            var bits = member.words[row * W + w] & free[w]
            while bits != 0 {
                let st = Int32(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
                let key = rank(st)
                if key < bestKey || (key == bestKey && order[Int(st)] < bestPlace) {
                    best = st
                    bestKey = key
                    bestPlace = order[Int(st)]
                }
            }
        }
        return best
    }
}
