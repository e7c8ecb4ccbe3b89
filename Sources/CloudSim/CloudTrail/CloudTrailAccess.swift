import KMSEngine
import KMSPolicy
import Wire

/// Authorization of CloudTrail's API: only the caller's identity policies can allow `cloudtrail:`
/// actions (CloudTrail has no resource policies on trails); the account's root user always may.
enum CloudTrailAccess {
    static func authorize(_ caller: Caller, action: String, resource: String, identities: IdentityDirectory) throws {
        if caller.kind == .root || caller.kind == .awsService { return }
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
        let on = resource == "*" ? "" : " on resource: \(resource)"
        if evaluations.contains(where: { !$0.denies.isEmpty }) {
            throw AWSServiceError("AccessDeniedException",
                "User: \(caller.arn) is not authorized to perform: \(action)\(on) with an explicit deny in an identity-based policy",
                httpStatus: 400)
        }
        if !evaluations.contains(where: { !$0.allows.isEmpty }) {
            throw AWSServiceError("AccessDeniedException",
                "User: \(caller.arn) is not authorized to perform: \(action)\(on) because no identity-based policy allows the \(action) action",
                httpStatus: 400)
        }
    }
}
