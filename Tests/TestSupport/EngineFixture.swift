@preconcurrency import Crypto
import Foundation
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

    public init(authorizer: Authorizer = AllowAllAuthorizer(), random: RandomSource = SystemRandom(),
                policyValidator: KeyPolicyValidator = JSONSyntaxPolicyValidator()) throws {
        database = try AppDatabase.inMemory()
        store = SQLiteKMSStore(database: database)
        clock = ManualClock(Self.start)
        rootKey = SymmetricKey(size: .bits256)
        engine = KMSEngine(store: store, clock: clock, random: random, hsm: HSM(rootKey: rootKey),
                           authorizer: authorizer, policyValidator: policyValidator)
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
