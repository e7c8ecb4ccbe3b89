import Foundation
import KMSEngine

/// Where CloudTrail's state lives: the event history (the audit log every call writes), trails,
/// the trail buckets' contents, and the digest signing keys. Implemented by Storage on SQLite.
public protocol CloudTrailStore: Sendable {
    /// Runs `body` against a consistent snapshot; writes are not allowed.
    func read<T>(_ body: (CloudTrailTransaction) throws -> T) throws -> T
    /// Runs `body` in one atomic write transaction.
    func write<T>(_ body: (CloudTrailTransaction) throws -> T) throws -> T
    /// One page of event history, newest first (see `EventHistoryQuery`).
    func lookup(_ query: EventHistoryQuery) throws -> [StoredEvent]
    /// Records a call to CloudTrail itself that changed nothing (a read or a refused request).
    func appendAudit(_ event: AuditEvent) throws
}

/// What CloudTrail reads and writes within one transaction.
public protocol CloudTrailTransaction: AnyObject {
    // Trails
    func trail(arn: String) throws -> TrailRecord?
    /// Trails whose home is `account`, in creation order.
    func trails(account: String) throws -> [TrailRecord]
    /// Every trail that is logging, in creation order (what delivery walks).
    func loggingTrails() throws -> [TrailRecord]
    func insertTrail(_ trail: TrailRecord) throws
    func updateTrail(_ trail: TrailRecord) throws
    func deleteTrail(arn: String) throws

    // Digest chains, one per trail and Region
    func chains(trailArn: String) throws -> [DigestChainState]
    func putChain(_ chain: DigestChainState) throws
    func deleteChains(trailArn: String) throws

    // Event history, as delivery and validation read it
    /// Events of `account` after `seq` in commit order (all Regions when `region` is nil).
    func events(account: String, region: String?, afterSeq: Int64, limit: Int) throws -> [StoredEvent]
    /// The newest event's sequence number (0 when there is none).
    func lastEventSeq() throws -> Int64
    /// Events with these IDs (any account), for cross-checking delivered copies.
    func events(ids: [String]) throws -> [StoredEvent]
    /// History rows in `seqRange` with their chain values, in sequence order.
    func historyRows(seqRange: ClosedRange<Int64>) throws -> [HistoryRow]
    /// The row just before `seq` (its chain value starts the check of a range).
    func historyRow(before seq: Int64) throws -> HistoryRow?
    /// Records a call in the same transaction as its change.
    func appendAudit(_ event: AuditEvent) throws

    // What CloudTrail itself delivered (its own record, apart from the bucket)
    func insertDelivery(_ delivery: DeliveryRecord) throws
    /// Deliveries of one kind for a trail and Region with `deliveredAt` in `from..<to`, oldest first.
    func deliveries(trailArn: String, region: String, kind: DeliveryRecord.Kind, from: Date, to: Date) throws -> [DeliveryRecord]
    /// The newest delivery of one kind for a trail and Region.
    func latestDelivery(trailArn: String, region: String, kind: DeliveryRecord.Kind) throws -> DeliveryRecord?

    // The trail buckets' contents
    func putObject(_ object: BucketObject) throws
    func object(bucket: String, key: String) throws -> BucketObject?
    /// Keys under `prefix` in key order.
    func objectKeys(bucket: String, prefix: String) throws -> [String]

    // Digest signing keys
    func signingKeys(region: String) throws -> [SigningKeyRecord]
    func insertSigningKey(_ key: SigningKeyRecord) throws
}

/// One event as the event history holds it: the columns lookups filter on and the record itself.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var eventID: String
    public var eventTime: Date
    public var eventName: String
    public var eventSource: String
    public var recipientAccountId: String
    public var region: String
    public var username: String?
    public var accessKeyId: String?
    public var readOnly: Bool
    /// Resource ARNs.
    public var resources: [String]
    /// The CloudTrail record, compact JSON, exactly as stored.
    public var record: String

    public init(seq: Int64, eventID: String, eventTime: Date, eventName: String, eventSource: String, recipientAccountId: String,
                region: String, username: String?, accessKeyId: String?, readOnly: Bool, resources: [String], record: String) {
        self.seq = seq
        self.eventID = eventID
        self.eventTime = eventTime
        self.eventName = eventName
        self.eventSource = eventSource
        self.recipientAccountId = recipientAccountId
        self.region = region
        self.username = username
        self.accessKeyId = accessKeyId
        self.readOnly = readOnly
        self.resources = resources
        self.record = record
    }
}

