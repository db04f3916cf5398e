/// The sheets `carousel import csv` reads, one per kind of thing an
/// organiser keeps a list of, and the columns each may have.
///
/// Every sheet is a plain table with one header row, so a workbook with one
/// tab per sheet exports to a folder of these files. Headers match whatever
/// their case and spacing (`Max per day`, `max_per_day` and `maxPerDay` are
/// one column). See docs/csv-import.md.
public enum SheetKind: String, Sendable, CaseIterable {
    case settings, days, periods, sites, rooms, staff, activities, classes, pupils, teams, fixed, spacing, gates

    /// One column: its header as the template writes it, and what a cell
    /// holds, worded to follow "expected" in error messages.
    public struct Column: Sendable {
        public var name: String
        public var expected: String
        public var required: Bool
        /// Whether the column may appear again numbered (`choices 2`, …) for
        /// a second set of its kind in the same row.
        public var repeatable: Bool

        init(_ name: String, _ expected: String, required: Bool = false, repeatable: Bool = false) {
            self.name = name
            self.expected = expected
            self.required = required
            self.repeatable = repeatable
        }

        /// The header with case, spaces, `_` and `-` taken out.
        var key: String { SheetKind.key(name) }
    }

    /// `classes.csv`.
    public var fileName: String { rawValue + ".csv" }

    /// Whether an import needs this sheet (the others may be left out).
    public var isRequired: Bool {
        switch self {
        case .days, .periods, .rooms, .activities, .classes: true
        default: false
        }
    }

    /// What one row is, for messages ("the room on line 4").
    var noun: String {
        switch self {
        case .settings: "setting"
        case .days: "day"
        case .periods: "period"
        case .sites: "site"
        case .rooms: "room"
        case .staff: "staff member"
        case .activities: "activity"
        case .classes: "class"
        case .pupils: "pupil"
        case .teams: "team formation"
        case .fixed: "fixed session"
        case .spacing: "spacing rule"
        case .gates: "gate"
        }
    }

    static let ranges = "time ranges such as \"mon 09:30-12:00\" or \"sep16 to oct21\" separated by \";\""
    static let attend = "activities such as \"lunch daily; show; maths x3 over 3 days; football within sep16 to oct21\""

    /// The columns of an attend list, shared by classes and teams: the
    /// `attend` cell and numbered sets of choices.
    static let attendColumns = [
        Column("attend", attend),
        Column("choices", "activity ids separated by \";\"", repeatable: true),
        Column("choose", "how many of the choices, a whole number", repeatable: true),
        Column("prefer", "activity ids from the choices, best first", repeatable: true),
        Column(
            "within", "time ranges or day spans the chosen activities lie within, such as \"sep16 to oct21\"",
            repeatable: true),
    ]

