public struct DisableKeyRotationRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

extension KMSEngine {
    /// DisableKeyRotation: no more automatic rotations; existing material versions stay.
    public func disableKeyRotation(_ request: DisableKeyRotationRequest, _ context: RequestContext) throws(KMSError) {
        try perform("DisableKeyRotation", context, mutates: true, parameters: ["keyId": .string(request.KeyId)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:DisableKeyRotation", key: key)
            try scope.requireCustomerManaged(key, "change the rotation")
            try KeyStateRule.enabledOnly.check(key)
            try RotationRules.checkSupported(key)
            key.rotationEnabled = false
            key.nextRotationDate = nil
            try scope.tx.updateKey(key)
        }
    }
}
