@preconcurrency import Crypto
import Foundation
import Wire

/// Renders an `AuditEvent` as the CloudTrail record AWS writes for a KMS event.
///
/// Member order follows real CloudTrail records (eventVersion, userIdentity, eventTime, ...,
/// recipientAccountId, sharedEventID, eventCategory), so what a learner reads here matches what
/// they will read in the console or in `aws cloudtrail lookup-events` at work.
public enum CloudTrailRecord {
    public static let eventVersion = "1.09"

    /// One rendered copy of an event for one account's log.
    public struct Copy: Sendable {
        public var event: AuditEvent
        /// Set on both copies of a cross-account call (CloudTrail's `sharedEventID`).
        public var sharedEventID: String?
    }

    /// The copies CloudTrail delivers: one to the recipient (the resource owner), and for a call
    /// made from another account a second one to the caller's account, each with its own event ID
    /// and both carrying the same `sharedEventID`.
    ///
    /// The extra IDs are derived from the event's own ID (a name-based UUID), so no randomness is
    /// needed here and the same event always yields the same copies.
    public static func copies(of e: AuditEvent) -> [Copy] {
        let callerAccount = e.caller.accountId
        guard e.caller.kind != .awsService, callerAccount != e.recipientAccountId, !callerAccount.isEmpty else {
            return [Copy(event: e, sharedEventID: nil)]
        }
        let shared = derivedUUID(e.eventID, "sharedEventID")
        var callerCopy = e
        callerCopy.eventID = derivedUUID(e.eventID, "caller:\(callerAccount)")
        callerCopy.recipientAccountId = callerAccount
        return [Copy(event: e, sharedEventID: shared), Copy(event: callerCopy, sharedEventID: shared)]
    }

    public static func render(_ e: AuditEvent, sharedEventID: String? = nil) -> JSONValue {
        let serviceEvent = e.eventType == "AwsServiceEvent"
        var r = JSONObject()
        r["eventVersion"] = .string(eventVersion)
        r["userIdentity"] = userIdentity(e)
        r["eventTime"] = .string(Timestamp.zulu(e.eventTime))
        r["eventSource"] = .string(e.eventSource)
        r["eventName"] = .string(e.eventName)
        r["awsRegion"] = .string(e.region)
        // A service acting for a user appears by its service principal (`s3.amazonaws.com`), not
        // by the Regional endpoint name that `kms:ViaService` uses.
        r["sourceIPAddress"] = .string(e.invokedBy != nil ? servicePrincipal(e.sourceIPAddress) : e.sourceIPAddress)
        r["userAgent"] = .string(e.invokedBy != nil ? servicePrincipal(e.userAgent) : e.userAgent)
        if let code = e.errorCode {
            // CloudTrail names an authorization failure "AccessDenied", other failures by exception.
            r["errorCode"] = .string(code == "AccessDeniedException" ? "AccessDenied" : code)
            r["errorMessage"] = .string(e.errorMessage ?? "")
        }
        r["requestParameters"] = e.requestParameters
        r["responseElements"] = e.errorCode == nil ? e.responseElements : .null
        if e.errorCode == nil, !e.additionalEventData.isNull { r["additionalEventData"] = e.additionalEventData }
        // Events a service performs on its own carry no request ID: there was no request.
        if !serviceEvent { r["requestID"] = .string(e.requestID) }
        r["eventID"] = .string(e.eventID)
        r["readOnly"] = .bool(e.readOnly)
        if !e.resources.isEmpty {
            r["resources"] = .array(e.resources.map(resource))
        }
        r["eventType"] = .string(e.eventType)
        r["managementEvent"] = true
        r["recipientAccountId"] = .string(e.recipientAccountId)
        if let sharedEventID { r["sharedEventID"] = .string(sharedEventID) }
        r["eventCategory"] = "Management"
        return .object(r)
    }

