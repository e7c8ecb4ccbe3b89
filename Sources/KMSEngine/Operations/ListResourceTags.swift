import Wire

public struct ListResourceTagsRequest: Codable, Sendable {
    public var KeyId: String
    public var Limit: Int?
    public var Marker: String?

    public init(KeyId: String, Limit: Int? = nil, Marker: String? = nil) {
        self.KeyId = KeyId
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct ListResourceTagsResponse: Codable, Sendable {
    public var Tags: [Tag]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListResourceTags: a key's tags, sorted by tag key.
    public func listResourceTags(_ request: ListResourceTagsRequest, _ context: RequestContext) throws(KMSError) -> ListResourceTagsResponse {
        try perform("ListResourceTags", context, mutates: false, parameters: ["keyId": .string(request.KeyId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:ListResourceTags", key: key)
            let tags = key.tags.sorted { $0.TagKey < $1.TagKey }
            let page = try Paginator.page(tags, limit: request.Limit, marker: request.Marker, defaultLimit: 50)
            return ListResourceTagsResponse(Tags: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }
}
