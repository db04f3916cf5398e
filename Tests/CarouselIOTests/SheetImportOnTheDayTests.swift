import CarouselIO
import CarouselModel
import Foundation
import Testing

/// `carousel import csv` and the on-the-day fields (docs/format.md, "On the
/// day"): gates.csv, the coach settings, a class's adults, dietary counts
/// and gate, an activity's outdoor flag, wet-weather fallback and equipment.
@Suite struct SheetImportOnTheDayTests {
    static let sheets: [SheetKind: String] = SheetImportTests.sheets.merging([
        .rooms:
            "id,name,capacity,features,site\nlab,Lab,30,lab; step-free,science\nhall,Hall,200,hall,main\nfield,Field,,outdoor,main\n",
        .activities:
            "id,name,capacity,room features,staff,together,outdoor,wet weather rooms,wet weather activity,equipment\nchem,Chemistry,30,lab,1 with chemistry,,,,,\"32 goggles, washed; aprons\"\nshow,Show,,hall,,yes,,,,\nrocket,Rockets,30,outdoor,,,yes,hall,,launchers\n",
        .classes:
            "id,school,year,size,adults,dietary,gate,attend\n5a,St Mary's,5,28,3,vegetarian 3; nut allergy: 1,bay,show; chem\n6b,St Mary's,6,20,,,,show; rocket\n",
        .gates: "id,name,site,capacity\nbay,\"Coach bay, Mill Lane\",,4\nside,Side gate,science,\n",
        .settings: "setting,value\ncoach seats,57\nCoach arrive before,20\narrival crowding,2\n",
    ]) { $1 }

    func error(_ changes: [SheetKind: String]) -> String { importError(Self.sheets.merging(changes) { $1 }) }

    @Test func onTheDayColumnsMeanWhatTheFormatSays() throws {
        let p = try SheetImport.problem(fromTexts: Self.sheets)
        #expect(p.gates.map(\.id) == ["bay", "side"])
        #expect(p.gates[0].name == "Coach bay, Mill Lane" && p.gates[0].capacity == 4 && p.gates[1].capacity == nil)
        #expect(p.gates[1].site == "science")
        #expect(p.coaches?.seats == 57 && p.coaches?.arriveBefore == 20 && p.coaches?.leaveAfter == 10)
        #expect(p.weights[.arrivalCrowding] == 2)
        let g = p.groups[0]
        #expect(g.adults == 3 && g.gate == 0)
        #expect(g.dietary == [DietaryCount(need: "vegetarian", count: 3), DietaryCount(need: "nut allergy", count: 1)])
        #expect(p.groups[1].adults == 0 && p.groups[1].dietary.isEmpty && p.groups[1].gate == nil)
        #expect(p.activities[0].equipment == ["32 goggles, washed", "aprons"], "items split at ; only")
        #expect(!p.activities[0].outdoor && p.activities[0].wetWeather == nil)
        #expect(p.activities[2].outdoor && p.activities[2].wetWeather == .rooms([1]))
        #expect(p.activities[2].equipment == ["launchers"])
    }

    /// The same problem written back as JSON and read again is equal: the
    /// sheets lose nothing the decoder keeps.
    @Test func onTheDaySheetsRoundTripThroughTheProblemFile() throws {
        let p = try SheetImport.problem(fromTexts: Self.sheets)
        let again = try ProblemDecoder.decode(bytes: Array(ProblemFile.render(p).utf8), file: "again.json")
        #expect(ProblemFile.render(again) == ProblemFile.render(p))
        #expect(again.gates == p.gates && again.coaches == p.coaches)
        #expect(again.groups.map(\.dietary) == p.groups.map(\.dietary))
    }

    @Test func aWetWeatherActivityReplacesTheOutdoorOne() throws {
        let p = try SheetImport.problem(
            fromTexts: Self.sheets.merging([
                .activities:
                    "id,room features,outdoor,wet weather activity\nchem,lab,,\nshow,hall,,\nrocket,outdoor,yes,show\n"
            ]) { $1 })
        #expect(p.activities[2].wetWeather == .activity(1))
    }

    @Test func badOnTheDayCellsGiveOneLineErrors() {
        #expect(
            error([
                .classes:
                    "id,size,dietary,attend\n5a,28,vegetarian three,show\n"
            ])
                == #"classes.csv:2: column "dietary": cannot read "vegetarian three"; expected a dietary need and its number of pupils, e.g. "vegetarian 3; nut allergy 1""#
        )
        #expect(
            error([.classes: "id,size,gate,attend\n5a,28,bya,show\n"])
                == #"classes.csv:2: column "gate": unknown gate "bya"; known: bay, side (did you mean "bay"?)"#)
        #expect(
            error([.classes: "id,size,adults,attend\n5a,28,lots,show\n"])
                == #"classes.csv:2: column "adults": expected a whole number of adults coming with the class, found "lots""#
        )
        #expect(
            error([.gates: "id,capacity\nbay,0\n"])
                == #"gates.csv:2: column "capacity": expected a whole number of coaches in a quarter hour from 1 to 1000, found "0""#
        )
        #expect(
            error([.settings: "setting,value\ncoach arrive before,15\n"])
                == #"settings.csv:2: column "value": missing "seats" (the seats in one coach, for pupils and adults)"#)
        #expect(
            error([
                .activities:
                    "id,room features,outdoor,wet weather rooms,wet weather activity\nchem,lab,,,\nshow,hall,,,\nrocket,outdoor,yes,hall,show\n"
            ])
                == #"activities.csv:4: column "wet weather rooms": give the wet-weather rooms or the wet-weather activity, not both; clear one of the two cells"#
        )
        #expect(
            error([
                .activities:
                    "id,room features,outdoor,wet weather rooms\nchem,lab,,\nshow,hall,,\nrocket,outdoor,yes,hal\n"
            ])
                == #"activities.csv:4: column "wet weather rooms": unknown room "hal"; known: lab, hall, field (did you mean "hall"?)"#
        )
        #expect(
            error([
                .activities:
                    "id,room features,outdoor\nchem,lab,\nshow,hall,\nrocket,outdoor,yes\n"
            ]).hasPrefix(#"activities.csv:4: column "outdoor": an outdoor activity needs "wetWeather""#)
        )
    }
}
