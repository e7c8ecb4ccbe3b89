import Foundation
import Wire

/// Renders an `AuditEvent` as the CloudTrail record AWS writes for a KMS event.
///
/// Member order follows real CloudTrail records, so what a learner reads here matches what they
/// will read in the console or in `aws cloudtrail lookup-events` at work.
public enum CloudTrailRecord {
    public static let eventVersion = "1.09"

    public static func render(_ e: AuditEvent) -> JSONValue {
        var r = JSONObject()
        r["eventVersion"] = .string(eventVersion)
        r["userIdentity"] = userIdentity(e)
        r["eventTime"] = .string(Timestamp.zulu(e.eventTime))
        r["eventSource"] = .string(e.eventSource)
        r["eventName"] = .string(e.eventName)
        r["awsRegion"] = .string(e.region)
        r["sourceIPAddress"] = .string(e.sourceIPAddress)
        r["userAgent"] = .string(e.userAgent)
        if let code = e.errorCode {
            // CloudTrail names an authorization failure "AccessDenied", other failures by exception.
            r["errorCode"] = .string(code == "AccessDeniedException" ? "AccessDenied" : code)
            r["errorMessage"] = .string(e.errorMessage ?? "")
        }
        r["requestParameters"] = e.requestParameters
        r["responseElements"] = e.errorCode == nil ? e.responseElements : .null
        if !e.additionalEventData.isNull { r["additionalEventData"] = e.additionalEventData }
        r["requestID"] = .string(e.requestID)
        r["eventID"] = .string(e.eventID)
        r["readOnly"] = .bool(e.readOnly)
        if !e.resources.isEmpty {
            r["resources"] = .array(e.resources.map(resource))
        }
        r["eventType"] = .string(e.eventType)
        r["managementEvent"] = true
        r["recipientAccountId"] = .string(e.recipientAccountId)
        r["eventCategory"] = "Management"
        return .object(r)
    }

    static func userIdentity(_ e: AuditEvent) -> JSONValue {
        let c = e.caller
        var u = JSONObject()
        switch c.kind {
        case .awsService:
            u["accountId"] = .string(c.accountId)
            u["invokedBy"] = .string(e.invokedBy ?? c.arn)
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
                "attributes": ["mfaAuthenticated": "false"],
            ]
        }
        if let by = e.invokedBy { u["invokedBy"] = .string(by) }
        return .object(u)
    }

    static func resource(_ arn: String) -> JSONValue {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let account = parts.count > 4 ? String(parts[4]) : ""
        let type = parts.count > 5 && parts[5].hasPrefix("alias/") ? "AWS::KMS::Alias" : "AWS::KMS::Key"
        return ["accountId": .string(account), "type": .string(type), "ARN": .string(arn)]
    }

    /// The user name `lookup-events` filters by `Username`: the IAM user, the role session
    /// name, "root", or the service.
    public static func username(_ e: AuditEvent) -> String? {
        switch e.caller.kind {
        case .iamUser: return e.caller.userName
        case .assumedRole: return e.caller.sessionName
        case .root: return "root"
        case .awsService: return e.invokedBy ?? e.caller.arn
        }
    }
}
