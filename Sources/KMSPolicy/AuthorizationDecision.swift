/// The answer to "may this caller do this to this key?", with the statements that decided it and
/// the evaluations behind it, so that `explain` and lab feedback can tell the true reason.
public struct AuthorizationDecision: Sendable {
    /// Raw values as in `aws iam simulate-*`'s EvalDecision.
    public enum Outcome: String, Sendable, Hashable {
        case allowed
        case explicitDeny
        case implicitDeny
    }

    /// The path through KMS's rules that produced the outcome.
    public enum Basis: String, Sendable, Hashable {
        /// The key policy allows the caller itself (its ARN, its role, `*`), or the account for its root user.
        case keyPolicy
        /// The key policy allows the caller's account and an IAM policy allows the caller.
        case keyPolicyAndIdentityPolicy
        /// A grant on the key allows the operation.
        case grant
        /// A key policy statement denies the request.
        case explicitDenyInResourcePolicy
        /// An IAM policy statement denies the request.
        case explicitDenyInIdentityPolicy
        /// Nothing in the key policy (nor a grant) allows the caller.
        case noResourcePolicyAllows
        /// The key policy leaves the decision to IAM (or it is a cross-account call), and no IAM policy allows it.
        case noIdentityPolicyAllows
    }

    /// allowed, explicitDeny or implicitDeny.
    public let outcome: Outcome
    /// Which rule decided.
    public let basis: Basis
    /// The request that was decided.
    public let request: PolicyRequest
    /// The account that owns the key.
    public let keyAccount: String
    /// Whether the caller belongs to another account than the key's.
    public let isCrossAccount: Bool
    /// The statements (and grants) that decided the outcome: for a Deny, only the Deny statements;
    /// for an Allow, the allowing statements on the deciding path; for an implicit deny, the Allow
    /// statements that applied on one side without the other side agreeing (often none).
    public let matchedStatements: [MatchedStatement]
    /// How each key policy statement fared.
    public let keyPolicyEvaluation: PolicyEvaluation
    /// How each statement of each of the caller's IAM policies fared.
    public let identityPolicyEvaluations: [PolicyEvaluation]
    /// How each grant on the key fared.
    public let grantEvaluations: [GrantEvaluation]

    /// Whether the request may proceed.
    public var isAllowed: Bool { outcome == .allowed }

    /// Condition keys read by statements that otherwise applied, that the request did not carry.
    public var missingContextValues: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for evaluation in [keyPolicyEvaluation] + identityPolicyEvaluations {
            for key in evaluation.missingContextValues where seen.insert(key.lowercased()).inserted { out.append(key) }
        }
        return out
    }

    /// The AccessDeniedException message in AWS's current wording; `nil` when the request is allowed.
    public func accessDeniedMessage() -> String? {
        let head = "User: \(request.caller.arn) is not authorized to perform: \(request.action) on resource: \(request.resource)"
        switch basis {
        case .explicitDenyInResourcePolicy: return head + " with an explicit deny in a resource-based policy"
        case .explicitDenyInIdentityPolicy: return head + " with an explicit deny in an identity-based policy"
        case .noResourcePolicyAllows: return head + " because no resource-based policy allows the \(request.action) action"
        case .noIdentityPolicyAllows: return head + " because no identity-based policy allows the \(request.action) action"
        case .keyPolicy, .keyPolicyAndIdentityPolicy, .grant: return nil
        }
    }
}

/// A statement (or grant) that took part in a decision, named the way simulate-* names it.
public struct MatchedStatement: Sendable, Hashable {
    /// "key-policy", the identity policy's id, or "grant:GRANT_ID".
    public let sourcePolicyId: String
    public let sourcePolicyType: PolicySourceType
    /// 1-based statement number; `nil` for a grant.
    public let statementIndex: Int?
    public let sid: String?
    public let effect: Effect
    public let startPosition: SourcePosition?
    public let endPosition: SourcePosition?
    /// For grants, the grant's id.
    public let grantId: String?
    /// How the statement's principal matched, for key policy statements.
    public let principalMatch: PrincipalMatch?

    init(_ evaluation: StatementEvaluation, policyId: String, sourceType: PolicySourceType) {
        sourcePolicyId = policyId
        sourcePolicyType = sourceType
        statementIndex = evaluation.statement.index
        sid = evaluation.statement.sid
        effect = evaluation.statement.effect
        startPosition = evaluation.statement.startPosition
        endPosition = evaluation.statement.endPosition
        grantId = nil
        principalMatch = evaluation.principalMatch
    }

    init(grant: KeyGrant) {
        sourcePolicyId = "grant:\(grant.grantId)"
        sourcePolicyType = .resource
        statementIndex = nil
        sid = grant.name
        effect = .allow
        startPosition = nil
        endPosition = nil
        grantId = grant.grantId
        principalMatch = nil
    }

    /// "key-policy statement 1 (Sid \"Enable IAM User Permissions\")" or "grant 0c1d... (name \"app\")".
    public var label: String {
        if let grantId {
            return "grant \(grantId)" + (sid.map { " (name \"\($0)\")" } ?? "")
        }
        let sidPart = sid.flatMap { $0.isEmpty ? nil : " (Sid \"\($0)\")" } ?? ""
        return "\(sourcePolicyId) statement \(statementIndex ?? 0)\(sidPart)"
    }
}
