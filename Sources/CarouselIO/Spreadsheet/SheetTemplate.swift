/// Starter sheets for `carousel template`: every column of every sheet, and
/// a small event (two days, two classes, lunch, a workshop and a show; two
/// science clubs mixed into teams; sites a walk apart) that imports and
/// solves as it is, for organisers to overwrite.
public enum SheetTemplate {
    /// Example rows of each sheet, keyed by column name.
    static func examples(_ kind: SheetKind) -> [[String: String]] {
        switch kind {
        case .settings:
            [
                ["setting": "name", "value": "Science Days 2026"],
                [
                    "setting": "description",
                    "value": "Two classes visit for a day each: lunch, a chemistry workshop and a show.",
                ],
            ]
                + [
                    ("continuity roles", "student"), ("coach seats", "57"), ("coach arrive before", "15"),
                    ("coach leave after", "10"),
                    ("preference", "5"), ("idle gap", "1"), ("site change", "2"), ("spread", "5"), ("isolated", "0"),
                    ("room stability", "0"), ("mix schools", "0"), ("sessions", "0"), ("staff overload", "0"),
                    ("over capacity", "hard"),
                    ("travel", "0.1"), ("continuity", "1"), ("host balance", "0"), ("displaced", "2"),
                ]
                .map { ["setting": $0.0, "value": $0.1] }
        case .days:
            [
                ["id": "mon", "name": "Monday", "date": "2026-03-09"],
                ["id": "tue", "name": "Tuesday", "date": "2026-03-10"],
            ]
        case .periods:
            [
                ["id": "p1", "start": "09:30", "end": "10:30"],
                ["id": "p2", "start": "10:30", "end": "11:30"],
                ["id": "break", "name": "Morning break", "start": "11:30", "end": "11:45", "break": "yes"],
                ["id": "p3", "start": "11:45", "end": "12:45"],
                ["id": "p4", "start": "12:45", "end": "13:45"],
            ]
        case .sites:
            [
                ["id": "main", "name": "Main building"],
                ["id": "science-block", "name": "Science block"],
                ["id": "st-marys", "name": "St Mary's Primary", "travel": "main 10; science-block 12"],
                ["id": "online", "name": "Video call", "online": "yes"],
            ]
        case .rooms:
            [
                [
                    "id": "hall", "name": "Main Hall", "capacity": "200", "features": "hall; dining; step-free",
                    "site": "main",
                ],
                [
                    "id": "lab-1", "name": "Science Lab 1", "capacity": "32", "features": "lab; step-free",
                    "site": "science-block",
                    "unavailable": "tue 09:30-10:30",
                ],
            ]
        case .staff:
            [
                [
                    "id": "ms-smith", "name": "Ms Smith", "role": "teacher", "skills": "chemistry; dbs",
                    "available": "mon; tue 09:30-12:00", "max per day": "5", "preferred max per day": "4",
                    "home": "science-block",
                ],
                [
                    "id": "mr-jones", "name": "Mr Jones", "role": "teacher", "skills": "show; dbs", "max per day": "6",
                    "max consecutive": "3", "home": "main",
                ],
                ["id": "amir", "name": "Amir (Year 12)", "role": "student", "available": "mon; tue", "max": "8"],
            ]
        case .activities:
            [
                [
                    "id": "lunch", "name": "Lunch", "max groups": "4", "room features": "dining",
                    "window": "11:45-13:45",
                ],
                [
                    "id": "chem", "name": "Kitchen chemistry", "capacity": "32", "room features": "lab", "years": "3-6",
                    "max per day": "4", "staff": "1 with chemistry; student per 30 pupils",
                    "equipment": "32 safety goggles; aprons; indicator kits",
                ],
                [
                    "id": "show", "name": "Liquid nitrogen show", "capacity": "120", "max groups": "2", "rooms": "hall",
                    "max sessions": "4", "staff": "1 with show",
                ],
            ]
        case .classes:
            [
                [
                    "id": "st-marys-5a", "name": "St Mary's 5A", "school": "St Mary's Primary", "year": "5",
                    "size": "28",
                    "visit": "mon 09:30-13:45", "needs": "step-free", "home": "st-marys", "adults": "3",
                    "dietary": "vegetarian 4; nut allergy 1", "gate": "front-gate", "attend": "lunch daily",
                    "choices": "chem; show", "choose": "1", "prefer": "show", "within": "mon",
                ],
                [
                    "id": "oakfield-6c", "name": "Oakfield 6C", "school": "Oakfield Primary", "year": "6", "size": "30",
                    "visit": "tue", "same staff": "yes", "attend": "lunch daily; chem; show",
                ],
                [
                    "id": "st-marys-club", "name": "St Mary's science club", "school": "St Mary's Primary", "year": "6",
                    "pool": "yes",
                ],
                [
                    "id": "oakfield-club", "name": "Oakfield science club", "school": "Oakfield Primary", "year": "6",
                    "size": "6",
                    "pool": "yes",
                ],
            ]
        case .pupils:
            ["Amara Okafor", "Ben Hughes", "Chloe Patel", "Dev Sharma", "Ella Price", "Finn Walsh"]
                .map { ["pool": "st-marys-club", "name": $0] }
        case .teams:
            [
                [
                    "id": "science-teams", "name": "Science club teams", "pools": "st-marys-club; oakfield-club",
                    "size": "3-4",
                    "min schools": "2", "require": "1 from st-marys-club", "visit": "tue", "attend": "show",
                ]
            ]
        case .fixed:
            [
                [
                    "activity": "show", "day": "tue", "start": "p1", "room": "hall", "classes": "oakfield-6c",
                    "staff": "mr-jones",
                    "move": "room",
                ]
            ]
        case .spacing:
            [["activities": "chem", "min days": "1"]]
        case .gates:
            [["id": "front-gate", "name": "Front gate, School Lane", "capacity": "4"]]
        }
    }

    /// The CSV text of each sheet, in `SheetKind` order.
    public static var sheets: [(kind: SheetKind, text: String)] {
        SheetKind.allCases.map { kind in
            let names = kind.columns.map(\.name)
            return (kind, CSV.render([names] + examples(kind).map { row in names.map { row[$0] ?? "" } }))
        }
    }
}
