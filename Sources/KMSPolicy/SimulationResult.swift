import Wire

/// Renders decisions in the shape of `aws iam simulate-custom-policy` (IAM's `SimulatePolicyResponse`,
/// `EvaluationResult` and `Statement` shapes, member names verbatim).
extension AuthorizationDecision {
    /// One `EvaluationResult`: EvalActionName, EvalResourceName, EvalDecision, MatchedStatements,
    /// MissingContextValues.
    ///
    /// IAM's `Statement` shape has no Sid; with `includeSid` each matched statement also carries a
    /// `Sid` member (our addition, so a learner can find the statement by name).
    public func evaluationResult(includeSid: Bool = true) -> JSONValue {
        var result = JSONObject()
        result["EvalActionName"] = .string(request.action)
        result["EvalResourceName"] = .string(request.resource)
        result["EvalDecision"] = .string(outcome.rawValue)
        result["MatchedStatements"] = .array(matchedStatements.map { $0.json(includeSid: includeSid) })
        result["MissingContextValues"] = .array(missingContextValues.map(JSONValue.string))
        return .object(result)
    }

    /// A whole `SimulatePolicyResponse` holding this one result.
    public func simulationResponse(includeSid: Bool = true) -> JSONValue {
        ["EvaluationResults": [evaluationResult(includeSid: includeSid)], "IsTruncated": false]
    }
}

extension MatchedStatement {
    func json(includeSid: Bool) -> JSONValue {
        var o = JSONObject()
        o["SourcePolicyId"] = .string(sourcePolicyId)
        o["SourcePolicyType"] = .string(sourcePolicyType.rawValue)
        if let p = startPosition { o["StartPosition"] = ["Line": .int(p.line), "Column": .int(p.column)] }
        if let p = endPosition { o["EndPosition"] = ["Line": .int(p.line), "Column": .int(p.column)] }
        if includeSid, grantId == nil, let sid, !sid.isEmpty { o["Sid"] = .string(sid) }
        return .object(o)
    }
}
