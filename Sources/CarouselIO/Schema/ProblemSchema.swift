import CarouselModel

/// A JSON Schema (draft 2020-12) of the problem file format (spec sections
/// 0–7, the version 2 additions of sections 10–17, and Carousel's additions,
/// docs/format.md), for editors to complete
/// and explain keys as an organiser types.
///
/// It states what the schema language can: every object, its keys (unknown
/// keys are rejected, as the decoder does), required keys, types, enums and
/// bounds, the two forms of attend item. Rules across keys (references to
/// ids, periods that must not overlap, `times` together with `daily`) are
/// left to `carousel check`, which explains them better than a schema could.
public enum ProblemSchema {
    /// The schema document.
    public static var document: JSONOutput {
        .object(
            [
                ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                ("title", .string("Carousel problem file (carousel/1 and carousel/2)")),
                (
                    "description",
                    .string(
                        "A multi-school event day to schedule: calendar, rooms, staff, activities, visiting groups, fixed sessions and soft-cost weights. Carousel also accepts comments, trailing commas and null for an optional key."
                    )
                ),
            ]
                + object(
                    [
                        (
                            "format",
                            .object([
                                ("enum", .array([.string("carousel/1"), .string("carousel/2")])),
                                (
                                    "description",
                                    .string(
                                        "The format version: \"carousel/1\", or \"carousel/2\" for a file that uses the version 2 keys."
                                    )
                                ),
                            ])
                        ),
                        ("name", string("The event's name, shown in summaries and schedule files.")),
                        ("description", string("A longer description of the event.")),
                        ("calendar", ref("calendar", "The days and the period grid every day shares.")),
                        ("rooms", list(ref("room"), "Rooms, halls, labs and outdoor spaces.")),
                        ("staff", list(ref("staffMember"), "Teachers, technicians and student mentors.")),
                        (
                            "activities",
                            list(ref("activity"), "Workshops, shows, lessons, lunch sittings and assemblies.")
                        ),
                        ("groups", list(ref("group"), "Visiting classes or cohorts of attendees.")),
                        ("fixed", list(ref("fixedSession"), "Sessions the organiser has already placed.")),
                        (
                            "weights",
                            ref("weights", "Soft-cost weights; the soft score is the sum over terms of weight × cost.")
                        ),
                        (
                            "sites",
                            list(
                                ref("site"),
                                "Version 2: the sites rooms are at, with travel minutes between them; online and host sites."
                            )
                        ),
                        ("teams", list(ref("formation"), "Version 2: how to form mixed teams from pool groups.")),
                        (
                            "spacing",
                            list(
                                ref("spacing"),
                                "Version 2: activities whose sessions start on dates at least minDays apart.")
                        ),
                        (
                            "continuityRoles",
                            list(
                                string("A staff role."),
                                "Version 2: roles whose people should stay the same for a group (default: every staff member)."
                            )
                        ),
                        (
                            "gates",
                            list(
                                ref("gate"),
                                "Carousel addition: entrances where coaches arrive; the first is every group's default."
                            )
                        ),
                        (
                            "coaches",
                            ref(
                                "coaches",
                                "Carousel addition: the seats in one coach and when coaches come and go around a school's sessions."
                            )
                        ),
                    ], required: ["calendar"]) + [("$defs", .object(definitions))])
    }

    /// The schema as text.
    public static func rendered() -> String { document.rendered() }

    static let clock = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$|^24:00$"

