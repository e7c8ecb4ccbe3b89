public struct DisableKeyRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

extension KMSEngine {
    /// DisableKey: the key stays, with all its material, but no cryptographic operation may use
    /// it (DisabledException) until it is enabled again. Automatic rotation pauses.
    public func disableKey(_ request: DisableKeyRequest, _ context: RequestContext) throws(KMSError) {
        try perform("DisableKey", context, mutates: true, parameters: ["keyId": .string(request.KeyId)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:DisableKey", key: key)
            try scope.requireCustomerManaged(key, "enable or disable")
            try KeyStateRule.notPendingDeletion.check(key)
            key.keyState = .disabled
            try scope.tx.updateKey(key)
        }
    }
}
