import CarouselIO
import CarouselModel
import Foundation
import Testing

/// `carousel import csv` for the version 2 additions (spec sections 10–14):
/// the sites, pupils, teams and spacing sheets, and the columns version 2
/// adds to the others; what each means, and the one-line error for each
/// kind of bad cell.
@Suite struct SheetImportVersion2Tests {
    static let sheets: [SheetKind: String] = [
        .days: "id,name,date\nmon,Monday,2026-03-09\ntue,Tuesday,2026-03-10\nwed,Wednesday,2026-03-11\n",
        .periods: "id,start,end,break\np1,09:00,10:00,\np2,10:00,11:00,\nlunch,11:00,11:30,yes\np3,11:30,12:30,\n",
        .sites:
            "id,name,travel,online,host,share\nmain,Main school,,,yes,2\nannex,Annex,main 20,,yes,\nweb,Video call,,yes,,\n",
        .rooms:
            "id,capacity,features,site,url\nlab,30,lab,annex,\nhall,200,hall,main,\nlink,,,web,https://meet.example.org/talk\n",
        .staff: "id,role,skills,home,max consecutive\nms-smith,teacher,chemistry,main,2\namir,student,,annex,\n",
        .activities:
            "id,room features,staff,together,rooms\nchem,lab,1 with chemistry,,\nshow,hall,,yes,\ntalk,,,,link\n",
        .classes:
            "id,school,year,size,home,same staff,pool,attend,choices,within\n5a,St Mary's,5,28,main,yes,,show; chem within mon to tue,talk,wed\nclub-a,St Mary's,6,,,,yes,,,\nclub-b,Oakfield,6,6,,,yes,,,\n",
        .pupils: "pool,name\nclub-a,Amy Bell\nclub-a,Ben Cole\nclub-a,Cal Dunn\n",
        .teams:
            "id,name,pools,size,min schools,require,visit,attend\nmix,Mixed teams,club-a; club-b,3-5,2,1 from club-a,mon,show\n",
        .fixed: "activity,day,start,room,classes,staff,move\nchem,tue,p1,lab,5a,ms-smith,room\n",
        .spacing: "activities,min days\nshow,1\n",
        .settings: "setting,value\ncontinuity roles,student\ntravel,1\n",
    ]

    /// The error the sheets give with `changes` applied, as the CLI prints it.
    func error(_ changes: [SheetKind: String]) -> String { importError(Self.sheets.merging(changes) { $1 }) }

    /// `sheet` with `row` added after its rows.
    func adding(_ kind: SheetKind, _ row: String) -> [SheetKind: String] { [kind: Self.sheets[kind]! + row + "\n"] }

