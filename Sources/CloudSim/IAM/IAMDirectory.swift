import KMSEngine

/// The engine's view of IAM: identity policies of a caller and which principals exist.
public struct IAMDirectory: IdentityDirectory {
    let store: IAMStore

    public init(store: IAMStore) { self.store = store }

    public func identityPolicies(for caller: Caller) throws -> [IdentityPolicyText] {
        switch caller.kind {
        case .iamUser:
            guard let name = caller.userName else { return [] }
            return try store.inlinePolicies(.user, account: caller.accountId, name: name).map {
                IdentityPolicyText(id: "user/\(name):inline/\($0.name)", isRolePolicy: false, document: $0.document)
            }
        case .assumedRole:
            guard let roleArn = caller.roleArn, let role = roleArn.split(separator: "/").last.map(String.init) else { return [] }
            return try store.inlinePolicies(.role, account: caller.accountId, name: role).map {
                IdentityPolicyText(id: "role/\(role):inline/\($0.name)", isRolePolicy: true, document: $0.document)
            }
        case .root, .awsService:
            return []
        }
    }

    public func principalExists(_ arn: String) throws -> Bool {
        // arn:aws:iam::ACCOUNT:root | user/NAME | role/NAME (paths allowed)
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "iam" || parts[2] == "sts" else { return false }
        let account = String(parts[4])
        let resource = String(parts[5])
        if resource == "root" { return account.count == 12 && account.allSatisfy(\.isNumber) }
        guard let kind = resource.hasPrefix("user/") ? IAMPrincipal.Kind.user : resource.hasPrefix("role/") ? .role : nil,
            let name = resource.split(separator: "/").last.map(String.init)
        else { return false }
        return try store.principal(kind, account: account, name: name) != nil
    }
}
