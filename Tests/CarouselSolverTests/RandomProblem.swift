import CarouselSolver

/// A seeded generator of small, usually feasible problems covering most of
/// the format: breaks, narrowed days, features, sites, capacities,
/// unavailability, staff roles/skills/availability/limits, durations 1–2,
/// maxGroups, windows, years, staff rows with `count` and `perPupils`,
/// together activities, visits, needs, direct/daily/times/minDays items,
/// `oneOf` with `count` and `prefer`, fixed sessions and weights.
///
/// The problem is produced as JSON text so that the same bytes go to
/// `ProblemDecoder` and to `check.py`.
struct RandomProblem {
    let seed: UInt64
    let json: String

    init(seed: UInt64, fixedSessions: Bool = false, randomWeights: Bool = false) {
        self.seed = seed
        var rng = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        func pick(_ n: Int) -> Int { rng.below(n) }
        func chance(_ p: Double) -> Bool { rng.unit() < p }
        func range(_ lo: Int, _ hi: Int) -> Int { lo + rng.below(hi - lo + 1) }
        func q(_ s: String) -> String { "\"\(s)\"" }
        func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }
        func clock(_ m: Int) -> String {
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
        }

        // Calendar: 2–3 days, 4–7 periods of 45 minutes with one 15-minute break.
        let D = range(2, 3), P = range(4, 7)
        let breakAt = range(2, P - 2)
        var periods: [String] = []
        var pStart: [Int] = [], pEnd: [Int] = [], isBreak: [Bool] = []
        var t = 9 * 60
        for p in 0..<P {
            let brk = p == breakAt
            let len = brk ? 15 : 45
            pStart.append(t)
            pEnd.append(t + len)
            isBreak.append(brk)
            periods.append(
                "{\"id\": \"p\(p)\", \"start\": \"\(clock(t))\", \"end\": \"\(clock(t + len))\"\(brk ? ", \"break\": true" : "")}"
            )
            t += len
        }
        let dayIDs = (0..<D).map { "d\($0)" }
        var days: [String] = []
        let narrowed = D == 3 && chance(0.4)
        for d in 0..<D {
            // Sometimes the last day ends at the break (narrowed periods).
            if d == D - 1 && narrowed {
                days.append("{\"id\": \"\(dayIDs[d])\", \"periods\": \(list((0..<breakAt).map { q("p\($0)") }))}")
            } else {
                days.append("{\"id\": \"\(dayIDs[d])\"}")
            }
        }
        let dayEnd = pEnd[P - 1]
        // Periods [a, b) of the day as a clock window.
        func window(_ a: Int, _ b: Int) -> String { "\(clock(pStart[a]))-\(clock(pEnd[b - 1]))" }

        // Rooms.
        let features = ["lab", "step-free", "outdoor"]
        let R = range(3, 6)
        var roomFeatures: [[String]] = []
        var roomCapacity: [Int] = []
        var roomBlocked: [(day: Int, period: Int)?] = []
        var rooms: [String] = []
        for r in 0..<R {
            var fs: [String] = []
            for f in features where chance(r == 0 ? 0.7 : 0.4) { fs.append(f) }
            roomFeatures.append(fs)
            var parts = ["\"id\": \"r\(r)\"", "\"features\": \(list(fs.map(q)))"]
            // r0 is a hall without a capacity limit (assemblies fit there).
            if r > 0 && chance(0.6) {
                roomCapacity.append(range(3, 8) * 10)
                parts.append("\"capacity\": \(roomCapacity[r])")
            } else {
                roomCapacity.append(1_000)
            }
            if chance(0.4) { parts.append("\"site\": \(q(chance(0.5) ? "annex" : "main"))") }
            roomBlocked.append(nil)
            if chance(0.25) {
                // A short block: overlaps one period (overlap semantics).
                let d = pick(D), p = pick(P)
                roomBlocked[r] = (d, p)
                parts.append("\"unavailable\": [\"\(dayIDs[d]) \(clock(pStart[p] + 5))-\(clock(pStart[p] + 10))\"]")
            }
            rooms.append("{" + parts.joined(separator: ", ") + "}")
        }

        // Staff.
        let roles = ["teacher", "technician", "student"]
        let skills = ["chem", "dbs"]
        let G = range(3, 10)
        let S = range(max(2, (G + 1) / 2), 8)
        var staffRole: [String] = [], staffSkills: [[String]] = []
        var staff: [String] = []
        for s in 0..<S {
            let role = roles[s < 2 ? 0 : pick(roles.count)]
            var sk: [String] = []
            for k in skills where chance(0.5) { sk.append(k) }
            staffRole.append(role)
            staffSkills.append(sk)
            var parts = ["\"id\": \"s\(s)\"", "\"role\": \(q(role))", "\"skills\": \(list(sk.map(q)))"]
            if chance(0.3) {
                // Away for part of one day.
                var av: [String] = []
                let away = pick(D)
                for d in 0..<D where d != away { av.append(q(dayIDs[d])) }
                av.append(q("\(dayIDs[away]) \(clock(pStart[0]))-\(clock(pEnd[breakAt - 1]))"))
                parts.append("\"available\": \(list(av))")
            }
            if chance(0.3) { parts.append("\"maxPerDay\": \(range(3, 5))") }
            if chance(0.2) { parts.append("\"max\": \(range(6, 10))") }
            if chance(0.3) { parts.append("\"preferredMaxPerDay\": \(range(1, 3))") }
            staff.append("{" + parts.joined(separator: ", ") + "}")
        }

        // Activities. Activity 0 may be a together assembly.
        let A = range(3, 6)
        let hasAssembly = chance(0.3)
        // Every attendee of a together activity must attend every session, so
        // all of them ask the same way: daily (visiting every day) or once.
        let assemblyDaily = chance(0.3)
        var actYears: [ClosedRange<Int>?] = []
        // actWindow: 0 none, 1 morning, 2 day 0 + afternoons.
        var actDuration: [Int] = [], actRooms: [[Int]] = [], actWindow: [Int] = []
        var activities: [String] = []
        for a in 0..<A {
            if a == 0 && hasAssembly {
                actYears.append(nil)
                actDuration.append(1)
                actRooms.append(Array(0..<R))
                actWindow.append(0)
                activities.append("{\"id\": \"a0\", \"name\": \"Assembly\", \"together\": true}")
                continue
            }
            var parts = ["\"id\": \"a\(a)\""]
            let duration = chance(0.3) ? 2 : 1
            if duration == 2 { parts.append("\"duration\": 2") }
            actDuration.append(duration)
            let maxGroups = range(1, 3)
            if maxGroups != 1 { parts.append("\"maxGroups\": \(maxGroups)") }
            if chance(0.3) { parts.append("\"capacity\": \(range(4, 8) * 10)") }
            // roomFeatures: one feature of some room r0, which stays allowed.
            let r0 = pick(R)
            var allowed = Array(0..<R)
            if chance(0.3), let f = roomFeatures[r0].first {
                parts.append("\"roomFeatures\": [\(q(f))]")
                allowed = allowed.filter { roomFeatures[$0].contains(f) }
            }
            if chance(0.2) {
                let chosen = allowed.filter { $0 == r0 || chance(0.5) }
                if chosen.contains(r0) || !chosen.isEmpty {
                    parts.append("\"rooms\": \(list(chosen.map { q("r\($0)") }))")
                    allowed = chosen
                }
            }
            actRooms.append(allowed)
            var years: ClosedRange<Int>?
            if chance(0.2) {
                let lo = range(4, 6)
                years = lo...(lo + range(1, 3))
                parts.append("\"years\": [\(years!.lowerBound), \(years!.upperBound)]")
            }
            actYears.append(years)
            var win = 0
            if chance(0.3) {
                // Before the break on every day, or all of day 0 and every afternoon.
                if chance(0.5) {
                    win = 1
                    parts.append("\"window\": [\(q(window(0, breakAt)))]")
                } else {
                    win = 2
                    parts.append(
                        "\"window\": [\(q(dayIDs[0])), \(q("\(clock(pStart[breakAt + 1]))-\(clock(dayEnd))"))]")
                }
            }
            actWindow.append(win)
            if chance(0.2) { parts.append("\"maxPerDay\": \(range(3, 6))") }
            if chance(0.15) { parts.append("\"maxSessions\": \(range(8, 14))") }
            var rows: [String] = []
            if chance(0.6) {
                // A row that at least one staff member matches.
                let s = pick(S)
                switch pick(4) {
                case 0: rows.append("{\"role\": \(q(staffRole[s])), \"count\": 1}")
                case 1:
                    if let k = staffSkills[s].first {
                        rows.append("{\"skills\": [\(q(k))], \"count\": 1}")
                    } else {
                        rows.append("{\"count\": 1}")
                    }
                case 2: rows.append("{\"ids\": [\(q("s\(s)")), \(q("s\((s + 1) % S)"))], \"count\": 1}")
                default: rows.append("{\"role\": \(q(staffRole[s])), \"perPupils\": 40}")
                }
            }
            // A second row of students, when there are enough to go round.
            if staffRole.filter({ $0 == "student" }).count >= 3 && !rows.contains(where: { $0.contains("student") })
                && chance(0.3)
            {
                rows.append("{\"role\": \"student\", \"count\": 1}")
            }
            if !rows.isEmpty { parts.append("\"staff\": \(list(rows))") }
            activities.append("{" + parts.joined(separator: ", ") + "}")
        }

        // Groups.
        let schools = ["North", "South", "East"]
        var groups: [String] = []
        var groupDirect: [[Int]] = []
        var groupYear: [Int?] = []
        var groupVisitDays: [[Int]] = []
        var groupNeed: [String?] = [], groupSize: [Int] = []
        for g in 0..<G {
            groupSize.append(range(8, 30))
            var parts = ["\"id\": \"g\(g)\"", "\"size\": \(groupSize[g])"]
            if chance(0.8) { parts.append("\"school\": \(q(schools[pick(schools.count)]))") }
            let year: Int? = chance(0.85) ? range(4, 9) : nil
            if let year { parts.append("\"year\": \(year)") }
            groupYear.append(year)
            var visitDays = Array(0..<D)
            var partVisit = false
            // Non-break periods the group is on site for.
            var budget = (0..<D).reduce(0) { n, d in n + (narrowed && d == D - 1 ? breakAt : P - 1) }
            if chance(0.35) {
                // One full day only, or all days but the afternoon of the first.
                if chance(0.5) {
                    let d = pick(narrowed ? D - 1 : D)
                    budget = P - 1
                    visitDays = [d]
                    partVisit = true
                    parts.append("\"visit\": [\(q(dayIDs[d]))]")
                } else {
                    budget -= P - 1 - breakAt
                    partVisit = true
                    var v = [q("\(dayIDs[0]) \(clock(pStart[0]))-\(clock(pEnd[breakAt - 1]))")]
                    for d in 1..<D { v.append(q(dayIDs[d])) }
                    parts.append("\"visit\": \(list(v))")
                }
            }
            groupVisitDays.append(visitDays)
            var need: String?
            if chance(0.15), let f = roomFeatures.first(where: { !$0.isEmpty })?.first {
                parts.append("\"needs\": [\(q(f))]")
                need = f
            }
            groupNeed.append(need)
            func yearOK(_ a: Int) -> Bool {
                if let need, !actRooms[a].contains(where: { roomFeatures[$0].contains(need) }) { return false }
                // Short visits and windows rarely meet: keep them apart.
                if partVisit && actWindow[a] != 0 { return false }
                guard let ys = actYears[a] else { return true }
                guard let year else { return false }
                return ys.contains(year)
            }
            var items: [String] = []
            var direct: [Int] = []
            // Keep the periods asked for well under the periods on site.
            budget = budget * 2 / 3
            if hasAssembly && chance(0.7) && visitDays.count == D && (need == nil || roomFeatures[0].contains(need!)) {
                items.append(assemblyDaily ? "{\"activity\": \"a0\", \"daily\": true}" : "{\"activity\": \"a0\"}")
                direct.append(0)
                budget -= assemblyDaily ? D : 1
            }
            let first = hasAssembly ? 1 : 0
            let candidates = (first..<A).filter(yearOK).shuffledDeterministically(&rng)
            var k = 0
            // Direct items.
            for _ in 0..<range(1, 2) where k < candidates.count {
                let a = candidates[k]
                k += 1
                guard budget >= actDuration[a] else { continue }
                direct.append(a)
                let roll = pick(6)
                // daily cannot work when the window misses a visit day (the narrowed one has no afternoon).
                let dailyOK = !(actWindow[a] == 2 && narrowed)
                if roll == 0 && visitDays.count >= 2 && budget >= 2 * actDuration[a] {
                    items.append("{\"activity\": \"a\(a)\", \"times\": 2, \"minDays\": 2}")
                    budget -= 2 * actDuration[a]
                } else if roll == 1 && dailyOK && budget >= visitDays.count * actDuration[a] {
                    items.append("{\"activity\": \"a\(a)\", \"daily\": true}")
                    budget -= visitDays.count * actDuration[a]
                } else if roll == 2 && visitDays.count >= 2 && budget >= 2 * actDuration[a] {
                    items.append("{\"activity\": \"a\(a)\", \"times\": 2}")
                    budget -= 2 * actDuration[a]
                } else {
                    items.append("{\"activity\": \"a\(a)\"}")
                    budget -= actDuration[a]
                }
            }
            // A oneOf item over the remaining activities.
            let rest = Array(candidates[k...])
            let longest = rest.map { actDuration[$0] }.max() ?? 1
            if rest.count >= 2 && chance(0.7) && budget >= longest {
                let count = rest.count >= 3 && budget >= 2 * longest && chance(0.4) ? 2 : 1
                var item = "{\"oneOf\": \(list(rest.map { q("a\($0)") })), \"count\": \(count)"
                if chance(0.7) {
                    let prefer = Array(rest.shuffledDeterministically(&rng).prefix(range(1, rest.count)))
                    item += ", \"prefer\": \(list(prefer.map { q("a\($0)") }))"
                }
                items.append(item + "}")
            }
            groupDirect.append(direct)
            parts.append("\"attend\": \(list(items))")
            groups.append("{" + parts.joined(separator: ", ") + "}")
        }

        // Fixed sessions: a direct, non-together activity of a group, at a
        // start the group, the activity and the room plainly allow.
        var fixed: [String] = []
        var fixedUse: [(room: Int, day: Int, periods: Range<Int>, group: Int)] = []
        if fixedSessions {
            for g in 0..<G where chance(0.3) {
                guard let a = groupDirect[g].first(where: { !(hasAssembly && $0 == 0) }) else { continue }
                // A day the group visits in the morning (and the window allows),
                // a start before the break that leaves room for the duration.
                let days = actWindow[a] == 2 ? groupVisitDays[g].filter { $0 == 0 } : groupVisitDays[g]
                guard let d = days.first, breakAt - actDuration[a] >= 0 else { continue }
                let p = pick(breakAt - actDuration[a] + 1)
                // A room that suits the group, free of the other fixed sessions.
                let rooms = actRooms[a].filter { r in
                    (groupNeed[g].map { roomFeatures[r].contains($0) } ?? true) && roomCapacity[r] >= groupSize[g]
                        && !(roomBlocked[r].map { $0.day == d && (p..<(p + actDuration[a])).contains($0.period) }
                            ?? false)
                        && !fixedUse.contains {
                            $0.room == r && $0.day == d && $0.periods.overlaps(p..<(p + actDuration[a]))
                        }
                }
                guard !rooms.isEmpty, !fixedUse.contains(where: { $0.group == g }) else { continue }
                let r = rooms[pick(rooms.count)]
                fixedUse.append((room: r, day: d, periods: p..<(p + actDuration[a]), group: g))
                fixed.append(
                    "{\"activity\": \"a\(a)\", \"day\": \"\(dayIDs[d])\", \"start\": \"\(chance(0.5) ? "p\(p)" : clock(pStart[p]))\", \"room\": \"r\(r)\", \"groups\": [\"g\(g)\"]}"
                )
                if fixed.count >= 2 { break }
            }
        }

        var weights = "{}"
        if randomWeights {
            let w: [(String, String)] = [
                ("preference", ["5", "0.5", "2"][pick(3)]), ("idleGap", ["1", "0.5", "3"][pick(3)]),
                ("siteChange", ["2", "1.5"][pick(2)]), ("spread", ["5", "0.25"][pick(2)]),
                ("isolated", ["0", "1", "0.5"][pick(3)]), ("roomStability", ["0", "1"][pick(2)]),
                ("mixSchools", ["0", "2"][pick(2)]), ("sessions", ["0", "0.5"][pick(2)]),
                ("staffOverload", ["0", "1.25"][pick(2)]), ("overCapacity", ["null", "0.5", "3"][pick(3)]),
            ]
            weights = "{" + w.map { "\(q($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }

        json = """
            {
              "name": "random-\(seed)",
              "calendar": {"days": \(list(days)), "periods": [
                \(periods.joined(separator: ",\n    "))
              ]},
              "rooms": [
                \(rooms.joined(separator: ",\n    "))
              ],
              "staff": [
                \(staff.joined(separator: ",\n    "))
              ],
              "activities": [
                \(activities.joined(separator: ",\n    "))
              ],
              "groups": [
                \(groups.joined(separator: ",\n    "))
              ],
              "fixed": \(list(fixed)),
              "weights": \(weights)
            }
            """
    }

    func fx() throws -> Fx { try Fx(json: json) }
}

extension Array {
    /// Fisher–Yates with the given generator (the standard library's shuffle
    /// may change between releases; this one never does).
    func shuffledDeterministically(_ rng: inout SeededRandom) -> [Element] {
        var out = self
        var i = out.count - 1
        while i > 0 {
            let j = rng.below(i + 1)
            out.swapAt(i, j)
            i -= 1
        }
        return out
    }
}
