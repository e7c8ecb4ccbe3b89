/// Checks on key fields that several operations share, with AWS's errors.
enum KeyFieldRules {
    static func checkDescription(_ description: String) throws {
        if description.utf8.count > 8192 {
            throw KMSError.validation(member: "description", value: nil,
                constraint: "Member must have length less than or equal to 8192")
        }
    }

    static func checkTags(_ tags: [Tag], existing: [Tag] = [], limit: Int) throws {
        for tag in tags {
            if tag.TagKey.isEmpty || tag.TagKey.utf8.count > 128 {
                throw KMSError(.tag, "Tag key '\(tag.TagKey)' must be 1 to 128 characters long.")
            }
            if tag.TagValue.utf8.count > 256 {
                throw KMSError(.tag, "The value of tag '\(tag.TagKey)' is longer than 256 characters.")
            }
            if tag.TagKey.lowercased().hasPrefix("aws:") {
                throw KMSError(.tag, "Tag key '\(tag.TagKey)' uses the reserved prefix 'aws:'.")
            }
        }
        var keys = Set(existing.map(\.TagKey))
        for tag in tags { keys.insert(tag.TagKey) }
        if keys.count > limit {
            throw KMSError(.limitExceeded, "A KMS key can have at most \(limit) tags.")
        }
    }
}
