import Wire

public struct UntagResourceRequest: Codable, Sendable {
    public var KeyId: String
    public var TagKeys: [String]

    public init(KeyId: String, TagKeys: [String]) {
        self.KeyId = KeyId
        self.TagKeys = TagKeys
    }
}

extension KMSEngine {
    /// UntagResource: removes tags by key; naming a tag the key does not have is not an error.
    public func untagResource(_ request: UntagResourceRequest, _ context: RequestContext) throws(KMSError) {
        try perform("UntagResource", context, mutates: true,
                    parameters: ["keyId": .string(request.KeyId), "tagKeys": .array(request.TagKeys.map(JSONValue.string))]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:UntagResource", key: key, conditions: ["aws:TagKeys": request.TagKeys])
            try scope.requireCustomerManaged(key, "untag")
            try KeyStateRule.notPendingDeletion.check(key)
            key.tags.removeAll { request.TagKeys.contains($0.TagKey) }
            try scope.tx.updateKey(key)
        }
    }
}
