import Foundation
import KMSEngine
import Wire

/// CloudTrail's own calls in the event history, as CloudTrail records them (`eventSource`
/// `cloudtrail.amazonaws.com`): a `StopLogging` shows up like any other management event.
extension CloudTrailService {
    static let readOnlyOperations: Set<String> = [
        "LookupEvents", "DescribeTrails", "GetTrail", "ListTrails", "GetTrailStatus", "ListPublicKeys",
    ]

    func auditEvent(_ r: CloudTrailRequest, outcome: CloudTrailOutcome?, error: AWSServiceError?) -> AuditEvent {
        AuditEvent(
            eventID: random.timeOrderedUUID(at: r.now), requestID: random.uuid(), eventTime: r.now, eventSource: "cloudtrail.amazonaws.com",
            eventName: r.operation, region: r.region, recipientAccountId: r.account, caller: r.context.caller,
            invokedBy: r.context.viaService, sourceIPAddress: r.context.viaService ?? r.context.sourceIPAddress,
            userAgent: r.context.viaService ?? r.context.userAgent, requestParameters: Self.requestParameters(r.input),
            responseElements: error == nil ? (outcome?.responseElements ?? .null) : .null, additionalEventData: .null,
            errorCode: error?.code, errorMessage: error?.message, resources: outcome?.resources ?? [],
            readOnly: Self.readOnlyOperations.contains(r.operation))
    }

    /// The request as CloudTrail logs it: member names with a lower-case first letter; null when empty.
    static func requestParameters(_ input: JSONValue) -> JSONValue {
        guard let o = input.objectValue, !o.isEmpty else { return .null }
        return .object(JSONObject(o.members.map { (lowerFirst($0.key), lowerCamel($0.value)) }))
    }

    private static func lowerCamel(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o): return .object(JSONObject(o.members.map { (lowerFirst($0.key), lowerCamel($0.value)) }))
        case .array(let a): return .array(a.map(lowerCamel))
        default: return v
        }
    }

    private static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
