@preconcurrency import Crypto
import CloudSim
import Foundation
import KMSEngine
import Storage
import Testing
import Wire

/// A home on a private in-memory database with real authorization: the KMS engine evaluating key
/// and IAM policies, the seeded IAM principals, and CloudTrail, all on one clock the test moves.
final class CloudTrailFixture: @unchecked Sendable {
    let database: AppDatabase
    let clock: ManualClock
    let engine: KMSEngine
    let kms: KMSService
    let iam: IAMService
    let cloudTrail: CloudTrailService
    let profiles: Profiles
    let rootKey = SymmetricKey(size: .bits256)

    /// 2026-01-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    init(path: String = ":memory:", start: Date = CloudTrailFixture.start) throws {
        database = try AppDatabase(path: path)
        clock = ManualClock(start)
        let iamStore = SQLiteIAMStore(database: database)
        let directory = IAMDirectory(store: iamStore)
        let authorizer = PolicyAuthorizer(directory: directory)
        let hsm = HSM(rootKey: rootKey)
        let kmsStore = SQLiteKMSStore(database: database)
        engine = KMSEngine(store: kmsStore, clock: clock, hsm: hsm, authorizer: authorizer,
                           policyValidator: authorizer)
        kms = KMSService(engine: engine)
        iam = IAMService(store: iamStore, clock: clock)
        cloudTrail = CloudTrailService(store: SQLiteCloudTrailStore(database: database, kmsStore: kmsStore), identities: directory,
                                       clock: clock, hsm: hsm)
        profiles = Profiles(store: iamStore)
    }

    /// The request context of a profile (`default`, `root`, `alice`, `auditor`, `AppRole`, `partner`...).
    func who(_ profile: String, region: String = "us-east-1", via service: String? = nil) throws -> RequestContext {
        RequestContext(caller: try profiles.caller(for: profile), region: region, viaService: service)
    }

    @discardableResult
    func kms(_ operation: String, _ input: JSONValue = [:], as profile: String = "default", region: String = "us-east-1",
             via service: String? = nil) throws -> JSONValue {
        try kms.call(operation, input: input, context: try who(profile, region: region, via: service))
    }

    @discardableResult
    func trail(_ operation: String, _ input: JSONValue = [:], as profile: String = "default",
               region: String = "us-east-1") throws -> JSONValue {
        try cloudTrail.call(operation, input: input, context: try who(profile, region: region))
    }

    /// Moves the clock, lets KMS settle what fell due, and delivers what trails have due (what the
    /// command line does after `clock advance`).
    func advance(seconds: TimeInterval) throws {
        clock.advance(by: seconds)
        try engine.settleDueEvents(until: clock.now())
        try cloudTrail.deliverDue()
    }

    func advance(minutes: Double) throws { try advance(seconds: minutes * 60) }
    func advance(hours: Double) throws { try advance(seconds: hours * 3600) }

    /// A symmetric key made by the administrator; returns its key ID.
    func makeKey(_ description: String = "test key", as profile: String = "default") throws -> String {
        let out = try kms("CreateKey", ["Description": .string(description)], as: profile)
        return try #require(out["KeyMetadata"]?["KeyId"]?.stringValue)
    }

    /// The event history, oldest first, as parsed CloudTrail records.
    func records() throws -> [JSONValue] {
        try database.auditRecordsForTesting().map { try JSONParser.parse($0) }
    }

    /// Every event LookupEvents returns for `input`, following NextToken.
    func lookupAll(_ input: JSONValue = [:], as profile: String = "default", region: String = "us-east-1") throws -> [JSONValue] {
        var all: [JSONValue] = []
        var request = input.objectValue ?? JSONObject()
        while true {
            let page = try trail("LookupEvents", .object(request), as: profile, region: region)
            all += page["Events"]?.arrayValue ?? []
            guard let token = page["NextToken"]?.stringValue else { return all }
            request["NextToken"] = .string(token)
        }
    }

    /// Creates a trail with log file validation and starts it; returns its ARN.
    func loggingTrail(_ name: String = "audit-trail", bucket: String = "audit-bucket", multiRegion: Bool = false) throws -> String {
        let out = try trail("CreateTrail", ["Name": .string(name), "S3BucketName": .string(bucket),
                                            "EnableLogFileValidation": true, "IsMultiRegionTrail": .bool(multiRegion)])
        let arn = try #require(out["TrailARN"]?.stringValue)
        try trail("StartLogging", ["Name": .string(name)])
        return arn
    }

    func validate(_ arn: String, from start: Date = CloudTrailFixture.start, as profile: String = "default",
                  region: String = "us-east-1") throws -> ValidationReport {
        try cloudTrail.validateLogs(trailArn: arn, startTime: start, context: try who(profile, region: region))
    }

    /// Runs SQL behind the program's back, as someone with the sqlite3 shell would.
    func tamper(_ sql: String) throws { try database.executeForTesting(sql) }
}

/// Expects `body` to fail with the AWS error `code`; returns the error.
@discardableResult
func expectServiceError<T>(_ code: String, messageContains part: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                           _ body: () throws -> T) -> AWSServiceError? {
    do {
        _ = try body()
        Issue.record("expected \(code), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let e as AWSServiceError {
        #expect(e.code == code, "expected \(code), got \(e)", sourceLocation: sourceLocation)
        if let part { #expect(e.message.contains(part), "message '\(e.message)' lacks '\(part)'", sourceLocation: sourceLocation) }
        return e
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
