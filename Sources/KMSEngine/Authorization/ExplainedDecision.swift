import KMSPolicy
import Wire

/// An authorization decision as `explain` and AccessDeniedException present it: the outcome,
/// the statements that decided it, and the reasons in words.
public struct ExplainedDecision: Sendable {
    /// `allowed`, `explicitDeny` or `implicitDeny`, as `aws iam simulate-custom-policy` says.
    public let outcome: String
    public let reasons: [String]
    public let denialMessage: String
    /// The `EvaluationResult` JSON in the shape of `simulate-custom-policy`.
    public let evaluationResult: JSONValue

    public var isAllowed: Bool { outcome == "allowed" }

    init(_ d: AuthorizationDecision) {
        outcome = d.outcome.rawValue
        reasons = d.reasons
        denialMessage = d.accessDeniedMessage() ?? ""
        evaluationResult = d.evaluationResult(includeSid: true)
    }

    init(outcome: String, reasons: [String], denialMessage: String, evaluationResult: JSONValue) {
        self.outcome = outcome
        self.reasons = reasons
        self.denialMessage = denialMessage
        self.evaluationResult = evaluationResult
    }

    init(allowedFor reason: String) {
        self.init(outcome: "allowed", reasons: [reason], denialMessage: "", evaluationResult: ["EvalDecision": "allowed"])
    }
}

/// Decisions on actions that name no key (CreateKey, ListKeys, ListAliases, GenerateRandom, the
/// alias half of CreateAlias): only the caller's IAM policies can allow them.
enum AccountLevelDecision {
    static func decide(_ request: PolicyRequest, identityPolicies: [IdentityPolicy], callerIsRoot: Bool) -> ExplainedDecision {
        let evaluations = identityPolicies.map {
            PolicyEvaluator.evaluate($0.document, id: $0.id, sourceType: $0.sourceType, request: request)
        }
        func statements(_ pick: (PolicyEvaluation) -> [StatementEvaluation]) -> [(String, StatementEvaluation)] {
            evaluations.flatMap { e in pick(e).map { (e.policyId, $0) } }
        }
        func label(_ item: (String, StatementEvaluation)) -> String {
            "\(item.0) statement \(item.1.statement.sid.map { "\"\($0)\"" } ?? "#\(item.1.statement.index + 1)")"
        }
        func result(_ outcome: String, _ matched: [(String, StatementEvaluation)]) -> JSONValue {
            [
                "EvalActionName": .string(request.action), "EvalResourceName": .string(request.resource),
                "EvalDecision": .string(outcome),
                "MatchedStatements": .array(matched.map { m in
                    var o: JSONObject = ["SourcePolicyId": .string(m.0), "SourcePolicyType": "IAM Policy"]
                    if let sid = m.1.statement.sid { o["Sid"] = .string(sid) }
                    return .object(o)
                }),
                "MissingContextValues": [],
            ]
        }
        let who = request.caller.arn
        let denies = statements { $0.denies }
        if !denies.isEmpty {
            return ExplainedDecision(
                outcome: "explicitDeny", reasons: denies.map { "Denied explicitly by \(label($0))." },
                denialMessage: "User: \(who) is not authorized to perform: \(request.action) on resource: \(request.resource) with an explicit deny in an identity-based policy",
                evaluationResult: result("explicitDeny", denies))
        }
        if callerIsRoot {
            return ExplainedDecision(outcome: "allowed", reasons: ["The account's root user may perform \(request.action): it needs no IAM policy."],
                                     denialMessage: "", evaluationResult: result("allowed", []))
        }
        let allows = statements { $0.allows }
        if !allows.isEmpty {
            return ExplainedDecision(outcome: "allowed", reasons: allows.map { "Allowed by \(label($0))." },
                                     denialMessage: "", evaluationResult: result("allowed", allows))
        }
        return ExplainedDecision(
            outcome: "implicitDeny",
            reasons: ["\(request.action) on \(request.resource) names no key, so only IAM policies can allow it, and none of the caller's does."],
            denialMessage: "User: \(who) is not authorized to perform: \(request.action) on resource: \(request.resource) because no identity-based policy allows the \(request.action) action",
            evaluationResult: result("implicitDeny", []))
    }
}
