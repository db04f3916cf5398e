import CarouselModel
import Testing

/// A compact canonical rendering of a parsed value, for equality checks:
/// strings in Swift debug form, numbers as written, keys in file order.
private func canon(_ v: JSONValue) -> String {
    switch v.kind {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n.text
    case .string(let s): return s.debugDescription
    case .array(let items): return "[" + items.map(canon).joined(separator: ",") + "]"
    case .object(let o):
        return "{" + o.entries.map { "\($0.key.debugDescription):\(canon($0.value))" }.joined(separator: ",") + "}"
    }
}

private func canon(_ text: String) throws -> String { canon(try JSONParser.parse(text)) }

/// The syntax error for `text` (nil when it parses).
private func syntaxError(_ text: String) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// `line:column: message` for the error of `text`, or "no error".
private func located(_ text: String) -> String {
    guard let e = syntaxError(text) else { return "no error" }
    return "\(e.location): \(e.message)"
}

@Suite("JSON parser: values")
struct JSONParserValueTests {
    @Test func scalarsOfEveryKind() throws {
        #expect(try canon("null") == "null")
        #expect(try canon("true") == "true")
        #expect(try canon("false") == "false")
        #expect(try canon("0") == "0")
        #expect(try canon("-12.5e-3") == "-12.5e-3")
        #expect(try canon("\"hi\"") == "\"hi\"")
        #expect(try canon("  [ ]  ") == "[]")
        #expect(try canon("{ }") == "{}")
    }

    @Test func kindAccessors() throws {
        let v = try JSONParser.parse(#"{"s": "x", "n": 3, "b": true, "z": null, "a": [1], "o": {}}"#)
        let o = try #require(v.object)
        #expect(o.keys == ["s", "n", "b", "z", "a", "o"])
        #expect(o["s"]?.string == "x")
        #expect(o["n"]?.number?.integer == 3)
        #expect(o["b"]?.bool == true)
        #expect(o["z"]?.isNull == true)
        #expect(o["a"]?.array?.count == 1)
        #expect(o["o"]?.object?.entries.isEmpty == true)
        #expect(o["missing"] == nil)
        #expect(o["s"]?.number == nil)
        #expect(o["n"]?.string == nil)
        #expect(
            ["s", "n", "b", "z", "a", "o"].map { o[$0]!.kindName }
                == ["a string", "a number", "a boolean", "null", "a list", "an object"])
    }

    @Test func nestedStructures() throws {
        let text = #"{"a": [1, {"b": [true, null, []]}, "c"], "d": {"e": {"f": -0.5}}}"#
        #expect(try canon(text) == #"{"a":[1,{"b":[true,null,[]]},"c"],"d":{"e":{"f":-0.5}}}"#)
    }

    @Test func keysKeepFileOrder() throws {
        #expect(try canon(#"{"z": 1, "a": 2, "m": 3}"#) == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test func lineAndBlockComments() throws {
        let text = """
            // leading comment
            { /* block */ "a": 1, // after a value
              /* multi
                 line
                 block */ "b": [2, /* inside a list */ 3] // trailing
            }
            /* after the end */
            """
        #expect(try canon(text) == #"{"a":1,"b":[2,3]}"#)
    }

    @Test func commentMarkersInsideStringsAreText() throws {
        #expect(
            try canon(#"{"url": "http://example.org/*x*/", "c": "a // b"}"#)
                == #"{"url":"http://example.org/*x*/","c":"a // b"}"#)
    }

    @Test func trailingCommas() throws {
        #expect(try canon(#"{"a": [1, 2, 3,], "b": {"c": 1,},}"#) == #"{"a":[1,2,3],"b":{"c":1}}"#)
        #expect(try canon("[1, // c\n]") == "[1]")
    }

    @Test func loneCommasAreErrors() {
        #expect(
            located("[,]")
                == "1:2: unexpected ','; expected a value (object, list, string, number, true, false or null)")
        #expect(
            located("[1,,]")
                == "1:4: unexpected ','; expected a value (object, list, string, number, true, false or null)")
        #expect(located("{,}") == "1:2: unexpected ',' in an object; expected a key in double quotes or '}'")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
        #expect(canon(try JSONParser.parse(bytes)) == #"{"a":1}"#)
        // Columns do not count the BOM.
        let bad: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": x}"#.utf8)
        let e = try #require(syntaxError(bad))
        #expect(e.location.line == 1 && e.location.column == 7)
    }

    @Test func escapes() throws {
        let v = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u00E9", "\u0041"]"#)
        #expect(v.array?.map { $0.string } == ["\"\\/\u{8}\u{c}\n\r\t", "éé", "A"])
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#).string == "😀")
        #expect(try JSONParser.parse(#""x\ud83d\ude80y""#).string == "x🚀y")
        // Lone surrogates become U+FFFD rather than trapping.
        #expect(try JSONParser.parse(#""\uD800""#).string == "\u{FFFD}")
        #expect(try JSONParser.parse(#""\uDC00""#).string == "\u{FFFD}")
        #expect(try JSONParser.parse(#""\uD800\u0041""#).string == "\u{FFFD}A")
    }

    @Test func rawUnicodeInStrings() throws {
        #expect(try JSONParser.parse(#""Zoë 😀 日本""#).string == "Zoë 😀 日本")
    }

    @Test func valuesRememberTheirLocation() throws {
        let v = try JSONParser.parse("{\n  \"a\": [10,\n    \"x\"]\n}")
        let o = try #require(v.object)
        #expect(v.location.line == 1 && v.location.column == 1)
        #expect(o.entries[0].keyLocation.line == 2 && o.entries[0].keyLocation.column == 3)
        let a = try #require(o["a"]?.array)
        #expect(o["a"]!.location.line == 2 && o["a"]!.location.column == 8)
        #expect(a[0].location.line == 2 && a[0].location.column == 9)
        #expect(a[1].location.line == 3 && a[1].location.column == 5)
    }

    @Test func maximumDepthIsAccepted() throws {
        let text =
            String(repeating: "[", count: JSONParser.defaultMaxDepth)
            + String(repeating: "]", count: JSONParser.defaultMaxDepth)
        #expect(throws: Never.self) { try JSONParser.parse(text) }
    }
}

