import CarouselModel

/// A schedule laid out for scoring from scratch: the sessions that fit the
/// period grid with their derived facts, and the lookups that several hard
/// rules and soft terms share. Built once per `Evaluator.evaluate`; it
/// favours clarity over speed.
struct PlacedSchedule {
    /// A session that fits the period grid.
    struct Session {
        /// Its index in the schedule.
        var index: Int
        var session: ScheduledSession
        var slot: Int
        var duration: Int
        var pupils: Int
        /// `rocket@tue p1 in field`, for messages.
        var name: String
    }

    /// Where one session of a group lies in its day: non-break positions
    /// `first ... last`.
    struct Span {
        var first: Int32
        var last: Int32
        /// Index into `sessions`.
        var session: Int
    }

    let instance: CompiledInstance
    let sessions: [Session]
    /// Each group's sessions (indices into `sessions`), in schedule order.
    let byGroup: [[Int]]

    init(_ sessions: [Session], instance I: CompiledInstance) {
        instance = I
        self.sessions = sessions
        var byGroup = [[Int]](repeating: [], count: I.groupCount)
        for (k, S) in sessions.enumerated() {
            for g in S.session.groups { byGroup[Int(g)].append(k) }
        }
        self.byGroup = byGroup
    }

    /// The sessions of group g by activity, activities ascending.
    func activities(of g: Int) -> [(activity: Int, sessions: [Int])] {
        var perActivity: [Int: [Int]] = [:]
        for k in byGroup[g] { perActivity[Int(sessions[k].session.activity), default: []].append(k) }
        return perActivity.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The sessions of group g that count for its direct demand j
    /// (`CompiledInstance.direct[g][j]`): those of its activity, inside its
    /// `within` ranges when it has them (spec section 12).
    func sessions(of g: Int, countingFor j: Int) -> [Int] {
        let dem = instance.direct[g][j], a = Int(dem.activity)
        return byGroup[g].filter { k in
            Int(sessions[k].session.activity) == a
                && instance.inside(within: dem.within, activity: a, at: sessions[k].slot)
        }
    }

    /// The sessions of group g, of an activity it has direct items with
    /// `within` for, that lie inside none of those items' ranges (they count
    /// for no item).
    func outsideEveryItem(of g: Int) -> [Int] {
        let demands = instance.direct[g]
        return byGroup[g].filter { k in
            let S = sessions[k], a = Int(S.session.activity)
            let mine = demands.filter { Int($0.activity) == a }
            return !mine.isEmpty && !mine.contains { instance.inside(within: $0.within, activity: a, at: S.slot) }
        }
    }

    /// For group g's `oneOf` items when one has `within`: whether activity
    /// a's sessions lie inside item k's ranges (`ChoiceAssignment.best`'s
    /// `fits`); nil when no item has `within`.
    func choiceFits(of g: Int) -> ((Int, Int) -> Bool)? {
        let items = instance.choice[g]
        guard items.contains(where: { $0.within >= 0 }) else { return nil }
        let mine = byGroup[g]
        return { k, a in
            mine.allSatisfy { s in
                Int(self.sessions[s].session.activity) != a
                    || self.instance.inside(within: items[k].within, activity: a, at: self.sessions[s].slot)
            }
        }
    }

    /// Whether group g attends activity a through a direct item.
    func isDirect(_ a: Int, for g: Int) -> Bool {
        instance.direct[g].contains { Int($0.activity) == a }
    }

    /// Whether activity a is in one of group g's `oneOf` lists.
    func isListed(_ a: Int, for g: Int) -> Bool {
        instance.choice[g].contains { $0.choices.contains(Int32(a)) }
    }

    /// The activities group g attends as `oneOf` picks (in a list, not a
    /// direct item), ascending.
    func chosenActivities(of g: Int) -> [Int] {
        activities(of: g).map(\.activity).filter { !isDirect($0, for: g) && isListed($0, for: g) }
    }

    /// Group g's sessions day by day (days it has sessions on, in no
    /// particular order), each day's as spans ordered by position.
    func daySpans(of g: Int) -> [[Span]] {
        var byDay: [Int: [Span]] = [:]
        for k in byGroup[g] {
            let S = sessions[k]
            let span = Span(
                first: instance.position[S.slot], last: instance.position[S.slot + S.duration - 1], session: k)
            byDay[Int(S.session.day), default: []].append(span)
        }
        return byDay.values.map { $0.sorted { ($0.first, $0.last) < ($1.first, $1.last) } }
    }

    /// Σ of `cost` over every group that `term` counts for (the group is not
    /// exempt from it).
    func sumOverGroups(counting term: Weights.Term, _ cost: (_ group: Int) -> Int) -> Int {
        // Pools attend through their teams: their own terms do not count.
        (0..<instance.groupCount).filter { instance.counts(term, forGroup: $0) && !instance.groupIsPool[$0] }
            .reduce(0) { $0 + cost($1) }
    }

    /// Σ of `cost` over the days of every group that `term` counts for:
    /// `cost` gets a day's spans, ordered by position, and the non-break
    /// positions they cover.
    func sumOverGroupDays(counting term: Weights.Term, _ cost: (_ spans: [Span], _ occupied: Set<Int32>) -> Int) -> Int
    {
        sumOverGroups(counting: term) { g in
            daySpans(of: g).reduce(0) { total, spans in
                var occupied = Set<Int32>()
                for span in spans { for x in span.first...span.last { occupied.insert(x) } }
                return total + cost(spans, occupied)
            }
        }
    }
}
