public struct PutKeyPolicyRequest: Codable, Sendable {
    public var KeyId: String
    public var PolicyName: String?
    public var Policy: String
    public var BypassPolicyLockoutSafetyCheck: Bool?

    public init(KeyId: String, PolicyName: String? = nil, Policy: String, BypassPolicyLockoutSafetyCheck: Bool? = nil) {
        self.KeyId = KeyId
        self.PolicyName = PolicyName
        self.Policy = Policy
        self.BypassPolicyLockoutSafetyCheck = BypassPolicyLockoutSafetyCheck
    }
}

extension KMSEngine {
    /// PutKeyPolicy: replaces the key policy, after the policy lockout safety check unless it is
    /// explicitly bypassed.
    public func putKeyPolicy(_ request: PutKeyPolicyRequest, _ context: RequestContext) throws(KMSError) {
        let bypass = request.BypassPolicyLockoutSafetyCheck ?? false
        try perform("PutKeyPolicy", context, mutates: true,
                    parameters: ["keyId": .string(request.KeyId), "policyName": .string(request.PolicyName ?? "default"),
                                 "policy": .string(request.Policy), "bypassPolicyLockoutSafetyCheck": .bool(bypass)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:PutKeyPolicy", key: key,
                                conditions: ["kms:BypassPolicyLockoutSafetyCheck": [String(bypass)]])
            try scope.requireCustomerManaged(key, "change the key policy")
            try PolicyNameRule.check(request.PolicyName)
            try policyValidator.validateKeyPolicy(request.Policy, keyArn: key.arn, keyAccount: key.accountId,
                                                  context: scope.context, bypassLockoutCheck: bypass, in: scope.tx)
            key.policy = request.Policy
            try scope.tx.updateKey(key)
        }
    }
}
