import KMSEngine

/// Named profiles, as `--profile` and `profile NAME` select who is calling.
///
/// `default` is the administrator; every IAM user is a profile of its own name; a role's name is a
/// profile that acts as a session of that role; `root` is the main account's root user and
/// `partner` the second account's.
public struct Profiles: Sendable {
    let store: IAMStore
    public static let sessionName = "kmsdrill"

    public init(store: IAMStore) { self.store = store }

    public struct UnknownProfile: Error, CustomStringConvertible {
        public let name: String
        public let known: [String]
        public var description: String { "The config profile (\(name)) could not be found" }
    }

    /// Every profile name, in the order `profile` lists them.
    public func names() throws -> [String] {
        var out = ["default", "root", "partner"]
        for p in try store.principals(nil, account: nil) where !out.contains(p.name) { out.append(p.name) }
        return out
    }

    /// The principal a profile acts as.
    public func caller(for profile: String) throws -> Caller {
        switch profile {
        case "default": return try caller(for: "admin")
        case "root": return .root(account: Accounts.main)
        case "partner": return .root(account: Accounts.partner)
        default: break
        }
        let all = try store.principals(nil, account: nil)
        if let user = all.first(where: { $0.kind == .user && $0.name == profile }) {
            return Caller(kind: .iamUser, accountId: user.accountId, arn: user.arn, principalId: user.id, userName: user.name,
                          accessKeyId: IAMIdentifiers.accessKeyId(user.arn, session: false))
        }
        if let role = all.first(where: { $0.kind == .role && $0.name == profile }) {
            let session = "arn:aws:sts::\(role.accountId):assumed-role/\(role.name)/\(Self.sessionName)"
            return Caller(kind: .assumedRole, accountId: role.accountId, arn: session, principalId: "\(role.id):\(Self.sessionName)",
                          roleArn: role.arn, sessionName: Self.sessionName,
                          accessKeyId: IAMIdentifiers.accessKeyId(session, session: true))
        }
        throw UnknownProfile(name: profile, known: try names())
    }
}
