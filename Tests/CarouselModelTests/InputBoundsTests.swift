import CarouselModel
import Testing

/// Issue 13, items 6 and 13 and the decoder's bounds: `null` lists, ids that
/// could surprise a file system or a terminal, and inputs whose size is
/// hostile (slots, values, long strings, long lists in messages). Every
/// message is pinned.
@Suite struct InputBoundsTests {
    private func msg(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String
    {
        Fixtures.smallMessage(old, new, sourceLocation: sourceLocation)
    }

    // MARK: Item 13: null is not an empty list

    @Test func nullGroupsIsAnError() {
        #expect(
            msg(
                #""groups": [{"id": "g1", "size": 28, "attend": [{"oneOf": ["rocket", "robotics"]}]}]"#,
                #""groups": null"#)
                == #"p.json:9:13: groups: expected a list, got null (leave the key out, or write [] for none)"#)
    }

    @Test func nullInEveryOtherListIsAnError() {
        #expect(
            msg(#""rooms": [{"id": "hall", "capacity": 60}, {"id": "lab", "features": ["lab"]}]"#, #""rooms": null"#)
                == #"p.json:7:12: rooms: expected a list, got null (leave the key out, or write [] for none)"#)
        #expect(
            msg(
                #""activities": [{"id": "rocket"}, {"id": "robotics"}, {"id": "chem", "rooms": ["lab"]}]"#,
                #""activities": null"#)
                == #"p.json:8:17: activities: expected a list, got null (leave the key out, or write [] for none)"#)
        #expect(
            msg(#""attend": [{"oneOf": ["rocket", "robotics"]}]"#, #""attend": null"#)
                == #"p.json:9:49: groups[0].attend: expected a list, got null (leave the key out, or write [] for none)"#
        )
        #expect(
            msg(#""features": ["lab"]"#, #""features": null"#)
                == #"p.json:7:71: rooms[1].features: expected a list, got null (leave the key out, or write [] for none)"#
        )
        #expect(
            msg(#""size": 28,"#, #""size": 28, "visit": null,"#)
                == #"p.json:9:48: groups[0].visit: expected a list, got null (leave the key out, or write [] for none)"#
        )
        #expect(
            Fixtures.message(Fixtures.minimal(extra: #", "fixed": null"#))
                == #"p.json:1:111: fixed: expected a list, got null (leave the key out, or write [] for none)"#)
        #expect(
            Fixtures.message(
                #"{"calendar": {"days": null, "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]}}"#)
                == #"p.json:1:23: calendar.days: expected a list, got null (leave the key out, or write [] for none)"#)
    }

    // MARK: Item 6: ids

    @Test func idsThatWouldSurpriseAFileSystemOrATerminalAreErrors() {
        #expect(
            msg(#"{"id": "g1", "size""#, #"{"id": "g1\u001b[2J", "size""#)
                == #"p.json:9:21: groups[0].id: id "g1\u{1b}[2J" holds a control character (U+001B); ids are printed in terminals and file names"#
        )
        #expect(
            msg(#"{"id": "g1", "size""#, #"{"id": " g1", "size""#)
                == #"p.json:9:21: groups[0].id: id " g1" begins or ends with a space; ids are typed by people, who would not see it"#
        )
        #expect(
            msg(#"{"id": "g1", "size""#, #"{"id": "g1 ", "size""#)
                == #"p.json:9:21: groups[0].id: id "g1 " begins or ends with a space; ids are typed by people, who would not see it"#
        )
        #expect(
            msg(#"{"id": "hall""#, #"{"id": "../hall""#)
                == #"p.json:7:20: rooms[0].id: id "../hall" holds "/" or "\"; ids become file names (export --by), so use "-" instead"#
        )
        #expect(
            msg(#"{"id": "hall""#, #"{"id": "a\\b""#)
                == #"p.json:7:20: rooms[0].id: id "a\b" holds "/" or "\"; ids become file names (export --by), so use "-" instead"#
        )
        #expect(
            msg(#"{"id": "hall""#, #"{"id": "..""#)
                == #"p.json:7:20: rooms[0].id: id ".." names a folder in file paths; choose a word"#)
        let long = String(repeating: "x", count: 101)
        #expect(
            msg(#"{"id": "rocket"}"#, "{\"id\": \"\(long)\"}")
                == #"p.json:8:25: activities[0].id: id "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is 101 characters long; ids are at most 100 (put the long form in "name")"#
        )
        // A bidirectional override would reorder what a terminal shows after it.
        #expect(
            msg(#"{"id": "hall""#, #"{"id": "ha\u202Ell""#)
                == #"p.json:7:20: rooms[0].id: id "ha\u{202e}ll" holds a control character (U+202E); ids are printed in terminals and file names"#
        )
        // Exactly 100 characters, inner spaces, dots and accents are fine.
        #expect(
            msg(#"{"id": "rocket"}"#, "{\"id\": \"\(String(repeating: "é", count: 100))\"}").contains(
                "unknown activity \"rocket\""))
        #expect(msg(#"{"id": "hall""#, #"{"id": "main hall v1.2""#) == "no error")
    }

    @Test func identifierRulesAreShared() {
        #expect(Identifier.problem(with: "oakfield-4s") == nil)
        #expect(Identifier.problem(with: "a/b") != nil)
        #expect(Identifier.problem(with: ".") != nil)
        #expect(Identifier.problem(with: "tab\there") != nil)
    }

    // MARK: Hostile sizes

    @Test func aCalendarWithTooManySlotsIsRefusedBeforeItIsBuilt() {
        let days = (0..<20_000).map { "{\"id\": \"d\($0)\"}" }.joined(separator: ",")
        let periods = (0..<60).map { p in
            "{\"id\": \"p\(p)\", \"start\": \"\(clock(p * 20))\", \"end\": \"\(clock(p * 20 + 20))\"}"
        }.joined(separator: ",")
        let text = "{\"calendar\": {\"days\": [\(days)], \"periods\": [\(periods)]}}"
        #expect(
            Fixtures.message(text)
                == "p.json:1:23: calendar.days: 20000 days × 60 periods = 1200000 time slots; at most 1000000 are supported"
        )
    }

    private func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    @Test func tooManyValuesAreRefusedWhileParsing() {
        let text = "[" + String(repeating: "0,", count: JSONParser.maxValues) + "0]"
        #expect(
            Fixtures.message(text)
                == "p.json:1:\(2 * JSONParser.maxValues): more than \(JSONParser.maxValues) values; Carousel's files hold far fewer (is this the right file?)"
        )
    }

    /// A schedule file may hold more values than a problem file (the
    /// 1,000,000-visitor programme's schedule has about 1.5 million):
    /// the limit is the caller's.
    @Test func theValueLimitIsTheCallers() throws {
        // Twelve values: the list and its eleven numbers.
        let text = "[" + String(repeating: "0,", count: 10) + "0]"
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8), maxValues: 11) }
        #expect(try JSONParser.parse(Array(text.utf8), maxValues: 12).array?.count == 11)
        #expect(JSONParser.scheduleMaxValues > 1_540_000)
    }

    @Test func longNamesInMessagesAreCut() {
        let long = String(repeating: "r", count: 100_000)
        let message = msg(#"["rocket", "robotics"]"#, "[\"\(long)\", \"robotics\"]")
        #expect(message.count < 1_200)
        #expect(message.hasPrefix("p.json:9:61: groups[0].attend[0].oneOf[0]: unknown activity \"rrrr"))
        #expect(message.hasSuffix("… (99050 more characters)"))
    }

    @Test func longListsInMessagesAreCut() {
        let days = (0..<50).map { "{\"id\": \"d\($0)\"}" }.joined(separator: ",")
        let text = """
            {"calendar": {"days": [\(days)], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]},
             "rooms": [{"id": "r", "unavailable": ["someday"]}]}
            """
        #expect(
            Fixtures.message(text)
                == #"p.json:2:40: rooms[0].unavailable[0]: cannot read time range "someday"; expected "DAY", "DAY HH:MM-HH:MM" or "HH:MM-HH:MM" (days: d0, d1, d2, d3, d4, d5, d6, d7, … and 42 more)"#
        )
        #expect(ListText.joined((0..<100_000).map { "g\($0)" }, limit: 2) == "g0, g1, … and 99,998 more")
    }

    @Test func controlCharactersOfEveryKindStayOutOfTheLine() {
        let error = InputError(
            file: "p.json", location: nil, path: "", message: "a\u{1b}[31mred\u{9b}2J\u{7}\u{202E}b\nc")
        #expect(error.description == #"p.json: a\u{1b}[31mred\u{9b}2J\u{7}\u{202e}b\nc"#)
    }

    @Test func writtenJSONEscapesEveryControlCharacter() throws {
        var out = ""
        JSONOutput.escape("a\u{1b}b\u{9b}c\u{202e}d\u{7f}e\u{2028}", into: &out)
        #expect(out == #""a\u001bb\u009bc\u202ed\u007fe\u2028""#)
        // The same text for a program that reads it back.
        #expect(try JSONParser.parse(out).string == "a\u{1b}b\u{9b}c\u{202e}d\u{7f}e\u{2028}")
    }

    @Test func suggestionsStayCheapAmongManyLongIds() {
        let ids = (0..<100_000).map { "id-\($0)-" + String(repeating: "x", count: 150) }
        let start = ContinuousClock.now
        _ = Suggestion.closest(to: "id-5-" + String(repeating: "y", count: 150), among: ids)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
