import CarouselIO
import CarouselModel
import Foundation
import Testing

/// `carousel import csv`: what each column means, and the one-line error for
/// each kind of bad cell.
@Suite struct SheetImportTests {
    static let sheets: [SheetKind: String] = [
        .days: "id,name,date\nmon,Monday,2026-03-09\n",
        .periods: "id,start,end,break\np1,09:00,10:00,\np2,10:00,11:00,\nlunch,11:00,11:30,yes\np3,11:30,12:30,\n",
        .rooms: "id,name,capacity,features,site\nlab,Lab,30,lab; step-free,science\nhall,Hall,200,hall,main\n",
        .staff:
            "id,role,skills,available\nms-smith,teacher,chemistry,mon\namir,student,,\nbea,student,,Monday 09:00-11:00\n",
        .activities:
            "id,name,capacity,room features,staff,together,years\nchem,Chemistry,30,lab,1 with chemistry; student per 15 pupils,,4-6\nshow,Show,,hall,,yes,\n",
        .classes:
            "id,school,year,size,visit,needs,attend,choices,choose,prefer\n5a,St Mary's,5,28,mon 09:00-12:30,step-free,show,chem,1,chem\n6b,St Mary's,6,20,,,show; chem,,,\n",
    ]

    /// The error the sheets give with `changes` applied, as the CLI prints it.
    func error(_ changes: [SheetKind: String]) -> String { importError(Self.sheets.merging(changes) { $1 }) }

    /// `classes.csv` with one more row after the two good ones (line 4).
    func classRow(_ row: String) -> [SheetKind: String] { [.classes: Self.sheets[.classes]! + row + "\n"] }

