@preconcurrency import Crypto
import Foundation
import CloudSim
import KMSEngine
import Storage
import Wire

/// A KMS engine on a private in-memory database with a clock the test moves.
public final class EngineFixture: @unchecked Sendable {
    public let database: AppDatabase
    public let store: SQLiteKMSStore
    public let clock: ManualClock
    public let engine: KMSEngine
    public let rootKey: SymmetricKey

    /// 2026-01-01T00:00:00Z: a fixed start so dates in expectations are stable.
    public static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// IAM's users, roles and policies on the same database (seeded with the default principals).
    public let iam: SQLiteIAMStore

    /// - Parameter policies: evaluate key policies, IAM policies and grants (the real authorizer);
    ///   false allows everything, for tests of operations' own semantics.
    public init(policies: Bool = false, random: RandomSource = SystemRandom()) throws {
        database = try AppDatabase.inMemory()
        store = SQLiteKMSStore(database: database)
        clock = ManualClock(Self.start)
        rootKey = SymmetricKey(size: .bits256)
        iam = SQLiteIAMStore(database: database)
        let authorizer: Authorizer
        let validator: KeyPolicyValidator
        if policies {
            let real = PolicyAuthorizer(directory: IAMDirectory(store: iam))
            (authorizer, validator) = (real, real)
        } else {
            (authorizer, validator) = (AllowAllAuthorizer(), JSONSyntaxPolicyValidator())
        }
        engine = KMSEngine(store: store, clock: clock, random: random, hsm: HSM(rootKey: rootKey),
                           authorizer: authorizer, policyValidator: validator)
    }

    /// The caller a profile acts as (`default`, `alice`, `AppRole`, `root`, `carol`, ...).
    public func context(_ profile: String) throws -> RequestContext {
        RequestContext(caller: try Profiles(store: iam).caller(for: profile))
    }

    /// Moves the clock and lets whatever fell due happen.
    public func advance(days: Double) throws {
        clock.advance(by: days * 86400)
        try engine.settleDueEvents(until: clock.now())
    }

    /// Every audit record, oldest first, as CloudTrail JSON.
    public func auditRecords() throws -> [JSONValue] {
        try database.auditRecordsForTesting().map { try JSONParser.parse($0) }
    }
}

/// Request contexts for the principals of the default account.
public enum Callers {
    public static let account = "111122223333"
    public static let otherAccount = "444455556666"

    public static func user(_ name: String, account: String = account) -> RequestContext {
        RequestContext(caller: Caller(kind: .iamUser, accountId: account, arn: "arn:aws:iam::\(account):user/\(name)",
                                      principalId: "AIDA\(name.uppercased())EXAMPLE", userName: name))
    }

    public static var admin: RequestContext { user("admin") }
    public static var root: RequestContext { RequestContext(caller: .root(account: account)) }
}