    /// The same record as `render`, written straight to compact JSON text.
    ///
    /// This is what the audit log stores for every call, so it avoids building the record as a
    /// `JSONValue` (an ordered dictionary per object) only to walk it again: on the audited hot
    /// path that was most of the cost of a record. `render` stays the reference, and a test holds
    /// the two to the same JSON.
    public static func compactText(_ e: AuditEvent, sharedEventID: String? = nil) -> String {
        var w = CompactRecordWriter()
        w.open()
        w.member("eventVersion", eventVersion)
        w.key("userIdentity")
        writeUserIdentity(e, into: &w)
        w.key("eventTime")
        w.raw("\"")
        w.raw(fastZulu(e.eventTime))
        w.raw("\"")
        w.member("eventSource", e.eventSource)
        w.member("eventName", e.eventName)
        w.member("awsRegion", e.region)
        w.member("sourceIPAddress", e.invokedBy != nil ? servicePrincipal(e.sourceIPAddress) : e.sourceIPAddress)
        w.member("userAgent", e.invokedBy != nil ? servicePrincipal(e.userAgent) : e.userAgent)
        if let code = e.errorCode {
            w.member("errorCode", code == "AccessDeniedException" ? "AccessDenied" : code)
            w.member("errorMessage", e.errorMessage ?? "")
        }
        w.key("requestParameters")
        w.raw(JSONWriter.compact(e.requestParameters))
        w.key("responseElements")
        w.raw(e.errorCode == nil ? JSONWriter.compact(e.responseElements) : "null")
        if e.errorCode == nil, !e.additionalEventData.isNull {
            w.key("additionalEventData")
            w.raw(JSONWriter.compact(e.additionalEventData))
        }
        if e.eventType != "AwsServiceEvent" { w.member("requestID", e.requestID) }
        w.member("eventID", e.eventID)
        w.key("readOnly")
        w.raw(e.readOnly ? "true" : "false")
        if !e.resources.isEmpty {
            w.key("resources")
            w.raw("[")
            for (i, arn) in e.resources.enumerated() {
                if i > 0 { w.raw(",") }
                let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                w.raw("{\"accountId\":")
                w.string(parts.count > 4 ? String(parts[4]) : "")
                w.raw(",\"type\":")
                w.string(resourceType(arn))
                w.raw(",\"ARN\":")
                w.string(arn)
                w.raw("}")
            }
            w.raw("]")
        }
        w.member("eventType", e.eventType)
        w.key("managementEvent")
        w.raw("true")
        w.member("recipientAccountId", e.recipientAccountId)
        if let sharedEventID { w.member("sharedEventID", sharedEventID) }
        w.member("eventCategory", "Management")
        w.close()
        return w.text
    }

