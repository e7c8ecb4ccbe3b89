public struct RevokeGrantRequest: Codable, Sendable {
    public var KeyId: String
    public var GrantId: String
    public var DryRun: Bool?

    public init(KeyId: String, GrantId: String, DryRun: Bool? = nil) {
        self.KeyId = KeyId
        self.GrantId = GrantId
        self.DryRun = DryRun
    }
}

extension KMSEngine {
    /// RevokeGrant: a key administrator ends a grant.
    public func revokeGrant(_ request: RevokeGrantRequest, _ context: RequestContext) throws(KMSError) {
        try perform("RevokeGrant", context, mutates: true,
                    parameters: ["keyId": .string(request.KeyId), "grantId": .string(request.GrantId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true, allowAlias: false)
            try scope.authorize("kms:RevokeGrant", key: key)
            guard let grant = try scope.tx.grant(id: request.GrantId), grant.keyId == key.keyId else {
                throw KMSError(.notFound, "Grant ID \(request.GrantId) is not a grant on \(key.arn).")
            }
            try scope.refuseDryRun(request.DryRun)
            try scope.tx.deleteGrant(id: grant.grantId)
        }
    }
}
