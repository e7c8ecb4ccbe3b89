import Foundation
import Wire

/// One call (or one thing KMS did on its own), as the audit log records it.
///
/// The CloudTrail record is rendered from this. It is built so that secrets cannot reach it:
/// request parameters come from each operation's `auditParameters`, which name what CloudTrail
/// logs (key ID, encryption context, algorithm, sizes) and never plaintext, ciphertext or keys.
public struct AuditEvent: Sendable, Equatable {
    public var eventID: String
    public var requestID: String
    public var eventTime: Date
    public var eventSource: String
    public var eventName: String
    public var region: String
    /// Whose log the event lands in (the key owner's account; the caller's too when they differ).
    public var recipientAccountId: String
    public var caller: Caller
    /// The AWS service that made the call on the caller's behalf, if any.
    public var invokedBy: String?
    public var sourceIPAddress: String
    public var userAgent: String
    public var requestParameters: JSONValue
    public var responseElements: JSONValue
    public var additionalEventData: JSONValue
    public var errorCode: String?
    public var errorMessage: String?
    /// ARNs of the resources involved (`AWS::KMS::Key`).
    public var resources: [String]
    public var readOnly: Bool
    /// Management events are what CloudTrail records by default (all KMS API calls are).
    public var eventType: String

    public init(eventID: String, requestID: String, eventTime: Date, eventSource: String = "kms.amazonaws.com",
                eventName: String, region: String, recipientAccountId: String, caller: Caller, invokedBy: String?,
                sourceIPAddress: String, userAgent: String, requestParameters: JSONValue, responseElements: JSONValue,
                additionalEventData: JSONValue, errorCode: String?, errorMessage: String?, resources: [String],
                readOnly: Bool, eventType: String = "AwsApiCall") {
        self.eventID = eventID
        self.requestID = requestID
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.eventName = eventName
        self.region = region
        self.recipientAccountId = recipientAccountId
        self.caller = caller
        self.invokedBy = invokedBy
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
        self.requestParameters = requestParameters
        self.responseElements = responseElements
        self.additionalEventData = additionalEventData
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.resources = resources
        self.readOnly = readOnly
        self.eventType = eventType
    }
}
