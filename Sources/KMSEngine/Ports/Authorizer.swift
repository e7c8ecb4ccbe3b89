import Foundation
import Wire

/// A request as the authorization point sees it: who asks to do what to which key, with the
/// condition keys KMS documents for that operation.
public struct AuthorizationRequest: Sendable {
    /// The IAM action, e.g. `kms:Encrypt`.
    public var action: String
    public var context: RequestContext
    /// The key acted on; nil for operations on no key (CreateKey, ListKeys, GenerateRandom, ...).
    public var key: KeyRecord?
    /// The resource ARN when it is not a key (an alias for CreateAlias's alias check).
    public var resourceArn: String?
    /// Request-specific condition keys (`kms:EncryptionContext:dept`, `kms:EncryptionAlgorithm`,
    /// `kms:RequestAlias`, ...), each with one or more values.
    public var conditionValues: [String: [String]]
    /// The encryption context of the request, for grant constraints.
    public var encryptionContext: [String: String]?
    public var grantTokens: [String]
    /// The simulated time of the request (`aws:CurrentTime`).
    public var now: Date

    public init(action: String, context: RequestContext, key: KeyRecord?, resourceArn: String? = nil,
                conditionValues: [String: [String]] = [:], encryptionContext: [String: String]? = nil, grantTokens: [String] = [],
                now: Date = Date(timeIntervalSince1970: 0)) {
        self.now = now
        self.action = action
        self.context = context
        self.key = key
        self.resourceArn = resourceArn
        self.conditionValues = conditionValues
        self.encryptionContext = encryptionContext
        self.grantTokens = grantTokens
    }
}

/// The single point every engine operation passes through before it acts.
///
/// It throws `AccessDeniedException` (as a `KMSError`) when the request is not allowed. The
/// transaction lets it read policies, principals and grants consistently with the operation.
public protocol Authorizer: Sendable {
    func authorize(_ request: AuthorizationRequest, in tx: KMSTransaction) throws
    /// False when the authorizer allows everything, so callers may skip building requests.
    var evaluatesPolicies: Bool { get }
}

extension Authorizer {
    public var evaluatesPolicies: Bool { true }
}

/// Allows everything. Used where authorization is deliberately out of the picture (the
/// benchmark's raw engine figures, and tests of operations' own semantics).
public struct AllowAllAuthorizer: Authorizer {
    public init() {}
    public func authorize(_ request: AuthorizationRequest, in tx: KMSTransaction) throws {}
    public var evaluatesPolicies: Bool { false }
}

/// Checks a key policy before CreateKey or PutKeyPolicy stores it.
public protocol KeyPolicyValidator: Sendable {
    /// Throws MalformedPolicyDocumentException when the policy is not acceptable: malformed, or
    /// (unless `bypassLockoutCheck`) one that would lock the caller out of the key.
    func validateKeyPolicy(_ policy: String, keyArn: String, keyAccount: String, context: RequestContext,
                           bypassLockoutCheck: Bool, in tx: KMSTransaction) throws
}

/// Accepts any well-formed JSON object within the size limit.
public struct JSONSyntaxPolicyValidator: KeyPolicyValidator {
    public init() {}

    public func validateKeyPolicy(_ policy: String, keyArn: String, keyAccount: String, context: RequestContext,
                                  bypassLockoutCheck: Bool, in tx: KMSTransaction) throws {
        guard policy.utf8.count <= 32_768 else {
            throw KMSError(.malformedPolicyDocument, "The key policy is \(policy.utf8.count) bytes; the limit is 32768.")
        }
        do {
            guard case .object = try JSONParser.parse(policy) else {
                throw KMSError(.malformedPolicyDocument, "The key policy must be a JSON object.")
            }
        } catch let e as JSONParseError {
            throw KMSError(.malformedPolicyDocument, "The key policy is not valid JSON: \(e)")
        }
    }
}
