import KMSEngine
import KMSPolicy

/// Authorization for services whose API only identity policies govern (IAM, CloudTrail): the
/// caller's IAM policies must allow the action and none may deny it; the account's root user and
/// AWS services always may.
enum IdentityPolicyAccess {
    enum Denial {
        case explicitDeny
        case noPolicyAllows
    }

    /// Why `caller` may not perform `action` on `resource`, or nil when it may.
    static func denial(_ caller: Caller, action: String, resource: String, identities: IdentityDirectory) throws -> Denial? {
        if caller.kind == .root || caller.kind == .awsService { return nil }
        let policies = try identities.identityPolicies(for: caller).compactMap { stored -> IdentityPolicy? in
            // A stored policy that no longer parses grants nothing (IAM rejected bad ones on the way in).
            guard let doc = try? PolicyDocument.parse(stored.document, kind: .identityPolicy) else { return nil }
            return IdentityPolicy(id: stored.id, sourceType: stored.isRolePolicy ? .role : .user, document: doc)
        }
        let policyCaller: PolicyCaller = caller.kind == .assumedRole
            ? .assumedRole(roleArn: caller.roleArn ?? caller.arn, sessionName: caller.sessionName ?? "session")
            : .user(arn: caller.arn)
        let request = PolicyRequest(caller: policyCaller, action: action, resource: resource)
        let evaluations = policies.map { PolicyEvaluator.evaluate($0.document, id: $0.id, sourceType: $0.sourceType, request: request) }
        if evaluations.contains(where: { !$0.denies.isEmpty }) { return .explicitDeny }
        if !evaluations.contains(where: { !$0.allows.isEmpty }) { return .noPolicyAllows }
        return nil
    }

    /// AWS's wording for a denial: "User: ARN is not authorized to perform: ACTION[ on resource: R] ...".
    static func message(_ denial: Denial, caller: Caller, action: String, resourceText: String?) -> String {
        let on = resourceText.map { " on resource: \($0)" } ?? ""
        switch denial {
        case .explicitDeny:
            return "User: \(caller.arn) is not authorized to perform: \(action)\(on) with an explicit deny in an identity-based policy"
        case .noPolicyAllows:
            return "User: \(caller.arn) is not authorized to perform: \(action)\(on) because no identity-based policy allows the \(action) action"
        }
    }
}
