/// The human explanation of a decision, line by line, for `explain` and lab feedback.
extension AuthorizationDecision {
    /// The verdict first, then what each key policy statement, IAM policy statement and grant did.
    public var reasons: [String] {
        var lines = [verdict]
        if isCrossAccount {
            lines.append("The caller is in account \(request.caller.accountId ?? "?"), the key in account \(keyAccount): "
                + "a cross-account request needs both the key policy and the caller's own IAM policies to allow it.")
        }
        lines += describe(keyPolicyEvaluation, title: "Key policy")
        if identityPolicyEvaluations.isEmpty {
            if request.caller.kind == .root {
                lines.append("IAM policies: none apply to the root user, which has the account's full authority.")
            } else if request.caller.kind != .service {
                lines.append("IAM policies: the caller has none.")
            }
        }
        for evaluation in identityPolicyEvaluations {
            lines += describe(evaluation, title: "IAM policy \(evaluation.policyId)")
        }
        for evaluation in grantEvaluations {
            lines.append(describe(evaluation))
        }
        return lines
    }

    private var callerName: String { request.caller.arn }

    private var verdict: String {
        let what = "\(request.action) on \(request.resource)"
        let deciding = matchedStatements.map(\.label).joined(separator: ", ")
        switch basis {
        case .keyPolicy:
            return "ALLOWED: \(deciding) allows \(callerName) to call \(what)"
                + (request.caller.kind == .root ? " (the key policy allows the account, and this is the account's root user)." : ".")
        case .keyPolicyAndIdentityPolicy:
            if isCrossAccount && request.caller.kind == .root {
                return "ALLOWED: the key policy allows account \(request.caller.accountId ?? ""), and the caller is that "
                    + "account's root user, which needs no IAM policy (\(deciding))."
            }
            return isCrossAccount
                ? "ALLOWED: the key policy allows the caller's account or the caller, and the caller's own IAM policy allows \(what) (\(deciding))."
                : "ALLOWED: the key policy allows the account, which lets IAM policies decide, and an IAM policy allows \(what) (\(deciding))."
        case .grant:
            return "ALLOWED: \(deciding) gives \(callerName) the \(KeyGrant.operation(forAction: request.action) ?? request.action) operation."
        case .explicitDenyInResourcePolicy:
            return "DENIED (explicit): \(deciding) denies \(what); an explicit Deny overrides every Allow."
        case .explicitDenyInIdentityPolicy:
            return "DENIED (explicit): \(deciding) denies \(what); an explicit Deny overrides every Allow."
        case .noResourcePolicyAllows:
            return "DENIED (implicit): no key policy statement allows \(callerName) to call \(what), and no grant does; "
                + "without the key policy's consent not even IAM policies or the root user can use the key."
        case .noIdentityPolicyAllows:
            if isCrossAccount {
                return "DENIED (implicit): the key policy allows this, but no IAM policy in the caller's account allows \(what)."
            }
            return "DENIED (implicit): the key policy allows the account, which delegates to IAM, but no IAM policy "
                + "attached to \(callerName) allows \(what)."
        }
    }

    private func describe(_ evaluation: PolicyEvaluation, title: String) -> [String] {
        var lines: [String] = []
        for s in evaluation.statements {
            let head = "\(title) \(s.statement.label) [\(s.statement.effect.rawValue)]: "
            switch s.outcome {
            case .applies(let match):
                lines.append(head + "applies" + describe(match))
            case .incomplete:
                lines.append(head + "has no Action or no Resource element, so it never applies.")
            case .actionNotCovered:
                let element = s.statement.action?.isNegated == true ? "is excluded by its NotAction" : "is not in its Action"
                lines.append(head + "does not apply: \(request.action) \(element) \(list(s.statement.action?.patterns)).")
            case .resourceNotCovered:
                let element = s.statement.resource?.isNegated == true ? "is excluded by its NotResource" : "is not matched by its Resource"
                lines.append(head + "does not apply: the key \(element) \(list(s.statement.resource?.patterns)).")
            case .resourceUnresolvable(let variable):
                lines.append(head + "does not apply: the policy variable ${\(variable)} in its Resource has no value in this request.")
            case .principalNotMatched:
                let negated = s.statement.principal?.isNegated == true
                let names = list(s.statement.principal?.entries.map(\.written))
                lines.append(head + (negated ? "does not apply: its NotPrincipal \(names) excludes \(callerName)."
                    : "does not apply: its Principal \(names) does not include \(callerName)."))
            case .conditionsNotMet:
                lines.append(head + "does not apply: a condition is false.")
            }
            for r in s.conditionResults {
                lines.append("    \(r.satisfied ? "✓" : "✗") \(r.summary)")
            }
        }
        return lines
    }

    private func describe(_ match: PrincipalMatch) -> String {
        switch match {
        case .caller: return " (it names the caller)."
        case .everyone: return " (its Principal is \"*\": everyone)."
        case .account:
            return request.caller.kind == .root
                ? " (it names the account, and the caller is the account's root user)."
                : " (it names the caller's account \(request.caller.accountId ?? ""), so IAM policies in that account decide)."
        case .notPrincipal: return " (its NotPrincipal does not exclude the caller)."
        case .attachedIdentity: return "."
        }
    }

    private func describe(_ evaluation: GrantEvaluation) -> String {
        let head = "Grant \(evaluation.grant.grantId)" + (evaluation.grant.name.map { " (name \"\($0)\")" } ?? "") + ": "
        switch evaluation.outcome {
        case .allowsCaller:
            return head + "allows \(evaluation.grant.granteePrincipal) \(list(evaluation.grant.operations))."
        case .allowsAccount:
            return head + "allows the account \(evaluation.grant.granteePrincipal); principals in it also need an IAM policy."
        case .granteeNotCaller:
            return head + "its grantee \(evaluation.grant.granteePrincipal) is not the caller."
        case .operationNotGranted(let op):
            return head + "does not include \(op) (it allows \(list(evaluation.grant.operations)))."
        case .constraintsNotMet:
            return head + "its encryption context constraints \(constraintText(evaluation.grant.constraints)) "
                + "do not hold for the request's encryption context \(contextText(request.encryptionContext ?? [:]))."
        case .grantTokenRequired:
            return head + "is not yet in effect everywhere; present its grant token to use it now."
        }
    }

    private func list(_ items: [String]?) -> String {
        "[" + (items ?? []).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    private func contextText(_ context: [String: String]) -> String {
        "{" + context.keys.sorted().map { "\"\($0)\": \"\(context[$0] ?? "")\"" }.joined(separator: ", ") + "}"
    }

    private func constraintText(_ constraints: KeyGrantConstraints?) -> String {
        var parts: [String] = []
        if let eq = constraints?.encryptionContextEquals { parts.append("EncryptionContextEquals \(contextText(eq))") }
        if let sub = constraints?.encryptionContextSubset { parts.append("EncryptionContextSubset \(contextText(sub))") }
        return parts.joined(separator: " and ")
    }
}
