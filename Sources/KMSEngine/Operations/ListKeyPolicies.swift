public struct ListKeyPoliciesRequest: Codable, Sendable {
    public var KeyId: String
    public var Limit: Int?
    public var Marker: String?

    public init(KeyId: String, Limit: Int? = nil, Marker: String? = nil) {
        self.KeyId = KeyId
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct ListKeyPoliciesResponse: Codable, Sendable {
    public var PolicyNames: [String]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListKeyPolicies: always `["default"]`, the one key policy every KMS key has.
    public func listKeyPolicies(_ request: ListKeyPoliciesRequest, _ context: RequestContext) throws(KMSError) -> ListKeyPoliciesResponse {
        try perform("ListKeyPolicies", context, mutates: false, parameters: ["keyId": .string(request.KeyId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:ListKeyPolicies", key: key)
            let page = try Paginator.page(["default"], limit: request.Limit, marker: request.Marker)
            return ListKeyPoliciesResponse(PolicyNames: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }
}
