import Foundation

/// A grant: permission for a grantee principal to use one key for a set of operations,
/// optionally only with a matching encryption context.
public struct GrantRecord: Sendable, Equatable {
    public var grantId: String
    public var keyId: String
    public var accountId: String
    public var region: String
    public var name: String?
    public var creationDate: Date
    public var granteePrincipal: String
    public var retiringPrincipal: String?
    public var issuingAccount: String
    public var operations: [GrantOperation]
    public var constraints: GrantConstraints?
    /// The token handed out by CreateGrant (usable before eventual consistency would apply).
    public var grantToken: String

    public init(grantId: String, keyId: String, accountId: String, region: String, name: String?, creationDate: Date,
                granteePrincipal: String, retiringPrincipal: String?, issuingAccount: String,
                operations: [GrantOperation], constraints: GrantConstraints?, grantToken: String) {
        self.grantId = grantId
        self.keyId = keyId
        self.accountId = accountId
        self.region = region
        self.name = name
        self.creationDate = creationDate
        self.granteePrincipal = granteePrincipal
        self.retiringPrincipal = retiringPrincipal
        self.issuingAccount = issuingAccount
        self.operations = operations
        self.constraints = constraints
        self.grantToken = grantToken
    }
}

/// `GrantConstraints` on the wire.
public struct GrantConstraints: Codable, Sendable, Equatable {
    public var EncryptionContextSubset: [String: String]?
    public var EncryptionContextEquals: [String: String]?

    public init(EncryptionContextSubset: [String: String]? = nil, EncryptionContextEquals: [String: String]? = nil) {
        self.EncryptionContextSubset = EncryptionContextSubset
        self.EncryptionContextEquals = EncryptionContextEquals
    }
}
