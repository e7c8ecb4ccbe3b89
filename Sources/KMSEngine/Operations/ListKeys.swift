import Wire

public struct ListKeysRequest: Codable, Sendable {
    public var Limit: Int?
    public var Marker: String?

    public init(Limit: Int? = nil, Marker: String? = nil) {
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct ListKeysResponse: Codable, Sendable {
    public var Keys: [KeyListEntry]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListKeys: every key in the caller's account and Region (customer and AWS managed), oldest first.
    public func listKeys(_ request: ListKeysRequest, _ context: RequestContext) throws(KMSError) -> ListKeysResponse {
        var p = JSONObject()
        if let l = request.Limit { p["limit"] = .int(l) }
        if let m = request.Marker { p["marker"] = .string(m) }
        return try perform("ListKeys", context, mutates: false, parameters: p.isEmpty ? .null : .object(p)) { scope in
            try scope.authorize("kms:ListKeys", key: nil)
            let keys = try scope.tx.keys(account: scope.account, region: scope.region)
            let page = try Paginator.page(keys, limit: request.Limit, marker: request.Marker)
            return ListKeysResponse(
                Keys: page.items.map { KeyListEntry(KeyId: $0.keyId, KeyArn: $0.arn) },
                NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }
}
