/// `hostBalance` (spec section 13): with H the sites marked `host`, N the
/// sessions held in rooms at H sites (fixed ones included) and target(h) =
/// N × share(h) / Σ shares, Σ over h in H of |hosted(h) − target(h)|. It may
/// be fractional, so the tracker keeps the per-site counts and computes it
/// from them (`SoftTermScoring.Component.hosting`).
public enum HostBalance {
    static let scoring = SoftTermScoring(exactly: evaluate, component: .hosting, placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Double {
        let I = placed.instance
        var hosted = [Int32](repeating: 0, count: I.sites.count)
        for S in placed.sessions { hosted[Int(I.roomSite[Int(S.session.room)])] += 1 }
        return cost(counts: hosted, sites: I.sites)
    }

    /// The cost from the sessions held at each site (0 without hosts).
    public static func cost(counts hosted: [Int32], sites: SiteTable) -> Double {
        guard sites.hasHosts else { return 0 }
        var n = 0, shares = 0.0
        for h in 0..<sites.count where sites.host[h] {
            n += Int(hosted[h])
            shares += sites.share[h]
        }
        var cost = 0.0
        for h in 0..<sites.count where sites.host[h] {
            cost += abs(Double(hosted[h]) - Double(n) * sites.share[h] / shares)
        }
        return cost
    }
}
