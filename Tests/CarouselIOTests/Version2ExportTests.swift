import CarouselIO
import CarouselModel
import CarouselSolver
import Foundation
import Testing

/// The exports of the version 2 things (docs/exports.md, "Lists"), on a
/// small event whose every list is worked out by hand: two pools mixed into
/// two teams that pitch to a judge, a briefing for everyone, a minibus trip
/// to a farm twenty minutes away, an online call, a host's lesson moved out
/// of the lab, two weeks of dates and two host sites.
@Suite struct Version2ExportTests {
    static let problemJSON = #"""
        {"format": "carousel/2", "name": "Farm Fortnight",
         "calendar": {
           "days": [{"id": "mon", "name": "Monday", "date": "2026-03-09"}, {"id": "tue", "name": "Tuesday", "date": "2026-03-10"},
                    {"id": "mon2", "name": "Monday 16", "date": "2026-03-16"}],
           "periods": [{"id": "p1", "start": "09:00", "end": "09:45"}, {"id": "p2", "start": "09:45", "end": "10:30"},
                       {"id": "brk", "start": "10:30", "end": "10:50", "break": true}, {"id": "p3", "start": "10:50", "end": "11:35"}]},
         "sites": [{"id": "main", "name": "Main", "host": true, "share": 2},
                   {"id": "far", "name": "Farm School", "travel": {"main": 20}, "host": true},
                   {"id": "web", "name": "Video", "online": true}],
         "rooms": [{"id": "hall", "name": "Hall", "capacity": 100}, {"id": "lab", "name": "Lab", "capacity": 30},
                   {"id": "barn", "name": "Barn", "capacity": 30, "site": "far"}, {"id": "link", "name": "Link 1", "site": "web"}],
         "staff": [{"id": "ann", "name": "Ann", "home": "main"}, {"id": "van", "name": "Minibus", "role": "vehicle", "home": "main"},
                   {"id": "joy", "name": "Judge Joy"}],
         "activities": [{"id": "briefing", "name": "Briefing", "together": true, "rooms": ["hall"]},
                        {"id": "pitch", "name": "Pitch", "rooms": ["lab"]},
                        {"id": "trip", "name": "Trip", "rooms": ["barn"], "staff": [{"role": "vehicle", "count": 1}]},
                        {"id": "call", "name": "Call", "rooms": ["link"]},
                        {"id": "lesson", "name": "Lesson", "rooms": ["lab", "hall"]}],
         "groups": [{"id": "p-oak", "school": "Oak", "size": 3, "pool": true, "pupils": ["Amy", "Ben", "Cal"]},
                    {"id": "p-elm", "school": "Elm", "size": 3, "pool": true},
                    {"id": "c1", "school": "Oak", "size": 20, "home": "main",
                     "attend": [{"activity": "briefing"}, {"activity": "trip", "times": 2}, {"activity": "call"}]},
                    {"id": "c2", "school": "Elm", "size": 10, "attend": [{"activity": "lesson"}]}],
         "teams": [{"id": "gc", "pools": ["p-oak", "p-elm"], "size": [3, 3], "minSchools": 2,
                    "attend": [{"activity": "briefing"}, {"activity": "pitch"}]}],
         "fixed": [{"activity": "lesson", "day": "mon", "start": "p3", "room": "lab", "groups": ["c2"], "staff": ["ann"], "move": "room"}]}
        """#

    static let scheduleJSON = #"""
        {"format": "carousel-schedule/2", "problem": "Farm Fortnight",
         "teams": [{"id": "gc-1", "formation": "gc", "members": {"p-oak": 2, "p-elm": 1}, "pupils": {"p-oak": ["Amy", "Ben"]}},
                   {"id": "gc-2", "formation": "gc", "members": {"p-oak": 1, "p-elm": 2}, "pupils": {"p-oak": ["Cal"]}}],
         "sessions": [
           {"activity": "briefing", "day": "mon", "start": "p1", "room": "hall", "groups": ["c1", "gc-1", "gc-2"], "staff": []},
           {"activity": "pitch", "day": "mon", "start": "p2", "room": "lab", "groups": ["gc-1"], "staff": ["joy"]},
           {"activity": "pitch", "day": "mon", "start": "p3", "room": "lab", "groups": ["gc-2"], "staff": ["joy"]},
           {"activity": "lesson", "day": "mon", "start": "p3", "room": "hall", "groups": ["c2"], "staff": ["ann"]},
           {"activity": "trip", "day": "tue", "start": "p1", "room": "barn", "groups": ["c1"], "staff": ["van", "ann"]},
           {"activity": "call", "day": "tue", "start": "p3", "room": "link", "groups": ["c1"], "staff": ["ann"]},
           {"activity": "trip", "day": "mon2", "start": "p1", "room": "barn", "groups": ["c1"], "staff": ["van"]}]}
        """#

    /// The farm's timetable; `url`, when given, is the online room's meeting address.
    static func view(url: String? = nil) throws -> TimetableView {
        var problem = try ProblemDecoder.decode(bytes: Array(problemJSON.utf8), file: "farm.json")
        problem.rooms[3].url = url
        let root = try ProblemDecoder.parseJSON(Array(scheduleJSON.utf8), file: "farm.schedule.json")
        let loaded = try ScheduleFile.decode(root, file: "farm.schedule.json", for: CompiledInstance(problem))
        #expect(loaded.formatViolations.isEmpty, "\(loaded.formatViolations)")
        return TimetableView(instance: loaded.instance, schedule: loaded.schedule)
    }

    static func sections(_ kind: Listing.Kind) throws -> [Listing.Section] {
        try #require(try view().listing(kind)).sections
    }

    @Test func teamListsSayWhichPupilsGoToWhichTeam() throws {
        let sections = try Self.sections(.teams)
        #expect(sections.map(\.title) == ["Elm: team list", "Oak: team list", "Team gc-1", "Team gc-2"])
        #expect(sections[1].facts == ["3 pupils in 2 teams"])
        #expect(
            sections[1].rows == [["gc-1", "Oak", "p-oak", "2", "Amy, Ben"], ["gc-2", "Oak", "p-oak", "1", "Cal"]])
        #expect(sections[0].rows == [["gc-1", "Elm", "p-elm", "1", ""], ["gc-2", "Elm", "p-elm", "2", ""]])
        #expect(sections[2].facts == ["3 pupils from 2 schools: Oak 2, Elm 1"])
        #expect(sections[3].rows == [["gc-2", "Oak", "p-oak", "1", "Cal"], ["gc-2", "Elm", "p-elm", "2", ""]])
    }

    @Test func runningOrderListsTheTeamsAPanelSeesInTimeOrder() throws {
        let sections = try Self.sections(.runningOrder)
        #expect(sections.map(\.title) == ["Lab: running order"])
        #expect(
            sections[0].rows == [
                ["Lab", "Mon 9 Mar 09:45-10:30", "Pitch", "gc-1", "Oak 2 (Amy, Ben), Elm 1"],
                ["Lab", "Mon 9 Mar 10:50-11:35", "Pitch", "gc-2", "Oak 1 (Cal), Elm 2"],
            ])
        #expect(
            sections[0].shownFacts == ["2 teams, one at a time", "With Judge Joy", "Activity: Pitch"],
            "one activity is said once")
        #expect(sections[0].shownColumns == [1, 3, 4])
    }

    @Test func panelsThatSeeOneTeamAtATimeComeBeforeStations() throws {
        let view = try Self.view()
        let gc1 = Int32(try #require(view.problem.groups.firstIndex { $0.id == "gc-1" }))
        let gc2 = Int32(try #require(view.problem.groups.firstIndex { $0.id == "gc-2" }))
        // Both teams at a lesson in the hall (room 0) at 09:00, then each pitches in the lab (room 1).
        let rotation = TimetableView(
            instance: view.instance,
            schedule: Schedule(sessions: [
                ScheduledSession(activity: 4, day: 0, start: 0, room: 0, groups: [gc1, gc2], staff: []),
                ScheduledSession(activity: 1, day: 0, start: 1, room: 1, groups: [gc2], staff: [2]),
                ScheduledSession(activity: 1, day: 0, start: 3, room: 1, groups: [gc1], staff: [2]),
            ]))
        let sections = try #require(rotation.listing(.runningOrder)).sections
        #expect(sections.map(\.title) == ["Lab: running order", "Hall: running order"])
        #expect(sections.map { $0.rows.map { $0[3] } } == [["gc-2", "gc-1"], ["gc-1", "gc-2"]])
        #expect(sections.map { $0.facts[0] } == ["2 teams, one at a time", "2 team visits"])
    }

    @Test func seatingGivesABlockPerSchoolAndPerTeamAndTheSeatsLeft() throws {
        let sections = try Self.sections(.seating)
        #expect(sections.map(\.title) == ["Seating: Briefing, Monday 09:00-09:45, Hall"])
        #expect(
            sections[0].facts == [
                "26 pupils in 3 blocks, seated in this order",
                "The room holds 100: 74 seats left for parents, guests and staff",
            ])
        #expect(
            sections[0].rows.map { Array($0.dropFirst()) } == [
                ["1", "Oak", "20", "c1"], ["2", "Team gc-1", "3", "Oak 2, Elm 1"],
                ["3", "Team gc-2", "3", "Oak 1, Elm 2"],
            ])
    }

    @Test func travelLegsHaveTimesAndTheMinibusRotaItsRiders() throws {
        let sections = try Self.sections(.travel)
        // The vehicle first; the online call is not a place, so Ann goes home from the farm.
        #expect(sections.map(\.title) == ["Vehicle rota: Minibus", "c1: travel", "Ann: travel"])
        #expect(sections[0].facts == ["4 legs, 80 minutes on the way; home: Main"])
        #expect(
            sections[0].rows == [
                ["Minibus", "Tue 10 Mar", "08:40", "Main", "Farm School", "09:00", "20", "", "Trip in Barn, with Ann"],
                ["Minibus", "Tue 10 Mar", "09:45", "Farm School", "Main", "10:05", "20", "", "back to Main"],
                ["Minibus", "Mon 16 Mar", "08:40", "Main", "Farm School", "09:00", "20", "", "Trip in Barn"],
                ["Minibus", "Mon 16 Mar", "09:45", "Farm School", "Main", "10:05", "20", "", "back to Main"],
            ])
        #expect(
            sections[2].rows.map { $0[1...5].joined(separator: " ") } == [
                "Tue 10 Mar 08:40 Main Farm School 09:00",
                "Tue 10 Mar 09:45 Farm School Main 10:05",
            ])
        let text = ListingText.render(try Self.view(), try #require(try Self.view().listing(.travel)))
        #expect(
            text.contains("\n    for: Trip in Barn, with Ann\n"), "the long column is a note under its row:\n\(text)")
        #expect(text.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 80 })
    }

    @Test func travelBetweenTwoSessionsSaysTheMinutesToSpare() throws {
        // Ann: a lesson in the hall (main) at mon p1, then the barn (far) at p3: 09:45 to 10:50 is 65 minutes, 20 of them on the road.
        let problem = try ProblemDecoder.decode(bytes: Array(Self.problemJSON.utf8), file: "farm.json")
        let I = CompiledInstance(problem.addingTeams([]))
        let two = TimetableView(
            instance: I,
            schedule: Schedule(sessions: [
                ScheduledSession(activity: 4, day: 0, start: 0, room: 0, groups: [3], staff: [0]),
                ScheduledSession(activity: 2, day: 0, start: 3, room: 2, groups: [3], staff: [0, 1]),
            ]))
        let ann = try #require(two.listing(.travel)?.sections.first { $0.title == "Ann: travel" })
        #expect(
            ann.rows.map { Array($0[1...7]) } == [
                ["Mon 9 Mar", "09:45", "Main", "Farm School", "10:50", "20", "45"],
                ["Mon 9 Mar", "11:35", "Farm School", "Main", "11:55", "20", ""],
            ])
    }

    @Test func programmeShowsEachWeekAndEachGroupsRotation() throws {
        let sections = try Self.sections(.programme)
        #expect(
            sections.map(\.title) == [
                "Programme by week", "Week of Monday 9 March 2026", "Week of Monday 16 March 2026",
            ])
        #expect(sections[0].wide && sections[0].headers == ["Group", "w/c 9 Mar", "w/c 16 Mar"])
        #expect(
            sections[0].rows == [
                ["c1", "Briefing; Trip; Call", "Trip"], ["c2", "Lesson", ""], ["gc-1", "Briefing; Pitch", ""],
                ["gc-2", "Briefing; Pitch", ""],
            ])
        #expect(
            sections[2].rows == [
                ["Week of Monday 16 March 2026", "Mon 16 Mar", "09:00-09:45", "c1", "Trip", "Barn (far)"]
            ])
        #expect(sections[1].facts == ["6 sessions on 2 days"])
    }

    @Test func hostingTableGivesEachHostItsTargetAndWhatItHolds() throws {
        let sections = try Self.sections(.hosting)
        // N = 6 sessions at host sites (4 at main, 2 at the farm; the online call is at no host); shares 2 and 1.
        #expect(sections.map(\.title) == ["Hosting table"])
        #expect(
            sections[0].rows == [
                ["Main", "2", "4", "4", "0", "9 Mar Briefing; 9 Mar Pitch; 9 Mar Lesson; 9 Mar Pitch"],
                ["Farm School", "1", "2", "2", "0", "10 Mar Trip; 16 Mar Trip"],
            ])
    }

    @Test func noticesTellTheTeacherAndTheClassWhereTheirLessonMoved() throws {
        let sections = try Self.sections(.notices)
        #expect(sections.map(\.title) == ["Notice for Ann", "Notice for c2"])
        #expect(
            sections[0].rows == [
                ["Ann", "Lesson", "c2", "Ann", "Mon 9 Mar 10:50-11:35 in Lab", "Mon 9 Mar 10:50-11:35 in Hall"]
            ])
        #expect(sections[0].shownFacts.last == "Teacher: Ann")
        // A lesson held as written needs no notice.
        let view = try Self.view()
        let asWritten = TimetableView(
            instance: view.instance,
            schedule: Schedule(sessions: [
                ScheduledSession(activity: 4, day: 0, start: 3, room: 1, groups: [3], staff: [0])
            ]))
        #expect(asWritten.listing(.notices) == nil)
        let missing = TimetableView(instance: view.instance, schedule: Schedule(sessions: []))
        #expect(missing.listing(.notices)?.sections.first?.rows.first?.last == "not in the schedule: ask the organiser")
    }

    @Test func schoolsSeeTheirTeamsSitesTheirSessionsAndOnlineRoomsTheirLink() throws {
        let view = try Self.view()
        let oak = try #require(view.entities(.school).first { $0.key == "Oak" })
        let briefing = try #require(oak.sessions.first)
        #expect(view.cell(.groups, of: view.sessions[briefing], in: oak) == "c1, gc-1 (2 of ours), gc-2 (1 of ours)")
        #expect(oak.sessions.count == 6, "briefing, two pitches, two trips and the call")
        #expect(view.entities(.site).map { "\($0.key): \($0.sessions.count)" } == ["main: 4", "far: 2", "web: 1"])
        let call = try #require(view.sessions.first { $0.activity == 3 })
        #expect(view.cell(.room, of: call, in: nil) == "online: Link 1")
        let c1 = try #require(view.entities(.group).first { $0.key == "c1" })
        let ics = try ICalendarWriter.render(view, entity: c1, stamp: 0)
        #expect(ics.contains("LOCATION:Link 1\r\n") && ics.contains("LOCATION:Barn\\, far\r\n"))
        #expect(unfold(ics).contains { $0.contains("Online: join at Link 1") })
    }

    @Test func joiningLinksListEachPersonsOnlineSessionsAndWhereToJoin() throws {
        // Only the call (Tue 10:50, Link 1, c1 with Ann) is online: Ann has 3 sessions, c1 has 4.
        let sections = try Self.sections(.links)
        #expect(sections.map(\.title) == ["Joining links for Ann", "Joining links for c1"])
        #expect(
            sections[0].rows == [["Ann", "Tue 10 Mar 10:50-11:35", "Call", "Link 1"]], "no url: the room is the link")
        #expect(sections[0].facts == ["1 session to join online and 2 in person (see the timetable)"])
        #expect(sections[1].facts == ["1 session to join online and 3 in person (see the timetable)"])
        #expect(sections[1].shownFacts.last == "Link: Link 1", "one link is said once")

        // With a meeting address, the address is the link everywhere.
        let url = "https://meet.example.org/farm-call?id=7,8"
        let view = try Self.view(url: url)
        #expect(
            view.listing(.links)?.sections.first?.rows.first == [
                "Ann", "Tue 10 Mar 10:50-11:35", "Call", "Link 1", url,
            ])
        let call = try #require(view.sessions.first { $0.activity == 3 })
        #expect(view.cell(.room, of: call, in: nil) == "online: Link 1 (\(url))")
        let c1 = try #require(view.entities(.group).first { $0.key == "c1" })
        let ics = unfold(try ICalendarWriter.render(view, entity: c1, stamp: 0))
        #expect(ics.contains("LOCATION:https://meet.example.org/farm-call?id=7\\,8") && ics.contains("URL:\(url)"))
        #expect(ics.contains { $0.contains("Online: join at https://meet.example.org/farm-call") })
        let html = HTMLReport.render(view, evaluation: Evaluator(view.instance).evaluate(Schedule(sessions: [])))
        #expect(
            html.contains("Join at <a href=\"https://meet.example.org/farm-call?id=7,8\" rel=\"noopener noreferrer\""),
            "one link, said once")
        #expect(tagBalanceProblem(html) == nil)
        // In-person rooms without one have no link: nobody's list holds the briefing.
        #expect(view.listing(.links)?.sections.allSatisfy { $0.rows.allSatisfy { $0[2] == "Call" } } == true)
        #expect(try ExportFixtures.view().listing(.links) == nil)
    }

    @Test func aRoomsURLIsReadCheckedAndWrittenBack() throws {
        var problem = try ProblemDecoder.decode(bytes: Array(Self.problemJSON.utf8), file: "farm.json")
        problem.rooms[3].url = "https://meet.example.org/x"
        let again = try ProblemDecoder.decode(bytes: Array(ProblemFile.render(problem).utf8), file: "again.json")
        #expect(again.rooms.map(\.url) == [nil, nil, nil, "https://meet.example.org/x"])
        for bad in ["\"\"", "\"https://meet.example.org/a b\"", "7"] {
            let json = Self.problemJSON.replacingOccurrences(
                of: #""site": "web"}"#, with: #""site": "web", "url": "# + bad + "}")
            #expect(json != Self.problemJSON)
            do {
                _ = try ProblemDecoder.decode(bytes: Array(json.utf8), file: "bad.json")
                Issue.record("url \(bad) was accepted")
            } catch {
                #expect(error.path == "rooms[3].url", "\(error)")
            }
        }
    }

    @Test func listsAsCSVAreOneTableWithProvenanceAndNeutralisedCells() throws {
        let listing = try #require(try Self.view().listing(.teams))
        let provenance = Provenance(stamp: 0, version: "test", problem: "00000000", schedule: "11111111")
        let csv = ListingCSV.render(listing, byteOrderMark: false, provenance: provenance)
        let rows = try #require(parseCSV(csv))
        #expect(rows.first == ["Team", "School", "Pool", "Pupils", "Names"])
        #expect(rows.count == 1 + 8 + 1 && rows.last?.first?.hasPrefix("Made by Carousel test") == true)
        var hostile = listing
        hostile.sections[0].rows[0][4] = "=HYPERLINK(\"x\")"
        #expect(ListingCSV.render(hostile, byteOrderMark: false).contains("'=HYPERLINK"))
        #expect(ListingCSV.render(hostile, byteOrderMark: false, raw: true).contains(",\"=HYPERLINK"))
    }

    @Test func reportHasAViewPerListSectionAndStaysBalanced() throws {
        let view = try Self.view()
        let evaluation = Evaluator(view.instance).evaluate(Schedule(sessions: []))
        let html = HTMLReport.render(view, evaluation: evaluation)
        #expect(tagBalanceProblem(html) == nil)
        let ids = htmlIDs(html)
        for id in [
            "list-teams-1", "list-running-order-1", "list-seating-1", "list-travel-1", "list-programme-1",
            "list-hosting-1",
            "list-notices-2", "list-links-2", "site-main", "group-gc-1",
        ] {
            #expect(ids.contains(id), "no view \(id)")
        }
        #expect(Set(ids).count == ids.count)
        #expect(html.contains("team of 3: Oak 2, Elm 1"))
    }

    @Test func listsAreLeftOutWhereNothingApplies() throws {
        let view = try ExportFixtures.view()
        #expect(view.listings.isEmpty)
        #expect(view.listing(.teams) == nil && view.listing(.travel) == nil && view.listing(.hosting) == nil)
    }
}
