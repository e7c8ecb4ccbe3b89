/// Who is calling: the principal a request is made as, in CloudTrail's and IAM's terms.
public struct Caller: Sendable, Equatable {
    /// CloudTrail's `userIdentity.type`.
    public enum Kind: String, Sendable {
        case root = "Root"
        case iamUser = "IAMUser"
        case assumedRole = "AssumedRole"
        case awsService = "AWSService"
    }

    public var kind: Kind
    public var accountId: String
    /// The principal's ARN: a user or root ARN, or an assumed-role session ARN.
    public var arn: String
    /// IAM's unique ID (`AIDA...` for users, `AROA...:session` for role sessions, the account for root).
    public var principalId: String
    /// The IAM user name (users only).
    public var userName: String?
    /// For a role session: the role's ARN (what `aws:PrincipalArn` and key policies name).
    public var roleArn: String?
    public var sessionName: String?
    public var accessKeyId: String?
    /// Principal tags (`aws:PrincipalTag/...`).
    public var tags: [String: String]

    public init(kind: Kind, accountId: String, arn: String, principalId: String, userName: String? = nil,
                roleArn: String? = nil, sessionName: String? = nil, accessKeyId: String? = nil, tags: [String: String] = [:]) {
        self.kind = kind
        self.accountId = accountId
        self.arn = arn
        self.principalId = principalId
        self.userName = userName
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.accessKeyId = accessKeyId
        self.tags = tags
    }

    /// The ARN policies match against: the role for a role session, otherwise the principal itself.
    public var principalArn: String { roleArn ?? arn }

    /// The account's root user.
    public static func root(account: String) -> Caller {
        Caller(kind: .root, accountId: account, arn: "arn:aws:iam::\(account):root", principalId: account)
    }

    /// KMS itself, for what it does on its own (scheduled rotation, the end of a deletion window).
    public static func kmsService(account: String) -> Caller {
        Caller(kind: .awsService, accountId: account, arn: "kms.amazonaws.com", principalId: "kms.amazonaws.com")
    }
}

/// Everything about a request other than its parameters: who, where, and through what.
public struct RequestContext: Sendable {
    public var caller: Caller
    public var region: String
    /// Set when an AWS service calls KMS on the caller's behalf (`s3.us-east-1.amazonaws.com`);
    /// it becomes `kms:ViaService` and CloudTrail's `invokedBy`.
    public var viaService: String?
    public var sourceIPAddress: String
    public var userAgent: String

    public init(caller: Caller, region: String = "us-east-1", viaService: String? = nil,
                sourceIPAddress: String = "127.0.0.1", userAgent: String = "kmsdrill") {
        self.caller = caller
        self.region = region
        self.viaService = viaService
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
    }
}
