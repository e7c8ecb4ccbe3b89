import Foundation
import KMSPolicy
import Wire

/// The engine's authorization point on the IAM policy language: key policies as the root of
/// trust, IAM identity policies where the key policy delegates to the account, grants, explicit
/// deny first, implicit deny last (KMSPolicy's `KMSAuthorizer`, fed from the engine's state).
///
/// It also validates key policies for CreateKey and PutKeyPolicy (grammar, principals that exist,
/// and the policy lockout safety check).
public final class PolicyAuthorizer: Authorizer, KeyPolicyValidator {
    let directory: IdentityDirectory
    let cache = ParsedPolicyCache()

    public init(directory: IdentityDirectory) {
        self.directory = directory
    }

    public func authorize(_ request: AuthorizationRequest, in tx: KMSTransaction) throws {
        let decision = try decide(request, in: tx)
        if !decision.isAllowed {
            throw KMSError(.accessDenied, decision.denialMessage)
        }
    }

    /// The decision with its reasons, without acting on it (what `explain` shows).
    public func decide(_ request: AuthorizationRequest, in tx: KMSTransaction) throws -> ExplainedDecision {
        let caller = request.context.caller
        // KMS itself, and the services that create their AWS managed keys, are not subject to
        // the account's policies.
        if caller.kind == .awsService && request.context.viaService == nil {
            return ExplainedDecision(allowedFor: "\(caller.arn) acts as KMS itself.")
        }
        let policyCaller = try Self.policyCaller(caller)
        let identities = try identityPolicies(for: caller)
        guard let key = request.key else {
            let resource = request.resourceArn ?? "*"
            let policyRequest = PolicyRequest(
                caller: policyCaller, action: request.action, resource: resource,
                context: Self.context(for: request, key: nil, tx: tx))
            return AccountLevelDecision.decide(policyRequest, identityPolicies: identities, callerIsRoot: caller.kind == .root)
        }
        let keyPolicy = try cache.document(key.policy, kind: .resourcePolicy)
        let grants = try tx.grants(keyId: key.keyId).map(Self.keyGrant)
        let policyRequest = PolicyRequest(
            caller: policyCaller, action: request.action, resource: key.arn,
            context: Self.context(for: request, key: key, tx: tx),
            encryptionContext: request.encryptionContext, grantTokens: request.grantTokens)
        let decision = KMSAuthorizer.authorize(policyRequest, keyAccount: key.accountId, keyPolicy: keyPolicy,
                                               identityPolicies: identities, grants: grants)
        return ExplainedDecision(decision)
    }

    public func validateKeyPolicy(_ policy: String, keyArn: String, keyAccount: String, context: RequestContext,
                                  bypassLockoutCheck: Bool, in tx: KMSTransaction) throws {
        var unknown: Error?
        let document: PolicyDocument
        do {
            document = try PolicyDocument.parseKeyPolicy(policy) { arn in
                do { return try self.directory.principalExists(arn) } catch {
                    unknown = error
                    return false
                }
            }
        } catch {
            throw KMSError(error.awsErrorCode == "LimitExceededException" ? .limitExceeded : .malformedPolicyDocument, error.message)
        }
        if let unknown { throw unknown }
        if bypassLockoutCheck { return }
        let caller = try Self.policyCaller(context.caller)
        let identities = try identityPolicies(for: context.caller)
        do {
            try PolicyLockoutCheck.check(proposedPolicy: document, caller: caller, identityPolicies: identities, keyArn: keyArn)
        } catch {
            throw KMSError(.malformedPolicyDocument, error.message)
        }
    }

    func identityPolicies(for caller: Caller) throws -> [IdentityPolicy] {
        try directory.identityPolicies(for: caller).compactMap { stored in
            // Stored policies were validated when they were put; one that no longer parses
            // (written by hand into the database) grants nothing.
            guard let document = try? cache.document(stored.document, kind: .identityPolicy) else { return nil }
            return IdentityPolicy(id: stored.id, sourceType: stored.isRolePolicy ? .role : .user, document: document)
        }
    }
}
