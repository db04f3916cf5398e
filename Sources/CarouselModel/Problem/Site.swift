/// A place the rooms are at (spec section 10): a school, a science centre, or
/// an online meeting service.
///
/// Without a `sites` list in the file (version 1), every travel time is 0 and
/// no site is online or a host; rooms still name their site (`"main"` by
/// default), which `siteChange` compares.
public struct Site: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Minutes from this site to others, by site index, as this site's
    /// `travel` entries give them (whole minutes ≥ 0).
    public var travel: [Int: Int]
    /// A meeting link rather than a building: travel 0 to and from every
    /// site, and its rooms have no capacity limit.
    public var online: Bool
    /// The site takes turns hosting (soft `hostBalance`).
    public var host: Bool
    /// The site's share of hosting (> 0, default 1; used only with `host`).
    public var share: Double

    public init(
        id: String, name: String? = nil, travel: [Int: Int] = [:], online: Bool = false, host: Bool = false,
        share: Double = 1
    ) {
        self.id = id
        self.name = name
        self.travel = travel
        self.online = online
        self.host = host
        self.share = share
    }
}

extension Problem {
    /// The index of the site with this id in `sites`, if it is listed.
    public func siteIndex(_ id: String) -> Int? { sites?.firstIndex { $0.id == id } }

    /// Minutes from site `a` to site `b` (by id), as spec section 10 defines
    /// travel(a, b): a's entry for b if given, else b's entry for a, else 0;
    /// 0 for a == b, without a `sites` list, and to or from an online site.
    public func travelMinutes(from a: String, to b: String) -> Int {
        guard a != b, let sites, let i = siteIndex(a), let j = siteIndex(b) else { return 0 }
        guard !sites[i].online, !sites[j].online else { return 0 }
        return sites[i].travel[j] ?? sites[j].travel[i] ?? 0
    }

    /// Whether the room is at an online site (spec section 15).
    public func isOnline(room r: Int) -> Bool {
        siteIndex(rooms[r].site).map { sites![$0].online } ?? false
    }
}
