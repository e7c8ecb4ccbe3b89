/// KMS's policy lockout safety check: a new key policy must still let the principal that sets it
/// call PutKeyPolicy on the key afterwards, or the key could become unmanageable for good (F8).
/// CreateKey and PutKeyPolicy run it unless BypassPolicyLockoutSafetyCheck is true.
public enum PolicyLockoutCheck {
    /// The decision on a future `kms:PutKeyPolicy` by `caller` under `proposedPolicy`, with the
    /// caller's IAM policies as they are now. Grants are not consulted: no grant can give PutKeyPolicy.
    ///
    /// - Parameter context: condition keys for the imagined request; `kms:CallerAccount` and the
    ///   caller's global keys are derived, and `kms:BypassPolicyLockoutSafetyCheck` defaults to "false".
    public static func evaluate(proposedPolicy: PolicyDocument, caller: PolicyCaller, identityPolicies: [IdentityPolicy],
                                keyArn: String, context: ConditionContext = ConditionContext()) -> AuthorizationDecision {
        var context = context
        if context["kms:BypassPolicyLockoutSafetyCheck"] == nil {
            context["kms:BypassPolicyLockoutSafetyCheck"] = .single("false")
        }
        let request = PolicyRequest(caller: caller, action: "kms:PutKeyPolicy", resource: keyArn, context: context)
        let keyAccount = accountOf(keyArn: keyArn) ?? caller.accountId ?? ""
        return KMSAuthorizer.authorize(request, keyAccount: keyAccount, keyPolicy: proposedPolicy,
                                       identityPolicies: identityPolicies)
    }

    /// Throws `PolicyError.lockout` with KMS's message when the check fails.
    public static func check(proposedPolicy: PolicyDocument, caller: PolicyCaller, identityPolicies: [IdentityPolicy],
                             keyArn: String, context: ConditionContext = ConditionContext()) throws(PolicyError) {
        let decision = evaluate(proposedPolicy: proposedPolicy, caller: caller, identityPolicies: identityPolicies,
                                keyArn: keyArn, context: context)
        if !decision.isAllowed { throw .lockout(PolicyError.lockoutSentence) }
    }

    /// The account in `arn:aws:kms:REGION:ACCOUNT:key/ID`.
    static func accountOf(keyArn: String) -> String? {
        let parts = keyArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, PrincipalARN.isAccountId(parts[4]) else { return nil }
        return String(parts[4])
    }
}
