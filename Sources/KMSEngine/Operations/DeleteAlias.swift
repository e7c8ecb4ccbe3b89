public struct DeleteAliasRequest: Codable, Sendable {
    public var AliasName: String
    public init(AliasName: String) { self.AliasName = AliasName }
}

extension KMSEngine {
    /// DeleteAlias: removes the name; the key itself is untouched.
    public func deleteAlias(_ request: DeleteAliasRequest, _ context: RequestContext) throws(KMSError) {
        try perform("DeleteAlias", context, mutates: true, parameters: ["aliasName": .string(request.AliasName)]) { scope in
            let aliasArn = KeyARN.alias(region: scope.region, account: scope.account, aliasName: request.AliasName)
            guard let alias = try scope.tx.alias(name: request.AliasName, account: scope.account, region: scope.region) else {
                throw KMSError(.notFound, "Alias \(aliasArn) is not found.")
            }
            scope.resources.append(aliasArn)
            let key = try scope.tx.key(id: alias.targetKeyId)
            if let key { scope.touch(key) }
            try scope.authorize("kms:DeleteAlias", key: nil, resourceArn: aliasArn)
            if let key {
                try scope.authorize("kms:DeleteAlias", key: key)
                try scope.requireCustomerManaged(key, "delete the alias")
            }
            try scope.tx.deleteAlias(name: request.AliasName, account: scope.account, region: scope.region)
        }
    }
}
