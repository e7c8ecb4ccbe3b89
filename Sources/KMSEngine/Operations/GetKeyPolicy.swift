public struct GetKeyPolicyRequest: Codable, Sendable {
    public var KeyId: String
    public var PolicyName: String?

    public init(KeyId: String, PolicyName: String? = nil) {
        self.KeyId = KeyId
        self.PolicyName = PolicyName
    }
}

public struct GetKeyPolicyResponse: Codable, Sendable {
    public var Policy: String
    public var PolicyName: String
}

extension KMSEngine {
    /// GetKeyPolicy: the key's policy document (KMS keys have one policy, named `default`).
    public func getKeyPolicy(_ request: GetKeyPolicyRequest, _ context: RequestContext) throws(KMSError) -> GetKeyPolicyResponse {
        try perform("GetKeyPolicy", context, mutates: false,
                    parameters: ["keyId": .string(request.KeyId), "policyName": .string(request.PolicyName ?? "default")]) { scope in
            let key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:GetKeyPolicy", key: key)
            try PolicyNameRule.check(request.PolicyName)
            return GetKeyPolicyResponse(Policy: key.policy, PolicyName: "default")
        }
    }
}

enum PolicyNameRule {
    static func check(_ name: String?) throws {
        if let name, name != "default" {
            throw KMSError(.notFound, "No such policy exists: '\(name)'. A KMS key has one key policy, named default.")
        }
    }
}
