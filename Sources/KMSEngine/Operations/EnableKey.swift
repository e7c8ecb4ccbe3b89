public struct EnableKeyRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

extension KMSEngine {
    /// EnableKey: a disabled key can be used again. If its automatic rotation fell due while it
    /// was disabled, KMS rotates it now and resumes the schedule from here.
    public func enableKey(_ request: EnableKeyRequest, _ context: RequestContext) throws(KMSError) {
        try perform("EnableKey", context, mutates: true, parameters: ["keyId": .string(request.KeyId)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:EnableKey", key: key)
            try scope.requireCustomerManaged(key, "enable or disable")
            try KeyStateRule.notPendingDeletion.check(key)
            key.keyState = .enabled
            try scope.tx.updateKey(key)
            if key.rotationEnabled, let due = key.nextRotationDate, due <= scope.now {
                try engineRotateOverdue(&key, scope: scope)
            }
        }
    }

    private func engineRotateOverdue(_ key: inout KeyRecord, scope: OperationScope) throws {
        try scope.rotate(&key, type: .automatic, at: scope.now)
        key.nextRotationDate = scope.now.addingTimeInterval(Double(key.rotationPeriodInDays ?? 365) * 86400)
        try scope.tx.updateKey(key)
    }
}
