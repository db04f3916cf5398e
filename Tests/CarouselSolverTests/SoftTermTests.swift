import CarouselModel
import CarouselSolver
import Testing

/// Spec section 7, term by term: feasible schedules whose costs are worked
/// out by hand in the comments, with default and non-default (fractional)
/// weights.
///
/// Calendar (Fixtures.calendar): days mon, tue; non-break positions
/// p1 = 0, p2 = 1, p3 = 2, p4 = 3 (the break lies between p2 and p3).
@Suite("Soft terms (spec section 7)")
struct SoftTermTests {
    static let rooms = #"[{"id": "r1"}, {"id": "r2"}, {"id": "r3"}, {"id": "r4"}]"#

    static func activities(_ ids: String...) -> String {
        "[" + ids.map { "{\"id\": \"\($0)\"}" }.joined(separator: ", ") + "]"
    }

    // MARK: preference

    @Test func preferenceOneItem() throws {
        // oneOf [a, b, c, d] count 2, prefer [c, a]:
        // r(c) = 0, r(a) = 1, r(b) = r(d) = len(prefer) = 2;
        // least possible sum = min(0, 2) + min(1, 2) = 1.
        let groups =
            #"[{"id": "g1", "size": 20, "attend": [{"oneOf": ["a", "b", "c", "d"], "count": 2, "prefer": ["c", "a"]}]}]"#
        let fx = try Fx(rooms: Self.rooms, activities: Self.activities("a", "b", "c", "d"), groups: groups)
        let half = try Fx(
            rooms: Self.rooms, activities: Self.activities("a", "b", "c", "d"), groups: groups,
            weights: #"{"preference": 0.5}"#)
        let cases: [(String, String, Int)] = [
            ("c", "a", 0),  // 0 + 1 - 1
            ("a", "c", 0),  // order does not matter
            ("c", "b", 1),  // 0 + 2 - 1
            ("a", "d", 2),  // 1 + 2 - 1
            ("b", "d", 3),  // 2 + 2 - 1
        ]
        for (x, y, cost) in cases {
            let sessions = { (f: Fx) in
                [f.S(x, "mon", "p1", "r1", groups: ["g1"]), f.S(y, "mon", "p2", "r1", groups: ["g1"])]
            }
            let ev = fx.evaluate(sessions(fx))
            expectFeasible(ev)
            #expect(ev.cost(.preference) == Double(cost), "\(x), \(y)")
            #expect(ev.weighted(.preference) == 5 * Double(cost), "default weight 5")
            #expect(ev.soft == 5 * Double(cost), "no other term costs anything here")
            let evHalf = half.evaluate(sessions(half))
            #expect(evHalf.weighted(.preference) == 0.5 * Double(cost))
            #expect(evHalf.soft == 0.5 * Double(cost))
        }
    }

    @Test func preferenceSeveralItemsAndShortPreferLists() throws {
        // g1: item 1 oneOf [a, b] prefer [b] (count 1): least sum 0.
        //     item 2 oneOf [c, d, e] count 2 prefer [e]: least sum min(0,1) + min(1,1) = 1.
        // g2: oneOf [a, b] without prefer: never costs anything.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"oneOf": ["a", "b"], "prefer": ["b"]},
                                                {"oneOf": ["c", "d", "e"], "count": 2, "prefer": ["e"]}]},
             {"id": "g2", "size": 20, "attend": [{"oneOf": ["a", "b"]}]}]
            """#
        let fx = try Fx(
            rooms: Self.rooms, activities: Self.activities("a", "b", "c", "d", "e"), groups: groups,
            weights: #"{"preference": 0.5}"#)
        // a, c, d: item 1: r(a) = 1 - 0 = 1; item 2: r(c) + r(d) = 1 + 1, minus 1 = 1. Total 2.
        let worse = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"]), fx.S("c", "mon", "p2", "r1", groups: ["g1"]),
            fx.S("d", "mon", "p3", "r1", groups: ["g1"]), fx.S("a", "mon", "p1", "r2", groups: ["g2"]),
        ])
        expectFeasible(worse)
        #expect(worse.cost(.preference) == 2)
        #expect(worse.weighted(.preference) == 1.0)
        // b, e, c: item 1: 0; item 2: 0 + 1 - 1 = 0 (the least possible sum, not 0, is the floor).
        let best = fx.evaluate([
            fx.S("b", "mon", "p1", "r1", groups: ["g1"]), fx.S("e", "mon", "p2", "r1", groups: ["g1"]),
            fx.S("c", "mon", "p3", "r1", groups: ["g1"]), fx.S("b", "mon", "p1", "r2", groups: ["g2"]),
        ])
        expectFeasible(best)
        #expect(best.cost(.preference) == 0)
    }

    @Test func preferenceTakesTheBestAssignmentOfSharedActivities() throws {
        // Both items list a and b; item 1 prefers [a, b], item 2 prefers [b, a].
        // Chosen {a, b}: a→1, b→2 costs 0 + 0; a→2, b→1 would cost 1 + 1. The cost is the least: 0.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"oneOf": ["a", "b"], "prefer": ["a", "b"]}, {"oneOf": ["a", "b"], "prefer": ["b", "a"]}]}]
            """#
        let fx = try Fx(rooms: Self.rooms, activities: Self.activities("a", "b"), groups: groups)
        let ev = fx.evaluate([
            fx.S("b", "mon", "p1", "r1", groups: ["g1"]), fx.S("a", "mon", "p2", "r1", groups: ["g1"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.preference) == 0)
    }

    // MARK: idleGap

    @Test func idleGap() throws {
        // g1 mon: a p1, b p4 → positions 0 and 3, p2 and p3 idle: 2.
        // g1 tue: c (2 periods) p1-p2, d p3 → 0..2 all busy (the break is not a period): 0.
        // g2 mon: e p2 alone: 0.  g2 tue: e p1, e p3 → positions 0, 2; p2 idle: 1.
        // Total 3.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}, {"activity": "c"}, {"activity": "d"}]},
             {"id": "g2", "size": 20, "attend": [{"activity": "e", "times": 3}]}]
            """#
        let acts = #"[{"id": "a"}, {"id": "b"}, {"id": "c", "duration": 2}, {"id": "d"}, {"id": "e"}]"#
        func sessions(_ f: Fx) -> [ScheduledSession] {
            [
                f.S("a", "mon", "p1", "r1", groups: ["g1"]), f.S("b", "mon", "p4", "r1", groups: ["g1"]),
                f.S("c", "tue", "p1", "r1", groups: ["g1"]), f.S("d", "tue", "p3", "r1", groups: ["g1"]),
                f.S("e", "mon", "p2", "r2", groups: ["g2"]), f.S("e", "tue", "p1", "r2", groups: ["g2"]),
                f.S("e", "tue", "p3", "r2", groups: ["g2"]),
            ]
        }
        let fx = try Fx(rooms: Self.rooms, activities: acts, groups: groups)
        let ev = fx.evaluate(sessions(fx))
        expectFeasible(ev)
        #expect(ev.cost(.idleGap) == 3)
        #expect(ev.weighted(.idleGap) == 3)
        #expect(ev.soft == 3)
        let half = try Fx(rooms: Self.rooms, activities: acts, groups: groups, weights: #"{"idleGap": 0.5}"#)
        let evHalf = half.evaluate(sessions(half))
        #expect(evHalf.weighted(.idleGap) == 1.5)
        #expect(evHalf.soft == 1.5)
    }

    @Test func idleGapCountsOnlyTheDaysOwnPeriods() throws {
        // tue holds p1, p2, p4 only: p1 and p4 are positions 0 and 2 there, one idle (p2).
        // On mon the same starts leave p2 and p3 idle: 2. Total 3.
        let cal = #"""
            {"days": [{"id": "mon"}, {"id": "tue", "periods": ["p1", "p2", "p4"]}],
             "periods": [{"id": "p1", "start": "09:00", "end": "09:45"}, {"id": "p2", "start": "09:45", "end": "10:30"},
                         {"id": "brk", "start": "10:30", "end": "10:45", "break": true},
                         {"id": "p3", "start": "10:45", "end": "11:30"}, {"id": "p4", "start": "11:30", "end": "12:15"}]}
            """#
        let fx = try Fx(
            calendar: cal, rooms: Self.rooms, activities: Self.activities("a"),
            groups: #"[{"id": "g1", "size": 20, "attend": [{"activity": "a", "times": 4}]}]"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"]), fx.S("a", "mon", "p4", "r1", groups: ["g1"]),
            fx.S("a", "tue", "p1", "r1", groups: ["g1"]), fx.S("a", "tue", "p4", "r1", groups: ["g1"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.idleGap) == 3)
    }

    // MARK: siteChange, and several terms with non-default weights

    static let siteRooms = #"[{"id": "m1"}, {"id": "x1", "site": "annex"}, {"id": "x2", "site": "annex"}]"#
    static let siteGroups = #"""
        [{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}, {"activity": "c"}, {"activity": "d"}, {"activity": "e"}]},
         {"id": "g2", "size": 20, "attend": [{"activity": "f"}]}]
        """#

    func siteSessions(_ f: Fx) -> [ScheduledSession] {
        [
            f.S("a", "mon", "p1", "m1", groups: ["g1"]), f.S("b", "mon", "p2", "x1", groups: ["g1"]),
            f.S("c", "mon", "p4", "x2", groups: ["g1"]),
            f.S("d", "tue", "p1", "x1", groups: ["g1"]), f.S("e", "tue", "p4", "m1", groups: ["g1"]),
            f.S("f", "mon", "p1", "x2", groups: ["g2"]),
        ]
    }

    @Test func siteChange() throws {
        // g1 mon: m1 (main) → x1 (annex) → x2 (annex): 1 change.
        // g1 tue: x1 (annex) p1 → m1 (main) p4: 1 change, whatever the gap.
        // g2: one session: 0. Total 2.
        // idleGap: g1 mon positions {0, 1, 3}: 1; tue {0, 3}: 2. Total 3.
        // Default weights: 2 × 2 + 1 × 3 = 7.
        let fx = try Fx(
            rooms: Self.siteRooms, activities: Self.activities("a", "b", "c", "d", "e", "f"), groups: Self.siteGroups)
        let ev = fx.evaluate(siteSessions(fx))
        expectFeasible(ev)
        #expect(ev.cost(.siteChange) == 2)
        #expect(ev.weighted(.siteChange) == 4)
        #expect(ev.cost(.idleGap) == 3)
        #expect(ev.soft == 7)
    }

    @Test func allWeightsNonDefault() throws {
        // The siteChange schedule again. Costs:
        //   siteChange 2, idleGap 3 (above);
        //   isolated: g1 mon: c (position 3; 2 is empty) → 1; g1 tue: d (0; 1 empty) and e (3; 2 empty) → 2;
        //             g2: f alone → 1. Total 4.
        //   sessions 6; roomStability 0 (one session per activity); preference, spread, mixSchools,
        //   staffOverload, overCapacity 0.
        // soft = 0.5 × 3 + 1.5 × 2 + 1 × 4 + 0.25 × 6 = 1.5 + 3 + 4 + 1.5 = 10.
        let weights = #"""
            {"preference": 0.5, "idleGap": 0.5, "siteChange": 1.5, "spread": 0, "isolated": 1, "roomStability": 0.5,
             "mixSchools": 3, "sessions": 0.25, "staffOverload": 2, "overCapacity": null}
            """#
        let fx = try Fx(
            rooms: Self.siteRooms, activities: Self.activities("a", "b", "c", "d", "e", "f"), groups: Self.siteGroups,
            weights: weights)
        let ev = fx.evaluate(siteSessions(fx))
        expectFeasible(ev)
        let costs: [Weights.Term: Int] = [
            .preference: 0, .idleGap: 3, .siteChange: 2, .spread: 0, .isolated: 4, .roomStability: 0,
            .mixSchools: 0, .sessions: 6, .staffOverload: 0, .overCapacity: 0,
        ]
        for (term, cost) in costs { #expect(ev.cost(term) == Double(cost), "\(term)") }
        #expect(ev.weighted(.idleGap) == 1.5)
        #expect(ev.weighted(.siteChange) == 3)
        #expect(ev.weighted(.isolated) == 4)
        #expect(ev.weighted(.sessions) == 1.5)
        #expect(ev.soft == 10)
    }

    // MARK: spread

    @Test func spread() throws {
        // g1 {a, times 3, minDays 3} on mon, mon, tue: 2 days, 1 short.
        // g2 {b, times 2, minDays 2} on mon, tue: 0 short.
        // g3 {c, minDays 2} (once): 1 day, 1 short.
        // Total 2; weight 5 → 10; weight 0.25 → 0.5.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"activity": "a", "times": 3, "minDays": 3}]},
             {"id": "g2", "size": 20, "attend": [{"activity": "b", "times": 2, "minDays": 2}]},
             {"id": "g3", "size": 20, "attend": [{"activity": "c", "minDays": 2}]}]
            """#
        func sessions(_ f: Fx) -> [ScheduledSession] {
            [
                f.S("a", "mon", "p1", "r1", groups: ["g1"]), f.S("a", "mon", "p2", "r1", groups: ["g1"]),
                f.S("a", "tue", "p1", "r1", groups: ["g1"]),
                f.S("b", "mon", "p1", "r2", groups: ["g2"]), f.S("b", "tue", "p1", "r2", groups: ["g2"]),
                f.S("c", "mon", "p1", "r3", groups: ["g3"]),
            ]
        }
        let fx = try Fx(rooms: Self.rooms, activities: Self.activities("a", "b", "c"), groups: groups)
        let ev = fx.evaluate(sessions(fx))
        expectFeasible(ev)
        #expect(ev.cost(.spread) == 2)
        #expect(ev.weighted(.spread) == 10)
        #expect(ev.soft == 10)
        let quarter = try Fx(
            rooms: Self.rooms, activities: Self.activities("a", "b", "c"), groups: groups, weights: #"{"spread": 0.25}"#
        )
        #expect(quarter.evaluate(sessions(quarter)).weighted(.spread) == 0.5)
    }

    // MARK: isolated

    @Test func isolated() throws {
        // g1 mon: a p1, b p2, c p4 → c has nothing at p3 and nothing after: 1.
        // g1 tue: d p2, e p3 → neighbours across the break (positions 1 and 2): 0.
        // g2 mon: f p3 alone: 1.
        // g2 tue: g (2 periods) p1-p2 with p3 empty, h p4 with p3 empty: 2.
        // Total 4; weight 1.5 → 6. idleGap: g1 mon {0,1,3} → 1, g2 tue {0,1,3} → 1: 2.
        // soft = 6 + 2 = 8.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}, {"activity": "c"}, {"activity": "d"}, {"activity": "e"}]},
             {"id": "g2", "size": 20, "attend": [{"activity": "f"}, {"activity": "g"}, {"activity": "h"}]}]
            """#
        let acts =
            #"[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}, {"id": "f"}, {"id": "g", "duration": 2}, {"id": "h"}]"#
        let fx = try Fx(rooms: Self.rooms, activities: acts, groups: groups, weights: #"{"isolated": 1.5}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"]), fx.S("b", "mon", "p2", "r1", groups: ["g1"]),
            fx.S("c", "mon", "p4", "r1", groups: ["g1"]), fx.S("d", "tue", "p2", "r1", groups: ["g1"]),
            fx.S("e", "tue", "p3", "r1", groups: ["g1"]), fx.S("f", "mon", "p3", "r2", groups: ["g2"]),
            fx.S("g", "tue", "p1", "r2", groups: ["g2"]), fx.S("h", "tue", "p4", "r2", groups: ["g2"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.isolated) == 4)
        #expect(ev.weighted(.isolated) == 6)
        #expect(ev.cost(.idleGap) == 2)
        #expect(ev.soft == 8)
    }

    // MARK: roomStability

    @Test func roomStability() throws {
        // a in r1, r1, r2: 2 rooms - 1 = 1. b in r2, r3, r4: 3 - 1 = 2.
        // c once: 0. d never held: 0 (not -1). Total 3; weight 0.5 → 1.5.
        let groups = #"""
            [{"id": "g1", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}]},
             {"id": "g2", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}]},
             {"id": "g3", "size": 20, "attend": [{"activity": "a"}, {"activity": "b"}]},
             {"id": "g4", "size": 20, "attend": [{"activity": "c"}]}]
            """#
        let fx = try Fx(
            rooms: Self.rooms, activities: Self.activities("a", "b", "c", "d"), groups: groups,
            weights: #"{"roomStability": 0.5}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"]), fx.S("b", "mon", "p1", "r2", groups: ["g2"]),
            fx.S("b", "mon", "p1", "r3", groups: ["g3"]), fx.S("a", "mon", "p2", "r1", groups: ["g2"]),
            fx.S("b", "mon", "p2", "r4", groups: ["g1"]), fx.S("a", "mon", "p2", "r2", groups: ["g3"]),
            fx.S("c", "tue", "p1", "r1", groups: ["g4"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.roomStability) == 3)
        #expect(ev.weighted(.roomStability) == 1.5)
        #expect(ev.soft == 1.5)
    }

    // MARK: mixSchools

    @Test func mixSchools() throws {
        // [g1 North, g2 North, g3 South]: 3 groups - 2 schools = 1.
        // [g4 -, g5 -]: no school = a school of its own each: 2 - 2 = 0.
        // [g6 North, g7 North]: 1.   [g8 South, g9 North]: 0.   [g10 -] alone: 0.
        // Total 2; weight 2 → 4.
        let groups = #"""
            [{"id": "g1", "size": 10, "school": "North", "attend": [{"activity": "a"}]},
             {"id": "g2", "size": 10, "school": "North", "attend": [{"activity": "a"}]},
             {"id": "g3", "size": 10, "school": "South", "attend": [{"activity": "a"}]},
             {"id": "g4", "size": 10, "attend": [{"activity": "a"}]},
             {"id": "g5", "size": 10, "attend": [{"activity": "a"}]},
             {"id": "g6", "size": 10, "school": "North", "attend": [{"activity": "a"}]},
             {"id": "g7", "size": 10, "school": "North", "attend": [{"activity": "a"}]},
             {"id": "g8", "size": 10, "school": "South", "attend": [{"activity": "a"}]},
             {"id": "g9", "size": 10, "school": "North", "attend": [{"activity": "a"}]},
             {"id": "g10", "size": 10, "attend": [{"activity": "a"}]}]
            """#
        let fx = try Fx(
            rooms: Self.rooms, activities: #"[{"id": "a", "maxGroups": 3}]"#, groups: groups,
            weights: #"{"mixSchools": 2}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1", "g2", "g3"]),
            fx.S("a", "mon", "p1", "r2", groups: ["g4", "g5"]),
            fx.S("a", "mon", "p1", "r3", groups: ["g6", "g7"]), fx.S("a", "mon", "p1", "r4", groups: ["g8", "g9"]),
            fx.S("a", "mon", "p2", "r1", groups: ["g10"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.mixSchools) == 2)
        #expect(ev.weighted(.mixSchools) == 4)
        #expect(ev.soft == 4)
    }

    // MARK: sessions

    @Test func sessions() throws {
        // Three sessions (one holds two groups): 3; weight 0.5 → 1.5.
        let groups = #"""
            [{"id": "g1", "size": 10, "attend": [{"activity": "a"}, {"activity": "b"}]},
             {"id": "g2", "size": 10, "attend": [{"activity": "a"}]}]
            """#
        let fx = try Fx(
            rooms: Self.rooms, activities: #"[{"id": "a", "maxGroups": 2}, {"id": "b"}]"#, groups: groups,
            weights: #"{"sessions": 0.5}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1", "g2"]), fx.S("b", "mon", "p2", "r1", groups: ["g1"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.sessions) == 2)
        #expect(ev.weighted(.sessions) == 1)
        let split = try Fx(
            rooms: Self.rooms, activities: #"[{"id": "a", "maxGroups": 2}, {"id": "b"}]"#, groups: groups,
            weights: #"{"sessions": 0.5}"#)
        let evSplit = split.evaluate([
            split.S("a", "mon", "p1", "r1", groups: ["g1"]), split.S("a", "mon", "p1", "r2", groups: ["g2"]),
            split.S("b", "mon", "p2", "r1", groups: ["g1"]),
        ])
        expectFeasible(evSplit)
        #expect(evSplit.cost(.sessions) == 3)
        #expect(evSplit.weighted(.sessions) == 1.5)
        #expect(evSplit.soft == 1.5)
    }

    // MARK: staffOverload

    @Test func staffOverload() throws {
        // t1 (preferredMaxPerDay 1): 3 sessions on mon → 2 over; 1 on tue → 0.
        // t2 (preferredMaxPerDay 0): 1 session on tue → 1.
        // t3 (no preference), extra in one session: 0.  Total 3; weight 1.25 → 3.75.
        let staff = #"[{"id": "t1", "preferredMaxPerDay": 1}, {"id": "t2", "preferredMaxPerDay": 0}, {"id": "t3"}]"#
        let groups = (1...5).map { "{\"id\": \"g\($0)\", \"size\": 10, \"attend\": [{\"activity\": \"a\"}]}" }.joined(
            separator: ", ")
        let fx = try Fx(
            rooms: Self.rooms, staff: staff, activities: #"[{"id": "a", "staff": [{"count": 1}]}]"#,
            groups: "[\(groups)]",
            weights: #"{"staffOverload": 1.25}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"], staff: ["t1"]),
            fx.S("a", "mon", "p2", "r1", groups: ["g2"], staff: ["t1"]),
            fx.S("a", "mon", "p3", "r1", groups: ["g3"], staff: ["t1", "t3"]),
            fx.S("a", "tue", "p1", "r1", groups: ["g4"], staff: ["t1"]),
            fx.S("a", "tue", "p2", "r1", groups: ["g5"], staff: ["t2"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.staffOverload) == 3)
        #expect(ev.weighted(.staffOverload) == 3.75)
        #expect(ev.soft == 3.75)
    }

    // MARK: staffIdleGap (a Carousel addition)

    @Test func staffIdleGap() throws {
        // The example of docs/format.md. Positions: p1 = 0, p2 = 1, p3 = 2,
        // p4 = 3 (the break is not a position).
        // shaw: mon p1 and p4 → positions 0..3, busy 2 → 2 idle (p2, p3);
        //       tue p2 alone → 0. lee: mon p2 and p3, back to back around
        //       the break → 0. Total 2; weight 1.5 → 3.
        let staff = #"[{"id": "shaw"}, {"id": "lee"}]"#
        let groups = (1...5).map { "{\"id\": \"g\($0)\", \"size\": 10, \"attend\": [{\"activity\": \"a\"}]}" }
            .joined(separator: ", ")
        let fx = try Fx(
            rooms: Self.rooms, staff: staff, activities: #"[{"id": "a", "staff": [{"count": 1}]}]"#,
            groups: "[\(groups)]", weights: #"{"staffIdleGap": 1.5}"#)
        let ev = fx.evaluate([
            fx.S("a", "mon", "p1", "r1", groups: ["g1"], staff: ["shaw"]),
            fx.S("a", "mon", "p4", "r1", groups: ["g2"], staff: ["shaw"]),
            fx.S("a", "tue", "p2", "r1", groups: ["g3"], staff: ["shaw"]),
            fx.S("a", "mon", "p2", "r2", groups: ["g4"], staff: ["lee"]),
            fx.S("a", "mon", "p3", "r2", groups: ["g5"], staff: ["lee"]),
        ])
        expectFeasible(ev)
        #expect(ev.cost(.staffIdleGap) == 2)
        #expect(ev.weighted(.staffIdleGap) == 3)
        // idleGap is per group: every group has one session, so 0.
        #expect(ev.soft == 3)
        // By default the term costs nothing.
        let plain = try Fx(
            rooms: Self.rooms, staff: staff, activities: #"[{"id": "a", "staff": [{"count": 1}]}]"#,
            groups: "[\(groups)]")
        let evPlain = plain.evaluate([
            plain.S("a", "mon", "p1", "r1", groups: ["g1"], staff: ["shaw"]),
            plain.S("a", "mon", "p4", "r1", groups: ["g2"], staff: ["shaw"]),
        ])
        #expect(evPlain.cost(.staffIdleGap) == 2 && evPlain.weighted(.staffIdleGap) == 0)
    }

    /// With `staffIdleGap` weighted the solver closes a teacher's gap: Ms
    /// Shaw takes g1 at mon p1 (fixed); g2, on site on Monday only, needs
    /// her too, at p2 (gap 0), p3 (gap 1) or p4 (gap 2). Every other term
    /// is the same wherever g2 goes.
    @Test func solverAvoidsStaffIdleGaps() throws {
        let fx = try Fx(
            rooms: Self.rooms, staff: #"[{"id": "shaw"}]"#,
            activities: #"[{"id": "a", "staff": [{"count": 1}]}]"#,
            groups: #"""
                [{"id": "g1", "size": 10, "attend": [{"activity": "a"}]},
                 {"id": "g2", "size": 10, "visit": ["mon"], "attend": [{"activity": "a"}]}]
                """#,
            fixed:
                #"[{"activity": "a", "day": "mon", "start": "p1", "room": "r1", "groups": ["g1"], "staff": ["shaw"]}]"#,
            weights: #"{"staffIdleGap": 1}"#)
        for seed: UInt64 in 1...3 {
            var options = Solver.Options()
            options.seed = seed
            options.timeLimit = 600
            options.moveLimit = 5_000
            let sessions = Solver.solve(fx.instance, options: options).state.schedule.sessions
            let ev = fx.evaluate(sessions)
            expectFeasible(ev)
            #expect(ev.cost(.staffIdleGap) == 0, "seed \(seed): \(sessions)")
            #expect(
                sessions.contains { $0.groups == [1] && $0.day == 0 && $0.start == 1 }, "seed \(seed): g2 not at mon p2"
            )
        }
    }

    // MARK: overCapacity

    @Test func overCapacity() throws {
        // small (20) holds g1 (25): 5 over. mid (30) holds g2 + g3 (20 + 15 = 35): 5 over.
        // open (no capacity) holds g4 (25): 0. small holds g5 (18) at p2: 0.
        // Total 10; weight 2 → 20; weight 0.5 → 5.
        let rooms = #"[{"id": "small", "capacity": 20}, {"id": "mid", "capacity": 30}, {"id": "open"}]"#
        let groups = #"""
            [{"id": "g1", "size": 25, "attend": [{"activity": "a"}]}, {"id": "g2", "size": 20, "attend": [{"activity": "a"}]},
             {"id": "g3", "size": 15, "attend": [{"activity": "a"}]}, {"id": "g4", "size": 25, "attend": [{"activity": "a"}]},
             {"id": "g5", "size": 18, "attend": [{"activity": "a"}]}]
            """#
        func sessions(_ f: Fx) -> [ScheduledSession] {
            [
                f.S("a", "mon", "p1", "small", groups: ["g1"]), f.S("a", "mon", "p1", "mid", groups: ["g2", "g3"]),
                f.S("a", "mon", "p1", "open", groups: ["g4"]), f.S("a", "mon", "p2", "small", groups: ["g5"]),
            ]
        }
        let acts = #"[{"id": "a", "maxGroups": 2}]"#
        let two = try Fx(rooms: rooms, activities: acts, groups: groups, weights: #"{"overCapacity": 2}"#)
        let ev = two.evaluate(sessions(two))
        expectFeasible(ev)
        #expect(ev.cost(.overCapacity) == 10)
        #expect(ev.weighted(.overCapacity) == 20)
        #expect(ev.soft == 20)
        let half = try Fx(rooms: rooms, activities: acts, groups: groups, weights: #"{"overCapacity": 0.5}"#)
        #expect(half.evaluate(sessions(half)).weighted(.overCapacity) == 5)
        // Default (null): hard, two broken sessions, and no soft cost for it.
        let hard = try Fx(rooms: rooms, activities: acts, groups: groups)
        let evHard = hard.evaluate(sessions(hard))
        #expect(evHard.violations.filter { $0.rule == .sessionMakeUp }.count == 2, "\(describe(evHard))")
        #expect(evHard.weighted(.overCapacity) == 0)
    }

    // MARK: Weights decoding

    @Test func weightsDefaultsAndOverrides() throws {
        let fx = try Fx(activities: "[]", groups: "[]")
        let w = fx.problem.weights
        #expect(w[.preference] == 5 && w[.idleGap] == 1 && w[.siteChange] == 2 && w[.spread] == 5)
        #expect(
            w[.isolated] == 0 && w[.roomStability] == 0 && w[.mixSchools] == 0 && w[.sessions] == 0
                && w[.staffOverload] == 0)
        #expect(w.overCapacity == nil)
        let custom = try Fx(activities: "[]", groups: "[]", weights: #"{"idleGap": 0.5, "overCapacity": 3}"#)
        #expect(custom.problem.weights[.idleGap] == 0.5 && custom.problem.weights.overCapacity == 3)
        #expect(custom.problem.weights[.preference] == 5, "unlisted terms keep their default")
    }
}
