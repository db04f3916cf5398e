import CarouselModel
import Testing

/// The full one-line message for typical organiser mistakes, pinned exactly:
/// `file:line:col: json.path: message (hint)`.
///
/// Each case edits one spot of `Fixtures.small`, whose line 7 holds the rooms,
/// line 8 the activities and line 9 the groups.
@Suite("Error messages")
struct ErrorMessageTests {
    private func msg(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String
    {
        Fixtures.smallMessage(old, new, sourceLocation: sourceLocation)
    }

    @Test func theFixtureIsValid() {
        #expect(Fixtures.message(Fixtures.small) == "no error")
        #expect(Fixtures.message(Fixtures.fullProblem) == "no error")
    }

    // MARK: Keys

    @Test func misspeltTopLevelKey() {
        #expect(
            msg(#""groups": ["#, #""grups": ["#)
                == #"p.json:9:3: grups: unknown key "grups"; expected one of format, name, description, calendar, rooms, staff, activities, groups, fixed, weights, sites, teams, spacing, continuityRoles, gates, coaches (did you mean "groups"?)"#
        )
    }

    @Test func misspeltKeyInsideAGroup() {
        #expect(
            msg(#""attend":"#, #""atend":"#)
                == #"p.json:9:39: groups[0].atend: unknown key "atend"; expected one of id, name, school, year, size, visit, needs, attend, seats, exempt, home, pool, pupils, sameStaff, adults, dietary, gate (did you mean "attend"?)"#
        )
    }

    @Test func misspeltKeyInsideAnAttendItem() {
        #expect(
            msg(#"{"oneOf": ["rocket", "robotics"]}"#, #"{"activty": "rocket"}"#)
                == #"p.json:9:51: groups[0].attend[0].activty: unknown key "activty"; expected one of activity, times, daily, minDays, oneOf, count, prefer, within (did you mean "activity"?)"#
        )
    }

    @Test func unknownCalendarKeyWithoutCloseMatch() {
        #expect(
            msg(#""calendar": {"#, #""calendar": {"weeks": 1,"#)
                == #"p.json:2:16: calendar.weeks: unknown key "weeks"; expected one of days, periods"#)
    }

    // MARK: References

    @Test func unknownActivityInOneOf() {
        #expect(
            msg(#"["rocket", "robotics"]"#, #"["rockets", "robotics"]"#)
                == #"p.json:9:61: groups[0].attend[0].oneOf[0]: unknown activity "rockets"; known: rocket, robotics, chem (did you mean "rocket"?)"#
        )
    }

    @Test func unknownActivityInAttendItem() {
        #expect(
            msg(#"{"oneOf": ["rocket", "robotics"]}"#, #"{"activity": "rockt"}"#)
                == #"p.json:9:63: groups[0].attend[0].activity: unknown activity "rockt"; known: rocket, robotics, chem (did you mean "rocket"?)"#
        )
    }

    @Test func unknownRoomInActivityRooms() {
        #expect(
            msg(#""rooms": ["lab"]"#, #""rooms": ["lab2"]"#)
                == #"p.json:8:81: activities[2].rooms[0]: unknown room "lab2"; known: hall, lab (did you mean "lab"?)"#)
    }

    @Test func roomListedTwice() {
        #expect(
            msg(#""rooms": ["lab"]"#, #""rooms": ["lab", "lab"]"#)
                == #"p.json:8:88: activities[2].rooms[1]: room "lab" is listed twice"#)
    }

    @Test func unknownDayInFixedSession() {
        let text = Fixtures.replacing(
            "  \"groups\":",
            with: """
                  "fixed": [{"activity": "chem", "day": "tues", "start": "p1", "room": "lab"}],
                  "groups":
                """, in: Fixtures.small)
        #expect(
            Fixtures.message(text)
                == #"p.json:9:41: fixed[0].day: unknown day "tues"; known: mon, tue (did you mean "tue"?)"#)
    }

    @Test func unknownStartInFixedSession() {
        let text = Fixtures.replacing(
            "  \"groups\":",
            with: """
                  "fixed": [{"activity": "chem", "day": "tue", "start": "09:15", "room": "lab"}],
                  "groups":
                """, in: Fixtures.small)
        #expect(Fixtures.message(text) == #"p.json:9:57: fixed[0].start: unknown period or start time "09:15""#)
    }

    // MARK: Ids and numbers

    @Test func duplicateGroupId() {
        #expect(
            msg(
                #""attend": [{"oneOf": ["rocket", "robotics"]}]}]"#,
                #""attend": [{"oneOf": ["rocket", "robotics"]}]}, {"id": "g1", "size": 20}]"#)
                == #"p.json:9:94: groups[1].id: duplicate id "g1" (already used by entry 0)"#)
    }

    @Test func duplicateDayId() {
        #expect(
            msg(#""days": [{"id": "mon"}, {"id": "tue"}]"#, #""days": [{"id": "mon"}, {"id": "mon"}]"#)
                == #"p.json:3:36: calendar.days[1].id: duplicate id "mon" (already used by entry 0)"#)
    }

    @Test func sizeZero() {
        #expect(msg(#""size": 28"#, #""size": 0"#) == "p.json:9:35: groups[0].size: expected a number ≥ 1, got 0")
    }

    @Test func sizeAsString() {
        #expect(
            msg(#""size": 28"#, #""size": "28""#)
                == "p.json:9:35: groups[0].size: expected a whole number, got a string")
    }

    @Test func sizeWithFraction() {
        #expect(
            msg(#""size": 28"#, #""size": 28.5"#) == "p.json:9:35: groups[0].size: expected a whole number, got 28.5")
    }

    @Test func sizeMissing() {
        #expect(msg(#""size": 28, "#, "") == #"p.json:9:14: groups[0]: missing "size" (number of pupils, at least 1)"#)
    }

    @Test func negativeCapacity() {
        #expect(
            msg(#""capacity": 60"#, #""capacity": -5"#)
                == "p.json:7:40: rooms[0].capacity: expected a number ≥ 0, got -5")
    }

    @Test func wrongTypeForAList() {
        #expect(
            msg(#""features": ["lab"]"#, #""features": "lab""#)
                == "p.json:7:71: rooms[1].features: expected a list, got a string")
    }

    // MARK: Time

    @Test func periodEndBeforeStart() {
        #expect(
            msg(#""start": "10:00", "end": "11:00""#, #""start": "10:00", "end": "09:30""#)
                == "p.json:5:55: calendar.periods[1].end: period ends at 09:30, not after its start 10:00")
    }

    @Test func overlappingPeriods() {
        #expect(
            msg(#""start": "10:00", "end": "11:00""#, #""start": "09:30", "end": "11:00""#)
                == #"p.json:5:39: calendar.periods[1].start: period "p2" starts at 09:30, before the previous period "p1" ends (10:00); periods must not overlap and must increase in time"#
        )
    }

    @Test func badClockTime() {
        #expect(
            msg(#""start": "09:00""#, #""start": "9.30""#)
                == #"p.json:4:39: calendar.periods[0].start: expected a time HH:MM (24-hour clock), got "9.30""#)
    }

    @Test func badTimeRangeDay() {
        #expect(
            msg(#""size": 28,"#, #""size": 28, "visit": ["tues 09:00-10:00"],"#)
                == #"p.json:9:49: groups[0].visit[0]: cannot read time range "tues 09:00-10:00"; expected "DAY", "DAY HH:MM-HH:MM" or "HH:MM-HH:MM" (days: mon, tue) (did you mean day "tue"?)"#
        )
    }

    @Test func badTimeRangeWindow() {
        #expect(
            msg(#""size": 28,"#, #""size": 28, "visit": ["tue 9-10"],"#)
                == #"p.json:9:49: groups[0].visit[0]: cannot read the window "9-10" in "tue 9-10"; expected HH:MM-HH:MM"#
        )
    }

    @Test func backwardsTimeRange() {
        #expect(
            msg(#""size": 28,"#, #""size": 28, "visit": ["tue 10:00-09:00"],"#)
                == #"p.json:9:49: groups[0].visit[0]: time range "tue 10:00-09:00" ends at 09:00, not after it starts (10:00)"#
        )
    }

    @Test func impossibleDate() {
        #expect(
            msg(#"{"id": "mon"}, {"id": "tue"}"#, #"{"id": "mon", "date": "2026-02-30"}, {"id": "tue"}"#)
                == #"p.json:3:36: calendar.days[0].date: expected a date YYYY-MM-DD, got "2026-02-30""#)
    }

    // MARK: Activities and attend items

    @Test func yearsMinAboveMax() {
        #expect(
            msg(#"{"id": "rocket"}"#, #"{"id": "rocket", "years": [6, 3]}"#)
                == "p.json:8:44: activities[0].years: years [6, 3] has min > max")
    }

    @Test func durationLongerThanAnyDay() {
        #expect(
            msg(#"{"id": "rocket"}"#, #"{"id": "rocket", "duration": 3}"#)
                == "p.json:8:47: activities[0].duration: duration 3 periods is longer than any day allows (at most 2 consecutive non-break periods, on mon)"
        )
    }

    @Test func oneOfWithTimes() {
        #expect(
            msg(#"["rocket", "robotics"]}"#, #"["rocket", "robotics"], "times": 2}"#)
                == #"p.json:9:93: groups[0].attend[0].times: "times" is not allowed with "oneOf" (it belongs to an {"activity": …} item)"#
        )
    }

    @Test func oneOfWithActivity() {
        #expect(
            msg(#"{"oneOf": ["rocket", "robotics"]}"#, #"{"activity": "rocket", "oneOf": ["robotics"]}"#)
                == #"p.json:9:63: groups[0].attend[0].activity: give either "activity" or "oneOf", not both"#)
    }

    @Test func oneOfCountAboveChoices() {
        #expect(
            msg(#"["rocket", "robotics"]}"#, #"["rocket", "robotics"], "count": 3}"#)
                == "p.json:9:93: groups[0].attend[0].count: count 3 is more than the 2 activities listed in oneOf")
    }

    @Test func preferListsActivityNotInOneOf() {
        #expect(
            msg(#"["rocket", "robotics"]}"#, #"["rocket", "robotics"], "prefer": ["robotics", "chem"]}"#)
                == #"p.json:9:107: groups[0].attend[0].prefer[1]: prefer lists "chem", which is not one of the oneOf choices"#
        )
    }

    @Test func dailyWithTimes() {
        #expect(
            msg(#"{"oneOf": ["rocket", "robotics"]}"#, #"{"activity": "rocket", "daily": true, "times": 2}"#)
                == #"p.json:9:97: groups[0].attend[0].times: "times" is not allowed with "daily" (daily means exactly once on every visit day)"#
        )
    }

    // MARK: Weights, top level, syntax

    @Test func nullPreferenceWeight() {
        #expect(
            msg("  \"groups\":", "  \"weights\": {\"preference\": null},\n  \"groups\":")
                == "p.json:9:29: weights.preference: only overCapacity may be null; expected a number ≥ 0")
    }

    @Test func negativeWeight() {
        #expect(
            msg("  \"groups\":", "  \"weights\": {\"spread\": -1},\n  \"groups\":")
                == "p.json:9:25: weights.spread: expected a number ≥ 0, got -1")
    }

    @Test func syntaxErrorWithLineAndColumn() {
        #expect(
            msg(#"{"id": "hall", "capacity": 60}"#, #"{"id": "hall" "capacity": 60}"#)
                == #"p.json:7:27: unexpected '"' after the value of "id"; expected ',' or '}'"#)
    }

    @Test func syntaxErrorTrailingGarbageAfterFile() {
        #expect(
            Fixtures.message(Fixtures.small + "\n}")
                == "p.json:11:1: unexpected '}' after the end of the top-level value")
    }

    @Test func missingCalendar() {
        #expect(Fixtures.message(#"{"rooms": []}"#) == #"p.json:1:1: missing "calendar" (days and periods)"#)
    }

    @Test func rootIsNotAnObject() {
        #expect(Fixtures.message("[]") == "p.json:1:1: expected an object, got a list")
        #expect(Fixtures.message("") == "p.json:1:1: the file is empty; expected a JSON object")
    }

    @Test func unsupportedFormat() {
        #expect(
            Fixtures.message(#"{"format": "carousel/3"}"#)
                == #"p.json:1:12: format: unsupported format "carousel/3"; expected "carousel/1" or "carousel/2" (did you mean "carousel/1"?)"#
        )
    }

    @Test func fileNameAppearsAsGiven() {
        #expect(
            Fixtures.message("[]", file: "events/stem week.json")
                == "events/stem week.json:1:1: expected an object, got a list")
    }

    // MARK: Messages that are wrong or unclear today (see the report)

    /// A number too large for any field is a whole number: say what the limit is.
    @Test func hugeWholeNumbersNameTheLimit() {
        let a = msg(#""capacity": 60"#, #""capacity": 123456789012345678901234567890"#)
        #expect(
            a == "p.json:7:40: rooms[0].capacity: expected a number ≤ 1000000000, got 123456789012345678901234567890")
        let b = msg(#""capacity": 60"#, #""capacity": 1e400"#)
        #expect(b == "p.json:7:40: rooms[0].capacity: expected a number ≤ 1000000000, got 1e400")
        // Already right just above the limit:
        #expect(
            msg(#""capacity": 60"#, #""capacity": 1e10"#)
                == "p.json:7:40: rooms[0].capacity: expected a number ≤ 1000000000, got 1e10")
    }

    /// A weight above the accepted maximum must not be told "expected ≥ 0".
    @Test func hugeWeightNamesTheLimit() {
        let m = msg("  \"groups\":", "  \"weights\": {\"spread\": 2e9},\n  \"groups\":")
        #expect(m.hasPrefix("p.json:9:25: weights.spread: "))
        #expect(m.contains("≤"), "message should give the upper limit: \(m)")
    }

    /// Ids and keys are quoted in messages; a newline inside one must not
    /// split the one-line error.
    @Test func controlCharactersInIdsKeepTheMessageOnOneLine() {
        let m = msg(#"["rocket", "robotics"]"#, #"["rock\net", "robotics"]"#)
        #expect(!m.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "message spans lines: \(m)")
        #expect(m.hasPrefix("p.json:9:61: groups[0].attend[0].oneOf[0]: unknown activity "))
        let k = Fixtures.message(#"{"gr\u000Aoups": 1}"#)
        #expect(!k.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "message spans lines: \(k)")
    }

    @Test func missingFixedActivityGrammar() {
        let text = Fixtures.replacing(
            "  \"groups\":",
            with: """
                  "fixed": [{"day": "tue", "start": "p1", "room": "lab"}],
                  "groups":
                """, in: Fixtures.small)
        #expect(Fixtures.message(text) == #"p.json:9:13: fixed[0]: missing "activity" (an activity id)"#)
    }

    /// `+9:30`, `-0:30` and `24:30` are not times on a 24-hour clock (`24:00`,
    /// the end of the day, is).
    @Test(arguments: ["+9:30", "-0:30", "24:30"])
    func signedOrOutOfRangeClockTimes(_ time: String) {
        #expect(
            msg(#""start": "09:00""#, #""start": "\#(time)""#)
                == #"p.json:4:39: calendar.periods[0].start: expected a time HH:MM (24-hour clock), got "\#(time)""#)
    }

    /// A daily item after a plain item of the same activity: the earlier item
    /// is not daily, so "already has a daily item" misleads.
    @Test func dailyAfterPlainItemMessage() {
        let m = msg(
            #"{"oneOf": ["rocket", "robotics"]}"#, #"{"activity": "rocket"}, {"activity": "rocket", "daily": true}"#)
        #expect(m.hasPrefix("p.json:9:87: groups[0].attend[1].activity: "))
        #expect(!m.contains("already has a daily item"), "misleading: \(m)")
    }
}
