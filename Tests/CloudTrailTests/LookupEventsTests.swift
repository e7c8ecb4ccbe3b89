import CloudSim
import Foundation
import KMSEngine
import Testing
import Wire

/// `lookup-events`: filters, time range, the 90-day window, pagination and AWS's validation errors.
@Suite struct LookupEventsTests {
    /// Activity by several principals spread over two days.
    static func history() throws -> (CloudTrailFixture, keyArn: String) {
        let f = try CloudTrailFixture()
        let keyId = try f.makeKey()
        let arn = "arn:aws:kms:us-east-1:111122223333:key/\(keyId)"
        for i in 0..<6 {
            try f.kms("Encrypt", ["KeyId": .string(keyId), "Plaintext": "c2VjcmV0"])
            try f.kms("DescribeKey", ["KeyId": .string(keyId)], as: "auditor")
            if i % 2 == 0 { _ = try? f.kms("Encrypt", ["KeyId": .string(keyId), "Plaintext": "c2VjcmV0"], as: "alice") }
            try f.advance(hours: 8)
        }
        return (f, arn)
    }

    static func names(_ events: [JSONValue]) -> [String] { events.compactMap { $0["EventName"]?.stringValue } }

    @Test func eventsComeNewestFirstWithTheRecordAsAString() throws {
        let (f, arn) = try Self.history()
        let events = try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "Encrypt"]]])
        #expect(events.count == 9)  // 6 by admin, 3 refused for alice
        let times = events.compactMap { $0["EventTime"]?.numberValue }
        #expect(times == times.sorted(by: >))
        let first = try #require(events.first)
        #expect(first["EventSource"] == "kms.amazonaws.com")
        #expect(first["ReadOnly"] == "true")
        #expect(first["Resources"] == [["ResourceType": "AWS::KMS::Key", "ResourceName": .string(arn)]])
        let record = try JSONParser.parse(try #require(first["CloudTrailEvent"]?.stringValue))
        #expect(record["eventID"] == first["EventId"])
        #expect(record["eventName"] == "Encrypt")
        // Member order as the model lists it.
        #expect(first.objectValue?.keys.first == "EventId")
        #expect(first.objectValue?.keys.last == "CloudTrailEvent")
    }

    @Test func everyAttributeFilters() throws {
        let (f, arn) = try Self.history()
        func count(_ key: String, _ value: String) throws -> Int {
            try f.lookupAll(["LookupAttributes": [["AttributeKey": .string(key), "AttributeValue": .string(value)]]]).count
        }
        #expect(try count("Username", "auditor") == 6)
        #expect(try count("Username", "alice") == 3)
        #expect(try count("Username", "nobody") == 0)
        #expect(try count("EventName", "DescribeKey") == 6)
        #expect(try count("ResourceName", arn) == 16)
        #expect(try count("ResourceType", "AWS::KMS::Key") == 16)  // CreateKey too
        #expect(try count("ResourceType", "AWS::S3::Bucket") == 0)
        #expect(try count("EventSource", "kms.amazonaws.com") == 16)
        #expect(try count("ReadOnly", "false") == 1)  // CreateKey
        let auditorKey = try f.who("auditor").caller.accessKeyId ?? ""
        #expect(try count("AccessKeyId", auditorKey) == 6)
        let one = try #require(try f.lookupAll().first?["EventId"]?.stringValue)
        let byId = try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventId", "AttributeValue": .string(one)]]])
        #expect(byId.count == 1 && byId.first?["EventId"]?.stringValue == one)
    }

    @Test func refusedCallsAppearWithTheirErrorCode() throws {
        let (f, _) = try Self.history()
        let alice = try f.lookupAll(["LookupAttributes": [["AttributeKey": "Username", "AttributeValue": "alice"]]])
        for e in alice {
            let record = try JSONParser.parse(e["CloudTrailEvent"]?.stringValue ?? "")
            #expect(record["errorCode"] == "AccessDenied")
        }
    }

    @Test func timeRangeAndThe90DayWindow() throws {
        let (f, _) = try Self.history()
        let start = CloudTrailFixture.start
        let firstDay = try f.lookupAll(["StartTime": .double(start.timeIntervalSince1970),
                                        "EndTime": .double(start.addingTimeInterval(86400 - 1).timeIntervalSince1970),
                                        "LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "DescribeKey"]]])
        #expect(firstDay.count == 3)
        // ISO 8601 text is accepted too (as the CLI passes it).
        let iso = try f.lookupAll(["StartTime": "2026-01-02T00:00:00Z",
                                   "LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "DescribeKey"]]])
        #expect(iso.count == 3)
        // Until 90 days after the first day, everything is still there; then the first day's events go.
        try f.advance(seconds: 87 * 86400)
        #expect(try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "DescribeKey"]]]).count == 6)
        try f.advance(seconds: 2 * 86400)
        let later = try f.lookupAll(["StartTime": .double(start.timeIntervalSince1970),
                                     "LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "DescribeKey"]]])
        #expect(later.count == 3, "events older than 90 days are not in event history")
        // The store keeps them (a trail would still have them).
        #expect(try f.records().filter { $0["eventName"] == "DescribeKey" }.count == 6)
    }

    @Test func pagesFollowNextTokenWithoutGapsOrRepeats() throws {
        let (f, _) = try Self.history()
        let all = try f.lookupAll()
        var seen: [String] = []
        var token: JSONValue = .null
        repeat {
            var request: JSONObject = ["MaxResults": 4]
            if !token.isNull { request["NextToken"] = token }
            let page = try f.trail("LookupEvents", .object(request))
            let events = page["Events"]?.arrayValue ?? []
            #expect(events.count <= 4)
            seen += events.compactMap { $0["EventId"]?.stringValue }
            token = page["NextToken"] ?? .null
        } while !token.isNull
        // LookupEvents calls of this loop are themselves recorded, newer than the first page: the
        // pages walk the history as it stood, so they hold exactly what one full lookup held.
        let expected = all.compactMap { $0["EventId"]?.stringValue }.filter { id in
            !(all.first { $0["EventId"]?.stringValue == id }?["EventName"] == "LookupEvents")
        }
        #expect(seen.filter { expected.contains($0) } == expected)
        #expect(Set(seen).count == seen.count)
    }

    @Test func eventsArePerAccountAndRegion() throws {
        let (f, _) = try Self.history()
        #expect(try f.lookupAll(region: "eu-west-1").allSatisfy { $0["EventName"] == "LookupEvents" })
        try f.kms("CreateKey", [:], as: "partner")
        let partner = try f.lookupAll(as: "partner")
        #expect(Self.names(partner).contains("CreateKey"))
        #expect(!Self.names(partner).contains("DescribeKey"), "another account's events are not visible")
    }

    @Test func validationErrorsAreAWSs() throws {
        let f = try CloudTrailFixture()
        expectServiceError("InvalidLookupAttributesException", messageContains: "at most one") {
            try f.trail("LookupEvents", ["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "Encrypt"],
                                                              ["AttributeKey": "Username", "AttributeValue": "alice"]]])
        }
        expectServiceError("InvalidLookupAttributesException", messageContains: "EventId, EventName") {
            try f.trail("LookupEvents", ["LookupAttributes": [["AttributeKey": "KeyId", "AttributeValue": "x"]]])
        }
        expectServiceError("InvalidLookupAttributesException", messageContains: "true or false") {
            try f.trail("LookupEvents", ["LookupAttributes": [["AttributeKey": "ReadOnly", "AttributeValue": "yes"]]])
        }
        expectServiceError("InvalidTimeRangeException") {
            try f.trail("LookupEvents", ["StartTime": "2026-01-02T00:00:00Z", "EndTime": "2026-01-01T00:00:00Z"])
        }
        expectServiceError("InvalidMaxResultsException") { try f.trail("LookupEvents", ["MaxResults": 51]) }
        expectServiceError("InvalidMaxResultsException") { try f.trail("LookupEvents", ["MaxResults": 0]) }
        expectServiceError("InvalidNextTokenException") { try f.trail("LookupEvents", ["NextToken": "garbage"]) }
        expectServiceError("InvalidEventCategoryException") { try f.trail("LookupEvents", ["EventCategory": "data"]) }
        #expect(try f.trail("LookupEvents", ["EventCategory": "insight"])["Events"] == [])
        // A token only works with the parameters it was issued for.
        for _ in 0..<3 { try f.kms("ListKeys") }
        let page = try f.trail("LookupEvents", ["MaxResults": 1])
        let token = try #require(page["NextToken"])
        expectServiceError("InvalidNextTokenException") { try f.trail("LookupEvents", ["MaxResults": 2, "NextToken": token]) }
        #expect(try f.trail("LookupEvents", ["MaxResults": 1, "NextToken": token])["Events"]?.arrayValue?.count == 1)
    }

    @Test func lookupNeedsPermission() throws {
        let f = try CloudTrailFixture()
        expectServiceError("AccessDeniedException", messageContains: "cloudtrail:LookupEvents") { try f.trail("LookupEvents", as: "alice") }
        #expect(throws: Never.self) { try f.trail("LookupEvents", as: "auditor") }
        #expect(throws: Never.self) { try f.trail("LookupEvents", as: "root") }
        // The refusal is itself in the log.
        let refused = try f.records().last
        #expect(refused?["eventSource"] == "cloudtrail.amazonaws.com")
        let aliceRecord = try f.records().first { $0["userIdentity"]?["userName"] == "alice" }
        #expect(aliceRecord?["errorCode"] == "AccessDenied")
    }
}
