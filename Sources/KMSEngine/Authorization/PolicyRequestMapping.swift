import Foundation
import KMSPolicy
import Wire

/// How engine requests become KMSPolicy requests: the caller, the grants, and the condition keys
/// KMS supplies (documented per operation in the KMS Developer Guide).
extension PolicyAuthorizer {
    /// Keys whose value is a set even when it has one member.
    static let multiValuedKeys: Set<String> = [
        "aws:tagkeys", "kms:grantoperations", "kms:encryptioncontextkeys", "kms:resourcealiases", "kms:grantconstrainttype",
    ]

    static func policyCaller(_ c: Caller) throws -> PolicyCaller {
        switch c.kind {
        case .root: return .root(account: c.accountId)
        case .iamUser: return .user(arn: c.arn, tags: c.tags, userId: c.principalId)
        case .assumedRole:
            guard let role = c.roleArn else { throw KMSError(.kmsInternal, "The role session \(c.arn) has no role.") }
            return .assumedRole(roleArn: role, sessionName: c.sessionName ?? "session", tags: c.tags, userId: c.principalId)
        case .awsService: return .service(c.arn)
        }
    }

    static func keyGrant(_ g: GrantRecord) -> KeyGrant {
        KeyGrant(grantId: g.grantId, name: g.name, granteePrincipal: g.granteePrincipal, retiringPrincipal: g.retiringPrincipal,
                 operations: g.operations.map(\.rawValue),
                 constraints: g.constraints.map {
                     KeyGrantConstraints(encryptionContextEquals: $0.EncryptionContextEquals,
                                                encryptionContextSubset: $0.EncryptionContextSubset)
                 },
                 requiresGrantToken: false, grantToken: g.grantToken)
    }

    static func context(for request: AuthorizationRequest, key: KeyRecord?, tx: KMSTransaction) -> ConditionContext {
        var c = ConditionContext()
        for (k, values) in request.conditionValues {
            c[k] = values.count == 1 && !multiValuedKeys.contains(k.lowercased()) ? .single(values[0]) : .multiple(values)
        }
        let ctx = request.context
        if let via = ctx.viaService { c["kms:ViaService"] = .single(via) }
        c["aws:CurrentTime"] = .single(Timestamp.zulu(request.now))
        c["aws:EpochTime"] = .single(String(Int(request.now.timeIntervalSince1970)))
        c["aws:SourceIp"] = .single(ctx.sourceIPAddress == "127.0.0.1" || ctx.viaService != nil ? "127.0.0.1" : ctx.sourceIPAddress)
        c["aws:SecureTransport"] = .single("true")
        c["aws:RequestedRegion"] = .single(ctx.region)
        c["aws:ViaAWSService"] = .single(String(ctx.viaService != nil))
        if let key {
            if c["kms:KeySpec"] == nil { c["kms:KeySpec"] = .single(key.keySpec.rawValue) }
            if c["kms:KeyUsage"] == nil { c["kms:KeyUsage"] = .single(key.keyUsage.rawValue) }
            if c["kms:KeyOrigin"] == nil { c["kms:KeyOrigin"] = .single(key.origin.rawValue) }
            if c["kms:MultiRegion"] == nil { c["kms:MultiRegion"] = .single(String(key.multiRegion)) }
            for tag in key.tags { c["aws:ResourceTag/\(tag.TagKey)"] = .single(tag.TagValue) }
            // Only looked up when a policy could use it: it costs a query.
            if key.policy.range(of: "ResourceAliases", options: .caseInsensitive) != nil,
                let aliases = try? tx.aliases(account: key.accountId, region: key.region)
            {
                c["kms:ResourceAliases"] = .multiple(aliases.filter { $0.targetKeyId == key.keyId }.map(\.aliasName))
            }
        }
        return c
    }
}
