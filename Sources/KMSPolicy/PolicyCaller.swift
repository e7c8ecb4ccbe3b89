/// Who is making a request: the identity a policy's Principal element is matched against.
public struct PolicyCaller: Sendable, Hashable {
    /// The kind of principal, which decides how policies match it and which global keys it has.
    public enum Kind: String, Sendable, Hashable {
        /// The account's root user (`arn:aws:iam::ACCOUNT:root`).
        case root
        /// An IAM user.
        case user
        /// A session of an IAM role (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`).
        case assumedRole
        /// A federated user session (`arn:aws:sts::ACCOUNT:federated-user/NAME`).
        case federatedUser
        /// An AWS service calling with its service principal (`s3.amazonaws.com`).
        case service
    }

    public let kind: Kind
    /// The caller's ARN as it appears in an AccessDenied message; for a service, its principal name.
    public let arn: String
    /// The caller's account; `nil` for a service principal.
    public let accountId: String?
    /// The IAM user name (users only): the value of `aws:username`.
    public let username: String?
    /// For a role session, the role's IAM ARN (`arn:aws:iam::ACCOUNT:role/PATH/NAME`).
    public let roleArn: String?
    /// For a service, its principal name (`s3.amazonaws.com`).
    public let serviceName: String?
    /// Tags on the user or role (`aws:PrincipalTag/KEY`).
    public let tags: [String: String]
    /// The unique ID (`aws:userid`) when the caller has one.
    public let userId: String?

    /// The root user of `accountId`.
    public static func root(account accountId: String) -> PolicyCaller {
        PolicyCaller(kind: .root, arn: "arn:aws:iam::\(accountId):root", accountId: accountId, username: nil,
               roleArn: nil, serviceName: nil, tags: [:], userId: accountId)
    }

    /// An IAM user, e.g. `arn:aws:iam::111122223333:user/alice`.
    public static func user(arn: String, tags: [String: String] = [:], userId: String? = nil) -> PolicyCaller {
        let parsed = PrincipalARN(arn)
        return PolicyCaller(kind: .user, arn: arn, accountId: parsed?.account, username: parsed?.lastName,
                      roleArn: nil, serviceName: nil, tags: tags, userId: userId)
    }

    /// A session of `roleArn` named `sessionName`: the identity a role's profile acts as.
    public static func assumedRole(roleArn: String, sessionName: String, tags: [String: String] = [:],
                                   userId: String? = nil) -> PolicyCaller {
        let parsed = PrincipalARN(roleArn)
        let account = parsed?.account ?? ""
        let partition = parsed?.partition ?? "aws"
        let roleName = parsed?.lastName ?? roleArn
        let arn = "arn:\(partition):sts::\(account):assumed-role/\(roleName)/\(sessionName)"
        return PolicyCaller(kind: .assumedRole, arn: arn, accountId: parsed?.account, username: nil,
                      roleArn: roleArn, serviceName: nil, tags: tags, userId: userId)
    }

    /// An AWS service principal such as `s3.amazonaws.com`.
    public static func service(_ name: String) -> PolicyCaller {
        PolicyCaller(kind: .service, arn: name, accountId: nil, username: nil, roleArn: nil, serviceName: name,
               tags: [:], userId: nil)
    }

    /// Reads a caller from an ARN (root, user, assumed-role or federated-user) or a service name.
    /// For an assumed-role ARN without `roleArn`, the role ARN is derived without a path.
    public static func from(arn: String, roleArn: String? = nil, tags: [String: String] = [:]) throws(PolicyError) -> PolicyCaller {
        if !arn.hasPrefix("arn:") && arn.hasSuffix(".amazonaws.com") { return .service(arn) }
        guard let p = PrincipalARN(arn) else {
            throw .invalidPrincipal("\"\(arn)\" is not the ARN of a root user, IAM user or role session.")
        }
        switch (p.service, p.resourceType) {
        case ("iam", "root"): return .root(account: p.account)
        case ("iam", "user"): return .user(arn: arn, tags: tags)
        case ("sts", "assumed-role"):
            let parts = p.resource.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { break }
            let role = roleArn ?? "arn:\(p.partition):iam::\(p.account):role/\(parts[1])"
            return PolicyCaller(kind: .assumedRole, arn: arn, accountId: p.account, username: nil, roleArn: role,
                          serviceName: nil, tags: tags, userId: nil)
        case ("sts", "federated-user"):
            return PolicyCaller(kind: .federatedUser, arn: arn, accountId: p.account, username: nil, roleArn: nil,
                          serviceName: nil, tags: tags, userId: nil)
        default: break
        }
        throw .invalidPrincipal("\"\(arn)\" is not the ARN of a root user, IAM user or role session.")
    }

    /// The value of `aws:PrincipalType`.
    public var principalType: String {
        switch kind {
        case .root: return "Account"
        case .user: return "User"
        case .assumedRole: return "AssumedRole"
        case .federatedUser: return "FederatedUser"
        case .service: return "AWSService"
        }
    }

    /// The value of `aws:PrincipalArn`: for a role session this is the role's ARN, as in AWS.
    public var principalArn: String { roleArn ?? arn }

    /// The account root ARN of the caller's account.
    var accountRootArn: String? { accountId.map { "arn:aws:iam::\($0):root" } }
}

/// The parts of an IAM or STS principal ARN: `arn:PARTITION:SERVICE::ACCOUNT:TYPE/NAME...`.
struct PrincipalARN: Sendable {
    let partition: String
    let service: String
    let account: String
    /// Everything after the fifth colon (`user/path/alice`).
    let resource: String
    /// `root`, `user`, `role`, `assumed-role`, `federated-user`, ...
    let resourceType: String
    /// The last path component (`alice`) — for assumed-role ARNs the role name is the middle one.
    let lastName: String

    init?(_ arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[3].isEmpty,
              PrincipalARN.isAccountId(parts[4]), !parts[5].isEmpty
        else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        account = String(parts[4])
        resource = String(parts[5])
        let slash = parts[5].firstIndex(of: "/")
        resourceType = String(slash.map { parts[5][..<$0] } ?? parts[5])
        lastName = String(parts[5].split(separator: "/").last ?? "")
    }

    static func isAccountId<S: StringProtocol>(_ s: S) -> Bool {
        s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
