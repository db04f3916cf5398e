/// A matching of the most left vertices, and of least total cost among
/// those, in a bipartite graph given as candidate lists (spec section 14:
/// fixed sessions that may move, matched to the sessions that can stand for
/// them). Successive shortest augmenting paths with Bellman–Ford on the
/// residual graph (costs are small and non-negative; sizes are a few hundred).
public enum MinCostMatching {
    /// `candidates[i]`: (right vertex, cost ≥ 0) pairs. Returns per left
    /// vertex its right vertex, or nil when it stays unmatched.
    public static func solve(_ candidates: [[(Int, Int)]]) -> [Int?] {
        let n = candidates.count
        var mateLeft = [Int?](repeating: nil, count: n)
        var mateRight: [Int: Int] = [:]
        func cost(_ i: Int, _ j: Int) -> Int { candidates[i].first { $0.0 == j }!.1 }
        while true {
            // Distances to left vertices (free ones are sources) and to right vertices.
            var distLeft = mateLeft.map { $0 == nil ? 0 : Int.max }
            var distRight: [Int: Int] = [:]
            var parent: [Int: Int] = [:]
            var queue = (0..<n).filter { mateLeft[$0] == nil }
            var inQueue = Set(queue)
            var head = 0
            while head < queue.count {
                let i = queue[head]
                head += 1
                inQueue.remove(i)
                for (j, c) in candidates[i] where mateLeft[i] != j {
                    let d = distLeft[i] + c
                    guard d < distRight[j] ?? Int.max else { continue }
                    distRight[j] = d
                    parent[j] = i
                    if let k = mateRight[j] {
                        let dk = d - cost(k, j)
                        if dk < distLeft[k] {
                            distLeft[k] = dk
                            if !inQueue.contains(k) {
                                queue.append(k)
                                inQueue.insert(k)
                            }
                        }
                    }
                }
            }
            let free = distRight.keys.filter { mateRight[$0] == nil }
            guard let target = free.min(by: { (distRight[$0]!, $0) < (distRight[$1]!, $1) }) else { return mateLeft }
            var j: Int? = target
            while let jj = j {
                let i = parent[jj]!
                let previous = mateLeft[i]
                mateLeft[i] = jj
                mateRight[jj] = i
                j = previous
            }
        }
    }
}
