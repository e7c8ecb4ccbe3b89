import KMSEngine

/// Authorization of IAM's own API: only the caller's identity policies can allow `iam:` actions
/// (the account's root user always may).
enum IAMAccess {
    static func authorize(_ r: IAMRequest, action: String, resource: String, store: IAMStore) throws {
        let caller = r.context.caller
        guard let denial = try IdentityPolicyAccess.denial(caller, action: action, resource: resource,
                                                           identities: IAMDirectory(store: store)) else { return }
        // IAM names the resource as "user bob" in its messages.
        let what = resource.split(separator: ":").last.map { $0.replacingOccurrences(of: "/", with: " ") } ?? resource
        throw AWSServiceError("AccessDenied", IdentityPolicyAccess.message(denial, caller: caller, action: action, resourceText: what),
                              httpStatus: 403)
    }
}
