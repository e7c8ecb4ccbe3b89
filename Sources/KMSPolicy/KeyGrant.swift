/// A grant on a KMS key, as the authorizer needs to see it (the engine stores the full record).
public struct KeyGrant: Sendable, Hashable {
    public var grantId: String
    public var name: String?
    /// The grantee: a user, role, role-session or account-root ARN, or a service principal.
    public var granteePrincipal: String
    public var retiringPrincipal: String?
    /// Grant operations (`Decrypt`, `GenerateDataKey`, ...), the GrantOperation enum's values.
    public var operations: [String]
    /// EncryptionContextEquals / EncryptionContextSubset, checked on operations that take a context.
    public var constraints: KeyGrantConstraints?
    /// Set when the grant is not yet effective everywhere (eventual consistency): it then allows
    /// only requests that present `grantToken`, as AWS documents for new grants.
    public var requiresGrantToken: Bool
    public var grantToken: String?

    public init(grantId: String, name: String? = nil, granteePrincipal: String, retiringPrincipal: String? = nil,
                operations: [String], constraints: KeyGrantConstraints? = nil, requiresGrantToken: Bool = false,
                grantToken: String? = nil) {
        self.grantId = grantId
        self.name = name
        self.granteePrincipal = granteePrincipal
        self.retiringPrincipal = retiringPrincipal
        self.operations = operations
        self.constraints = constraints
        self.requiresGrantToken = requiresGrantToken
        self.grantToken = grantToken
    }

    /// The grant operations KMS defines (botocore `GrantOperation`).
    public static let validOperations: [String] = [
        "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo",
        "Sign", "Verify", "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext", "GenerateMac", "VerifyMac", "DeriveSharedSecret",
    ]

    /// Operations whose requests carry an encryption context, to which constraints apply. KMS does
    /// not apply constraints to the others (DescribeKey, RetireGrant, Sign, ...).
    static let constrainedOperations: Set<String> = [
        "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo",
        "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
    ]
}

/// Encryption-context constraints on a grant. Keys compare without regard to case, values exactly,
/// as KMS documents for grant constraints.
public struct KeyGrantConstraints: Sendable, Hashable {
    public var encryptionContextEquals: [String: String]?
    public var encryptionContextSubset: [String: String]?

    public init(encryptionContextEquals: [String: String]? = nil, encryptionContextSubset: [String: String]? = nil) {
        self.encryptionContextEquals = encryptionContextEquals
        self.encryptionContextSubset = encryptionContextSubset
    }

    /// Whether `context` (the request's encryption context, empty when none) satisfies the constraints.
    func allows(_ context: [String: String]) -> Bool {
        var lowered: [String: String] = [:]
        for (k, v) in context { lowered[k.lowercased()] = v }
        if let equals = encryptionContextEquals {
            guard equals.count == lowered.count else { return false }
            for (k, v) in equals where lowered[k.lowercased()] != v { return false }
        }
        if let subset = encryptionContextSubset {
            for (k, v) in subset where lowered[k.lowercased()] != v { return false }
        }
        return true
    }
}

/// How one grant fared against a request.
public struct GrantEvaluation: Sendable {
    /// Whether the grant allows the request, and if not, why.
    public enum Outcome: Sendable, Hashable {
        /// The grant allows the request for its grantee.
        case allowsCaller
        /// The grantee is the caller's account: it allows the account's root user, and other
        /// principals of that account when an IAM policy also allows them.
        case allowsAccount
        case granteeNotCaller
        case operationNotGranted(String)
        case constraintsNotMet
        case grantTokenRequired
    }

    public let grant: KeyGrant
    public let outcome: Outcome

    static func evaluate(_ grant: KeyGrant, request: PolicyRequest) -> GrantEvaluation {
        let caller = request.caller
        let outcome: Outcome
        let operation = KeyGrant.operation(forAction: request.action)
        let grantee = grant.granteePrincipal
        let isCaller = grantee == caller.arn || (caller.roleArn != nil && grantee == caller.roleArn)
            || (caller.kind == .service && grantee.lowercased() == caller.serviceName?.lowercased())
        let isAccount = caller.accountId.map { grantee == "arn:aws:iam::\($0):root" || grantee == $0 } ?? false
        if !isCaller && !isAccount {
            outcome = .granteeNotCaller
        } else if operation == nil || !grant.operations.contains(operation ?? "") {
            outcome = .operationNotGranted(operation ?? request.action)
        } else if grant.requiresGrantToken, !(grant.grantToken.map(request.grantTokens.contains) ?? false) {
            outcome = .grantTokenRequired
        } else if let constraints = grant.constraints, let op = operation, KeyGrant.constrainedOperations.contains(op),
                  !constraints.allows(request.encryptionContext ?? [:]) {
            outcome = .constraintsNotMet
        } else {
            // The account's root user is the account; anyone else there needs IAM's say-so too.
            outcome = isCaller || caller.kind == .root ? .allowsCaller : .allowsAccount
        }
        return GrantEvaluation(grant: grant, outcome: outcome)
    }
}

extension KeyGrant {
    /// The grant operation for an IAM action (`kms:Decrypt` -> `Decrypt`), `nil` for actions no grant covers.
    static func operation(forAction action: String) -> String? {
        guard action.lowercased().hasPrefix("kms:") else { return nil }
        let name = action.dropFirst(4).lowercased()
        return validOperations.first { $0.lowercased() == name }
    }
}
