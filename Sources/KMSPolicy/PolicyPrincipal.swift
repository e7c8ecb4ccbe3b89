/// One principal named in a Principal or NotPrincipal element.
public enum PolicyPrincipal: Sendable, Hashable {
    /// `"*"` or `{"AWS": "*"}`: everyone.
    case everyone
    /// An account, written as `111122223333` or `arn:aws:iam::111122223333:root`.
    case account(String)
    /// An IAM user ARN.
    case user(arn: String)
    /// An IAM role ARN: matches every session of the role.
    case role(arn: String)
    /// One role session: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    case assumedRole(arn: String)
    /// A federated user session: `arn:aws:sts::ACCOUNT:federated-user/NAME`.
    case federatedUser(arn: String)
    /// A service principal such as `s3.amazonaws.com`.
    case service(String)
    /// A `Federated` identity provider; no caller in this engine signs in through one.
    case federated(String)

    /// Reads one value of an `AWS` principal; `nil` when it is not a valid AWS principal.
    /// Wildcards are refused except `*` alone, as in IAM.
    static func aws(_ text: String) -> PolicyPrincipal? {
        if text == "*" { return .everyone }
        if PrincipalARN.isAccountId(text) { return .account(text) }
        guard !text.contains("*"), !text.contains("?"), let arn = PrincipalARN(text) else { return nil }
        switch (arn.service, arn.resourceType) {
        case ("iam", "root") where arn.resource == "root": return .account(arn.account)
        case ("iam", "user") where arn.resource.count > 5: return .user(arn: text)
        case ("iam", "role") where arn.resource.count > 5: return .role(arn: text)
        case ("sts", "assumed-role"):
            let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 3 && parts.allSatisfy({ !$0.isEmpty }) ? .assumedRole(arn: text) : nil
        case ("sts", "federated-user") where arn.resource.count > 15: return .federatedUser(arn: text)
        default: return nil
        }
    }

    /// Reads one value of a `Service` principal (`s3.amazonaws.com`, `logs.us-east-1.amazonaws.com`).
    static func service(named text: String) -> PolicyPrincipal? {
        let ok = (text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn"))
            && text.utf8.count > 15
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        return ok ? .service(text) : nil
    }

    /// The ARN (or name) a `principalExists` check is asked about; `nil` for `*` and services.
    public var checkableIdentifier: String? {
        switch self {
        case .everyone, .service, .federated: return nil
        case .account(let id): return "arn:aws:iam::\(id):root"
        case .user(let arn), .role(let arn), .assumedRole(let arn), .federatedUser(let arn): return arn
        }
    }
}

/// How a statement's Principal element matched the caller; decides KMS's delegation rules.
public enum PrincipalMatch: String, Sendable, Hashable {
    /// The statement names the caller itself: its user ARN, its role, its session, its service.
    case caller
    /// The statement names everyone (`*`).
    case everyone
    /// The statement names the caller's account, which delegates to IAM policies in that account.
    case account
    /// A NotPrincipal element that does not exclude the caller.
    case notPrincipal
    /// An identity-based policy: the principal is whoever the policy is attached to.
    case attachedIdentity
}

/// A Principal or NotPrincipal element: the principals it names, in order, as written.
public struct PrincipalElement: Sendable {
    /// True for NotPrincipal.
    public let isNegated: Bool
    /// Each principal with its type key (`AWS`, `Service`, `Federated`, or `*`) and the text as written.
    public let entries: [(type: String, written: String, principal: PolicyPrincipal)]

    /// How the element matches `caller`, or `nil` when the statement does not apply to it.
    func match(_ caller: PolicyCaller) -> PrincipalMatch? {
        if isNegated {
            return excludes(caller) ? nil : .notPrincipal
        }
        var best: PrincipalMatch?
        for entry in entries {
            switch entry.principal {
            case .everyone:
                if best == nil || best == .account { best = .everyone }
            case .account(let id):
                if best == nil, caller.accountId == id { best = .account }
            default:
                if PrincipalElement.namesExactly(entry.principal, caller) { return .caller }
            }
        }
        return best
    }

    /// Whether `principal` names the caller itself (not merely its account).
    private static func namesExactly(_ principal: PolicyPrincipal, _ caller: PolicyCaller) -> Bool {
        switch principal {
        case .user(let arn), .assumedRole(let arn), .federatedUser(let arn): return caller.arn == arn
        case .role(let arn): return caller.roleArn == arn || caller.arn == arn
        case .service(let name): return caller.kind == .service && caller.serviceName?.lowercased() == name.lowercased()
        default: return false
        }
    }

    /// NotPrincipal leaves out a caller only when it lists every identity the request carries:
    /// the caller's own ARN *and* its account (AWS's documented rule; a session is listed by its
    /// assumed-role ARN, not by the role ARN).
    private func excludes(_ caller: PolicyCaller) -> Bool {
        var identities: [PolicyPrincipal] = []
        switch caller.kind {
        case .root: identities = [.account(caller.accountId ?? "")]
        case .user: identities = [.user(arn: caller.arn), .account(caller.accountId ?? "")]
        case .assumedRole: identities = [.assumedRole(arn: caller.arn), .account(caller.accountId ?? "")]
        case .federatedUser: identities = [.federatedUser(arn: caller.arn), .account(caller.accountId ?? "")]
        case .service: identities = [.service(caller.serviceName?.lowercased() ?? caller.arn.lowercased())]
        }
        let listed = entries.map { entry -> PolicyPrincipal in
            if case .service(let s) = entry.principal { return .service(s.lowercased()) }
            return entry.principal
        }
        if listed.contains(.everyone) { return true }
        return identities.allSatisfy { listed.contains($0) }
    }
}
