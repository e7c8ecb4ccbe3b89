public struct CancelKeyDeletionRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

public struct CancelKeyDeletionResponse: Codable, Sendable {
    public var KeyId: String
}

extension KMSEngine {
    /// CancelKeyDeletion: the key survives, but in the Disabled state (enable it to use it again).
    public func cancelKeyDeletion(_ request: CancelKeyDeletionRequest, _ context: RequestContext) throws(KMSError) -> CancelKeyDeletionResponse {
        try perform("CancelKeyDeletion", context, mutates: true, parameters: ["keyId": .string(request.KeyId)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:CancelKeyDeletion", key: key)
            try scope.requireCustomerManaged(key, "cancel the deletion")
            try KeyStateRule.pendingDeletionOnly.check(key)
            key.keyState = .disabled
            key.deletionDate = nil
            key.pendingDeletionWindowInDays = nil
            try scope.tx.updateKey(key)
            scope.responseElements = ["keyId": .string(key.arn)]
            return CancelKeyDeletionResponse(KeyId: key.arn)
        }
    }
}
