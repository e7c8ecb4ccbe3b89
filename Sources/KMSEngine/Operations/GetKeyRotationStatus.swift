import Foundation

public struct GetKeyRotationStatusRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

public struct GetKeyRotationStatusResponse: Codable, Sendable {
    public var KeyRotationEnabled: Bool
    public var KeyId: String
    public var RotationPeriodInDays: Int?
    public var NextRotationDate: Date?
    public var OnDemandRotationStartDate: Date?
}

extension KMSEngine {
    /// GetKeyRotationStatus: whether KMS rotates the key, how often, and when next. A key pending
    /// deletion reports false (its setting returns if the deletion is cancelled).
    public func getKeyRotationStatus(_ request: GetKeyRotationStatusRequest, _ context: RequestContext) throws(KMSError) -> GetKeyRotationStatusResponse {
        try perform("GetKeyRotationStatus", context, mutates: false, parameters: ["keyId": .string(request.KeyId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true, allowAlias: false)
            try scope.authorize("kms:GetKeyRotationStatus", key: key)
            try RotationRules.checkSupported(key)
            let enabled = key.rotationEnabled && key.keyState != .pendingDeletion
            return GetKeyRotationStatusResponse(
                KeyRotationEnabled: enabled, KeyId: key.keyId,
                RotationPeriodInDays: enabled ? key.rotationPeriodInDays : nil,
                NextRotationDate: enabled ? key.nextRotationDate : nil, OnDemandRotationStartDate: nil)
        }
    }
}