    static var definitions: [(String, JSONOutput)] {
        [
            (
                "id",
                .object([
                    ("type", .string("string")), ("minLength", .int(1)),
                    ("description", .string("An id, unique within its kind.")),
                ])
            ),
            ("clock", string("A time of day HH:MM (24-hour clock).", pattern: clock)),
            (
                "timeRanges",
                list(
                    string(
                        "A time range: \"tue\" (all of Tuesday), \"tue 09:30-12:00\", or \"09:30-12:00\" (that window on every day).",
                        pattern: "^\\s*([^ ]+|([^ ]+ +)?[0-9]{1,2}:[0-9]{2} *- *[0-9]{1,2}:[0-9]{2})\\s*$"),
                    "Time ranges; a list covers the union of its ranges (touching ranges join).")
            ),
            ("features", list(string("A feature such as \"lab\", \"outdoor\" or \"step-free\"."), "Features.")),
            (
                "calendar",
                .object(
                    object(
                        [
                            ("days", list(ref("day"), "The days of the event, in order.", minItems: 1)),
                            (
                                "periods",
                                list(
                                    ref("period"),
                                    "The periods of a day, increasing in time and not overlapping; every day has every period unless it lists its own.",
                                    minItems: 1)
                            ),
                        ], required: ["days", "periods"]))
            ),
            (
                "day",
                .object(
                    object(
                        [
                            (
                                "id",
                                string(
                                    "The day's id (no spaces), used in time ranges such as \"tue 09:30-12:00\".",
                                    pattern: "^[^ ]+$")
                            ),
                            ("name", string("A name to show.")),
                            (
                                "date",
                                string(
                                    "The date YYYY-MM-DD (needed for calendar exports).",
                                    pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
                            ),
                            (
                                "periods",
                                list(string("A period id."), "The periods this day holds (default: all).", unique: true)
                            ),
                        ], required: ["id"]))
            ),
            (
                "period",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            ("start", ref("clock", "When the period starts, HH:MM.")),
                            ("end", ref("clock", "When the period ends, HH:MM; after the start.")),
                            ("break", bool("A break holds no session, and no session straddles it (default false).")),
                        ], required: ["id", "start", "end"]))
            ),
            (
                "room",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            (
                                "capacity",
                                integer("Most pupils at once (staff not counted); absent means no limit.", minimum: 0)
                            ),
                            (
                                "features",
                                ref("features", "What the room offers; activities and groups may need features.")
                            ),
                            (
                                "site",
                                string(
                                    "The building or campus (default \"main\"); moving between sites costs siteChange. With a sites list, one of its ids."
                                )
                            ),
                            (
                                "unavailable",
                                ref(
                                    "timeRanges",
                                    "When the room cannot be used: blocks every period that overlaps these.")
                            ),
                            (
                                "url",
                                string(
                                    "Carousel addition: where people join a session here (an online room's meeting address), shown with the room in every export."
                                )
                            ),
                        ], required: ["id"]))
            ),
            (
                "staffMember",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            (
                                "role",
                                string(
                                    "The role, e.g. \"teacher\", \"technician\", \"student\"; staff rows may ask for it."
                                )
                            ),
                            (
                                "skills",
                                list(
                                    string("A skill such as \"chemistry\" or \"dbs\"."),
                                    "Skills staff rows may ask for.")
                            ),
                            (
                                "available",
                                ref(
                                    "timeRanges",
                                    "When the staff member can work (default: always); only periods wholly inside count."
                                )
                            ),
                            ("maxPerDay", integer("Most sessions on one day (hard).", minimum: 0)),
                            ("max", integer("Most sessions in all (hard).", minimum: 0)),
                            (
                                "preferredMaxPerDay",
                                integer("Sessions per day above this cost staffOverload.", minimum: 0)
                            ),
                            (
                                "maxConsecutive",
                                integer(
                                    "Most periods in a row in sessions (a break or a free period ends a run).",
                                    minimum: 1)
                            ),
                            ("home", string("Version 2: the site the staff member starts from (soft travel).")),
                        ], required: ["id"]))
            ),
            (
                "staffRow",
                .object(
                    object([
                        ("role", string("Staff must have this role.")),
                        ("skills", list(string("A skill."), "Staff must have every one of these skills.")),
                        ("count", integer("Staff needed whatever the number of pupils (default 0).", minimum: 0)),
                        ("perPupils", integer("One more staff member per this many pupils (rounded up).", minimum: 1)),
                        ("ids", list(string("A staff id."), "Staff must be one of these.", unique: true)),
                    ]))
            ),
            (
                "activity",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            (
                                "duration",
                                integer("Consecutive non-break periods a session occupies (default 1).", minimum: 1)
                            ),
                            (
                                "capacity",
                                integer("Most pupils in one session (default: no limit beyond the room).", minimum: 0)
                            ),
                            (
                                "maxGroups",
                                integer(
                                    "Most groups in one session (default 1; no limit for a together activity).",
                                    minimum: 1)
                            ),
                            ("roomFeatures", ref("features", "The room must have all of these.")),
                            ("rooms", list(string("A room id."), "Only these rooms.", unique: true)),
                            (
                                "years",
                                .object([
                                    ("type", .string("array")),
                                    (
                                        "description",
                                        .string(
                                            "[min, max] school years, inclusive; a group without a year cannot attend.")
                                    ),
                                    ("items", integer("A school year.", minimum: -5, maximum: 100)),
                                    ("minItems", .int(2)), ("maxItems", .int(2)),
                                ])
                            ),
                            ("window", ref("timeRanges", "Every session lies wholly inside one of these ranges.")),
                            ("maxPerDay", integer("Most sessions on one day.", minimum: 0)),
                            ("maxSessions", integer("Most sessions in all.", minimum: 0)),
                            (
                                "together",
                                bool(
                                    "Every group that attends attends every session, all together (a cohort lecture, an assembly)."
                                )
                            ),
                            (
                                "staff",
                                list(
                                    ref("staffRow"),
                                    "Staffing rows; each needs count + ceil(pupils / perPupils) distinct matching staff, and one person fills at most one row."
                                )
                            ),
                            (
                                "outdoor",
                                bool(
                                    "Carousel addition: held outdoors; needs wetWeather, the plan for a wet day (solve --plan-b)."
                                )
                            ),
                            (
                                "wetWeather",
                                ref("wetWeather", "Carousel addition: what an outdoor activity becomes on a wet day.")
                            ),
                            (
                                "equipment",
                                list(
                                    string("A thing to set up, such as \"32 goggles\"."),
                                    "Carousel addition: what to set up for a session (day sheets).")
                            ),
                        ], required: ["id"]))
            ),
            (
                "wetWeather",
                .object(
                    object(
                        [
                            (
                                "rooms",
                                list(
                                    string("A room id."), "Held in one of these indoor rooms instead.", minItems: 1,
                                    unique: true)
                            ),
                            ("activity", string("Replaced by this indoor activity.")),
                        ], description: "Exactly one of rooms and activity."))
            ),
            (
                "gate",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show, such as \"North Gate coach bay\".")),
                            ("site", string("The site the gate is at (default \"main\").")),
                            (
                                "capacity",
                                integer(
                                    "Most coaches that may arrive within one clock quarter hour (hard).", minimum: 1,
                                    maximum: 1_000)
                            ),
                        ], required: ["id"]))
            ),
            (
                "coaches",
                .object(
                    object(
                        [
                            (
                                "seats",
                                integer("Seats in one coach, for pupils and adults.", minimum: 1, maximum: 1_000)
                            ),
                            (
                                "arriveBefore",
                                integer(
                                    "Minutes before a school's first session that its coaches arrive (default 15).",
                                    minimum: 0, maximum: 240)
                            ),
                            (
                                "leaveAfter",
                                integer(
                                    "Minutes after a school's last session that its coaches leave (default 10).",
                                    minimum: 0, maximum: 240)
                            ),
                        ], required: ["seats"]))
            ),
            (
                "attendActivity",
                .object(
                    object(
                        [
                            ("activity", string("The activity's id.")),
                            ("times", integer("In this many distinct sessions (default 1).", minimum: 0)),
                            ("daily", bool("Exactly once on every day the group visits (not with times).")),
                            (
                                "minDays",
                                integer(
                                    "Asks (softly) for the sessions to fall on at least this many days.", minimum: 0)
                            ),
                            (
                                "within",
                                ref(
                                    "timeRanges",
                                    "Version 2: only sessions wholly inside these ranges count for this item.")
                            ),
                        ], required: ["activity"], description: "Attend one activity: once, times sessions, or daily."))
            ),
            (
                "attendChoice",
                .object(
                    object(
                        [
                            ("oneOf", list(string("An activity id."), "The activities to choose from.", unique: true)),
                            (
                                "count",
                                integer(
                                    "How many distinct activities from the list, once each (default 1).", minimum: 0)
                            ),
                            (
                                "prefer",
                                list(
                                    string("An activity id from oneOf."), "The group's wishes, best first.",
                                    unique: true)
                            ),
                            (
                                "within",
                                ref("timeRanges", "Version 2: the chosen activities' sessions lie inside these ranges.")
                            ),
                        ], required: ["oneOf"],
                        description: "Attend count activities chosen from a list, none attended through another item."))
            ),
            (
                "group",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            ("school", string("The school, for mixSchools (absent: a school of its own).")),
                            (
                                "year",
                                integer("The school year, checked against activity years.", minimum: -5, maximum: 100)
                            ),
                            ("size", integer("Pupils in the group.", minimum: 1, maximum: 100_000)),
                            ("visit", ref("timeRanges", "When the group is on site (default: always).")),
                            ("needs", ref("features", "Every room the group is in must have these features.")),
                            (
                                "attend",
                                list(
                                    .object([("oneOf", .array([ref("attendActivity"), ref("attendChoice")]))]),
                                    "What the group must attend; it attends nothing else.")
                            ),
                            (
                                "seats",
                                bool(
                                    "Carousel addition: false when the group stands for sessions that must not clash rather than for pupils (its size counts towards no capacity); default true."
                                )
                            ),
                            (
                                "exempt",
                                list(
                                    .object([("enum", .array(Group.exemptableTerms.map { .string($0.rawValue) }))]),
                                    "Carousel addition: group-level soft terms that do not count for this group.",
                                    unique: true)
                            ),
                            ("home", string("Version 2: the site the group comes from (soft travel).")),
                            (
                                "pool",
                                bool(
                                    "Version 2: a pool of pupils that the solver splits into the teams of one formation; it attends nothing itself."
                                )
                            ),
                            (
                                "pupils",
                                list(
                                    string("A pupil's name."), "Version 2, pools only: exactly size distinct names.",
                                    unique: true)
                            ),
                            (
                                "sameStaff",
                                bool("Version 2: the group sees the same continuity-role staff every time (hard).")
                            ),
                            (
                                "adults",
                                integer(
                                    "Carousel addition: teachers and helpers who come with the group (coaches, catering, fire registers).",
                                    minimum: 0, maximum: 10_000)
                            ),
                            (
                                "dietary",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "description",
                                        .string(
                                            "Carousel addition: pupils with each dietary need, e.g. {\"vegetarian\": 4, \"halal\": 3}."
                                        )
                                    ),
                                    ("additionalProperties", integer("Pupils.", minimum: 0, maximum: 100_000)),
                                ])
                            ),
                            (
                                "gate",
                                string("Carousel addition: the gate the group's coach uses (default: the first gate).")
                            ),
                        ], required: ["id", "size"]))
            ),
            (
                "site",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            (
                                "travel",
                                .object([
                                    ("type", .string("object")),
                                    ("description", .string("Whole minutes from this site to the sites named.")),
                                    ("additionalProperties", integer("Minutes.", minimum: 0)),
                                ])
                            ),
                            ("online", bool("A meeting service: travel 0, rooms without a capacity limit.")),
                            ("host", bool("The site takes turns hosting (hostBalance).")),
                            (
                                "share",
                                .object([
                                    ("type", .string("number")), ("exclusiveMinimum", .int(0)),
                                    ("description", .string("The site's share of hosting (default 1).")),
                                ])
                            ),
                        ], required: ["id"]))
            ),
            (
                "formation",
                .object(
                    object(
                        [
                            ("id", ref("id")),
                            ("name", string("A name to show.")),
                            (
                                "pools",
                                list(
                                    string("A pool group's id."), "The pools split into this formation's teams.",
                                    minItems: 1, unique: true)
                            ),
                            (
                                "size",
                                .object([
                                    ("type", .string("array")),
                                    ("description", .string("[min, max] members per team.")),
                                    ("items", integer("Members.", minimum: 0, maximum: 100_000)), ("minItems", .int(2)),
                                    ("maxItems", .int(2)),
                                ])
                            ),
                            (
                                "minSchools",
                                integer("Members come from at least this many schools (default 1).", minimum: 0)
                            ),
                            (
                                "require",
                                list(
                                    .object(
                                        object(
                                            [
                                                (
                                                    "pools",
                                                    list(
                                                        string("A pool group's id."), "Pools of this formation.",
                                                        unique: true)
                                                ),
                                                (
                                                    "min",
                                                    integer(
                                                        "At least this many members from those pools (default 1).",
                                                        minimum: 0)
                                                ),
                                            ], required: ["pools"])), "Members every team needs from given pools.")
                            ),
                            ("visit", ref("timeRanges", "When the teams are on site (default: always).")),
                            ("needs", ref("features", "Every room a team is in must have these features.")),
                            (
                                "attend",
                                list(
                                    .object([("oneOf", .array([ref("attendActivity"), ref("attendChoice")]))]),
                                    "What every team attends.")
                            ),
                        ], required: ["id", "pools"]))
            ),
            (
                "spacing",
                .object(
                    object(
                        [
                            ("activities", list(string("An activity id."), "The activities kept apart.", unique: true)),
                            ("minDays", integer("Days between the dates of any two of their sessions.", minimum: 0)),
                        ], required: ["activities", "minDays"]))
            ),
            (
                "fixedSession",
                .object(
                    object(
                        [
                            ("activity", string("The activity's id.")),
                            ("day", string("The day's id.")),
                            ("start", string("The start period's id, or its start time HH:MM.")),
                            ("room", string("The room's id.")),
                            (
                                "groups",
                                list(
                                    string("A group id."),
                                    "Groups that must be in the session (the solver may add more).", unique: true)
                            ),
                            ("staff", list(string("A staff id."), "Staff who must be in the session.", unique: true)),
                            (
                                "move",
                                .object([
                                    ("enum", .array([.string("room"), .string("any")])),
                                    (
                                        "description",
                                        .string(
                                            "Version 2: \"room\" lets the session change room at its time, \"any\" also its day and start (soft displaced)."
                                        )
                                    ),
                                ])
                            ),
                        ], required: ["activity", "day", "start", "room"]))
            ),
            (
                "weights",
                .object(
                    object(
                        Weights.Term.allCases.map { term in
                            let description = term.help + " Default \(term.defaultText)."
                            if term.definition.null != nil {
                                return (
                                    term.rawValue,
                                    .object([
                                        ("type", .array([.string("number"), .string("null")])), ("minimum", .int(0)),
                                        ("description", .string(description)),
                                    ])
                                )
                            }
                            return (
                                term.rawValue,
                                .object([
                                    ("type", .string("number")), ("minimum", .int(0)), ("maximum", .int(1_000_000_000)),
                                    ("description", .string(description)),
                                    ("default", .number(term.definition.defaultWeight ?? 0)),
                                ])
                            )
                        }))
            ),
        ]
    }

    // MARK: - Building blocks

    static func object(_ properties: [(String, JSONOutput)], required: [String] = [], description: String? = nil) -> [(
        String, JSONOutput
    )] {
        var o: [(String, JSONOutput)] = [("type", .string("object"))]
        if let description { o.append(("description", .string(description))) }
        o.append(("properties", .object(properties)))
        if !required.isEmpty { o.append(("required", .array(required.map { .string($0) }))) }
        o.append(("additionalProperties", .bool(false)))
        return o
    }

    static func ref(_ name: String, _ description: String? = nil) -> JSONOutput {
        .object([("$ref", .string("#/$defs/\(name)"))] + (description.map { [("description", .string($0))] } ?? []))
    }

    static func string(_ description: String, pattern: String? = nil) -> JSONOutput {
        .object(
            [("type", .string("string")), ("description", .string(description))]
                + (pattern.map { [("pattern", .string($0))] } ?? []))
    }

    static func bool(_ description: String) -> JSONOutput {
        .object([("type", .string("boolean")), ("description", .string(description))])
    }

    static func integer(_ description: String, minimum: Int, maximum: Int = 1_000_000_000) -> JSONOutput {
        .object([
            ("type", .string("integer")), ("description", .string(description)), ("minimum", .int(minimum)),
            ("maximum", .int(maximum)),
        ])
    }

    static func list(_ items: JSONOutput, _ description: String, minItems: Int = 0, unique: Bool = false) -> JSONOutput
    {
        var o: [(String, JSONOutput)] = [
            ("type", .string("array")), ("description", .string(description)), ("items", items),
        ]
        if minItems > 0 { o.append(("minItems", .int(minItems))) }
        if unique { o.append(("uniqueItems", .bool(true))) }
        return .object(o)
    }
}