@Suite("JSON parser: numbers")
struct JSONParserNumberTests {
    private func number(_ text: String) throws -> JSONNumber {
        try #require(try JSONParser.parse(text).number)
    }

    @Test func integersAreExact() throws {
        #expect(try number("42").integer == 42)
        #expect(try number("-7").integer == -7)
        #expect(try number("0").integer == 0)
        #expect(try number("-0").integer == 0)
        #expect(try number("9007199254740993").integer == 9_007_199_254_740_993)  // 2^53 + 1: not a Double
        #expect(try number("9223372036854775807").integer == Int.max)
        #expect(try number("-9223372036854775808").integer == Int.min)
    }

    @Test func wholeNumbersWrittenOtherwise() throws {
        #expect(try number("3.0").integer == 3)
        #expect(try number("3e2").integer == 300)
        #expect(try number("1E2").integer == 100)
        #expect(try number("2.5e1").integer == 25)
    }

    @Test func fractionsAreNotIntegers() throws {
        #expect(try number("3.5").integer == nil)
        #expect(try number("1e-3").integer == nil)
        #expect(try number("3.5").double == 3.5)
    }

    @Test func hugeNumbersDoNotTrap() throws {
        let big = try number("1e400")
        #expect(big.integer == nil)
        #expect(big.double == .infinity)
        #expect(big.text == "1e400")
        #expect(try number("-1e400").double == -.infinity)
        #expect(try number("123456789012345678901234567890").integer == nil)
        #expect(try number("9223372036854775808").integer == nil)  // Int.max + 1
        #expect(try number("-9223372036854775809").integer == nil)
        #expect(try number("1e-400").double == 0)
        let longDigits = String(repeating: "9", count: 5000)
        #expect(try number(longDigits).integer == nil)
    }
}

@Suite("JSON parser: errors with line:column")
struct JSONParserErrorTests {
    @Test func unterminatedString() {
        #expect(located(#"{"a": "abc"#) == "1:7: unterminated string")
        #expect(located("{\"a\": \"abc\n\"}") == "1:7: unterminated string (a string cannot span lines)")
        #expect(located(#"["abc\"#) == "1:2: unterminated string")
    }

