import CarouselModel
import Testing

/// Decoding of the version 2 additions (spec sections 10–16), with every
/// error message pinned.
@Suite("Problem decoder: version 2")
struct Version2DecoderTests {
    /// A problem that uses every version 2 key. Line numbers matter for the
    /// messages below: line 8 holds the sites, 9 the rooms, 10 the staff,
    /// 11 the activities, 12–16 the groups, 17–18 the teams, 19 fixed,
    /// 20 spacing.
    static let full = """
        {"format": "carousel/2",
         "calendar": {"days": [{"id": "sat", "date": "2026-05-02"}, {"id": "sun", "date": "2026-05-03"}],
                      "periods": [{"id": "am", "start": "09:00", "end": "10:00"},
                                  {"id": "mid", "start": "10:00", "end": "11:00"},
                                  {"id": "pm", "start": "11:00", "end": "12:00"}]},
         "continuityRoles": ["mentor"],
         "weights": {"travel": 1, "continuity": 2, "hostBalance": 3, "displaced": 4},
         "sites": [{"id": "main", "host": true, "share": 2}, {"id": "oak", "travel": {"main": 20}, "host": true}, {"id": "web", "online": true}],
         "rooms": [{"id": "hall", "capacity": 100}, {"id": "oak-hall", "site": "oak"}, {"id": "zoom", "site": "web"}],
         "staff": [{"id": "m1", "role": "mentor", "home": "oak"}, {"id": "m2", "role": "mentor"}],
         "activities": [{"id": "pitch"}, {"id": "maths"}, {"id": "design"}, {"id": "lesson"}],
         "groups": [{"id": "host-y7", "school": "Sevenoaks", "year": 7, "size": 2, "pool": true, "pupils": ["Ann", "Bob"]},
                    {"id": "oak-y5", "school": "Oakfield", "year": 5, "size": 3, "pool": true},
                    {"id": "pairs", "size": 2, "home": "oak", "sameStaff": true,
                     "attend": [{"activity": "maths", "within": ["sat"]}, {"activity": "maths", "times": 2, "within": ["sun"], "minDays": 1}]},
                    {"id": "class", "size": 20, "attend": [{"activity": "lesson"}]}],
         "teams": [{"id": "gc", "name": "Galactic", "pools": ["host-y7", "oak-y5"], "size": [2, 3], "minSchools": 2,
                    "require": [{"pools": ["host-y7"]}], "visit": ["sat"], "attend": [{"activity": "design"}, {"oneOf": ["pitch", "maths"], "within": ["sat 09:00-11:00"]}]}],
         "fixed": [{"activity": "lesson", "day": "sat", "start": "am", "room": "hall", "groups": ["class"], "move": "room"}],
         "spacing": [{"activities": ["pitch", "design"], "minDays": 7}]
        }
        """