    @Test func columnsMeanWhatTheSpecSays() throws {
        let p = try SheetImport.problem(
            fromTexts: Self.sheets.merging([
                .classes:
                    "ID,School,Year,Size,Visit,Needs,Attend,Choices,Choose,Prefer,# contact\n5a,St Mary's,5,28,monday 09:00-12:30,step-free,show x2 over 1 days,chem; show,1,chem,jo@example.org\n",
                .settings: "setting,value\nname,Test day\nIdle Gap,3\nover capacity,hard\n",
            ]) { $1 })
        #expect(p.name == "Test day")
        #expect(p.weights[.idleGap] == 3 && p.weights.overCapacity == nil)
        #expect(p.calendar.periods[2].isBreak && !p.calendar.periods[1].isBreak)
        #expect(
            p.rooms[0].features == ["lab", "step-free"] && p.rooms[0].site == "science" && p.rooms[0].capacity == 30)
        #expect(p.staff[2].available == [TimeRange(day: 0, window: 540...660)], "day names become day ids")
        let chem = p.activities[0]
        #expect(chem.years == 4...6 && chem.capacity == 30 && chem.roomFeatures == ["lab"])
        #expect(chem.staff.map(\.skills) == [["chemistry"], []] && chem.staff.map(\.count) == [1, 0])
        #expect(chem.staff[1].role == "student" && chem.staff[1].perPupils == 15)
        #expect(p.activities[1].together)
        let g = p.groups[0]
        #expect(g.school == "St Mary's" && g.year == 5 && g.size == 28 && g.needs == ["step-free"])
        #expect(g.visit == [TimeRange(day: 0, window: 540...750)])
        #expect(
            g.attend == [
                .activity(activity: 1, times: 2, daily: false, minDays: 1),
                .oneOf(choices: [0, 1], count: 1, prefer: [0]),
            ])
    }

    @Test func staffRowsAndAttendItemsReadEveryForm() throws {
        let p = try SheetImport.problem(
            fromTexts: Self.sheets.merging([
                .activities:
                    "id,room features,staff,max groups\nchem,lab,\"2 teacher with chemistry; 1 + student per 10 pupils; 1 from ms-smith or amir; 1 student per 20 pupils; 1\",\nlunch,hall,,4\n",
                .classes:
                    "id,size,attend,choices,choose,prefer,choices 2,prefer 2\n5a,28,lunch daily; chem ×2,,,,,\n6b,20,,chem,,,lunch,lunch\n",
            ]) { $1 })
        let rows = p.activities[0].staff
        #expect(rows.map(\.count) == [2, 1, 1, 0, 1])
        #expect(rows.map(\.role) == ["teacher", "student", nil, "student", nil])
        #expect(rows.map(\.perPupils) == [nil, 10, nil, 20, nil])
        #expect(rows[2].ids == [0, 1])
        #expect(
            p.groups[0].attend == [
                .activity(activity: 1, times: 1, daily: true, minDays: nil),
                .activity(activity: 0, times: 2, daily: false, minDays: nil),
            ])
        #expect(
            p.groups[1].attend == [
                .oneOf(choices: [0], count: 1, prefer: nil), .oneOf(choices: [1], count: 1, prefer: [1]),
            ])
    }

    @Test func badCellsNameFileLineColumnAndWhatWasExpected() {
        #expect(
            error(classRow("7c,St Anne's,6,twenty,,,show,,,"))
                == #"classes.csv:4: column "size": expected a whole number of pupils, found "twenty""#)
        #expect(
            error(classRow("7c,St Anne's,6,0,,,show,,,"))
                == #"classes.csv:4: column "size": expected a whole number of pupils from 1 to 100000, found "0""#)
        #expect(
            error(classRow("7c,St Anne's,6,,,,show,,,"))
                == #"classes.csv:4: column "size": expected a whole number of pupils, found an empty cell"#)
        #expect(
            error(classRow("7c,St Anne's,Y6,20,,,show,,,"))
                == #"classes.csv:4: column "year": expected a school year such as 5, found "Y6""#)
        #expect(
            error(classRow("St Anne's 7C,St Anne's,6,20,,,show,,,"))
                == #"classes.csv:4: column "id": expected a class id without spaces such as "st-marys-5a", found "St Anne's 7C""#
        )
        #expect(
            error(classRow("5a,St Anne's,6,20,,,show,,,"))
                == #"classes.csv:4: column "id": "5a" is already the id of the class on line 2"#)
        #expect(
            error(classRow("7c,St Anne's,6,20,,,show x,,,"))
                == #"classes.csv:4: column "attend": cannot read "show x"; expected an activity id, then optionally "xN" (N sessions) or "daily" (once on every visit day), "over N days" (spread them, softly), and last "within" and the days, e.g. "maths x3 over 3 days" or "football within sep16 to oct21""#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,,,show daily x2,,,"))
                == #"classes.csv:4: column "attend": cannot read "show daily x2"; "daily" already means once on every visit day; give either daily or xN"#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,,,show,chem,2,"))
                == #"classes.csv:4: column "choose": expected at most 1, the number of choices, found "2""#)
        #expect(
            error(classRow("7c,St Anne's,6,20,,,,chem; show,,shw"))
                == #"classes.csv:4: column "prefer": "shw" is not one of the choices (chem; show) (did you mean "show"?)"#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,,,,,1,"))
                == #"classes.csv:4: column "choose": there are no choices in this row to choose from"#)
        #expect(
            error(classRow("7c,St Anne's,6,20,,step free,show,,,"))
                == #"classes.csv:4: column "needs": no room has feature "step free"; known: hall, lab, step-free (did you mean "step-free"?)"#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,,,show,,,,extra"))
                == "classes.csv:4: the row has a cell in column 11, but the header names only 10 columns (a cell with a comma needs quotes)"
        )
        #expect(
            error([.rooms: "id,capacity\nlab,30\nlab,20\n"])
                == #"rooms.csv:3: column "id": "lab" is already the id of the room on line 2"#)
        #expect(
            error([.activities: "id,together\nchem,maybe\n"])
                == #"activities.csv:2: column "together": expected yes or no, found "maybe""#)
        #expect(
            error([.activities: "id,years\nchem,6-4\n"])
                == #"activities.csv:2: column "years": expected years from -5 to 100 with the lower first, such as 5-6, found "6-4""#
        )
        #expect(
            error([.activities: "id,duration\nchem,1.5\n"])
                == #"activities.csv:2: column "duration": expected a whole number of periods, found "1.5""#)
        #expect(
            error([.periods: "id,start,end,break\np1,09:00,10:00,perhaps\n"])
                == #"periods.csv:2: column "break": expected yes or no, found "perhaps""#)
        #expect(
            error([.settings: "setting,value\nidle gap,lots\n"])
                == #"settings.csv:2: column "value": expected a weight (a number ≥ 0), found "lots""#)
    }

    @Test func staffRowsThatCannotBeReadOrMatchNobody() {
        func staff(_ cell: String) -> String {
            error([.activities: "id,room features,staff\nchem,lab,\"\(cell)\"\nshow,hall,\n"])
        }
        let forms =
            #"expected e.g. "1 with chemistry", "1 teacher", "2 teacher with dbs and first-aid", "student per 15 pupils", "1 + mentor per 10 pupils" or "1 from mr-osei or ms-khan""#
        #expect(
            staff("two with chemistry")
                == #"activities.csv:2: column "staff": cannot read staff row "two with chemistry"; "# + forms)
        #expect(staff("teacher") == #"activities.csv:2: column "staff": cannot read staff row "teacher"; "# + forms)
        #expect(
            staff("2 student per 15 pupils")
                == #"activities.csv:2: column "staff": cannot read staff row "2 student per 15 pupils"; write "student per 15 pupils" for one per 15 pupils, or "2 + student per 15 pupils" for 2 more besides"#
        )
        #expect(
            staff("student per many pupils")
                == #"activities.csv:2: column "staff": cannot read staff row "student per many pupils"; expected "per N pupils" with N at least 1"#
        )
        #expect(
            staff("2 students")
                == #"activities.csv:2: column "staff": no staff member has role "students"; known: student, teacher (did you mean "student"?)"#
        )
        #expect(
            staff("1 with chemstry")
                == #"activities.csv:2: column "staff": no staff member has skill "chemstry"; known: chemistry (did you mean "chemistry"?)"#
        )
        #expect(
            staff("1 from ms-smyth")
                == #"activities.csv:2: column "staff": unknown staff member "ms-smyth"; known: ms-smith, amir, bea (did you mean "ms-smith"?)"#
        )
    }

    @Test func unknownReferencesGetDidYouMean() {
        #expect(
            error(classRow("7c,St Anne's,6,20,,,shows,,,"))
                == #"classes.csv:4: column "attend": unknown activity "shows"; known: chem, show (did you mean "show"?)"#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,,,,chem; shw,,"))
                == #"classes.csv:4: column "choices": unknown activity "shw"; known: chem, show (did you mean "show"?)"#
        )
        // A misspelt choice is the error, not the preference that names it right.
        #expect(
            error(classRow("7c,St Anne's,6,20,,,,chem; shw,,show"))
                == #"classes.csv:4: column "choices": unknown activity "shw"; known: chem, show (did you mean "show"?)"#
        )
        #expect(
            error([.activities: "id,room features\nchem,labs\n"])
                == #"activities.csv:2: column "room features": no room has feature "labs"; known: hall, lab, step-free (did you mean "lab"?)"#
        )
        #expect(
            error([.activities: "id,rooms\nchem,lab; hal\nshow,hall\n"])
                == #"activities.csv:2: column "rooms": unknown room "hal"; known: lab, hall (did you mean "hall"?)"#)
        #expect(
            error([.fixed: "activity,day,start,room,classes\nshow,mon,p1,hall,5a; 6c\n"])
                == #"fixed.csv:2: column "classes": unknown group "6c"; known: 5a, 6b (did you mean "6b"?)"#)
    }

    @Test func timesAndCalendarErrorsComeFromTheirCells() {
        #expect(
            error(classRow("7c,St Anne's,6,20,mno 09:00-10:00,,show,,,"))
                == #"classes.csv:4: column "visit": cannot read time range "mno 09:00-10:00"; expected "DAY", "DAY HH:MM-HH:MM" or "HH:MM-HH:MM" (days: mon) (did you mean day "mon"?)"#
        )
        #expect(
            error(classRow("7c,St Anne's,6,20,mon 9-12,,show,,,"))
                == #"classes.csv:4: column "visit": cannot read the window "9-12" in "mon 9-12"; expected HH:MM-HH:MM"#)
        #expect(
            error([.periods: "id,start,end\np1,09:00,10:00\np2,09:30,10:30\n"])
                == #"periods.csv:3: column "start": period "p2" starts at 09:30, before the previous period "p1" ends (10:00); periods must not overlap and must increase in time"#
        )
        #expect(
            error([.periods: "id,start,end\np1,9.00,10:00\n"])
                == #"periods.csv:2: column "start": expected a time HH:MM (24-hour clock), got "9.00""#)
        #expect(
            error([.days: "id,date\nmon,09/03/2026\n"])
                == #"days.csv:2: column "date": expected a date YYYY-MM-DD, got "09/03/2026""#)
        #expect(error([.days: "id,date\n"]) == "days.csv: no days; add one row per day of the event below the header")
        #expect(
            error([.activities: "id,duration\nchem,4\n"])
                == #"activities.csv:2: column "duration": duration 4 periods is longer than any day allows (at most 2 consecutive non-break periods, on mon)"#
        )
    }

    @Test func headersAreMatchedLooselyAndUnknownOnesRejected() {
        #expect(
            error([.classes: "id,sise,attend\n5a,28,show\n"])
                == ##"classes.csv:1: column "sise": unknown column for a classes.csv sheet; expected one of id, name, school, year, size, visit, needs, home, same staff, pool, adults, dietary, gate, attend, choices, choose, prefer, within (or start the header with "#" to keep a column of your own that the import skips) (did you mean "size"?)"##
        )
        #expect(
            error([.classes: "id,attend\n5a,show\n"])
                == #"classes.csv:1: missing column "size" (a whole number of pupils); the header has id, attend"#)
        #expect(
            error([.classes: "id,Size,SIZE\n5a,28,28\n"])
                == #"classes.csv:1: column "SIZE": the column appears twice (as "Size" and "SIZE")"#)
        #expect(
            error([.classes: "id,size,,attend\n5a,28,x,show\n"])
                == #"classes.csv:2: cell "x" is in column 3, which has no header; name the column or clear it"#)
        #expect(
            error([.classes: ""])
                == "classes.csv: the sheet is empty; expected a header row with the columns id, name, school, year, size, visit, needs, home, same staff, pool, adults, dietary, gate, attend, choices, choose, prefer, within"
        )
        #expect(
            error([.classes: "id,size\n\"5a,28\n"])
                == #"classes.csv:2: the quoted field that starts on line 2 is never closed; a closing " is missing"#)
        #expect(
            error([.settings: "setting,value\nidle gaps,2\n"])
                == #"settings.csv:2: column "setting": unknown setting "idle gaps"; expected one of name, description, continuity roles, coach seats, coach arrive before, coach leave after, preference, idle gap, site change, spread, isolated, room stability, mix schools, sessions, staff overload, over capacity, travel, continuity, host balance, displaced, staff idle gap, arrival crowding (did you mean "idle gap"?)"#
        )
        #expect(
            error([.settings: "setting,value\nspread,2\nSpread,3\n"])
                == #"settings.csv:3: column "setting": "spread" is already set on line 2"#)
        // Blank rows, a blank column at the end, `# notes` columns and spaced headers are fine.
        #expect(error([.classes: "ID , Size ,# notes,\n\n5a,28,late coach,\n,,,\n"]) == "no error")
    }

    @Test func folderSheetsAreFoundAndStrayFilesRejected() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carousel-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (kind, text) in Self.sheets where kind != .classes {
            try text.write(
                to: dir.appendingPathComponent(kind == .rooms ? "Rooms.csv" : kind.fileName), atomically: true,
                encoding: .utf8)
        }
        try Self.sheets[.classes]!.write(to: dir.appendingPathComponent("class.csv"), atomically: true, encoding: .utf8)
        #expect(
            throws: InputError(
                file: dir.appendingPathComponent("class.csv").path, location: nil, path: "",
                message:
                    "not a sheet Carousel reads; expected settings.csv, days.csv, periods.csv, sites.csv, rooms.csv, staff.csv, activities.csv, classes.csv, pupils.csv, teams.csv, fixed.csv, spacing.csv, gates.csv (move other files out of the folder)",
                hint: "did you mean \"classes.csv\"?")
        ) {
            try SheetImport.sheets(inFolder: dir.path)
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("class.csv"))
        #expect(
            throws: InputError(
                file: dir.path, location: nil, path: "",
                message: "no classes.csv in the folder (give it with --classes FILE)")
        ) {
            try SheetImport.sheets(inFolder: dir.path)
        }
        let elsewhere = dir.appendingPathComponent("notes.txt").path
        try Self.sheets[.classes]!.write(toFile: elsewhere, atomically: true, encoding: .utf8)
        let paths = try SheetImport.sheets(inFolder: dir.path, overrides: [.classes: elsewhere])
        #expect(paths[.rooms] == dir.appendingPathComponent("Rooms.csv").path && paths[.classes] == elsewhere)
        #expect(try SheetImport.problem(from: paths).groups.count == 2)
    }

    /// Mangled sheets never trap: every outcome is a problem or an InputError.
    @Test func mangledSheetsNeverTrap() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            ",", ";", "\"", "\n", " ", "x", "-1", "0", "999999999999", "mon", "09:00-", "per", "with", "+", "daily",
            "x3", "over", "#", "é", "\r",
        ]
        var outcomes = (ok: 0, errors: 0)
        for _ in 0..<1_500 {
            var changes: [SheetKind: String] = [:]
            let kind = [SheetKind.classes, .activities, .rooms, .staff, .periods, .days].randomElement(using: &rng)!
            var text = Array(Self.sheets[kind]!)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0...text.count, using: &rng)
                if Bool.random(using: &rng), at < text.count {
                    text.remove(at: at)
                } else {
                    text.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                }
            }
            changes[kind] = String(text)
            if error(changes) == "no error" { outcomes.ok += 1 } else { outcomes.errors += 1 }
        }
        #expect(outcomes.errors > 0 && outcomes.ok > 0)
    }
}

/// The error `sheets` give on import, as the CLI prints it, or "no error".
func importError(_ sheets: [SheetKind: String]) -> String {
    do {
        _ = try SheetImport.problem(fromTexts: sheets)
        return "no error"
    } catch {
        return error.description
    }
}
