/// What the authorizer needs to know about IAM: who exists, and which identity policies apply to
/// a caller. Implemented by the IAM simulation on the home database.
public protocol IdentityDirectory: Sendable {
    /// The caller's identity-based policies: a user's inline policies, or a role session's role's.
    func identityPolicies(for caller: Caller) throws -> [IdentityPolicyText]
    /// Whether `arn` names an existing principal (an account root, a user or a role).
    func principalExists(_ arn: String) throws -> Bool
}

/// One identity policy as stored: where it comes from and its JSON text.
public struct IdentityPolicyText: Sendable, Equatable {
    /// How decisions name it, e.g. `user/alice:inline/ReadOnly`.
    public var id: String
    public var isRolePolicy: Bool
    public var document: String

    public init(id: String, isRolePolicy: Bool, document: String) {
        self.id = id
        self.isRolePolicy = isRolePolicy
        self.document = document
    }
}

/// A directory with no IAM principals (every key-policy decision stands alone).
public struct EmptyIdentityDirectory: IdentityDirectory {
    public init() {}
    public func identityPolicies(for caller: Caller) throws -> [IdentityPolicyText] { [] }
    public func principalExists(_ arn: String) throws -> Bool { true }
}
