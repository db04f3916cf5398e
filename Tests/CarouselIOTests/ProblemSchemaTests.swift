import CarouselIO
import Foundation
import Testing

@testable import CarouselModel

@Suite struct ProblemSchemaTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static let validator = JSONSchemaValidator(root: try! JSONParser.parse(ProblemSchema.rendered()))

    static func errors(_ text: String) throws -> [String] { validator.errors(try JSONParser.parse(text)) }

    @Test(arguments: ["stem-week", "summer-school", "saturday-maths", "conference"])
    func everyExampleValidates(name: String) throws {
        let bytes = try ProblemDecoder.readFile(Self.examples.appendingPathComponent("\(name).json").path)
        #expect(Self.validator.errors(try JSONParser.parse(bytes)) == [])
    }

    @Test func importedTemplateAndGeneratedProblemsValidate() throws {
        var texts: [SheetKind: String] = [:]
        for sheet in SheetTemplate.sheets { texts[sheet.kind] = sheet.text }
        #expect(try Self.errors(ProblemFile.render(try SheetImport.problem(fromTexts: texts))) == [])
        var generator = StemWeekGenerator()
        generator.visitors = 300
        #expect(try Self.errors(ProblemFile.render(generator.make())) == [])
    }

    static let minimal =
        #"{"calendar": {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]}}"#

    @Test func brokenFilesFail() throws {
        func broken(_ rest: String) throws -> [String] {
            try Self.errors(String(Self.minimal.dropLast()) + ", " + rest + "}")
        }
        #expect(try Self.errors(Self.minimal) == [])
        #expect(try Self.errors("{}") == ["$: missing required calendar"])
        #expect(
            try broken(#""rooms": [{"id": "lab", "capacty": 30}]"#) == ["$.rooms[0].capacty: no value is allowed here"])
        #expect(try broken(#""groups": [{"id": "g", "attend": []}]"#) == ["$.groups[0]: missing required size"])
        #expect(
            try broken(#""groups": [{"id": "g", "size": "twenty"}]"#) == [
                "$.groups[0].size: expected integer, got a string"
            ])
        #expect(try broken(#""groups": [{"id": "g", "size": 0}]"#) == ["$.groups[0].size: below the minimum 1.0"])
        #expect(
            try broken(#""groups": [{"id": "g", "size": 3, "attend": [{"activity": "a", "oneOf": ["a"]}]}]"#) == [
                "$.groups[0].attend[0]: matches 0 of the oneOf alternatives"
            ])
        #expect(
            try broken(#""groups": [{"id": "g", "size": 3, "attend": [{"oneOf": ["a", "a"]}]}]"#) == [
                "$.groups[0].attend[0]: matches 0 of the oneOf alternatives"
            ])
        #expect(
            try broken(#""activities": [{"id": "a", "years": [3, 4, 5]}]"#) == [
                "$.activities[0].years: more than 2 items"
            ])
        #expect(
            try broken(#""weights": {"spread": -1, "overCapacity": null}"#) == [
                "$.weights.spread: below the minimum 0.0"
            ])
        #expect(try broken(#""format": "carousel/3""#) == ["$.format: not one of the allowed values"])
        #expect(
            try Self.errors(Self.minimal.replacingOccurrences(of: "09:00", with: "9.00")) == [
                #"$.calendar.periods[0].start: "9.00" does not match ^([01]?[0-9]|2[0-3]):[0-5][0-9]$|^24:00$"#
            ])
        #expect(
            try broken(#""groups": [{"id": "g", "size": 3, "exempt": ["preference", "sessions"]}]"#) == [
                "$.groups[0].exempt[1]: not one of the allowed values"
            ])
    }

    /// The schema's keys are exactly the keys the decoder accepts.
    @Test func schemaKeysAreTheDecoderKeys() throws {
        let defs = try #require(Self.validator.root.object?["$defs"]?.object)
        func keys(_ def: String) -> [String] { defs[def]?.object?["properties"]?.object?.keys ?? [] }
        #expect(Self.validator.root.object?["properties"]?.object?.keys == ProblemDecoder.topKeys)
        #expect(keys("calendar") == ProblemDecoder.calendarKeys)
        #expect(keys("day") == ProblemDecoder.dayKeys)
        #expect(keys("period") == ProblemDecoder.periodKeys)
        #expect(keys("room") == ProblemDecoder.roomKeys)
        #expect(keys("staffMember") == ProblemDecoder.staffKeys)
        #expect(keys("activity") == ProblemDecoder.activityKeys)
        #expect(keys("staffRow") == ProblemDecoder.rowKeys)
        #expect(keys("group") == ProblemDecoder.groupKeys)
        #expect(Set(keys("attendActivity") + keys("attendChoice")) == Set(ProblemDecoder.attendKeys))
        #expect(keys("fixedSession") == ProblemDecoder.fixedKeys)
        #expect(keys("weights") == Weights.Term.allCases.map(\.rawValue))
        #expect(keys("site") == ProblemDecoder.siteKeys)
        #expect(keys("formation") == ProblemDecoder.formationKeys)
        #expect(keys("spacing") == ProblemDecoder.spacingKeys)
    }
}