    @Test func everyVersion2KeyDecodes() throws {
        let p = try Fixtures.decode(Self.full)
        #expect(p.usesVersion2)
        let sites = try #require(p.sites)
        #expect(sites.map(\.id) == ["main", "oak", "web"])
        #expect(sites[0].host && sites[0].share == 2 && !sites[0].online)
        #expect(sites[1].travel == [0: 20] && sites[1].share == 1)
        #expect(sites[2].online)
        #expect(p.rooms.map(\.site) == ["main", "oak", "web"])
        #expect(p.staff[0].home == "oak" && p.staff[1].home == nil)
        #expect(p.groups[0].pool && p.groups[0].pupils == ["Ann", "Bob"])
        #expect(p.groups[1].pool && p.groups[1].pupils == nil)
        #expect(p.groups[2].home == "oak" && p.groups[2].sameStaff)
        #expect(p.groups[2].attend.count == 2)
        #expect(
            p.groups[2].attend[0]
                == .activity(
                    activity: 1, times: 1, daily: false, minDays: nil,
                    within: [TimeRange(day: 0, window: nil)]))
        #expect(p.groups[2].attend[1].within == [TimeRange(day: 1, window: nil)])
        let f = try #require(p.formations.first)
        #expect(f.id == "gc" && f.name == "Galactic" && f.pools == [0, 1])
        #expect(f.minSize == 2 && f.maxSize == 3 && f.minSchools == 2)
        #expect(f.require == [.init(pools: [0], min: 1)])
        #expect(f.visit == [TimeRange(day: 0, window: nil)])
        #expect(f.attend.count == 2 && f.attend[1].within == [TimeRange(day: 0, window: 540...660)])
        #expect(p.fixed[0].move == .room)
        #expect(p.spacing == [Spacing(activities: [0, 2], minDays: 7)])
        #expect(p.continuityRoles == ["mentor"])
        #expect(
            p.weights[.travel] == 1 && p.weights[.continuity] == 2 && p.weights[.hostBalance] == 3
                && p.weights[.displaced] == 4)
    }

    @Test func travelReadsEitherDirectionAndOnlineIsFree() throws {
        let p = try Fixtures.decode(Self.full)
        #expect(p.travelMinutes(from: "oak", to: "main") == 20)
        #expect(p.travelMinutes(from: "main", to: "oak") == 20)
        #expect(p.travelMinutes(from: "main", to: "main") == 0)
        #expect(p.travelMinutes(from: "web", to: "oak") == 0)
        #expect(p.isOnline(room: 2) && !p.isOnline(room: 0))
    }

    @Test func asymmetricTravelKeepsEachDirection() throws {
        let p = try Fixtures.decode(
            Fixtures.minimal(
                extra: #", "sites": [{"id": "main", "travel": {"b": 5}}, {"id": "b", "travel": {"main": 9}}]"#))
        #expect(p.travelMinutes(from: "main", to: "b") == 5)
        #expect(p.travelMinutes(from: "b", to: "main") == 9)
    }

    @Test func version1FileHasNoSites() throws {
        let p = try Fixtures.decode(Fixtures.small)
        #expect(p.sites == nil && !p.usesVersion2)
        #expect(p.travelMinutes(from: "main", to: "elsewhere") == 0)
    }

    @Test func teamsJoinTheGroupsWithTheirPoolsYears() throws {
        let p = try Fixtures.decode(Self.full)
        let q = p.addingTeams([
            Team(id: "gc-1", formation: 0, members: [0: 1, 1: 2]),
            Team(id: "gc-2", formation: 0, members: [0: 1, 1: 0]),
        ])
        #expect(q.groups.count == 6)
        let t = q.groups[4]
        #expect(
            t.id == "gc-1" && t.size == 3 && t.school == nil && t.team?.years == [7, 5]
                && t.visit == p.formations[0].visit)
        #expect(q.groups[5].team?.years == [7])
    }

    // MARK: Errors (one line each, with file, line:column and path)

    private func message(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> String
    {
        Fixtures.message(Fixtures.replacing(old, with: new, in: Self.full, sourceLocation: sourceLocation))
    }

    @Test func roomAtAnUnlistedSite() {
        #expect(
            message(#"{"id": "oak-hall", "site": "oak"}"#, #"{"id": "oak-hall", "site": "oaks"}"#)
                == #"p.json:9:72: rooms[1].site: unknown site "oaks"; the sites are main, oak, web (did you mean "oak"?)"#
        )
    }

    @Test func roomWithoutSiteNeedsMainListed() {
        let text = Fixtures.replacing(
            #"[{"id": "main", "host": true, "share": 2}, {"id": "oak", "travel": {"main": 20}, "host": true}"#,
            with: #"[{"id": "oak", "host": true}"#, in: Self.full)
        #expect(
            Fixtures.message(text)
                == #"p.json:9:12: rooms[0].site: unknown site "main"; a room without "site" is at "main", which the sites list must then name; the sites are oak, web"#
        )
    }

    @Test func onlineRoomWithCapacity() {
        #expect(
            message(#"{"id": "zoom", "site": "web"}"#, #"{"id": "zoom", "site": "web", "capacity": 30}"#)
                == #"p.json:9:122: rooms[2].capacity: room is at the online site "web", which has no capacity limit: remove "capacity""#
        )
    }

    @Test func shareMustBePositive() {
        #expect(
            message(#""share": 2"#, #""share": 0"#)
                == #"p.json:8:50: sites[0].share: expected a number > 0 (the site's share of hosting), got 0"#)
    }

    @Test func travelToAnUnknownSite() {
        #expect(
            message(#""travel": {"main": 20}"#, #""travel": {"mian": 20}"#)
                == #"p.json:8:87: sites[1].travel.mian: unknown site "mian"; known: main, oak, web (did you mean "main"?)"#
        )
    }

    @Test func travelMinutesAreWholeAndNotNegative() {
        #expect(
            message(#""travel": {"main": 20}"#, #""travel": {"main": -5}"#)
                == #"p.json:8:87: sites[1].travel.main: expected a number ≥ 0, got -5"#)
        #expect(
            message(#""travel": {"main": 20}"#, #""travel": {"main": 2.5}"#)
                == #"p.json:8:87: sites[1].travel.main: expected a whole number, got 2.5"#)
    }

    @Test func homeMustNameASite() {
        #expect(
            message(#""home": "oak", "sameStaff""#, #""home": "okk", "sameStaff""#)
                == #"p.json:14:48: groups[2].home: unknown site "okk"; known: main, oak, web (did you mean "oak"?)"#)
    }

    @Test func homeWithoutSitesNamesARoomsSite() {
        #expect(
            Fixtures.smallMessage(#""size": 28"#, #""size": 28, "home": "annexe""#)
                == #"p.json:9:47: groups[0].home: unknown site "annexe"; without a sites list, a home names a room's site (main)"#
        )
        #expect(Fixtures.smallMessage(#""size": 28"#, #""size": 28, "home": "main""#) == "no error")
    }

    @Test func pupilsOnlyOnAPoolAndExactlySizeDistinctNames() {
        #expect(
            message(#""size": 20, "attend""#, #""size": 20, "pupils": ["A"], "attend""#)
                == #"p.json:16:51: groups[3].pupils: only a pool group ("pool": true) lists pupils"#)
        #expect(
            message(#""pupils": ["Ann", "Bob"]"#, #""pupils": ["Ann"]"#)
                == #"p.json:12:100: groups[0].pupils: lists 1 names but size is 2: pupils must list exactly size names"#
        )
        #expect(
            message(#""pupils": ["Ann", "Bob"]"#, #""pupils": ["Ann", "Ann"]"#)
                == #"p.json:12:108: groups[0].pupils[1]: name "Ann" is listed twice"#)
    }

    @Test func aPoolAttendsNothingItself() {
        #expect(
            message(#""size": 3, "pool": true}"#, #""size": 3, "pool": true, "attend": [{"activity": "pitch"}]}"#)
                == #"p.json:13:98: groups[1].attend: pool group "oak-y5" has attend items: a pool's pupils attend through the teams formed from it (teams[].attend)"#
        )
    }

    @Test func everyPoolBelongsToOneFormation() {
        #expect(
            message(#""pools": ["host-y7", "oak-y5"]"#, #""pools": ["host-y7"]"#)
                == #"p.json: groups[1]: pool group "oak-y5" belongs to no formation: list it in the "pools" of one entry of "teams""#
        )
        #expect(
            message(#""pools": ["host-y7", "oak-y5"]"#, #""pools": ["host-y7", "pairs"]"#)
                == #"p.json:17:66: teams[0].pools[1]: group "pairs" is not a pool ("pool": true)"#)
    }

    @Test func aFormationNeedsPools() {
        #expect(
            message(#""pools": ["host-y7", "oak-y5"], "#, "")
                == #"p.json:17:12: teams[0]: needs "pools": at least one pool group to form teams from"#)
    }

    @Test func requireNamesOnlyTheFormationsPools() {
        #expect(
            message(#""require": [{"pools": ["host-y7"]}]"#, #""require": [{"pools": ["pairs"]}]"#)
                == #"p.json:18:36: teams[0].require[0].pools[0]: "pairs" is not one of this formation's pools"#)
    }

    @Test func teamSizeMinAboveMax() {
        #expect(
            message(#""size": [2, 3]"#, #""size": [4, 3]"#)
                == #"p.json:17:85: teams[0].size: size [4, 3] has min > max"#)
    }

    @Test func withinItemsOfOneActivityMustNotShareAPeriod() {
        #expect(
            message(#""within": ["sun"], "minDays": 1"#, #""within": ["sat 10:00-12:00"], "minDays": 1"#)
                == #"p.json:15:111: groups[2].attend[1].within: shares sat mid (10:00-11:00) with groups[2].attend[0] (activity "maths"); two items of one activity need ranges that share no period"#
        )
    }

    @Test func withinCannotMixWithAPlainItemOfTheSameActivity() {
        #expect(
            message(#"{"activity": "maths", "within": ["sat"]}"#, #"{"activity": "maths"}"#)
                == #"p.json:15:92: groups[2].attend[1].within: activity "maths" has another item in this group without "within"; two items of one activity need "within" ranges that share no period (give both a "within")"#
        )
    }

    @Test func fixedMoveWords() {
        #expect(
            message(#""move": "room""#, #""move": "rooms""#)
                == #"p.json:19:109: fixed[0].move: expected "room" (same day and start, any room) or "any" (any day, start and room), got "rooms" (did you mean "room"?)"#
        )
    }

    @Test func aPoolIsInNoFixedSession() {
        #expect(
            message(#""groups": ["class"], "move""#, #""groups": ["oak-y5"], "move""#)
                == #"p.json:19:91: fixed[0].groups[0]: pool group "oak-y5" cannot be in a fixed session (a pool appears in no session; its pupils attend through teams)"#
        )
    }

    @Test func spacingNeedsDatesOnEveryPossibleDay() {
        #expect(
            message(#"{"id": "sun", "date": "2026-05-03"}"#, #"{"id": "sun"}"#)
                == #"p.json:20:29: spacing[0].activities: activity "pitch" can be held on day "sun", which has no "date": spacing counts days between dates, so give that day a date (or narrow the activity's window)"#
        )
        #expect(
            message(#", "minDays": 7}"#, "}")
                == #"p.json:20:14: spacing[0]: missing "minDays" (days between the listed activities)"#)
    }
}
