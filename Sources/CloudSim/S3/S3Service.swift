import Foundation
import KMSEngine
import Wire

/// Amazon S3 (`s3`, the AWS CLI's `s3api`), for what the encryption drills need: buckets with
/// default encryption, and objects written and read with SSE-S3, SSE-KMS (with or without an S3
/// Bucket Key), DSSE-KMS and SSE-C.
///
/// Bodies are really sealed (AES-256-GCM) under per-object data keys. SSE-S3 keys are wrapped
/// under S3's AWS owned key and leave no KMS events in the account; SSE-KMS keys come from the
/// engine, requested as the caller through S3 (`kms:ViaService` = `s3.REGION.amazonaws.com`),
/// with `aws:s3:arn` as encryption context. Wire form: `Body` is base64 text in and out.
public struct S3Service: SimulatedService, WireHandlerTable {
    /// What differs between real S3 and a drill: how long S3 keeps using a bucket key before it
    /// asks KMS again (AWS documents the period only as "time-limited").
    public struct Configuration: Sendable {
        public var bucketKeyLifetime: TimeInterval

        /// A bucket key is used for `bucketKeyLifetime` seconds (default 5 minutes).
        public init(bucketKeyLifetime: TimeInterval = 300) {
            self.bucketKeyLifetime = bucketKeyLifetime
        }
    }

    public let serviceName = "s3"
    let engine: KMSEngine
    let store: ServiceStore
    let kms: ServiceKMSClient
    let owned: AWSOwnedKeyring
    let bucketKeys: DataKeyCache

    /// S3 over the engine (for SSE-KMS) and the service store.
    public init(engine: KMSEngine, store: ServiceStore, configuration: Configuration = Configuration()) {
        self.engine = engine
        self.store = store
        kms = ServiceKMSClient(engine: engine, service: .s3)
        owned = AWSOwnedKeyring(engine: engine, store: store, service: "s3")
        bucketKeys = DataKeyCache(store: store, owned: owned, clock: engine.clock, lifetime: configuration.bucketKeyLifetime)
    }

    typealias Handler = @Sendable (S3Service, WireInput, RequestContext) throws -> JSONValue

    static let handlers: [String: Handler] = [
        "CreateBucket": { try $0.createBucket($1, $2) },
        "DeleteBucket": { try $0.deleteBucket($1, $2) },
        "ListBuckets": { try $0.listBuckets($1, $2) },
        "PutBucketEncryption": { try $0.putBucketEncryption($1, $2) },
        "GetBucketEncryption": { try $0.getBucketEncryption($1, $2) },
        "DeleteBucketEncryption": { try $0.deleteBucketEncryption($1, $2) },
        "PutObject": { try $0.putObject($1, $2) },
        "GetObject": { try $0.getObject($1, $2) },
        "HeadObject": { try $0.headObject($1, $2) },
        "ListObjectsV2": { try $0.listObjectsV2($1, $2) },
        "DeleteObject": { try $0.deleteObject($1, $2) },
        "CopyObject": { try $0.copyObject($1, $2) },
    ]

    public var operationNames: [String] { handlerNames }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        do {
            return try dispatch(operation, input, context, invalidCode: "InvalidArgument", errorService: "S3")
        } catch {
            // HeadObject's errors arrive without a body, as the bare HTTP status.
            throw operation == "HeadObject" ? S3Error.headForm(error) : error
        }
    }

    // MARK: Shared lookups

    func bucketRecordKey(_ bucket: S3Bucket) -> ServiceRecordKey {
        ServiceRecordKey(service: serviceName, kind: S3Kind.bucket, account: bucket.account, region: bucket.region, name: bucket.name)
    }

    /// The bucket named in the request; S3 answers 403 for a bucket another account owns.
    func requireBucket(_ input: WireInput, _ context: RequestContext, operation: String) throws -> S3Bucket {
        guard let name = try input.string("Bucket"), !name.isEmpty else { throw S3Error.missing("Bucket", operation: operation) }
        guard let record = try store.records(service: serviceName, kind: S3Kind.bucket, named: name).first else {
            throw S3Error.noSuchBucket(name)
        }
        let bucket = try record.decode(S3Bucket.self)
        guard bucket.account == context.caller.accountId else { throw S3Error.accessDenied() }
        return bucket
    }

    func objectRecordKey(_ bucket: S3Bucket, _ key: String) -> ServiceRecordKey {
        ServiceRecordKey(service: serviceName, kind: S3Kind.object, account: bucket.account, region: bucket.region,
                         name: S3Kind.objectName(bucket: bucket.name, key: key))
    }

    func requireKey(_ input: WireInput, operation: String) throws -> String {
        guard let key = try input.string("Key"), !key.isEmpty else { throw S3Error.missing("Key", operation: operation) }
        return key
    }

    func objectRecord(_ bucket: S3Bucket, _ key: String) throws -> (S3Object, Data)? {
        guard let record = try store.record(objectRecordKey(bucket, key)) else { return nil }
        return (try record.decode(S3Object.self), record.payload ?? Data())
    }
}
