import Testing
import Foundation
@testable import Wire

@Suite struct JSONTests {
    @Test func parsesAndKeepsOrder() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": [true, null, 1.5, "x\u00e9\n"], "c": {}}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c"])
        #expect(JSONWriter.compact(v) == #"{"b":1,"a":[true,null,1.5,"xé\n"],"c":{}}"#)
    }

    @Test func prettyMatchesPythonJsonDumpsIndent4() throws {
        let v = try JSONParser.parse(#"{"KeyId": "k", "List": [1, {"A": []}], "Empty": {}}"#)
        let expected = """
        {
            "KeyId": "k",
            "List": [
                1,
                {
                    "A": []
                }
            ],
            "Empty": {}
        }
        """
        #expect(JSONWriter.pretty(v) == expected)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "[1] 2", "\"\u{01}\"", "\"\\ud800\""])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func errorNamesLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 7)
        }
    }

    @Test func deepNestingIsRefusedNotCrashing() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func numbersCompareByValue() throws {
        #expect(JSONValue.int(1) == JSONValue.double(1.0))
        #expect(Set([JSONValue.int(2), .double(2.0)]).count == 1)
        #expect(JSONWriter.formatDouble(1e-5) == "1e-05")
        #expect(JSONWriter.formatDouble(0.0001) == "0.0001")
        #expect(JSONWriter.formatDouble(1e16) == "1e+16")
        #expect(JSONWriter.formatDouble(123456789012345.0) == "123456789012345.0")
        #expect(JSONWriter.formatDouble(2.5) == "2.5")
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    struct Sample: Codable, Equatable {
        var KeyId: String
        var Blob: Data
        var When: Date
        var Count: Int?
        var Tags: [String: String]
    }

    @Test func codableRoundTripUsesWireForms() throws {
        let s = Sample(KeyId: "k", Blob: Data([1, 2, 3]), When: Date(timeIntervalSince1970: 1.5), Count: nil, Tags: ["a": "b"])
        let v = try JSONValueEncoder().encode(s)
        #expect(v["Blob"] == "AQID")
        #expect(v["When"] == .double(1.5))
        #expect(v["Count"] == nil)
        #expect(v.objectValue?.keys == ["KeyId", "Blob", "When", "Tags"])
        #expect(try JSONValueDecoder().decode(Sample.self, from: v) == s)
    }

    @Test func decodingErrorNamesTheMember() throws {
        let v: JSONValue = ["KeyId": 5, "Blob": "AQID", "When": 1, "Tags": [:]]
        do {
            _ = try JSONValueDecoder().decode(Sample.self, from: v)
            Issue.record("expected an error")
        } catch let e as JSONDecodingError {
            #expect(e.path == "KeyId")
        }
    }

    @Test func timestamps() throws {
        let d = Date(timeIntervalSince1970: 1_700_000_000.25)
        #expect(Timestamp.cli(d) == "2023-11-14T22:13:20.250000+00:00")
        #expect(Timestamp.cli(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00+00:00")
        #expect(Timestamp.zulu(d) == "2023-11-14T22:13:20Z")
        #expect(Timestamp.parse("2023-11-14T22:13:20.25Z") == d)
        #expect(Timestamp.parse("2023-11-15T00:13:20.25+02:00") == d)
        #expect(Timestamp.parse("2023-11-14")?.timeIntervalSince1970 == 1_699_920_000)
        #expect(Timestamp.parse("2023-13-14") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }
}
