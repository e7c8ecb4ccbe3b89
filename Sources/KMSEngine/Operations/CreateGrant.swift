import Foundation
import Wire

public struct CreateGrantRequest: Codable, Sendable {
    public var KeyId: String
    public var GranteePrincipal: String
    public var RetiringPrincipal: String?
    public var Operations: [GrantOperation]
    public var Constraints: GrantConstraints?
    public var GrantTokens: [String]?
    public var Name: String?
    public var DryRun: Bool?

    public init(KeyId: String, GranteePrincipal: String, RetiringPrincipal: String? = nil, Operations: [GrantOperation],
                Constraints: GrantConstraints? = nil, GrantTokens: [String]? = nil, Name: String? = nil, DryRun: Bool? = nil) {
        self.KeyId = KeyId
        self.GranteePrincipal = GranteePrincipal
        self.RetiringPrincipal = RetiringPrincipal
        self.Operations = Operations
        self.Constraints = Constraints
        self.GrantTokens = GrantTokens
        self.Name = Name
        self.DryRun = DryRun
    }
}

public struct CreateGrantResponse: Codable, Sendable {
    public var GrantToken: String
    public var GrantId: String
}

extension KMSEngine {
    /// CreateGrant: lets the grantee use the key for the listed operations, optionally only with
    /// a matching encryption context, without changing the key policy.
    public func createGrant(_ request: CreateGrantRequest, _ context: RequestContext) throws(KMSError) -> CreateGrantResponse {
        var p: JSONObject = ["keyId": .string(request.KeyId), "granteePrincipal": .string(request.GranteePrincipal),
                             "operations": .array(request.Operations.map { .string($0.rawValue) })]
        if let r = request.RetiringPrincipal { p["retiringPrincipal"] = .string(r) }
        if let c = request.Constraints, let v = try? JSONValueEncoder().encode(c) {
            var lowered = JSONObject()
            for (k, val) in v.objectValue ?? JSONObject() { lowered[CloudTrailShape.lowerFirst(k)] = val }
            p["constraints"] = .object(lowered)
        }
        if let n = request.Name { p["name"] = .string(n) }
        return try perform("CreateGrant", context, mutates: true, parameters: .object(p)) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true)
            var conditions: [String: [String]] = [
                "kms:GrantOperations": request.Operations.map(\.rawValue),
                "kms:GranteePrincipal": [request.GranteePrincipal],
                "kms:GrantIsForAWSResource": [String(context.viaService != nil)],
            ]
            if let r = request.RetiringPrincipal { conditions["kms:RetiringPrincipal"] = [r] }
            if let c = request.Constraints {
                var types: [String] = []
                if c.EncryptionContextEquals != nil { types.append("EncryptionContextEquals") }
                if c.EncryptionContextSubset != nil { types.append("EncryptionContextSubset") }
                conditions["kms:GrantConstraintType"] = types
            }
            try scope.authorize("kms:CreateGrant", key: key, conditions: conditions, grantTokens: request.GrantTokens)
            try KeyStateRule.enabledOnly.check(key)
            try GrantRules.check(request, key: key)
            try scope.refuseDryRun(request.DryRun)
            let grants = try scope.tx.grants(keyId: key.keyId)
            if let name = request.Name, let same = grants.first(where: {
                $0.name == name && $0.granteePrincipal == request.GranteePrincipal && $0.operations == request.Operations
                    && $0.retiringPrincipal == request.RetiringPrincipal && $0.constraints == request.Constraints
            }) {
                // CreateGrant with the same name and parameters is idempotent.
                return CreateGrantResponse(GrantToken: same.grantToken, GrantId: same.grantId)
            }
            if grants.count >= limits.grantsPerKey {
                throw KMSError(.limitExceeded, "A KMS key can have at most \(limits.grantsPerKey) grants.")
            }
            let grant = GrantRecord(
                grantId: identifiers.hex(32), keyId: key.keyId, accountId: key.accountId, region: key.region, name: request.Name,
                creationDate: scope.now, granteePrincipal: request.GranteePrincipal, retiringPrincipal: request.RetiringPrincipal,
                issuingAccount: "arn:aws:iam::\(scope.account):root", operations: request.Operations,
                constraints: request.Constraints, grantToken: GrantRules.newToken(random: random))
            try scope.tx.insertGrant(grant)
            scope.responseElements = ["grantId": .string(grant.grantId)]
            return CreateGrantResponse(GrantToken: grant.grantToken, GrantId: grant.grantId)
        }
    }
}

/// What CreateGrant accepts.
enum GrantRules {
    static let symmetricOperations: Set<GrantOperation> = [
        .decrypt, .encrypt, .generateDataKey, .generateDataKeyWithoutPlaintext, .reEncryptFrom, .reEncryptTo,
        .createGrant, .retireGrant, .describeKey, .generateDataKeyPair, .generateDataKeyPairWithoutPlaintext,
    ]

    static func check(_ request: CreateGrantRequest, key: KeyRecord) throws {
        guard !request.Operations.isEmpty else {
            throw KMSError(.validation, "A grant must allow at least one operation (--operations Encrypt Decrypt ...).")
        }
        if key.keySpec == .symmetricDefault, let bad = request.Operations.first(where: { !symmetricOperations.contains($0) }) {
            throw KMSError(.validation, "The grant operation \(bad.rawValue) is not valid for a symmetric encryption KMS key.")
        }
        try checkPrincipal(request.GranteePrincipal, member: "GranteePrincipal")
        if let r = request.RetiringPrincipal { try checkPrincipal(r, member: "RetiringPrincipal") }
        if let c = request.Constraints, c.EncryptionContextEquals != nil, c.EncryptionContextSubset != nil {
            throw KMSError(.validation, "A grant constraint takes EncryptionContextEquals or EncryptionContextSubset, not both.")
        }
    }

    /// A principal a grant can name: an IAM ARN (account root, user, role, assumed role) or a
    /// service principal.
    static func checkPrincipal(_ text: String, member: String) throws {
        let isIAM = text.hasPrefix("arn:aws:iam::") || text.hasPrefix("arn:aws:sts::")
        let isService = text.hasSuffix(".amazonaws.com") && !text.contains(":")
        guard isIAM || isService else {
            throw KMSError(.invalidArn,
                "\(member) '\(text)' is not a principal ARN (for example arn:aws:iam::111122223333:role/AppRole) or a service principal.")
        }
    }

    static func newToken(random: RandomSource) -> String {
        random.bytes(48).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