    @Test func missingComma() {
        #expect(located("[1 2]") == "1:4: unexpected '2' in a list; expected ',' or ']'")
        #expect(
            located("{\"a\": 1\n \"b\": 2}") == "2:2: unexpected '\"' after the value of \"a\"; expected ',' or '}'")
    }

    @Test func missingColon() {
        #expect(located(#"{"a" 1}"#) == "1:6: unexpected '1' after key \"a\"; expected ':'")
    }

    @Test func singleQuotes() {
        #expect(located(#"{"a": 'x'}"#) == "1:7: strings must use double quotes (\"), not single quotes")
        let key = syntaxError("{'a': 1}")
        #expect(key?.location.line == 1 && key?.location.column == 2)
        #expect(key?.message.contains("double quotes") == true)
    }

    @Test func unquotedKey() {
        #expect(located("{a: 1}") == "1:2: object keys must be in double quotes: 'a'")
        #expect(located("{\n  name: 1}") == "2:3: object keys must be in double quotes: 'name'")
    }

    @Test func leadingZeros() {
        #expect(located("[01]") == "1:2: numbers must not have leading zeros")
        #expect(located("[-007]") == "1:3: numbers must not have leading zeros")
    }

    @Test func malformedNumbers() {
        #expect(located("[-]") == "1:3: expected a digit in a number")
        #expect(located("[1.]") == "1:4: expected a digit after the decimal point")
        #expect(located("[1e]") == "1:4: expected a digit in the exponent")
        #expect(located("[12abc]") == "1:4: unexpected 'a' in a number")
        #expect(
            located("[+1]")
                == "1:2: unexpected '+'; expected a value (object, list, string, number, true, false or null)")
        #expect(
            located("[.5]")
                == "1:2: unexpected '.'; expected a value (object, list, string, number, true, false or null)")
    }

    @Test func truncatedFile() {
        #expect(
            located(#"{"a": [1, 2"#)
                == "1:12: unexpected end of file inside a list (opened at 1:7); expected ',' or ']'")
        #expect(located("{\"a\":") == "1:6: unexpected end of file; expected a value")
        #expect(
            located("{\"a\": 1") == "1:8: unexpected end of file inside an object (opened at 1:1); expected ',' or '}'")
        #expect(located("{") == "1:2: unexpected end of file inside an object (opened at 1:1); expected '}'")
        #expect(located("[") == "1:2: unexpected end of file inside a list (opened at 1:1); expected ']'")
        #expect(located("[tr") == "1:2: unexpected 'tr'; expected a value (did you mean true?)")
        #expect(located(#"["\u12"#) == "1:7: unterminated \\u escape")
    }

    @Test func emptyFile() {
        #expect(located("") == "1:1: the file is empty; expected a JSON object")
        #expect(located("  \n // only a comment\n") == "3:1: the file is empty; expected a JSON object")
        #expect(syntaxError([0xEF, 0xBB, 0xBF])?.message == "the file is empty; expected a JSON object")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(located(deep) == "1:201: nesting deeper than 200 levels")
        let objects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(located(objects) == "1:1001: nesting deeper than 200 levels")
        let unclosed = String(repeating: "[", count: 100_000)
        #expect(syntaxError(unclosed)?.message == "nesting deeper than 200 levels")
        let justOver = String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
        #expect(located(justOver) == "1:201: nesting deeper than 200 levels")
    }

    @Test func duplicateKey() {
        #expect(located(#"{"a": 1, "a": 2}"#) == "1:10: duplicate key \"a\" in this object")
        #expect(located("{\"x\": {\"id\": 1,\n        \"id\": 2}}") == "2:9: duplicate key \"id\" in this object")
        // The same key in different objects is fine.
        #expect(located(#"[{"a": 1}, {"a": 2}]"#) == "no error")
    }

    @Test func misspeltLiterals() {
        #expect(located("[nul]") == "1:2: unexpected 'nul'; expected a value (did you mean null?)")
        #expect(
            located("[True]")
                == "1:2: unexpected 'T'; expected a value (object, list, string, number, true, false or null)")
        #expect(located("[truex]") == "1:2: unexpected 'truex'; expected a value")
        #expect(located("[fals]") == "1:2: unexpected 'fals'; expected a value (did you mean false?)")
    }

    @Test func badEscapes() {
        #expect(
            located(#"["a\x"]"#) == "1:4: invalid escape in string; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        #expect(located(#"["\u12G4"]"#) == "1:7: expected four hex digits after \\u")
    }

    @Test func controlCharacterInString() {
        #expect(located("[\"a\tb\"]") == "1:4: control character in a string; write it as an escape")
    }

    @Test func trailingGarbage() {
        #expect(located("{} x") == "1:4: unexpected 'x' after the end of the top-level value")
        #expect(located("{}\n{}") == "2:1: unexpected '{' after the end of the top-level value")
    }

    @Test func unterminatedBlockComment() {
        #expect(located("{\n  /* never closed\n") == "2:3: unterminated /* comment")
    }

    @Test func linesAfterCommentsAndCRLF() {
        #expect(
            located("/* a\n b\n c */ {\r\n\"a\": 1,\r\n \"b\" 2}")
                == "5:6: unexpected '2' after key \"b\"; expected ':'")
        #expect(
            located("// one\n// two\n[1,\n 2,\n x]")
                == "5:2: unexpected 'x'; expected a value (object, list, string, number, true, false or null)")
        #expect(located("// one\n// two\n[1,\n 2\n x]") == "5:2: unexpected 'x' in a list; expected ',' or ']'")
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        #expect(
            located(#"["ééé", x]"#)
                == "1:9: unexpected 'x'; expected a value (object, list, string, number, true, false or null)")
        #expect(located(#"{"😀": 1 "b": 2}"#) == "1:9: unexpected '\"' after the value of \"😀\"; expected ',' or '}'")
    }

    @Test func binaryAndInvalidUTF8() {
        let e1 = syntaxError([0xFF, 0xFE, 0x00])
        #expect(
            e1.map { "\($0.location): \($0.message)" }
                == "1:1: unexpected byte 0xFF; expected a value (object, list, string, number, true, false or null)")
        let e2 = syntaxError([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])  // ["\xC3("]
        #expect(e2.map { "\($0.location): \($0.message)" } == "1:2: string is not valid UTF-8")
        #expect(syntaxError([0x00]) != nil)
    }

    @Test func maxDepthParameter() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[[[1]]]", maxDepth: 2) }
        #expect(throws: Never.self) { try JSONParser.parse("[[[1]]]", maxDepth: 4) }
    }
}
