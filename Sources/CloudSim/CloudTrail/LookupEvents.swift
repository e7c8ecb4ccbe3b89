@preconcurrency import Crypto
import Foundation
import KMSEngine
import Wire

/// `LookupEvents`: the account's management events in the caller's Region from the last 90 days
/// of the simulated clock, newest first, filtered by at most one attribute.
extension CloudTrailService {
    /// How far back event history reaches.
    public static let historyWindow: TimeInterval = 90 * 86400

    func lookupEvents(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:LookupEvents", resource: "*", identities: identities)
        let query = try Self.eventQuery(r)
        guard var q = query.query else {
            // EventCategory "insight": KMS Drill records no Insights events.
            return CloudTrailOutcome(response: ["Events": []], readOnly: true)
        }
        let fetched = try store.lookup(q.withLimit(q.limit + 1))
        let page = Array(fetched.prefix(q.limit))
        var out = JSONObject()
        out["Events"] = .array(page.map(Self.eventShape))
        if fetched.count > q.limit, let last = page.last {
            q.after = (last.eventTime, last.seq)
            out["NextToken"] = .string(LookupToken.encode(q, fingerprint: query.fingerprint))
        }
        return CloudTrailOutcome(response: .object(out), readOnly: true)
    }

    /// The `Event` shape: the columns, and the whole record as the `CloudTrailEvent` string.
    static func eventShape(_ e: StoredEvent) -> JSONValue {
        var o = JSONObject()
        o["EventId"] = .string(e.eventID)
        o["EventName"] = .string(e.eventName)
        o["ReadOnly"] = .string(e.readOnly ? "true" : "false")
        if let k = e.accessKeyId { o["AccessKeyId"] = .string(k) }
        o["EventTime"] = .double(e.eventTime.timeIntervalSince1970)
        o["EventSource"] = .string(e.eventSource)
        if let u = e.username { o["Username"] = .string(u) }
        o["Resources"] = .array(e.resources.map {
            ["ResourceType": .string(CloudTrailRecord.resourceType($0)), "ResourceName": .string($0)]
        })
        o["CloudTrailEvent"] = .string(e.record)
        return .object(o)
    }

    /// The request validated as CloudTrail validates it, and turned into a store query (nil for
    /// an Insights lookup), with a fingerprint of the parameters a NextToken must be used with.
    static func eventQuery(_ r: CloudTrailRequest) throws -> (query: EventHistoryQuery?, fingerprint: String) {
        let attributes = try lookupAttributes(r.input["LookupAttributes"])
        if attributes.count > 1 {
            throw AWSServiceError("InvalidLookupAttributesException",
                "You can specify at most one lookup attribute in a LookupEvents request; this one has \(attributes.count).")
        }
        let oldest = r.now.addingTimeInterval(-historyWindow)
        let start = max(try r.date("StartTime") ?? oldest, oldest)
        let end = try r.date("EndTime") ?? r.now
        if let s = try r.date("StartTime"), s > end {
            throw AWSServiceError("InvalidTimeRangeException",
                "The start time (\(Timestamp.zulu(s))) is after the end time (\(Timestamp.zulu(end))). Give a StartTime earlier than the EndTime.")
        }
        var limit = 50
        if let v = r.input["MaxResults"], !v.isNull {
            guard let n = v.intValue, (1...50).contains(n) else {
                throw AWSServiceError("InvalidMaxResultsException", "MaxResults must be a number from 1 to 50, not \(JSONWriter.compact(v)).")
            }
            limit = n
        }
        var category: String?
        if let v = r.input["EventCategory"], !v.isNull {
            guard let c = v.stringValue, c == "insight" else {
                throw AWSServiceError("InvalidEventCategoryException",
                    "EventCategory \(JSONWriter.compact(v)) is not valid. The only category is insight (for Insights events).")
            }
            category = c
        }
        let fingerprint = parametersFingerprint(r, attributes: attributes, start: try r.date("StartTime"), end: try r.date("EndTime"),
                                                limit: limit, category: category)
        var query = EventHistoryQuery(account: r.account, region: r.region, start: start, end: end, attribute: attributes.first,
                                      limit: limit)
        if let token = r.input["NextToken"], !token.isNull {
            guard let text = token.stringValue, let after = LookupToken.decode(text, fingerprint: fingerprint) else {
                throw AWSServiceError("InvalidNextTokenException",
                    "The NextToken is not valid: pass the NextToken of the previous response unchanged, with the same parameters.")
            }
            query.after = after
        }
        return (category == nil ? query : nil, fingerprint)
    }

    private static func lookupAttributes(_ value: JSONValue?) throws -> [LookupAttribute] {
        guard let value, !value.isNull else { return [] }
        guard let list = value.arrayValue else {
            throw AWSServiceError("InvalidLookupAttributesException", "LookupAttributes must be a list of {AttributeKey, AttributeValue}.")
        }
        return try list.map { item in
            guard let keyText = item["AttributeKey"]?.stringValue, let key = LookupAttribute.Key(rawValue: keyText) else {
                let given = item["AttributeKey"].map { JSONWriter.compact($0) } ?? "null"
                throw AWSServiceError("InvalidLookupAttributesException",
                    "AttributeKey \(given) is not valid. Use one of: \(LookupAttribute.Key.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard let v = item["AttributeValue"]?.stringValue, (1...2000).contains(v.count) else {
                throw AWSServiceError("InvalidLookupAttributesException",
                    "AttributeValue for \(keyText) must be a string of 1 to 2000 characters.")
            }
            if key == .readOnly, v != "true", v != "false" {
                throw AWSServiceError("InvalidLookupAttributesException", "The ReadOnly attribute takes true or false, not '\(v)'.")
            }
            return LookupAttribute(key: key, value: v)
        }
    }

    private static func parametersFingerprint(_ r: CloudTrailRequest, attributes: [LookupAttribute], start: Date?, end: Date?,
                                              limit: Int, category: String?) -> String {
        let text = [r.account, r.region, attributes.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ","),
                    start.map { "\($0.timeIntervalSince1970)" } ?? "-", end.map { "\($0.timeIntervalSince1970)" } ?? "-",
                    String(limit), category ?? "-"].joined(separator: "|")
        return Hex.encode(SHA256.hash(data: Data(text.utf8)).prefix(8))
    }
}

extension EventHistoryQuery {
    func withLimit(_ n: Int) -> EventHistoryQuery {
        var q = self
        q.limit = n
        return q
    }
}

/// `NextToken` of LookupEvents: where the previous page ended, bound to the request's parameters.
enum LookupToken {
    static func encode(_ q: EventHistoryQuery, fingerprint: String) -> String {
        guard let after = q.after else { return "" }
        return Data("kmsdrill-ct:v1:\(fingerprint):\(after.time.timeIntervalSince1970):\(after.seq)".utf8).base64EncodedString()
    }

    static func decode(_ token: String, fingerprint: String) -> (time: Date, seq: Int64)? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "kmsdrill-ct", parts[1] == "v1", parts[2] == fingerprint,
            let time = Double(parts[3]), let seq = Int64(parts[4])
        else { return nil }
        return (Date(timeIntervalSince1970: time), seq)
    }
}
