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
