import CarouselIO
import Testing

@Suite struct CSVTests {
    func fields(_ text: String) throws -> [[String]] { try CSV.parse(Array(text.utf8)).map(\.fields) }

    @Test func plainRowsWithLFOrCRLFOrCR() throws {
        #expect(try fields("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,b\r1,2") == [["a", "b"], ["1", "2"]])
        #expect(try fields("a,b\n1,2") == [["a", "b"], ["1", "2"]], "no line end at the end")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "id,name\n1,\"Smith, Jo\"\n2,\"The \"\"Big\"\" Hall\"\n3,\"two\r\nlines\"\n4,\"\"\n"
        #expect(
            try fields(text) == [
                ["id", "name"], ["1", "Smith, Jo"], ["2", "The \"Big\" Hall"], ["3", "two\nlines"], ["4", ""],
            ])
        let records = try CSV.parse(Array(text.utf8))
        #expect(records.map(\.line) == [1, 2, 3, 4, 6], "a record's line is where it starts")
    }

    @Test func emptyFieldsAndTrailingDelimiters() throws {
        #expect(try fields("a,,c\n,,\n1,2,\n") == [["a", "", "c"], ["", "", ""], ["1", "2", ""]])
        #expect(try fields("a,") == [["a", ""]])
        #expect(try fields("\"\"") == [[""]])
    }

    @Test func blankLinesAreSkippedAndLinesStillCounted() throws {
        let records = try CSV.parse(Array("a\n\n\r\nb\n\n".utf8))
        #expect(records == [CSV.Record(line: 1, fields: ["a"]), CSV.Record(line: 4, fields: ["b"])])
        #expect(try fields("") == [])
        #expect(try fields("\n\n") == [])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try CSV.parse([0xEF, 0xBB, 0xBF] + Array("id,size\n".utf8)).map(\.fields) == [["id", "size"]])
    }

    @Test func quoteInsideAnUnquotedFieldIsKept() throws {
        #expect(try fields("a 5\" ruler,b\n") == [["a 5\" ruler", "b"]])
    }

    @Test func semicolonAndTabSheetsAreRecognisedFromTheHeader() throws {
        #expect(try fields("id;name;size\n1;\"a;b\";3\n") == [["id", "name", "size"], ["1", "a;b", "3"]])
        #expect(try fields("id\tname\n1\tx, y\n") == [["id", "name"], ["1", "x, y"]])
        #expect(try fields("id,\"a;b;c\"\n") == [["id", "a;b;c"]], "delimiters inside quotes do not count")
    }

    @Test func unclosedQuoteNamesTheLineItOpens() {
        #expect(
            throws: CSV.SyntaxError(
                line: 2, message: "the quoted field that starts on line 2 is never closed; a closing \" is missing")
        ) {
            try CSV.parse(Array("a,b\n1,\"x\n2,3\n".utf8))
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(
            throws: CSV.SyntaxError(
                line: 2,
                message:
                    "text after the closing quote of a field; write a quote inside a quoted field as two quotes (\"\")")
        ) {
            try CSV.parse(Array("a,b\n\"x\"y,2\n".utf8))
        }
    }

    @Test func invalidUTF8NamesItsLine() {
        #expect(
            throws: CSV.SyntaxError(
                line: 3,
                message:
                    "not UTF-8 text; save the sheet as \"CSV UTF-8\" (Excel) or with character set UTF-8 (LibreOffice, Numbers)"
            )
        ) {
            try CSV.parse(Array("a\nb\nSt Mary".utf8) + [0x92] + Array("s\n".utf8))
        }
    }

    @Test func renderQuotesOnlyWhatNeedsItAndReadsBack() throws {
        let rows = [["id", "name", "note"], ["a", "Smith, Jo", "say \"hi\""], ["b", " padded", "two\nlines"]]
        let text = CSV.render(rows)
        #expect(text.hasPrefix("id,name,note\na,\"Smith, Jo\",\"say \"\"hi\"\"\"\n"))
        #expect(try fields(text) == rows)
    }

    /// Random bytes and mangled sheets never trap; whatever parses renders
    /// and parses back to the same fields.
    @Test func fuzzNeverTrapsAndRoundTrips() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab,;\t\"\r\n é".utf8) + [0xFF, 0xC3]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            guard let records = try? CSV.parse(bytes, delimiter: UInt8(ascii: ",")) else { continue }
            let rows = records.map(\.fields)
            let back = try CSV.parse(Array(CSV.render(rows).utf8), delimiter: UInt8(ascii: ",")).map(\.fields)
            // Rendering drops rows that are a single empty field (blank lines).
            #expect(back == rows.filter { $0 != [""] }, "\(bytes)")
        }
    }
}
