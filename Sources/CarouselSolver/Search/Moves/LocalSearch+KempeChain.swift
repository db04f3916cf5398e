/// The Kempe-chain move of exam and course timetabling (Thompson and
/// Dowsland; Lewis's survey of timetabling metaheuristics; Lü and Hao's
/// adaptive tabu search for curriculum-based course timetabling), for
/// sessions.
///
/// Two starts t1 and t2 — on one day or on two — are the two colours. Every
/// session that would collide with a session crossing over — it holds, over
/// the crossing session's new periods, one of its groups, its room or one
/// of its staff — must cross the other way, and so on until nothing new is
/// drawn in. The whole chain then crosses at once, each session keeping its
/// room (and its staff where they are free). Where a plain swap of two
/// sessions would collide with a third, the chain moves all three; across
/// two days, it moves a group's sessions between days without leaving a
/// group, room or staff member double-booked on the way.
///
/// A chain is refused when one of its sessions is fixed, lasts another
/// length, starts at neither t1 nor t2 (it straddles them), cannot start at
/// its new time (grid, window, visit, room unavailable), or when the chain
/// grows past `kempeCap`; `PartialSchedule.relocate` checks every rule again
/// (the activities' sessions per day among them) and takes back the whole
/// chain when one breaks.
extension LocalSearch {
    /// Most sessions one chain may move: longer chains rarely succeed and
    /// disturb too much of the day to be accepted.
    static let kempeCap = 10

    /// Picks a session and a second start: half the time the start of
    /// another session of one of its groups (on any day it visits), so that
    /// the two sessions trade places, a quarter of the time any start on its
    /// day, and a quarter any start on a day its groups all visit; then moves
    /// the chain.
    mutating func kempeChain() -> Bool {
        guard let s1 = randomSession() else { return false }
        let t1 = Int(state.sessionSlot[s1]), P = I.periodCount
        let k = I.duration[Int(state.sessionActivity[s1])]
        var t2 = -1
        switch random.below(4) {
        case 0, 1:
            let groups = state.sessionGroups[s1]
            let g = Int(groups[random.below(groups.count)])
            targets.clearKeepingCapacity()
            // (Over the days g visits only: a long programme has many others.)
            for d in 0..<I.dayCount where I.groupVisitsDay.contains(g, d) {
                for t in (d * P)..<(d * P + P) {
                    let other = Int(state.groupSession(g, at: t))
                    if other >= 0 && other != s1 && Int(state.sessionSlot[other]) == t
                        && I.duration[Int(state.sessionActivity[other])] == k
                    {
                        targets.append(t)
                    }
                }
            }
            if !targets.isEmpty { t2 = targets[random.below(targets.count)] }
        case 2:
            t2 = t1 / P * P + random.below(P)
        default:
            if let d = randomVisitDay(of: state.sessionGroups[s1]) { t2 = d * P + random.below(P) }
        }
        guard t2 >= 0 else { return false }
        return kempeSwap(s1, to: t2)
    }

    /// Moves session s1 to start t2 (on its day or another) with its Kempe
    /// chain: the sessions drawn in cross between s1's start and t2 the other
    /// way. False, with nothing changed, when the chain is refused or a rule
    /// would break.
    mutating func kempeSwap(_ s1: Int, to t2: Int) -> Bool {
        let t1 = Int(state.sessionSlot[s1]), P = I.periodCount
        guard t2 != t1, t2 >= state.openFrom, !state.sessionLocked[s1] else { return false }
        let k = Int(I.duration[Int(state.sessionActivity[s1])]), T = I.slotCount
        chain.clearKeepingCapacity()
        chain.append(s1)
        var next = 0
        while next < chain.count {
            let s = chain[next]
            next += 1
            let to = Int(state.sessionSlot[s]) == t1 ? t2 : t1
            let a = Int(state.sessionActivity[s]), r = Int(state.sessionRoom[s])
            guard I.canStart(a, at: to), !I.roomUnavailable.containsAny(r, from: to, count: k) else { return refuse() }
            for q in to..<(to + k) where !enlist(Int(state.roomAt[r * T + q]), startingAt: to, duration: k) {
                return refuse()
            }
            // (Lists read in place: iterating one would retain it.)
            for i in state.sessionGroups[s].indices {
                let g = Int(state.sessionGroups[s][i])
                guard state.groupVisits(g, at: to, duration: k) else { return refuse() }
                for q in to..<(to + k) where !enlist(Int(state.groupSession(g, at: q)), startingAt: to, duration: k) {
                    return refuse()
                }
            }
            for i in state.sessionStaff[s].indices {
                let st = Int(state.sessionStaff[s][i])
                for q in to..<(to + k) where !enlist(Int(state.staffAt[st * T + q]), startingAt: to, duration: k) {
                    return refuse()
                }
            }
        }
        sessionMoves.clearKeepingCapacity()
        for i in chain.indices {
            let s = chain[i]
            let from = Int(state.sessionSlot[s])
            sessionMoves.append((session: s, slot: from == t1 ? t2 : t1, room: Int(state.sessionRoom[s])))
        }
        return relocateSessions(dayChange: t1 / P != t2 / P) || refuse()
    }

    /// Adds session x, found over the periods a chain member moves to, to the
    /// chain; false when x may not join it (fixed, another length, a start
    /// other than `to`, or the chain is full). Free periods (-1) and sessions
    /// already in the chain are fine as they are.
    private mutating func enlist(_ x: Int, startingAt to: Int, duration k: Int) -> Bool {
        guard x >= 0, !chain.contains(x) else { return true }
        guard !state.sessionLocked[x], Int(state.sessionSlot[x]) == to,
            Int(I.duration[Int(state.sessionActivity[x])]) == k,
            chain.count < Self.kempeCap
        else { return false }
        chain.append(x)
        return true
    }
}
