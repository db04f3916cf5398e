/// Decoding of the version 2 additions (spec sections 10–16): sites and
/// travel, homes, team formations and pools, spacing, continuity roles.
extension ProblemDecoder {
    static let siteKeys = ["id", "name", "travel", "online", "host", "share"]
    static let formationKeys = ["id", "name", "pools", "size", "minSchools", "require", "visit", "needs", "attend"]
    static let requireKeys = ["pools", "min"]
    static let spacingKeys = ["activities", "minDays"]

    // MARK: Sites (section 10)

    /// The `sites` list, or nil when the file has none. Travel entries are
    /// read after every site id is known, so a site may name a later one.
    mutating func decodeSites(_ top: ObjectReader) throws(InputError) -> [Site]? {
        guard let values = try top.list("sites") else { return nil }
        var sites: [Site] = []
        var readers: [ObjectReader] = []
        for (i, v) in values.enumerated() {
            let r = try ObjectReader(v, path: "sites[\(i)]", file: file, allowed: Self.siteKeys)
            let id = try r.id(unique: siteIndex)
            siteIndex[id] = i
            var share = 1.0
            if let sv = r.value("share"), !sv.isNull {
                guard let n = sv.number, n.double.isFinite, n.double > 0, n.double <= 1e9 else {
                    throw r.error(
                        "share",
                        "expected a number > 0 (the site's share of hosting), got \(sv.number?.text ?? sv.kindName)")
                }
                share = n.double
            }
            sites.append(
                Site(
                    id: id, name: try r.string("name"), online: try r.bool("online") ?? false,
                    host: try r.bool("host") ?? false, share: share))
            readers.append(r)
        }
        for (i, r) in readers.enumerated() {
            guard let tv = r.value("travel"), !tv.isNull else { continue }
            let t = try ObjectReader(tv, path: r.childPath("travel"), file: file, allowed: nil)
            for entry in t.object.entries {
                let j = try resolve(
                    entry.key, in: siteIndex, kind: "site", at: entry.value, path: t.childPath(entry.key))
                let minutes = try ObjectReader.int(
                    entry.value, path: t.childPath(entry.key), file: file, minimum: 0,
                    maximum: 100_000)
                sites[i].travel[j] = minutes
            }
        }
        return sites
    }

    /// A room's `site`: with a `sites` list it must name one of them.
    func roomSite(_ r: ObjectReader, sites: [Site]?) throws(InputError) -> String {
        let site = try r.string("site") ?? "main"
        guard let sites else { return site }
        guard let i = siteIndex[site] else {
            let why =
                r.has("site") ? "" : "; a room without \"site\" is at \"main\", which the sites list must then name"
            throw InputError(
                file: file, location: r.value("site")?.location ?? r.location, path: r.childPath("site"),
                message: "unknown site \"\(site)\"\(why); the sites are \(sites.map(\.id).joined(separator: ", "))",
                hint: Suggestion.hint(for: site, among: sites.map(\.id)))
        }
        if sites[i].online, r.has("capacity") {
            throw r.error(
                "capacity", "room is at the online site \"\(site)\", which has no capacity limit: remove \"capacity\"")
        }
        return site
    }

    /// `home` (groups and staff): a listed site, or without a `sites` list
    /// a room's site or `"main"`.
    func siteReference(_ r: ObjectReader, _ key: String) throws(InputError) -> String? {
        guard let site = try r.string(key) else { return nil }
        if hasSiteList {
            _ = try resolve(site, in: siteIndex, kind: "site", at: r.value(key)!, path: r.childPath(key))
        } else if site != "main" && !implicitSites.contains(site) {
            let known = ["main"] + implicitSites.sorted().filter { $0 != "main" }
            throw InputError(
                file: file, location: r.value(key)?.location, path: r.childPath(key),
                message:
                    "unknown site \"\(site)\"; without a sites list, a home names a room's site (\(known.joined(separator: ", ")))",
                hint: Suggestion.hint(for: site, among: known))
        }
        return site
    }

    // MARK: Pools and teams (section 11)

    /// A group's `pupils`: only on a pool, exactly `size` distinct names.
    func decodePupils(_ r: ObjectReader, pool: Bool, size: Int) throws(InputError) -> [String]? {
        guard let names = try r.strings("pupils") else { return nil }
        guard pool else { throw r.error("pupils", "only a pool group (\"pool\": true) lists pupils") }
        guard names.count == size else {
            throw r.error(
                "pupils", "lists \(names.count) names but size is \(size): pupils must list exactly size names")
        }
        var seen: Set<String> = []
        for n in names where !seen.insert(n.value).inserted {
            throw InputError(
                file: file, location: n.item.location, path: n.path, message: "name \"\(n.value)\" is listed twice")
        }
        return names.map(\.value)
    }

