/// The kind of policy a statement came from, with the raw values of IAM's `PolicySourceType`.
public enum PolicySourceType: String, Sendable, Hashable {
    case user
    case group
    case role
    case awsManaged = "aws-managed"
    case userManaged = "user-managed"
    case resource
    case none
}

/// How one statement fared against a request.
public struct StatementEvaluation: Sendable {
    /// Whether the statement applies, and if not, the first element that did not match.
    public enum Outcome: Sendable, Hashable {
        /// Every element matched; the statement's effect takes part in the decision.
        case applies(PrincipalMatch)
        /// The statement has no Action or no Resource element, so it never applies.
        case incomplete
        case actionNotCovered
        case resourceNotCovered
        /// A policy variable in Resource had no value: the comparison fails.
        case resourceUnresolvable(variable: String)
        case principalNotMatched
        /// At least one condition clause is false (see `conditionResults`).
        case conditionsNotMet
    }

    public let statement: Statement
    public let outcome: Outcome
    /// Results for every clause, when evaluation got as far as the conditions.
    public let conditionResults: [ConditionResult]

    /// Whether the statement applies to the request (its Effect then counts).
    public var applies: Bool {
        if case .applies = outcome { return true }
        return false
    }

    /// How the principal matched, when the statement applies.
    public var principalMatch: PrincipalMatch? {
        if case .applies(let m) = outcome { return m }
        return nil
    }
}

/// One policy evaluated against one request: each statement's outcome, in order.
public struct PolicyEvaluation: Sendable {
    /// "key-policy", an identity policy's id, ...
    public let policyId: String
    public let sourceType: PolicySourceType
    public let statements: [StatementEvaluation]

    /// Statements that apply with Effect Allow.
    public var allows: [StatementEvaluation] { statements.filter { $0.applies && $0.statement.effect == .allow } }
    /// Statements that apply with Effect Deny.
    public var denies: [StatementEvaluation] { statements.filter { $0.applies && $0.statement.effect == .deny } }

    /// This policy's verdict on its own: a Deny wins, then an Allow, else nothing allows.
    public var outcome: AuthorizationDecision.Outcome {
        if statements.contains(where: { $0.applies && $0.statement.effect == .deny }) { return .explicitDeny }
        if statements.contains(where: { $0.applies && $0.statement.effect == .allow }) { return .allowed }
        return .implicitDeny
    }

    /// Condition keys the policy's relevant statements read but the request did not carry.
    public var missingContextValues: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for s in statements {
            for r in s.conditionResults where r.requestValue == nil && r.reason != .nullCheck {
                if seen.insert(r.clause.key.lowercased()).inserted { out.append(r.clause.key) }
            }
        }
        return out
    }
}

/// Evaluates a single policy against a request, statement by statement.
public enum PolicyEvaluator {
    /// Evaluates `policy` for `request`. Identity-based policies skip the principal test: they apply
    /// to whoever they are attached to.
    public static func evaluate(_ policy: PolicyDocument, id: String, sourceType: PolicySourceType,
                                request: PolicyRequest) -> PolicyEvaluation {
        evaluate(policy, id: id, sourceType: sourceType, context: EvaluationContext(request))
    }

    static func evaluate(_ policy: PolicyDocument, id: String, sourceType: PolicySourceType,
                         context: EvaluationContext) -> PolicyEvaluation {
        var results: [StatementEvaluation] = []
        results.reserveCapacity(policy.statements.count)
        for statement in policy.statements {
            results.append(evaluate(statement, kind: policy.kind, context: context))
        }
        return PolicyEvaluation(policyId: id, sourceType: sourceType, statements: results)
    }

    static func evaluate(_ statement: Statement, kind: PolicyKind, context: EvaluationContext) -> StatementEvaluation {
        let request = context.request
        func result(_ outcome: StatementEvaluation.Outcome, _ conditions: [ConditionResult] = []) -> StatementEvaluation {
            StatementEvaluation(statement: statement, outcome: outcome, conditionResults: conditions)
        }
        guard let action = statement.action, let resource = statement.resource else { return result(.incomplete) }
        guard action.covers(request.action) else { return result(.actionNotCovered) }
        switch resource.covers(request.resource, in: context) {
        case .covered: break
        case .notCovered: return result(.resourceNotCovered)
        case .unresolvable(let name): return result(.resourceUnresolvable(variable: name))
        }
        let match: PrincipalMatch
        if kind == .identityPolicy {
            match = .attachedIdentity
        } else {
            guard let element = statement.principal, let m = element.match(request.caller) else {
                return result(.principalNotMatched)
            }
            match = m
        }
        if statement.conditions.isEmpty { return result(.applies(match)) }
        var conditionResults: [ConditionResult] = []
        conditionResults.reserveCapacity(statement.conditions.count)
        var allHold = true
        for clause in statement.conditions {
            let r = clause.evaluate(in: context)
            if !r.satisfied { allHold = false }
            conditionResults.append(r)
        }
        return result(allHold ? .applies(match) : .conditionsNotMet, conditionResults)
    }
}
