/// What makes an alias name acceptable to CreateAlias and UpdateAlias.
enum AliasRules {
    static func check(_ name: String) throws {
        guard name.hasPrefix("alias/"), name.count > 6 else {
            throw KMSError(.invalidAliasName, "Alias name '\(name)' must begin with 'alias/' followed by a name, for example alias/app.")
        }
        guard name.utf8.count <= 256 else {
            throw KMSError.validation(member: "aliasName", value: name, constraint: "Member must have length less than or equal to 256")
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_-:")
        if let bad = name.first(where: { !allowed.contains($0) }) {
            throw KMSError.validation(member: "aliasName", value: name,
                constraint: "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$ ('\(bad)' is not allowed)")
        }
        if name.hasPrefix("alias/aws/") {
            throw KMSError(.invalidAliasName, "Alias names beginning with alias/aws/ are reserved for AWS managed keys.")
        }
    }
}
