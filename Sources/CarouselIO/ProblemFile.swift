import CarouselModel

/// Writes a `Problem` back out as a problem file (spec sections 0–8), for
/// generated instances and imports. Keys with default values are left out,
/// so the file reads as an organiser would write it.
public enum ProblemFile {
    public static func render(_ p: Problem) -> String {
        let cal = p.calendar
        func ranges(_ list: [TimeRange]) -> JSONOutput {
            .array(
                list.map { r in
                    var text = r.day.map { cal.days[$0].id } ?? ""
                    if let w = r.window {
                        text += (text.isEmpty ? "" : " ") + "\(w.lowerBound.clockText)-\(w.upperBound.clockText)"
                    }
                    return .string(text)
                })
        }
        func strings(_ s: Set<String>) -> JSONOutput { .array(s.sorted().map { .string($0) }) }
        func named(_ id: String, _ name: String?) -> [(String, JSONOutput)] {
            [("id", .string(id))] + (name.map { [("name", .string($0))] } ?? [])
        }
        var top: [(String, JSONOutput)] = [
            ("format", .string(p.usesVersion2 ? "carousel/2" : "carousel/1")),
            ("name", .string(p.name)),
        ]
        if let d = p.description { top.append(("description", .string(d))) }
        func attend(_ items: [Group.AttendItem]) -> JSONOutput {
            .array(
                items.map { item in
                    var i: [(String, JSONOutput)]
                    switch item {
                    case .activity(let a, let times, let daily, let minDays, _):
                        i = [("activity", .string(p.activities[a].id))]
                        if daily {
                            i.append(("daily", .bool(true)))
                        } else if times != 1 {
                            i.append(("times", .int(times)))
                        }
                        if let m = minDays { i.append(("minDays", .int(m))) }
                    case .oneOf(let choices, let count, let prefer, _):
                        i = [("oneOf", .array(choices.map { .string(p.activities[$0].id) }))]
                        if count != 1 { i.append(("count", .int(count))) }
                        if let pr = prefer { i.append(("prefer", .array(pr.map { .string(p.activities[$0].id) }))) }
                    }
                    if let w = item.within { i.append(("within", ranges(w))) }
                    return .object(i)
                })
        }
        let allPeriods = Array(cal.periods.indices)
        top.append(
            (
                "calendar",
                .object([
                    (
                        "days",
                        .array(
                            cal.days.map { d in
                                var o = named(d.id, d.name)
                                if let date = d.date { o.append(("date", .string(date))) }
                                if d.periods != allPeriods {
                                    o.append(("periods", .array(d.periods.map { .string(cal.periods[$0].id) })))
                                }
                                return .object(o)
                            })
                    ),
                    (
                        "periods",
                        .array(
                            cal.periods.map { q in
                                var o = named(q.id, q.name)
                                o += [("start", .string(q.start.clockText)), ("end", .string(q.end.clockText))]
                                if q.isBreak { o.append(("break", .bool(true))) }
                                return .object(o)
                            })
                    ),
                ])
            ))
        if let sites = p.sites {
            top.append(
                (
                    "sites",
                    .array(
                        sites.map { site in
                            var o = named(site.id, site.name)
                            if !site.travel.isEmpty {
                                o.append(
                                    (
                                        "travel",
                                        .object(
                                            site.travel.sorted { $0.key < $1.key }.map {
                                                (sites[$0.key].id, .int($0.value))
                                            })
                                    ))
                            }
                            if site.online { o.append(("online", .bool(true))) }
                            if site.host { o.append(("host", .bool(true))) }
                            if site.share != 1 { o.append(("share", .number(site.share))) }
                            return .object(o)
                        })
                ))
        }
        top.append(
            (
                "rooms",
                .array(
                    p.rooms.map { r in
                        var o = named(r.id, r.name)
                        if let c = r.capacity { o.append(("capacity", .int(c))) }
                        if !r.features.isEmpty { o.append(("features", strings(r.features))) }
                        if r.site != "main" { o.append(("site", .string(r.site))) }
                        if !r.unavailable.isEmpty { o.append(("unavailable", ranges(r.unavailable))) }
                        if let url = r.url { o.append(("url", .string(url))) }
                        return .object(o)
                    })
            ))
        if !p.gates.isEmpty {
            top.append(
                (
                    "gates",
                    .array(
                        p.gates.map { gate in
                            var o = named(gate.id, gate.name)
                            if gate.site != "main" { o.append(("site", .string(gate.site))) }
                            if let c = gate.capacity { o.append(("capacity", .int(c))) }
                            return .object(o)
                        })
                ))
        }
        if let c = p.coaches {
            var o: [(String, JSONOutput)] = [("seats", .int(c.seats))]
            if c.arriveBefore != CoachPlan.defaultArriveBefore { o.append(("arriveBefore", .int(c.arriveBefore))) }
            if c.leaveAfter != CoachPlan.defaultLeaveAfter { o.append(("leaveAfter", .int(c.leaveAfter))) }
            top.append(("coaches", .object(o)))
        }
        top.append(
            (
                "staff",
                .array(
                    p.staff.map { s in
                        var o = named(s.id, s.name)
                        if let role = s.role { o.append(("role", .string(role))) }
                        if !s.skills.isEmpty { o.append(("skills", strings(s.skills))) }
                        if let a = s.available { o.append(("available", ranges(a))) }
                        if let m = s.maxPerDay { o.append(("maxPerDay", .int(m))) }
                        if let m = s.max { o.append(("max", .int(m))) }
                        if let m = s.preferredMaxPerDay { o.append(("preferredMaxPerDay", .int(m))) }
                        if let h = s.home { o.append(("home", .string(h))) }
                        if let m = s.maxConsecutive { o.append(("maxConsecutive", .int(m))) }
                        return .object(o)
                    })
            ))
        top.append(
            (
                "activities",
                .array(
                    p.activities.map { a in
                        var o = named(a.id, a.name)
                        if a.duration != 1 { o.append(("duration", .int(a.duration))) }
                        if let c = a.capacity { o.append(("capacity", .int(c))) }
                        if a.maxGroups != (a.together ? Int(Int32.max) : 1) {
                            o.append(("maxGroups", .int(a.maxGroups)))
                        }
                        if !a.roomFeatures.isEmpty { o.append(("roomFeatures", strings(a.roomFeatures))) }
                        if let rooms = a.rooms { o.append(("rooms", .array(rooms.map { .string(p.rooms[$0].id) }))) }
                        if let y = a.years { o.append(("years", .array([.int(y.lowerBound), .int(y.upperBound)]))) }
                        if let w = a.window { o.append(("window", ranges(w))) }
                        if let m = a.maxPerDay { o.append(("maxPerDay", .int(m))) }
                        if let m = a.maxSessions { o.append(("maxSessions", .int(m))) }
                        if a.together { o.append(("together", .bool(true))) }
                        if a.outdoor { o.append(("outdoor", .bool(true))) }
                        switch a.wetWeather {
                        case .rooms(let rooms)?:
                            o.append(
                                ("wetWeather", .object([("rooms", .array(rooms.map { .string(p.rooms[$0].id) }))])))
                        case .activity(let b)?:
                            o.append(("wetWeather", .object([("activity", .string(p.activities[b].id))])))
                        case nil: break
                        }
                        if !a.equipment.isEmpty { o.append(("equipment", .array(a.equipment.map { .string($0) }))) }
                        if !a.staff.isEmpty {
                            o.append(
                                (
                                    "staff",
                                    .array(
                                        a.staff.map { row in
                                            var r: [(String, JSONOutput)] = []
                                            if let role = row.role { r.append(("role", .string(role))) }
                                            if !row.skills.isEmpty { r.append(("skills", strings(row.skills))) }
                                            if let ids = row.ids {
                                                r.append(("ids", .array(ids.sorted().map { .string(p.staff[$0].id) })))
                                            }
                                            if row.count != 0 { r.append(("count", .int(row.count))) }
                                            if let pp = row.perPupils { r.append(("perPupils", .int(pp))) }
                                            return .object(r)
                                        })
                                ))
                        }
                        return .object(o)
                    })
            ))
        top.append(
            (
                "groups",
                .array(
                    p.groups.map { g in
                        var o = named(g.id, g.name)
                        if let s = g.school { o.append(("school", .string(s))) }
                        if let y = g.year { o.append(("year", .int(y))) }
                        o.append(("size", .int(g.size)))
                        if let v = g.visit { o.append(("visit", ranges(v))) }
                        if !g.needs.isEmpty { o.append(("needs", strings(g.needs))) }
                        if !g.seats { o.append(("seats", .bool(false))) }
                        if !g.exempt.isEmpty {
                            o.append(
                                (
                                    "exempt",
                                    .array(Group.exemptableTerms.filter(g.exempt.contains).map { .string($0.rawValue) })
                                ))
                        }
                        if let h = g.home { o.append(("home", .string(h))) }
                        if g.pool { o.append(("pool", .bool(true))) }
                        if let names = g.pupils { o.append(("pupils", .array(names.map { .string($0) }))) }
                        if g.sameStaff { o.append(("sameStaff", .bool(true))) }
                        if g.adults != 0 { o.append(("adults", .int(g.adults))) }
                        if !g.dietary.isEmpty {
                            o.append(("dietary", .object(g.dietary.map { ($0.need, .int($0.count)) })))
                        }
                        if let gate = g.gate { o.append(("gate", .string(p.gates[gate].id))) }
                        if !g.pool || !g.attend.isEmpty { o.append(("attend", attend(g.attend))) }
                        return .object(o)
                    })
            ))
        if !p.formations.isEmpty {
            top.append(
                (
                    "teams",
                    .array(
                        p.formations.map { f in
                            var o = named(f.id, f.name)
                            o.append(("pools", .array(f.pools.map { .string(p.groups[$0].id) })))
                            if f.minSize != 1 || f.maxSize != nil {
                                o.append(
                                    ("size", .array([.int(f.minSize), f.maxSize.map { .int($0) } ?? .int(100_000)])))
                            }
                            if f.minSchools != 1 { o.append(("minSchools", .int(f.minSchools))) }
                            if !f.require.isEmpty {
                                o.append(
                                    (
                                        "require",
                                        .array(
                                            f.require.map { q in
                                                var r: [(String, JSONOutput)] = [
                                                    ("pools", .array(q.pools.map { .string(p.groups[$0].id) }))
                                                ]
                                                if q.min != 1 { r.append(("min", .int(q.min))) }
                                                return .object(r)
                                            })
                                    ))
                            }
                            if let v = f.visit { o.append(("visit", ranges(v))) }
                            if !f.needs.isEmpty { o.append(("needs", strings(f.needs))) }
                            o.append(("attend", attend(f.attend)))
                            return .object(o)
                        })
                ))
        }
        if !p.fixed.isEmpty {
            top.append(
                (
                    "fixed",
                    .array(
                        p.fixed.map { f in
                            var o: [(String, JSONOutput)] = [
                                ("activity", .string(p.activities[f.activity].id)),
                                ("day", .string(cal.days[f.day].id)),
                                ("start", .string(cal.periods[f.start].id)), ("room", .string(p.rooms[f.room].id)),
                                ("groups", .array(f.groups.map { .string(p.groups[$0].id) })),
                                ("staff", .array(f.staff.map { .string(p.staff[$0].id) })),
                            ]
                            if let m = f.move { o.append(("move", .string(m.rawValue))) }
                            return .object(o)
                        })
                ))
        }
        if !p.spacing.isEmpty {
            top.append(
                (
                    "spacing",
                    .array(
                        p.spacing.map { e in
                            .object([
                                ("activities", .array(e.activities.map { .string(p.activities[$0].id) })),
                                ("minDays", .int(e.minDays)),
                            ])
                        })
                ))
        }
        if let roles = p.continuityRoles { top.append(("continuityRoles", strings(roles))) }
        let w = p.weights
        var weights: [(String, JSONOutput)] = []
        for term in Weights.Term.allCases where w.value(term) != term.definition.defaultWeight {
            weights.append((term.rawValue, w.value(term).map { .number($0) } ?? .null))
        }
        if !weights.isEmpty { top.append(("weights", .object(weights))) }
        return JSONOutput.object(top).rendered()
    }
}
