public struct UpdateKeyDescriptionRequest: Codable, Sendable {
    public var KeyId: String
    public var Description: String

    public init(KeyId: String, Description: String) {
        self.KeyId = KeyId
        self.Description = Description
    }
}

extension KMSEngine {
    /// UpdateKeyDescription.
    public func updateKeyDescription(_ request: UpdateKeyDescriptionRequest, _ context: RequestContext) throws(KMSError) {
        try perform("UpdateKeyDescription", context, mutates: true,
                    parameters: ["keyId": .string(request.KeyId), "description": .string(request.Description)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:UpdateKeyDescription", key: key)
            try scope.requireCustomerManaged(key, "change the description")
            try KeyStateRule.notPendingDeletion.check(key)
            try KeyFieldRules.checkDescription(request.Description)
            key.description = request.Description
            try scope.tx.updateKey(key)
        }
    }
}