    @Test func version2ColumnsMeanWhatTheSpecSays() throws {
        let p = try SheetImport.problem(fromTexts: Self.sheets)
        let sites = try #require(p.sites)
        #expect(sites.map(\.id) == ["main", "annex", "web"])
        #expect(sites[1].travel == [0: 20] && p.travelMinutes(from: "main", to: "annex") == 20)
        #expect(sites[0].host && sites[0].share == 2 && sites[1].host && sites[1].share == 1 && !sites[2].host)
        #expect(sites[2].online && p.isOnline(room: 2) && p.rooms[0].site == "annex")
        #expect(p.rooms.map(\.url) == [nil, nil, "https://meet.example.org/talk"])
        #expect(p.staff[0].home == "main" && p.staff[0].maxConsecutive == 2 && p.staff[1].home == "annex")
        #expect(p.continuityRoles == ["student"] && p.weights[.travel] == 1)
        let g = p.groups[0]
        #expect(g.home == "main" && g.sameStaff && !g.pool)
        let monTue = [TimeRange(day: 0, window: nil), TimeRange(day: 1, window: nil)]
        #expect(
            g.attend == [
                .activity(activity: 1, times: 1, daily: false, minDays: nil),
                .activity(activity: 0, times: 1, daily: false, minDays: nil, within: monTue),
                .oneOf(choices: [2], count: 1, prefer: nil, within: [TimeRange(day: 2, window: nil)]),
            ])
        #expect(
            p.groups[1].pool && p.groups[1].pupils == ["Amy Bell", "Ben Cole", "Cal Dunn"] && p.groups[1].size == 3,
            "a pool's size is the number of its pupils when the size cell is empty")
        #expect(p.groups[2].pool && p.groups[2].pupils == nil && p.groups[2].size == 6)
        let f = try #require(p.formations.first)
        #expect(f.id == "mix" && f.name == "Mixed teams" && f.pools == [1, 2] && f.minSize == 3 && f.maxSize == 5)
        #expect(
            f.minSchools == 2 && f.require == [.init(pools: [1], min: 1)] && f.visit == [TimeRange(day: 0, window: nil)]
        )
        #expect(f.attend == [.activity(activity: 1, times: 1, daily: false, minDays: nil)])
        #expect(p.fixed[0].move == .room && p.spacing == [Spacing(activities: [1], minDays: 1)])
        #expect(p.usesVersion2)
    }

    @Test func spansOfDaysAndTheirWindowsReadInEveryTimeRangeCell() throws {
        let p = try SheetImport.problem(
            fromTexts: Self.sheets.merging([
                .staff:
                    "id,role,skills,available\nms-smith,teacher,chemistry,Monday to wed 09:00-11:00\namir,student,,mon to mon\n",
                .classes: "id,size,attend\n5a,28,show; chem x2 within mon and tue to wed 09:00-11:00\n",
                .teams: "", .pupils: "", .sites: "id\nmain\nannex\nweb\n",
            ]) { $1 }.filter { !$0.value.isEmpty })
        #expect(p.staff[0].available == (0...2).map { TimeRange(day: $0, window: 540...660) })
        #expect(p.staff[1].available == [TimeRange(day: 0, window: nil)])
        #expect(
            p.groups[0].attend[1]
                == .activity(
                    activity: 0, times: 2, daily: false, minDays: nil,
                    within: [
                        TimeRange(day: 0, window: nil), TimeRange(day: 1, window: 540...660),
                        TimeRange(day: 2, window: 540...660),
                    ]))
    }

    @Test func sitesSheetCellsAreChecked() {
        #expect(
            error(adding(.sites, "far,,main twenty,,,"))
                == #"sites.csv:5: column "travel": cannot read "main twenty"; expected a site id and whole minutes, e.g. "main 20; goodrich 15""#
        )
        #expect(
            error(adding(.sites, "far,,mian 20,,,"))
                == #"sites.csv:5: column "travel": unknown site "mian"; the sites are main, annex, web, far (did you mean "main"?)"#
        )
        #expect(
            error(adding(.sites, "far,,far 5,,,"))
                == #"sites.csv:5: column "travel": travel from "far" to itself is always 0; leave "far" out"#)
        #expect(
            error(adding(.sites, "far,,main 20; main: 5 min,,,"))
                == #"sites.csv:5: column "travel": site "main" is given twice"#)
        #expect(
            error(adding(.sites, "far,,main 200000,,,"))
                == #"sites.csv:5: column "travel": cannot read "main 200000"; travel minutes must be from 0 to 100000"#)
        #expect(
            error(adding(.sites, "far,,,,,3"))
                == #"sites.csv:5: column "share": a share of hosting needs "yes" in the host column of this row"#)
        #expect(
            error(adding(.sites, "far,,,,yes,0"))
                == #"sites.csv:5: column "share": expected a share of hosting above 0, such as 2, found "0""#)
        #expect(
            error(adding(.sites, "far,,,maybe,,"))
                == #"sites.csv:5: column "online": expected yes or no, found "maybe""#)
        #expect(
            error(adding(.sites, "main,,,,,"))
                == #"sites.csv:5: column "id": "main" is already the id of the site on line 2"#)
        #expect(
            error(adding(.rooms, "gym,30,,anex"))
                == #"rooms.csv:5: column "site": unknown site "anex"; the sites are main, annex, web (did you mean "annex"?)"#
        )
        #expect(
            error(adding(.rooms, "link-2,,,web,https://meet.example.org/a b"))
                == #"rooms.csv:5: column "url": expected a meeting address without spaces, such as "https://meet.example.org/panel-1", got "https://meet.example.org/a b""#
        )
        #expect(
            error(adding(.rooms, "studio,30,,web"))
                == #"rooms.csv:5: column "capacity": room is at the online site "web", which has no capacity limit: remove "capacity""#
        )
    }

    @Test func homesSameStaffAndMaxConsecutiveAreChecked() {
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,mian,,,show,,"))
                == #"classes.csv:5: column "home": unknown site "mian"; known: main, annex, web (did you mean "main"?)"#
        )
        #expect(
            error(adding(.staff, "bea,student,,anex,"))
                == #"staff.csv:4: column "home": unknown site "anex"; known: main, annex, web (did you mean "annex"?)"#)
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,perhaps,,show,,"))
                == #"classes.csv:5: column "same staff": expected yes or no, found "perhaps""#)
        #expect(
            error(adding(.staff, "bea,student,,,0"))
                == #"staff.csv:4: column "max consecutive": expected a whole number of periods at least 1, found "0""#)
        #expect(
            error([.settings: "setting,value\ncontinuity roles,students\n"])
                == #"settings.csv:2: column "value": no staff member has role "students"; known: student, teacher (did you mean "student"?)"#
        )
    }

    @Test func withinIsCheckedInTheAttendCellAndTheWithinColumn() {
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within mon to tues,,"))
                == #"classes.csv:5: column "attend": unknown day "tues" in "mon to tues"; the days are mon, tue, wed (did you mean day "tue"?)"#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within wed to mon,,"))
                == #"classes.csv:5: column "attend": "wed to mon": wed comes after mon in days.csv; give the earlier day first"#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within,,"))
                == #"classes.csv:5: column "attend": cannot read "chem within"; "within" needs the days or times after it, e.g. "within sep16 to oct21" or "within mon and wed""#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within mon and,,"))
                == #"classes.csv:5: column "attend": cannot read "chem within mon and"; "within" needs the days or times after it, e.g. "within sep16 to oct21" or "within mon and wed""#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within mon; chem,,"))
                == #"classes.csv:5: column "attend": activity "chem" has another item in this group with "within"; two items of one activity need "within" ranges that share no period (give both a "within")"#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,chem within mon to tue; chem within tue,,"))
                == #"classes.csv:5: column "attend": shares tue p1 (09:00-10:00) with classes.csv:5 (activity "chem"); two items of one activity need ranges that share no period"#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,show,,mon"))
                == #"classes.csv:5: column "within": there are no choices in this row for these ranges to hold; for an activity of the attend column, write "ACTIVITY within …" there"#
        )
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,show,talk,mon to thu"))
                == #"classes.csv:5: column "within": unknown day "thu" in "mon to thu"; the days are mon, tue, wed"#)
        #expect(
            error(adding(.classes, "6b,Oakfield,6,20,,,,show,talk,fri 09:00-10:00"))
                == #"classes.csv:5: column "within": cannot read time range "fri 09:00-10:00"; expected "DAY", "DAY HH:MM-HH:MM" or "HH:MM-HH:MM" (days: mon, tue, wed)"#
        )
    }

    @Test func poolsAndPupilsAreChecked() {
        #expect(
            error([.pupils: "pool,name\nclub-a,Amy Bell\nclub-a,Ben Cole\nclub-a,Amy Bell\n"])
                == #"pupils.csv:4: column "name": "Amy Bell" is already listed for pool "club-a" on line 2"#)
        #expect(
            error(adding(.pupils, "clubb,Dan Eze"))
                == #"pupils.csv:5: column "pool": unknown pool "clubb"; the pools are club-a, club-b (did you mean "club-b"?)"#
        )
        #expect(
            error(adding(.pupils, "5a,Dan Eze"))
                == #"pupils.csv:5: column "pool": class "5a" is not a pool; write yes in its pool column in classes.csv to form teams from its pupils"#
        )
        #expect(
            error(adding(.pupils, "club-a,"))
                == #"pupils.csv:5: column "name": expected a pupil's name, found an empty cell"#)
        #expect(
            error([
                .classes: Self.sheets[.classes]!.replacingOccurrences(
                    of: "club-a,St Mary's,6,,", with: "club-a,St Mary's,6,4,")
            ])
                == #"classes.csv:3: column "size": size 4, but pupils.csv lists 3 pupils for "club-a"; give the number of names, or leave the size empty to count them"#
        )
        #expect(
            error(adding(.classes, "club-c,Elm,6,5,,,yes,show,,"))
                == #"classes.csv:5: column "attend": "club-c" is a pool: its pupils attend through the teams formed from it (the attend column of teams.csv); leave this empty"#
        )
        #expect(
            error(adding(.classes, "club-c,Elm,6,5,,,yes,,,"))
                == #"classes.csv:5: column "pool": "club-c" is a pool, but no row of teams.csv lists it in its pools column"#
        )
        #expect(
            error(adding(.classes, "club-c,Elm,6,5,,,maybe,,,"))
                == #"classes.csv:5: column "pool": expected yes or no, found "maybe""#)
    }

    @Test func teamFormationsAreChecked() {
        func team(_ row: String) -> String {
            error([.teams: "id,pools,size,min schools,require,attend\n" + row + "\n"])
        }
        #expect(
            team("mix,club-a; club-b,5-3,,,show")
                == #"teams.csv:2: column "size": expected a team size from 0 to 100000 with the smaller first, such as 5-6, found "5-3""#
        )
        #expect(
            team("mix,club-a; club-b,big,,,show")
                == #"teams.csv:2: column "size": expected a team size such as 5-6, 5 to 6, 5 or "at least 5", found "big""#
        )
        #expect(
            team("mix,club-a; club-b,,two,,show")
                == #"teams.csv:2: column "min schools": expected a whole number of schools, found "two""#)
        #expect(
            team("mix,club-a; club-b,,,one from club-a,show")
                == #"teams.csv:2: column "require": cannot read "one from club-a"; expected e.g. "1 from kingsmead-y7" or "2 from oak-y5 or oak-y6""#
        )
        #expect(
            team("mix,club-a; club-b,,,1 from club-a or,show")
                == #"teams.csv:2: column "require": cannot read "1 from club-a or"; expected e.g. "1 from kingsmead-y7" or "2 from oak-y5 or oak-y6""#
        )
        #expect(
            team("mix,club-a; club-b,,,1 from club-c,show")
                == #"teams.csv:2: column "require": "club-c" is not one of this row's pools (club-a; club-b) (did you mean "club-a"?)"#
        )
        #expect(
            team("mix,club-a; club-b; 5a,,,,show")
                == #"teams.csv:2: column "pools": class "5a" is not a pool; write yes in its pool column in classes.csv to form teams from its pupils"#
        )
        #expect(
            team("mix,club-a; club-b; 5b,,,,show")
                == #"teams.csv:2: column "pools": unknown group "5b"; known: 5a, club-a, club-b (did you mean "5a"?)"#)
        #expect(
            team("mix,club-a; club-b,,,,shows")
                == #"teams.csv:2: column "attend": unknown activity "shows"; known: chem, show, talk (did you mean "show"?)"#
        )
        #expect(
            team("mix,club-a,,,,show\nmix2,club-a; club-b,,,,show")
                == #"teams.csv:3: column "pools": pool "club-a" already belongs to formation "mix"; a pool belongs to exactly one formation"#
        )
        #expect(
            team("mix,,,,,show")
                == #"teams.csv:2: column "pools": expected pool class ids separated by ";", found an empty cell"#)
        let p = try? SheetImport.problem(
            fromTexts: Self.sheets.merging([
                .teams: "id,pools,size,require\nmix,club-a; club-b,at least 4,at least 2 from club-a or club-b\n"
            ]) { $1 })
        #expect(p?.formations.first?.minSize == 4 && p?.formations.first?.maxSize == 100_000)
        #expect(p?.formations.first?.require == [.init(pools: [1, 2], min: 2)])
    }

    @Test func fixedMovesAndSpacingAreChecked() {
        #expect(
            error([.fixed: "activity,day,start,room,classes,move\nchem,tue,p1,lab,5a,sometimes\n"])
                == #"fixed.csv:2: column "move": expected "room" (another room at the same time), "any" (any day, time and room) or empty (stays as written), found "sometimes""#
        )
        #expect(
            error([.fixed: "activity,day,start,room,classes,move\nchem,tue,p1,lab,5a,rooms\n"])
                == #"fixed.csv:2: column "move": expected "room" (another room at the same time), "any" (any day, time and room) or empty (stays as written), found "rooms" (did you mean "room"?)"#
        )
        #expect(
            error([.spacing: "activities,min days\nshow,a week\n"])
                == #"spacing.csv:2: column "min days": expected a whole number of days, found "a week""#)
        #expect(
            error([.spacing: "activities,min days\nshow; chems,7\n"])
                == #"spacing.csv:2: column "activities": unknown activity "chems"; known: chem, show, talk (did you mean "chem"?)"#
        )
        #expect(
            error([.spacing: "activities,min days\nshow,\n"])
                == #"spacing.csv:2: column "min days": expected a whole number of days, found an empty cell"#)
        #expect(
            error([.spacing: "activities\nshow\n"])
                == #"spacing.csv:1: missing column "min days" (a whole number of days); the header has activities"#)
        #expect(
            error([.spacing: "activities,min days\nshow,7\n", .days: "id,date\nmon,2026-03-09\ntue,\nwed,2026-03-11\n"])
                == #"spacing.csv:2: column "activities": activity "show" can be held on day "tue", which has no "date": spacing counts days between dates, so give that day a date (or narrow the activity's window)"#
        )
    }

    /// Mangled version 2 sheets never trap: every outcome is a problem or
    /// an InputError.
    @Test func mangledVersion2SheetsNeverTrap() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            ",", ";", "\"", "\n", " ", "x", "-1", "0", "999999999999", "mon", "to", "within", "and", "or", "from",
            "at least", "yes", "main", "club-a", "5-6", "min", ":", "é",
        ]
        var outcomes = (ok: 0, errors: 0)
        for _ in 0..<1_500 {
            let kind = [SheetKind.sites, .classes, .pupils, .teams, .fixed, .spacing, .settings, .staff].randomElement(
                using: &rng)!
            var text = Array(Self.sheets[kind]!)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0...text.count, using: &rng)
                if Bool.random(using: &rng), at < text.count {
                    text.remove(at: at)
                } else {
                    text.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                }
            }
            if error([kind: String(text)]) == "no error" { outcomes.ok += 1 } else { outcomes.errors += 1 }
        }
        #expect(outcomes.errors > 0 && outcomes.ok > 0)
    }
}
