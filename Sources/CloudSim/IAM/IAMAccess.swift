import KMSEngine
import KMSPolicy
import Wire

/// Authorization of IAM's own API: only the caller's identity policies can allow `iam:` actions
/// (the account's root user always may).
enum IAMAccess {
    static func authorize(_ r: IAMRequest, action: String, resource: String, store: IAMStore) throws {
        let caller = r.context.caller
        if caller.kind == .root || caller.kind == .awsService { return }
        let policies = try IAMDirectory(store: store).identityPolicies(for: caller).compactMap { stored -> IdentityPolicy? in
            guard let doc = try? PolicyDocument.parse(stored.document, kind: .identityPolicy) else { return nil }
            return IdentityPolicy(id: stored.id, sourceType: stored.isRolePolicy ? .role : .user, document: doc)
        }
        let policyCaller: PolicyCaller = caller.kind == .assumedRole
            ? .assumedRole(roleArn: caller.roleArn ?? caller.arn, sessionName: caller.sessionName ?? "session")
            : .user(arn: caller.arn)
        let request = PolicyRequest(caller: policyCaller, action: action, resource: resource)
        let evaluations = policies.map { PolicyEvaluator.evaluate($0.document, id: $0.id, sourceType: $0.sourceType, request: request) }
        let what = resource.split(separator: ":").last.map { $0.replacingOccurrences(of: "/", with: " ") } ?? resource
        if evaluations.contains(where: { !$0.denies.isEmpty }) {
            throw AWSServiceError("AccessDenied",
                "User: \(caller.arn) is not authorized to perform: \(action) on resource: \(what) with an explicit deny in an identity-based policy",
                httpStatus: 403)
        }
        if !evaluations.contains(where: { !$0.allows.isEmpty }) {
            throw AWSServiceError("AccessDenied",
                "User: \(caller.arn) is not authorized to perform: \(action) on resource: \(what) because no identity-based policy allows the \(action) action",
                httpStatus: 403)
        }
    }
}
