import Wire

public struct RetireGrantRequest: Codable, Sendable {
    public var GrantToken: String?
    public var KeyId: String?
    public var GrantId: String?
    public var DryRun: Bool?

    public init(GrantToken: String? = nil, KeyId: String? = nil, GrantId: String? = nil, DryRun: Bool? = nil) {
        self.GrantToken = GrantToken
        self.KeyId = KeyId
        self.GrantId = GrantId
        self.DryRun = DryRun
    }
}

extension KMSEngine {
    /// RetireGrant: the grant's retiring principal (or its grantee, when the grant allows
    /// RetireGrant) ends a grant it no longer needs.
    public func retireGrant(_ request: RetireGrantRequest, _ context: RequestContext) throws(KMSError) {
        var p = JSONObject()
        if let k = request.KeyId { p["keyId"] = .string(k) }
        if let g = request.GrantId { p["grantId"] = .string(g) }
        try perform("RetireGrant", context, mutates: true, parameters: .object(p)) { scope in
            let grant: GrantRecord
            if let token = request.GrantToken {
                guard let g = try scope.findGrant(token: token, keyIdText: request.KeyId) else {
                    throw KMSError(.invalidGrantToken, "The grant token is not valid: it names no existing grant.")
                }
                grant = g
            } else if let keyIdText = request.KeyId, let grantId = request.GrantId {
                let key = try scope.resolveKey(keyIdText, crossAccount: true, allowAlias: false)
                guard let g = try scope.tx.grant(id: grantId), g.keyId == key.keyId else {
                    throw KMSError(.notFound, "Grant ID \(grantId) is not a grant on \(key.arn).")
                }
                grant = g
            } else {
                throw KMSError(.validation, "Identify the grant with --grant-token, or with both --key-id and --grant-id.")
            }
            guard let key = try scope.tx.key(id: grant.keyId) else { throw KMSError(.notFound, "The grant's key no longer exists.") }
            scope.touch(key)
            let me = scope.caller.principalArn
            let mayRetire = grant.retiringPrincipal == me || grant.retiringPrincipal == scope.caller.arn
                || ((grant.granteePrincipal == me || grant.granteePrincipal == scope.caller.arn) && grant.operations.contains(.retireGrant))
                || (scope.caller.kind == .root && scope.caller.accountId == key.accountId)
            if !mayRetire {
                // Otherwise a policy must allow kms:RetireGrant.
                try scope.authorize("kms:RetireGrant", key: key)
            }
            try scope.refuseDryRun(request.DryRun)
            try scope.tx.deleteGrant(id: grant.grantId)
        }
    }
}

extension OperationScope {
    func findGrant(token: String, keyIdText: String?) throws -> GrantRecord? {
        if let keyIdText {
            let key = try resolveKey(keyIdText, crossAccount: true, allowAlias: false)
            return try tx.grants(keyId: key.keyId).first { $0.grantToken == token }
        }
        return try tx.grantByToken(token)
    }
}
