import Foundation

/// An IAM user or role in one account (IAM is global: no Region).
public struct IAMPrincipal: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case user, role
    }

    public var kind: Kind
    public var accountId: String
    public var name: String
    /// IAM's unique ID: `AIDA...` for users, `AROA...` for roles.
    public var id: String
    public var path: String
    public var createDate: Date
    /// A role's trust policy (who may assume it).
    public var assumeRolePolicy: String?
    public var description: String?

    public init(kind: Kind, accountId: String, name: String, id: String, path: String = "/", createDate: Date,
                assumeRolePolicy: String? = nil, description: String? = nil) {
        self.kind = kind
        self.accountId = accountId
        self.name = name
        self.id = id
        self.path = path
        self.createDate = createDate
        self.assumeRolePolicy = assumeRolePolicy
        self.description = description
    }

    public var arn: String { "arn:aws:iam::\(accountId):\(kind.rawValue)\(path)\(name)" }
}

/// Where IAM's state lives (implemented by Storage on the home database).
public protocol IAMStore: Sendable {
    func principal(_ kind: IAMPrincipal.Kind, account: String, name: String) throws -> IAMPrincipal?
    /// Principals in creation order; all accounts when `account` is nil.
    func principals(_ kind: IAMPrincipal.Kind?, account: String?) throws -> [IAMPrincipal]
    func insert(_ principal: IAMPrincipal) throws
    func delete(_ kind: IAMPrincipal.Kind, account: String, name: String) throws
    /// Inline policies of a principal, by name, sorted.
    func inlinePolicies(_ kind: IAMPrincipal.Kind, account: String, name: String) throws -> [(name: String, document: String)]
    func putInlinePolicy(_ kind: IAMPrincipal.Kind, account: String, name: String, policyName: String, document: String) throws
    /// Returns false when there was no such policy.
    func deleteInlinePolicy(_ kind: IAMPrincipal.Kind, account: String, name: String, policyName: String) throws -> Bool
}

/// The accounts a fresh home holds.
public enum Accounts {
    public static let main = "111122223333"
    public static let partner = "444455556666"
    public static let all = [main, partner]
}

/// Deterministic IAM-style identifiers derived from a principal's ARN, so a home's IDs are
/// stable and readable in tests (real IAM IDs are random; the shape is what matters).
public enum IAMIdentifiers {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    public static func make(prefix: String, from seed: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var out = prefix
        for round in 0..<2 {
            for b in (seed + "#\(round)").utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            var x = h
            for _ in 0..<8 {
                out.append(alphabet[Int(x & 31)])
                x >>= 5
            }
        }
        return out
    }

    public static func userId(_ arn: String) -> String { make(prefix: "AIDA", from: arn) }
    public static func roleId(_ arn: String) -> String { make(prefix: "AROA", from: arn) }
    public static func accessKeyId(_ arn: String, session: Bool) -> String { make(prefix: session ? "ASIA" : "AKIA", from: arn) }
}
