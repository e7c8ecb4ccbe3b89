/// An IAM identity-based policy attached to the caller (inline or managed).
public struct IdentityPolicy: Sendable {
    /// How the policy is named in decisions, e.g. "user/alice:inline/ReadOnly" or a managed policy's name.
    public let id: String
    /// `.user` / `.role` for inline policies, `.awsManaged` / `.userManaged` for managed ones.
    public let sourceType: PolicySourceType
    public let document: PolicyDocument

    public init(id: String, sourceType: PolicySourceType, document: PolicyDocument) {
        self.id = id
        self.sourceType = sourceType
        self.document = document
    }
}

/// KMS's authorization decision, as AWS documents it for KMS keys:
///
/// 1. An explicit Deny in the key policy or in one of the caller's IAM policies wins.
/// 2. The key policy is the root of trust. A statement naming the caller (its user ARN, its role,
///    `*`, its service) allows on its own; a statement naming the caller's account allows the
///    account's root user and delegates to the account's IAM policies, one of which must also allow.
/// 3. A cross-account caller needs both: the key policy must allow it (by account or by ARN) and
///    its own account's IAM policies must allow it (the root user of that account counts as allowed).
/// 4. A grant for the caller (or for its account, with an IAM policy agreeing) allows the grant's
///    operations when its constraints hold.
/// 5. Otherwise the request is implicitly denied.
///
/// A pure function: everything it needs is passed in.
public enum KMSAuthorizer {
    /// The policy id key policy statements are reported under.
    public static let keyPolicyId = "key-policy"

    /// Decides `request` against the key policy, the caller's IAM policies and the key's grants.
    ///
    /// - Parameters:
    ///   - keyAccount: the account that owns the key.
    ///   - identityPolicies: the IAM policies attached to the caller (none for the root user or a service).
    ///   - grants: the grants on the key; only those whose grantee is the caller or its account matter.
    public static func authorize(_ request: PolicyRequest, keyAccount: String, keyPolicy: PolicyDocument,
                                 identityPolicies: [IdentityPolicy] = [], grants: [KeyGrant] = []) -> AuthorizationDecision {
        let context = EvaluationContext(request)
        let caller = request.caller
        let keyEvaluation = PolicyEvaluator.evaluate(keyPolicy, id: keyPolicyId, sourceType: .resource, context: context)
        let identityEvaluations = identityPolicies.map {
            PolicyEvaluator.evaluate($0.document, id: $0.id, sourceType: $0.sourceType, context: context)
        }
        let grantEvaluations = grants.map { GrantEvaluation.evaluate($0, request: request) }
        let isCrossAccount = caller.accountId.map { $0 != keyAccount } ?? false

        func decide(_ outcome: AuthorizationDecision.Outcome, _ basis: AuthorizationDecision.Basis,
                    _ matched: [MatchedStatement]) -> AuthorizationDecision {
            AuthorizationDecision(outcome: outcome, basis: basis, request: request, keyAccount: keyAccount,
                                  isCrossAccount: isCrossAccount, matchedStatements: matched,
                                  keyPolicyEvaluation: keyEvaluation, identityPolicyEvaluations: identityEvaluations,
                                  grantEvaluations: grantEvaluations)
        }
        func matched(_ evaluations: [StatementEvaluation], _ policy: PolicyEvaluation) -> [MatchedStatement] {
            evaluations.map { MatchedStatement($0, policyId: policy.policyId, sourceType: policy.sourceType) }
        }

        // 1. Explicit deny anywhere wins.
        let keyDenies = matched(keyEvaluation.denies, keyEvaluation)
        let identityDenies = identityEvaluations.flatMap { matched($0.denies, $0) }
        if !keyDenies.isEmpty { return decide(.explicitDeny, .explicitDenyInResourcePolicy, keyDenies + identityDenies) }
        if !identityDenies.isEmpty { return decide(.explicitDeny, .explicitDenyInIdentityPolicy, identityDenies) }

        // 2./3. The key policy, alone or with IAM.
        let keyAllows = keyEvaluation.allows
        let keyDirect = keyAllows.filter {
            $0.principalMatch != .account || caller.kind == .root
        }
        let keyViaAccount = keyAllows.filter { $0.principalMatch == .account && caller.kind != .root }
        let identityAllows = identityEvaluations.flatMap { matched($0.allows, $0) }
        let identitySatisfied = caller.kind == .root || !identityAllows.isEmpty

        if isCrossAccount {
            if !keyAllows.isEmpty && identitySatisfied {
                return decide(.allowed, .keyPolicyAndIdentityPolicy, matched(keyAllows, keyEvaluation) + identityAllows)
            }
        } else if !keyDirect.isEmpty {
            return decide(.allowed, .keyPolicy, matched(keyDirect, keyEvaluation))
        } else if !keyViaAccount.isEmpty && !identityAllows.isEmpty {
            return decide(.allowed, .keyPolicyAndIdentityPolicy, matched(keyViaAccount, keyEvaluation) + identityAllows)
        }

        // 4. Grants.
        let grantsForCaller = grantEvaluations.filter { $0.outcome == .allowsCaller }
        if !grantsForCaller.isEmpty {
            return decide(.allowed, .grant, grantsForCaller.map { MatchedStatement(grant: $0.grant) })
        }
        let grantsForAccount = grantEvaluations.filter { $0.outcome == .allowsAccount }
        if !grantsForAccount.isEmpty && !identityAllows.isEmpty {
            return decide(.allowed, .grant, grantsForAccount.map { MatchedStatement(grant: $0.grant) } + identityAllows)
        }

        // 5. Implicit deny: say which side was missing.
        if !keyAllows.isEmpty || !grantsForAccount.isEmpty {
            let partial = matched(keyAllows, keyEvaluation) + grantsForAccount.map { MatchedStatement(grant: $0.grant) }
            return decide(.implicitDeny, .noIdentityPolicyAllows, partial)
        }
        return decide(.implicitDeny, .noResourcePolicyAllows, identityAllows)
    }
}