    /// The `teams` list: formations over the pool groups. Every pool belongs
    /// to exactly one formation.
    mutating func decodeFormations(_ top: ObjectReader, groups: [Group], activities: [Activity]) throws(InputError)
        -> [TeamFormation]
    {
        var formations: [TeamFormation] = []
        var formationIndex: [String: Int] = [:]
        var poolOwner: [Int: Int] = [:]
        for (i, v) in (try top.list("teams") ?? []).enumerated() {
            let r = try ObjectReader(v, path: "teams[\(i)]", file: file, allowed: Self.formationKeys)
            let id = try r.id(unique: formationIndex)
            formationIndex[id] = i
            guard let pools = try resolveList(r, "pools", in: groupIndex, kind: "group"), !pools.isEmpty else {
                throw r.error(
                    r.has("pools") ? "pools" : nil, "needs \"pools\": at least one pool group to form teams from")
            }
            for (k, g) in pools.enumerated() {
                let at = r.value("pools")?.array?[k]
                guard groups[g].pool else {
                    throw InputError(
                        file: file, location: at?.location, path: r.childPath("pools") + "[\(k)]",
                        message: "group \"\(groups[g].id)\" is not a pool (\"pool\": true)")
                }
                if let owner = poolOwner[g] {
                    throw InputError(
                        file: file, location: at?.location, path: r.childPath("pools") + "[\(k)]",
                        message:
                            "pool \"\(groups[g].id)\" already belongs to formation \"\(formations[owner].id)\"; a pool belongs to exactly one formation"
                    )
                }
                poolOwner[g] = i
            }
            var minSize = 1, maxSize: Int?
            if let sv = r.value("size"), !sv.isNull {
                guard let pair = sv.array, pair.count == 2 else {
                    throw r.error("size", "expected [min, max], e.g. [5, 6]")
                }
                minSize = try ObjectReader.int(
                    pair[0], path: r.childPath("size") + "[0]", file: file, minimum: 0, maximum: 100_000)
                let hi = try ObjectReader.int(
                    pair[1], path: r.childPath("size") + "[1]", file: file, minimum: 0, maximum: 100_000)
                guard minSize <= hi else { throw r.error("size", "size [\(minSize), \(hi)] has min > max") }
                maxSize = hi
            }
            var require: [TeamFormation.Requirement] = []
            for (j, qv) in (try r.list("require") ?? []).enumerated() {
                let q = try ObjectReader(
                    qv, path: r.childPath("require") + "[\(j)]", file: file, allowed: Self.requireKeys)
                let rp = try resolveList(q, "pools", in: groupIndex, kind: "group") ?? []
                for (k, g) in rp.enumerated() where !pools.contains(g) {
                    throw InputError(
                        file: file, location: q.value("pools")?.array?[k].location,
                        path: q.childPath("pools") + "[\(k)]",
                        message: "\"\(groups[g].id)\" is not one of this formation's pools")
                }
                require.append(.init(pools: rp, min: try q.int("min", minimum: 0) ?? 1))
            }
            formations.append(
                TeamFormation(
                    id: id, name: try r.string("name"), pools: pools, minSize: minSize, maxSize: maxSize,
                    minSchools: try r.int("minSchools", minimum: 0) ?? 1, require: require,
                    visit: try ranges(r, "visit"),
                    needs: try r.stringSet("needs"), attend: try decodeAttend(r, activities: activities)))
        }
        for (g, group) in groups.enumerated() where group.pool && poolOwner[g] == nil {
            throw InputError(
                file: file, location: nil, path: "groups[\(g)]",
                message:
                    "pool group \"\(group.id)\" belongs to no formation: list it in the \"pools\" of one entry of \"teams\""
            )
        }
        return formations
    }

    // MARK: Spacing and continuity (sections 12 and 13)

    /// The `spacing` list. Every day on which a listed activity could start
    /// (the session fits the day and its window) must have a date.
    func decodeSpacing(_ top: ObjectReader, activities: [Activity]) throws(InputError) -> [Spacing] {
        var out: [Spacing] = []
        for (i, v) in (try top.list("spacing") ?? []).enumerated() {
            let r = try ObjectReader(v, path: "spacing[\(i)]", file: file, allowed: Self.spacingKeys)
            let acts = try resolveList(r, "activities", in: activityIndex, kind: "activity") ?? []
            guard r.has("minDays") else {
                throw r.error(nil, "missing \"minDays\" (days between the listed activities)")
            }
            let minDays = try r.int("minDays", minimum: 0, maximum: 100_000) ?? 0
            for a in acts {
                for d in calendar.days.indices where calendar.days[d].date == nil && canHold(activities[a], day: d) {
                    throw r.error(
                        "activities",
                        "activity \"\(activities[a].id)\" can be held on day \"\(calendar.days[d].id)\", which has no \"date\": spacing counts days between dates, so give that day a date (or narrow the activity's window)"
                    )
                }
            }
            out.append(Spacing(activities: acts, minDays: minDays))
        }
        return out
    }

    /// Whether a session of `activity` fits day `d` somewhere: consecutive
    /// non-break periods of the day, inside one of its window ranges.
    func canHold(_ activity: Activity, day d: Int) -> Bool {
        let held = Set(calendar.days[d].periods)
        let k = activity.duration
        for p in calendar.days[d].periods where p + k <= calendar.periods.count {
            guard (p..<(p + k)).allSatisfy({ held.contains($0) && !calendar.periods[$0].isBreak }) else { continue }
            let s = calendar.periods[p].start, e = calendar.periods[p + k - 1].end
            if activity.window?.contains(where: { $0.contains(day: d, start: s, end: e) }) ?? true { return true }
        }
        return false
    }

    /// `continuityRoles`: nil when absent (every staff member counts).
    func decodeContinuityRoles(_ top: ObjectReader) throws(InputError) -> Set<String>? {
        try top.strings("continuityRoles").map { Set($0.map(\.value)) }
    }
}
