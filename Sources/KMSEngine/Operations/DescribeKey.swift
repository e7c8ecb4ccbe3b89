import Wire

public struct DescribeKeyRequest: Codable, Sendable {
    public var KeyId: String
    public var GrantTokens: [String]?

    public init(KeyId: String, GrantTokens: [String]? = nil) {
        self.KeyId = KeyId
        self.GrantTokens = GrantTokens
    }
}

public struct DescribeKeyResponse: Codable, Sendable {
    public var KeyMetadata: KeyMetadata
}

extension KMSEngine {
    /// DescribeKey: a key's metadata. Naming a predefined `alias/aws/...` creates that AWS managed
    /// key first, as KMS does.
    public func describeKey(_ request: DescribeKeyRequest, _ context: RequestContext) throws(KMSError) -> DescribeKeyResponse {
        try materializePredefinedAlias(request.KeyId, context)
        return try perform("DescribeKey", context, mutates: false, parameters: ["keyId": .string(request.KeyId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true)
            try scope.authorize("kms:DescribeKey", key: key, conditions: scope.aliasConditions(request.KeyId), grantTokens: request.GrantTokens)
            return DescribeKeyResponse(KeyMetadata: try scope.metadata(key))
        }
    }
}