    /// `userIdentity` as `userIdentity(_:)` builds it, written directly.
    static func writeUserIdentity(_ e: AuditEvent, into w: inout CompactRecordWriter) {
        let c = e.caller
        var u = CompactRecordWriter(nested: true)
        u.open()
        switch c.kind {
        case .awsService:
            u.member("accountId", c.accountId)
            u.member("invokedBy", servicePrincipal(e.invokedBy ?? c.arn))
            u.close()
            w.raw(u.text)
            return
        case .root, .iamUser, .assumedRole:
            u.member("type", c.kind == .root ? "Root" : c.kind == .iamUser ? "IAMUser" : "AssumedRole")
            u.member("principalId", c.principalId)
            u.member("arn", c.arn)
            u.member("accountId", c.accountId)
            if let k = c.accessKeyId { u.member("accessKeyId", k) }
        }
        if c.kind == .iamUser, let n = c.userName { u.member("userName", n) }
        if c.kind == .assumedRole {
            // Rare enough to take the general path.
            u.key("sessionContext")
            u.raw(JSONWriter.compact(userIdentity(e)["sessionContext"] ?? .null))
        }
        if let by = e.invokedBy { u.member("invokedBy", servicePrincipal(by)) }
        u.close()
        w.raw(u.text)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` without intermediate strings (the audited hot path formats one per call).
    static func fastZulu(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var seconds = Int(t.rounded(.down))
        // Whole seconds as `Timestamp.zulu` gives them: it rounds to microseconds first.
        if ((t - Double(seconds)) * 1_000_000).rounded() >= 1_000_000 { seconds += 1 }
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        guard (0...2_932_896).contains(days) else { return Timestamp.zulu(date) }  // years 1970...9999
        let secOfDay = seconds - days * 86400
        // Days to civil date (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var v = value
            for i in stride(from: at + width - 1, through: at, by: -1) {
                bytes[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(y, 0, 4); bytes[4] = 45; put(m, 5, 2); bytes[7] = 45; put(d, 8, 2); bytes[10] = 84
        put(secOfDay / 3600, 11, 2); bytes[13] = 58; put(secOfDay % 3600 / 60, 14, 2); bytes[16] = 58
        put(secOfDay % 60, 17, 2); bytes[19] = 90
        return String(decoding: bytes, as: UTF8.self)
    }

    static func userIdentity(_ e: AuditEvent) -> JSONValue {
        let c = e.caller
        var u = JSONObject()
        switch c.kind {
        case .awsService:
            // What CloudTrail writes for a service's own event: the account and the service.
            u["accountId"] = .string(c.accountId)
            u["invokedBy"] = .string(servicePrincipal(e.invokedBy ?? c.arn))
            return .object(u)
        case .root:
            u["type"] = "Root"
            u["principalId"] = .string(c.principalId)
            u["arn"] = .string(c.arn)
            u["accountId"] = .string(c.accountId)
            if let k = c.accessKeyId { u["accessKeyId"] = .string(k) }
        case .iamUser:
            u["type"] = "IAMUser"
            u["principalId"] = .string(c.principalId)
            u["arn"] = .string(c.arn)
            u["accountId"] = .string(c.accountId)
            if let k = c.accessKeyId { u["accessKeyId"] = .string(k) }
            if let n = c.userName { u["userName"] = .string(n) }
        case .assumedRole:
            u["type"] = "AssumedRole"
            u["principalId"] = .string(c.principalId)
            u["arn"] = .string(c.arn)
            u["accountId"] = .string(c.accountId)
            if let k = c.accessKeyId { u["accessKeyId"] = .string(k) }
            let roleName = c.roleArn.map { String($0.split(separator: "/").last ?? "") } ?? ""
            u["sessionContext"] = [
                "sessionIssuer": [
                    "type": "Role",
                    "principalId": .string(String(c.principalId.split(separator: ":").first ?? "")),
                    "arn": .string(c.roleArn ?? ""),
                    "accountId": .string(c.accountId),
                    "userName": .string(roleName),
                ],
                "webIdFederationData": .object(JSONObject()),
                "attributes": ["mfaAuthenticated": "false"],
            ]
        }
        if let by = e.invokedBy { u["invokedBy"] = .string(servicePrincipal(by)) }
        return .object(u)
    }

    static func resource(_ arn: String) -> JSONValue {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let account = parts.count > 4 ? String(parts[4]) : ""
        return ["accountId": .string(account), "type": .string(resourceType(arn)), "ARN": .string(arn)]
    }

    /// CloudTrail's resource type for an ARN the engine reports (`AWS::KMS::Key`, `AWS::KMS::Alias`,
    /// `AWS::CloudTrail::Trail`).
    public static func resourceType(_ arn: String) -> String {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count > 5 else { return "AWS::KMS::Key" }
        let service = parts[2]
        let rest = parts[5]
        if service == "cloudtrail" { return "AWS::CloudTrail::Trail" }
        return rest.hasPrefix("alias/") ? "AWS::KMS::Alias" : "AWS::KMS::Key"
    }

    /// `s3.us-east-1.amazonaws.com` (the `kms:ViaService` form) -> `s3.amazonaws.com`.
    static func servicePrincipal(_ name: String) -> String {
        let parts = name.split(separator: ".")
        guard parts.count == 4, parts[2] == "amazonaws", parts[3] == "com" else { return name }
        return "\(parts[0]).amazonaws.com"
    }

    /// The user name `lookup-events` filters by `Username`: the IAM user, the role session
    /// name, "root", or the service.
    public static func username(_ e: AuditEvent) -> String? {
        switch e.caller.kind {
        case .iamUser: return e.caller.userName
        case .assumedRole: return e.caller.sessionName
        case .root: return "root"
        case .awsService: return servicePrincipal(e.invokedBy ?? e.caller.arn)
        }
    }

    /// A name-based UUID (version 5 layout, SHA-256 truncated) from an event ID and a label.
    static func derivedUUID(_ base: String, _ label: String) -> String {
        var bytes = Array(SHA256.hash(data: Data("\(base)|\(label)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUIDText.format(bytes)
    }
}

/// The event history's hash chain: each row's value commits to the row before, its own sequence
/// number, and its record, so that changing, removing, inserting or reordering rows shows.
public enum AuditChain {
    /// The value before the first row.
    public static let genesis = Data(repeating: 0, count: 32)

    public static func link(previous: Data, seq: Int64, recordDigest: SHA256.Digest) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        withUnsafeBytes(of: seq.bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: Data(recordDigest))
        return Data(hasher.finalize())
    }

    public static func link(previous: Data, seq: Int64, record: String) -> Data {
        link(previous: previous, seq: seq, recordDigest: SHA256.hash(data: Data(record.utf8)))
    }
}

/// Appends object members as compact JSON text, into bytes (one `String` at the end: appending
/// to a `String` piece by piece was most of the cost of a record).
struct CompactRecordWriter {
    private var bytes: [UInt8] = []
    private var first = true

    init(nested: Bool = false) { bytes.reserveCapacity(nested ? 256 : 1536) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open() { bytes.append(0x7B) }
    mutating func close() { bytes.append(0x7D) }

    mutating func key(_ k: String) {
        if !first { bytes.append(0x2C) }
        first = false
        string(k)
        bytes.append(0x3A)
    }

    mutating func member(_ k: String, _ value: String) {
        key(k)
        string(value)
    }

    /// A JSON string: the same escapes as `JSONWriter.writeString`.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                bytes.append(0x22)
                bytes.append(contentsOf: utf8)
                bytes.append(0x22)
                return
            }
            var escaped = ""
            JSONWriter.writeString(String(decoding: utf8, as: UTF8.self), into: &escaped)
            bytes.append(contentsOf: escaped.utf8)
        }
    }

    mutating func raw(_ json: String) { bytes.append(contentsOf: json.utf8) }
}
