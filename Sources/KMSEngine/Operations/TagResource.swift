import Wire

public struct TagResourceRequest: Codable, Sendable {
    public var KeyId: String
    public var Tags: [Tag]

    public init(KeyId: String, Tags: [Tag]) {
        self.KeyId = KeyId
        self.Tags = Tags
    }
}

extension KMSEngine {
    /// TagResource: adds tags, replacing the value of a tag key that exists.
    public func tagResource(_ request: TagResourceRequest, _ context: RequestContext) throws(KMSError) {
        let tags: JSONValue = .array(request.Tags.map { ["tagKey": .string($0.TagKey), "tagValue": .string($0.TagValue)] })
        try perform("TagResource", context, mutates: true, parameters: ["keyId": .string(request.KeyId), "tags": tags]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            var conditions: [String: [String]] = ["aws:TagKeys": request.Tags.map(\.TagKey)]
            for tag in request.Tags { conditions["aws:RequestTag/\(tag.TagKey)"] = [tag.TagValue] }
            try scope.authorize("kms:TagResource", key: key, conditions: conditions)
            try scope.requireCustomerManaged(key, "tag")
            try KeyStateRule.notPendingDeletion.check(key)
            try KeyFieldRules.checkTags(request.Tags, existing: key.tags, limit: limits.tagsPerKey)
            for tag in request.Tags {
                if let i = key.tags.firstIndex(where: { $0.TagKey == tag.TagKey }) {
                    key.tags[i].TagValue = tag.TagValue
                } else {
                    key.tags.append(tag)
                }
            }
            try scope.tx.updateKey(key)
        }
    }
}
