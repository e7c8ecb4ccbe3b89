public struct UpdateAliasRequest: Codable, Sendable {
    public var AliasName: String
    public var TargetKeyId: String

    public init(AliasName: String, TargetKeyId: String) {
        self.AliasName = AliasName
        self.TargetKeyId = TargetKeyId
    }
}

extension KMSEngine {
    /// UpdateAlias: points an existing alias at another key of the same type and usage.
    public func updateAlias(_ request: UpdateAliasRequest, _ context: RequestContext) throws(KMSError) {
        try perform("UpdateAlias", context, mutates: true,
                    parameters: ["aliasName": .string(request.AliasName), "targetKeyId": .string(request.TargetKeyId)]) { scope in
            try AliasRules.check(request.AliasName)
            let aliasArn = KeyARN.alias(region: scope.region, account: scope.account, aliasName: request.AliasName)
            guard var alias = try scope.tx.alias(name: request.AliasName, account: scope.account, region: scope.region) else {
                throw KMSError(.notFound, "Alias \(aliasArn) is not found.")
            }
            let newKey = try scope.resolveKey(request.TargetKeyId, allowAlias: false)
            guard let oldKey = try scope.tx.key(id: alias.targetKeyId) else {
                throw KMSError(.notFound, "The key that alias \(aliasArn) points to no longer exists.")
            }
            scope.touch(oldKey)
            scope.touch(newKey)
            try scope.authorize("kms:UpdateAlias", key: nil, resourceArn: aliasArn)
            try scope.authorize("kms:UpdateAlias", key: oldKey)
            try scope.authorize("kms:UpdateAlias", key: newKey)
            try scope.requireCustomerManaged(newKey, "give an alias to (or otherwise change the aliases)")
            try KeyStateRule.notPendingDeletion.check(newKey)
            guard newKey.keySpec == oldKey.keySpec, newKey.keyUsage == oldKey.keyUsage else {
                throw KMSError(.validation,
                    "\(request.AliasName) points to a \(oldKey.keySpec.rawValue)/\(oldKey.keyUsage.rawValue) key; the new target must have the same key spec and key usage.")
            }
            alias.targetKeyId = newKey.keyId
            alias.lastUpdatedDate = scope.now
            try scope.tx.updateAlias(alias)
            scope.resources.insert(aliasArn, at: 0)
        }
    }
}
