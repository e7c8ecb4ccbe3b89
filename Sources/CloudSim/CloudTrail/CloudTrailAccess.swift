import KMSEngine

/// Authorization of CloudTrail's API: only the caller's identity policies can allow `cloudtrail:`
/// actions (CloudTrail has no resource policies on trails); the account's root user always may.
enum CloudTrailAccess {
    static func authorize(_ caller: Caller, action: String, resource: String, identities: IdentityDirectory) throws {
        guard let denial = try IdentityPolicyAccess.denial(caller, action: action, resource: resource, identities: identities) else { return }
        throw AWSServiceError("AccessDeniedException",
            IdentityPolicyAccess.message(denial, caller: caller, action: action, resourceText: resource == "*" ? nil : resource),
            httpStatus: 400)
    }
}
