public struct CreateAliasRequest: Codable, Sendable {
    public var AliasName: String
    public var TargetKeyId: String

    public init(AliasName: String, TargetKeyId: String) {
        self.AliasName = AliasName
        self.TargetKeyId = TargetKeyId
    }
}

extension KMSEngine {
    /// CreateAlias: a friendly name for a customer managed key, unique in the account and Region.
    public func createAlias(_ request: CreateAliasRequest, _ context: RequestContext) throws(KMSError) {
        try perform("CreateAlias", context, mutates: true,
                    parameters: ["aliasName": .string(request.AliasName), "targetKeyId": .string(request.TargetKeyId)]) { scope in
            try AliasRules.check(request.AliasName)
            let key = try scope.resolveKey(request.TargetKeyId, allowAlias: false)
            let aliasArn = KeyARN.alias(region: scope.region, account: scope.account, aliasName: request.AliasName)
            try scope.authorize("kms:CreateAlias", key: nil, resourceArn: aliasArn)
            try scope.authorize("kms:CreateAlias", key: key)
            try scope.requireCustomerManaged(key, "give an alias to (or otherwise change the aliases)")
            try KeyStateRule.notPendingDeletion.check(key)
            if try scope.tx.alias(name: request.AliasName, account: scope.account, region: scope.region) != nil {
                throw KMSError(.alreadyExists, "An alias with the name \(aliasArn) already exists")
            }
            let existing = try scope.tx.aliases(account: scope.account, region: scope.region).filter { $0.targetKeyId == key.keyId }
            if existing.count >= limits.aliasesPerKey {
                throw KMSError(.limitExceeded, "A KMS key can have at most \(limits.aliasesPerKey) aliases.")
            }
            try scope.tx.insertAlias(AliasRecord(aliasName: request.AliasName, accountId: scope.account, region: scope.region,
                                                 targetKeyId: key.keyId, creationDate: scope.now, lastUpdatedDate: scope.now))
            scope.resources.insert(aliasArn, at: 0)
        }
    }
}