/// A history row with the value that chains it to the row before.
public struct HistoryRow: Sendable {
    public var event: StoredEvent
    /// SHA-256(previous chain || SHA-256(record)); nil on rows written before chaining existed.
    public var chain: Data?

    public init(event: StoredEvent, chain: Data?) {
        self.event = event
        self.chain = chain
    }
}

/// One lookup of event history: one account and Region, a time range, at most one attribute.
public struct EventHistoryQuery: Sendable, Equatable {
    public var account: String
    public var region: String
    public var start: Date
    public var end: Date
    public var attribute: LookupAttribute?
    public var limit: Int
    /// Continue after this (eventTime, seq) position, newest first.
    public var after: (time: Date, seq: Int64)?

    public init(account: String, region: String, start: Date, end: Date, attribute: LookupAttribute?, limit: Int,
                after: (time: Date, seq: Int64)? = nil) {
        self.account = account
        self.region = region
        self.start = start
        self.end = end
        self.attribute = attribute
        self.limit = limit
        self.after = after
    }

    public static func == (a: EventHistoryQuery, b: EventHistoryQuery) -> Bool {
        a.account == b.account && a.region == b.region && a.start == b.start && a.end == b.end && a.attribute == b.attribute
            && a.limit == b.limit && a.after?.time == b.after?.time && a.after?.seq == b.after?.seq
    }
}

/// A `LookupAttributes` entry: the attribute keys CloudTrail offers, verbatim.
public struct LookupAttribute: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case eventId = "EventId"
        case eventName = "EventName"
        case readOnly = "ReadOnly"
        case username = "Username"
        case resourceType = "ResourceType"
        case resourceName = "ResourceName"
        case eventSource = "EventSource"
        case accessKeyId = "AccessKeyId"
    }

    public var key: Key
    public var value: String

    public init(key: Key, value: String) {
        self.key = key
        self.value = value
    }
}

/// A file CloudTrail delivered, as CloudTrail itself remembers it (the bucket holds the bytes).
public struct DeliveryRecord: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case log, digest
    }

    public var trailArn: String
    public var region: String
    public var kind: Kind
    public var deliveredAt: Date
    public var bucket: String
    public var key: String
    /// Hex SHA-256 of the bytes delivered.
    public var hash: String
    public var oldestEventTime: Date?
    public var newestEventTime: Date?
    public var recordCount: Int

    public init(trailArn: String, region: String, kind: Kind, deliveredAt: Date, bucket: String, key: String, hash: String,
                oldestEventTime: Date?, newestEventTime: Date?, recordCount: Int) {
        self.trailArn = trailArn
        self.region = region
        self.kind = kind
        self.deliveredAt = deliveredAt
        self.bucket = bucket
        self.key = key
        self.hash = hash
        self.oldestEventTime = oldestEventTime
        self.newestEventTime = newestEventTime
        self.recordCount = recordCount
    }
}

/// An object in a trail's bucket: the exact bytes delivered, and S3 user metadata (a digest's
/// `signature` and `signature-algorithm` live there, as in S3).
public struct BucketObject: Sendable, Equatable {
    public var bucket: String
    public var key: String
    public var body: Data
    public var metadata: [String: String]
    public var lastModified: Date

    public init(bucket: String, key: String, body: Data, metadata: [String: String] = [:], lastModified: Date) {
        self.bucket = bucket
        self.key = key
        self.body = body
        self.metadata = metadata
        self.lastModified = lastModified
    }
}

/// One Region's digest signing key: the public half in the clear, the private half sealed.
public struct SigningKeyRecord: Sendable, Equatable {
    public var fingerprint: String
    public var region: String
    /// PKCS#1 DER (what `ListPublicKeys` returns as `Value`).
    public var publicKey: Data
    /// The PKCS#1 DER private key sealed under the HSM root key; useless without it.
    public var wrappedPrivateKey: Data
    public var validFrom: Date
    public var validUntil: Date

    public init(fingerprint: String, region: String, publicKey: Data, wrappedPrivateKey: Data, validFrom: Date, validUntil: Date) {
        self.fingerprint = fingerprint
        self.region = region
        self.publicKey = publicKey
        self.wrappedPrivateKey = wrappedPrivateKey
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}