    public var columns: [Column] {
        switch self {
        case .settings:
            [
                Column("setting", "a setting name", required: true),
                Column("value", "a value"),
            ]
        case .days:
            [
                Column("id", "a day id without spaces such as \"mon\"", required: true),
                Column("name", "a name"),
                Column("date", "a date YYYY-MM-DD"),
                Column("periods", "period ids separated by \";\" (empty: every period)"),
            ]
        case .periods:
            [
                Column("id", "a period id without spaces such as \"p1\"", required: true),
                Column("name", "a name"),
                Column("start", "a time HH:MM", required: true),
                Column("end", "a time HH:MM", required: true),
                Column("break", "yes or no"),
            ]
        case .sites:
            [
                Column("id", "a site id without spaces such as \"main\"", required: true),
                Column("name", "a name"),
                Column("travel", "minutes to other sites such as \"main 20; goodrich 15\""),
                Column("online", "yes or no"),
                Column("host", "yes or no"),
                Column("share", "a share of hosting, a number > 0 such as 2"),
            ]
        case .rooms:
            [
                Column("id", "a room id without spaces such as \"lab-1\"", required: true),
                Column("name", "a name"),
                Column("capacity", "a whole number of pupils"),
                Column("features", "features separated by \";\""),
                Column("site", "a site id"),
                Column("unavailable", Self.ranges),
                Column("url", "a meeting address such as \"https://meet.example.org/panel-1\""),
            ]
        case .staff:
            [
                Column("id", "a staff id without spaces such as \"ms-smith\"", required: true),
                Column("name", "a name"),
                Column("role", "a role such as \"teacher\""),
                Column("skills", "skills separated by \";\""),
                Column("available", Self.ranges),
                Column("max per day", "a whole number of sessions"),
                Column("max", "a whole number of sessions"),
                Column("preferred max per day", "a whole number of sessions"),
                Column("max consecutive", "a whole number of periods"),
                Column("home", "a site id"),
            ]
        case .activities:
            [
                Column("id", "an activity id without spaces such as \"chem\"", required: true),
                Column("name", "a name"),
                Column("duration", "a whole number of periods"),
                Column("capacity", "a whole number of pupils"),
                Column("max groups", "a whole number of groups"),
                Column("room features", "features separated by \";\""),
                Column("rooms", "room ids separated by \";\""),
                Column("years", "a year such as 5 or a range such as 5-6"),
                Column("window", Self.ranges),
                Column("max per day", "a whole number of sessions"),
                Column("max sessions", "a whole number of sessions"),
                Column("together", "yes or no"),
                Column("staff", "staff rows such as \"1 with chemistry; student per 15 pupils\""),
                Column("outdoor", "yes or no"),
                Column("wet weather rooms", "indoor room ids separated by \";\""),
                Column("wet weather activity", "an indoor activity id"),
                Column("equipment", "things to set up separated by \";\""),
            ]
        case .classes:
            [
                Column("id", "a class id without spaces such as \"st-marys-5a\"", required: true),
                Column("name", "a name"),
                Column("school", "a school name"),
                Column("year", "a school year such as 5"),
                Column("size", "a whole number of pupils", required: true),
                Column("visit", Self.ranges),
                Column("needs", "features separated by \";\""),
                Column("home", "a site id"),
                Column("same staff", "yes or no"),
                Column("pool", "yes or no"),
                Column("adults", "a whole number of adults coming with the class"),
                Column("dietary", "dietary needs and pupils such as \"vegetarian 3; nut allergy 1\""),
                Column("gate", "a gate id"),
            ] + Self.attendColumns
        case .pupils:
            [
                Column("pool", "a pool class id", required: true),
                Column("name", "a pupil's name", required: true),
            ]
        case .teams:
            [
                Column("id", "a formation id without spaces such as \"gc\"", required: true),
                Column("name", "a name"),
                Column("pools", "pool class ids separated by \";\"", required: true),
                Column("size", "a team size such as 5-6"),
                Column("min schools", "a whole number of schools"),
                Column("require", "such as \"1 from kingsmead-y7\" or \"2 from oak-y5 or oak-y6\", separated by \";\""),
                Column("visit", Self.ranges),
                Column("needs", "features separated by \";\""),
            ] + Self.attendColumns
        case .fixed:
            [
                Column("activity", "an activity id", required: true),
                Column("day", "a day id", required: true),
                Column("start", "a period id or start time HH:MM", required: true),
                Column("room", "a room id", required: true),
                Column("classes", "class ids separated by \";\""),
                Column("staff", "staff ids separated by \";\""),
                Column(
                    "move",
                    "\"room\" (another room at the same time), \"any\" (any day, time and room) or empty (stays as written)"
                ),
            ]
        case .spacing:
            [
                Column("activities", "activity ids separated by \";\"", required: true),
                Column("min days", "a whole number of days", required: true),
            ]
        case .gates:
            [
                Column("id", "a gate id without spaces such as \"coach-bay\"", required: true),
                Column("name", "a name"),
                Column("site", "a site id"),
                Column("capacity", "a whole number of coaches in a quarter hour"),
            ]
        }
    }

    /// A header or setting name with case, spaces, `_` and `-` taken out.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) }.map(Character.init))
    }
}
