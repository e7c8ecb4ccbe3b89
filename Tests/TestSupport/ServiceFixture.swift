@preconcurrency import Crypto
import CloudSim
import Foundation
import KMSEngine
import Storage
import Wire

/// The simulated services over a real engine on a private in-memory database: key policies and
/// IAM policies evaluated for real (PolicyAuthorizer over the seeded IAM principals), a clock the
/// test moves, and the audit log to inspect.
public final class ServiceFixture: @unchecked Sendable {
    public let database: AppDatabase
    public let clock: ManualClock
    public let engine: KMSEngine
    public let iam: SQLiteIAMStore
    public let store: SQLiteServiceStore
    public let s3: S3Service
    public let ec2: EC2Service
    public let rds: RDSService
    public let dynamodb: DynamoDBService

    /// - Parameter path: a database file (a home's), or nil for a private in-memory database.
    public init(path: String? = nil, s3Configuration: S3Service.Configuration = S3Service.Configuration()) throws {
        let migrations = Migrations.all.contains { $0.name == Migrations.services.name }
            ? Migrations.all : Migrations.all + [Migrations.services]
        database = try AppDatabase(path: path ?? ":memory:", migrations: migrations)
        clock = ManualClock(EngineFixture.start)
        iam = SQLiteIAMStore(database: database)
        let authorizer = PolicyAuthorizer(directory: IAMDirectory(store: iam))
        engine = KMSEngine(store: SQLiteKMSStore(database: database), clock: clock, hsm: HSM(rootKey: SymmetricKey(size: .bits256)),
                           authorizer: authorizer, policyValidator: authorizer)
        store = SQLiteServiceStore(database: database)
        s3 = S3Service(engine: engine, store: store, configuration: s3Configuration)
        ec2 = EC2Service(engine: engine, store: store)
        rds = RDSService(engine: engine, store: store)
        dynamodb = DynamoDBService(engine: engine, store: store)
    }

    /// Every audit record, oldest first, as CloudTrail JSON.
    public func auditRecords() throws -> [JSONValue] {
        try database.auditRecordsForTesting().map { try JSONParser.parse($0) }
    }

    /// The audit records written since `count` records existed (what one step left).
    public func auditRecords(since count: Int) throws -> [JSONValue] {
        Array(try auditRecords().dropFirst(count))
    }

    /// A customer managed key created by the admin (default key policy), its ARN.
    public func createKey(description: String = "test key", as context: RequestContext = Callers.admin,
                          region: String = "us-east-1") throws -> String {
        var ctx = context
        ctx.region = region
        return try engine.createKey(CreateKeyRequest(Description: description), ctx).KeyMetadata.Arn
    }

    public func disableKey(_ keyId: String) throws {
        try engine.disableKey(DisableKeyRequest(KeyId: keyId), Callers.admin)
    }

    public func enableKey(_ keyId: String) throws {
        try engine.enableKey(EnableKeyRequest(KeyId: keyId), Callers.admin)
    }

    /// Moves the clock and lets whatever fell due happen (rotations, deletions).
    public func advance(seconds: TimeInterval) throws {
        clock.advance(by: seconds)
        try engine.settleDueEvents(until: clock.now())
    }
}

extension Callers {
    /// A context in another Region for the same principal.
    public static func inRegion(_ context: RequestContext, _ region: String) -> RequestContext {
        var c = context
        c.region = region
        return c
    }
}
