import CloudSim
import Foundation
import KMSEngine
import Wire

/// `CloudTrailTransaction` over one connection (inside `AppDatabase.read` or `.write`).
final class SQLiteCloudTrailTransaction: CloudTrailTransaction {
    let conn: SQLiteConnection

    init(conn: SQLiteConnection) { self.conn = conn }

    // MARK: Trails

    private static let trailColumns = """
        trail_arn, account_id, home_region, name, s3_bucket_name, s3_key_prefix, sns_topic_name,
        include_global_service_events, is_multi_region_trail, log_file_validation_enabled, kms_key_id, created_at,
        is_logging, start_logging_time, stop_logging_time, latest_delivery_time, latest_digest_delivery_time,
        delivered_through_seq
        """

    private static func readTrail(_ s: Statement) -> TrailRecord {
        TrailRecord(
            arn: s.text(0), accountId: s.text(1), homeRegion: s.text(2), name: s.text(3), s3BucketName: s.text(4),
            s3KeyPrefix: s.textOrNil(5), snsTopicName: s.textOrNil(6), includeGlobalServiceEvents: s.int(7) != 0,
            isMultiRegionTrail: s.int(8) != 0, logFileValidationEnabled: s.int(9) != 0, kmsKeyId: s.textOrNil(10),
            createdAt: s.date(11), isLogging: s.int(12) != 0, startLoggingTime: s.dateOrNil(13),
            stopLoggingTime: s.dateOrNil(14), latestDeliveryTime: s.dateOrNil(15), latestDigestDeliveryTime: s.dateOrNil(16),
            deliveredThroughSeq: Int64(s.int(17)))
    }

    private static func trailValues(_ t: TrailRecord) -> [SQLValue] {
        [.text(t.arn), .text(t.accountId), .text(t.homeRegion), .text(t.name), .text(t.s3BucketName), .optional(t.s3KeyPrefix),
         .optional(t.snsTopicName), .bool(t.includeGlobalServiceEvents), .bool(t.isMultiRegionTrail),
         .bool(t.logFileValidationEnabled), .optional(t.kmsKeyId), .date(t.createdAt), .bool(t.isLogging),
         .optional(t.startLoggingTime), .optional(t.stopLoggingTime), .optional(t.latestDeliveryTime),
         .optional(t.latestDigestDeliveryTime), .int(Int(t.deliveredThroughSeq))]
    }

    func trail(arn: String) throws -> TrailRecord? {
        try conn.prepare("SELECT \(Self.trailColumns) FROM cloudtrail_trails WHERE trail_arn = ?").bind(.text(arn)).first(Self.readTrail)
    }

    func trails(account: String) throws -> [TrailRecord] {
        try conn.prepare("SELECT \(Self.trailColumns) FROM cloudtrail_trails WHERE account_id = ? ORDER BY rowid")
            .bind(.text(account)).rows(Self.readTrail)
    }

    func loggingTrails() throws -> [TrailRecord] {
        try conn.prepare("SELECT \(Self.trailColumns) FROM cloudtrail_trails WHERE is_logging = 1 ORDER BY rowid").rows(Self.readTrail)
    }

    func insertTrail(_ t: TrailRecord) throws {
        try conn.prepare("INSERT INTO cloudtrail_trails (\(Self.trailColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(Self.trailValues(t)).run()
    }

    func updateTrail(_ t: TrailRecord) throws {
        let v = Self.trailValues(t)
        try conn.prepare("""
            UPDATE cloudtrail_trails SET account_id = ?, home_region = ?, name = ?, s3_bucket_name = ?, s3_key_prefix = ?,
                sns_topic_name = ?, include_global_service_events = ?, is_multi_region_trail = ?,
                log_file_validation_enabled = ?, kms_key_id = ?, created_at = ?, is_logging = ?, start_logging_time = ?,
                stop_logging_time = ?, latest_delivery_time = ?, latest_digest_delivery_time = ?, delivered_through_seq = ?
            WHERE trail_arn = ?
            """).bind(Array(v.dropFirst()) + [v[0]]).run()
    }

    func deleteTrail(arn: String) throws {
        try conn.prepare("DELETE FROM cloudtrail_trails WHERE trail_arn = ?").bind(.text(arn)).run()
    }

    // MARK: Digest chains

    func chains(trailArn: String) throws -> [DigestChainState] {
        try conn.prepare("""
            SELECT trail_arn, region, next_start, previous_bucket, previous_key, previous_hash, previous_signature
            FROM cloudtrail_digest_chains WHERE trail_arn = ? ORDER BY region
            """).bind(.text(trailArn)).rows { s in
            var previous: DigestChainState.PreviousDigest?
            if let bucket = s.textOrNil(3), let key = s.textOrNil(4), let hash = s.textOrNil(5), let signature = s.textOrNil(6) {
                previous = .init(bucket: bucket, key: key, hash: hash, signature: signature)
            }
            return DigestChainState(trailArn: s.text(0), region: s.text(1), nextStart: s.date(2), previous: previous)
        }
    }

    func putChain(_ c: DigestChainState) throws {
        try conn.prepare("""
            INSERT INTO cloudtrail_digest_chains (trail_arn, region, next_start, previous_bucket, previous_key, previous_hash,
                                                  previous_signature)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (trail_arn, region) DO UPDATE SET next_start = excluded.next_start,
                previous_bucket = excluded.previous_bucket, previous_key = excluded.previous_key,
                previous_hash = excluded.previous_hash, previous_signature = excluded.previous_signature
            """).bind(.text(c.trailArn), .text(c.region), .date(c.nextStart), .optional(c.previous?.bucket),
                      .optional(c.previous?.key), .optional(c.previous?.hash), .optional(c.previous?.signature)).run()
    }

    func deleteChains(trailArn: String) throws {
        try conn.prepare("DELETE FROM cloudtrail_digest_chains WHERE trail_arn = ?").bind(.text(trailArn)).run()
    }

    // MARK: Event history

    func events(account: String, region: String?, afterSeq: Int64, limit: Int) throws -> [StoredEvent] {
        try conn.prepare("""
            SELECT \(EventRows.columns) FROM audit_events
            WHERE seq > ? AND recipient_account_id = ? AND (?3 IS NULL OR region = ?3) ORDER BY seq LIMIT ?
            """).bind(.int(Int(afterSeq)), .text(account), .optional(region), .int(limit)).rows(EventRows.read)
    }

    func lastEventSeq() throws -> Int64 {
        try conn.prepare("SELECT COALESCE(MAX(seq), 0) FROM audit_events").first { Int64($0.int(0)) } ?? 0
    }

    func events(ids: [String]) throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        let statement = try conn.prepare("SELECT \(EventRows.columns) FROM audit_events WHERE event_id = ?")
        for id in ids {
            out.append(contentsOf: try statement.bind(.text(id)).rows(EventRows.read))
            statement.reset()
        }
        return out
    }

    func historyRows(seqRange: ClosedRange<Int64>) throws -> [HistoryRow] {
        try conn.prepare("SELECT \(EventRows.columns), chain FROM audit_events WHERE seq BETWEEN ? AND ? ORDER BY seq")
            .bind(.int(Int(seqRange.lowerBound)), .int(Int(seqRange.upperBound)))
            .rows { HistoryRow(event: EventRows.read($0), chain: $0.isNull(12) ? nil : $0.blob(12)) }
    }

    func historyRow(before seq: Int64) throws -> HistoryRow? {
        try conn.prepare("SELECT \(EventRows.columns), chain FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1")
            .bind(.int(Int(seq))).first { HistoryRow(event: EventRows.read($0), chain: $0.isNull(12) ? nil : $0.blob(12)) }
    }

    func appendAudit(_ event: AuditEvent) throws {
        try AuditRows.insert(event, conn: conn)
    }

    // MARK: Deliveries

    private static let deliveryColumns = """
        trail_arn, region, kind, delivered_at, bucket, key, hash, oldest_event_time, newest_event_time, record_count
        """

    private static func readDelivery(_ s: Statement) -> DeliveryRecord {
        DeliveryRecord(trailArn: s.text(0), region: s.text(1), kind: DeliveryRecord.Kind(rawValue: s.text(2)) ?? .log,
                       deliveredAt: s.date(3), bucket: s.text(4), key: s.text(5), hash: s.text(6),
                       oldestEventTime: s.dateOrNil(7), newestEventTime: s.dateOrNil(8), recordCount: s.int(9))
    }

    func insertDelivery(_ d: DeliveryRecord) throws {
        try conn.prepare("INSERT INTO cloudtrail_deliveries (\(Self.deliveryColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(.text(d.trailArn), .text(d.region), .text(d.kind.rawValue), .date(d.deliveredAt), .text(d.bucket),
                  .text(d.key), .text(d.hash), .optional(d.oldestEventTime), .optional(d.newestEventTime), .int(d.recordCount))
            .run()
    }

    func deliveries(trailArn: String, region: String, kind: DeliveryRecord.Kind, from: Date, to: Date) throws -> [DeliveryRecord] {
        try conn.prepare("""
            SELECT \(Self.deliveryColumns) FROM cloudtrail_deliveries
            WHERE trail_arn = ? AND region = ? AND kind = ? AND delivered_at >= ? AND delivered_at < ?
            ORDER BY delivered_at, key
            """).bind(.text(trailArn), .text(region), .text(kind.rawValue), .date(from), .date(to)).rows(Self.readDelivery)
    }

    func latestDelivery(trailArn: String, region: String, kind: DeliveryRecord.Kind) throws -> DeliveryRecord? {
        try conn.prepare("""
            SELECT \(Self.deliveryColumns) FROM cloudtrail_deliveries
            WHERE trail_arn = ? AND region = ? AND kind = ? ORDER BY delivered_at DESC, key DESC LIMIT 1
            """).bind(.text(trailArn), .text(region), .text(kind.rawValue)).first(Self.readDelivery)
    }

    // MARK: Bucket objects

    func putObject(_ o: BucketObject) throws {
        let metadata = JSONWriter.compact(.object(JSONObject(o.metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        try conn.prepare("""
            INSERT INTO cloudtrail_bucket_objects (bucket, key, body, metadata, last_modified) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (bucket, key) DO UPDATE SET body = excluded.body, metadata = excluded.metadata,
                last_modified = excluded.last_modified
            """).bind(.text(o.bucket), .text(o.key), .blob(o.body), .text(metadata), .date(o.lastModified)).run()
    }

    func object(bucket: String, key: String) throws -> BucketObject? {
        try conn.prepare("SELECT bucket, key, body, metadata, last_modified FROM cloudtrail_bucket_objects WHERE bucket = ? AND key = ?")
            .bind(.text(bucket), .text(key)).first { s in
                var metadata: [String: String] = [:]
                if let parsed = try? JSONParser.parse(s.text(3)), let o = parsed.objectValue {
                    for (k, v) in o { if let text = v.stringValue { metadata[k] = text } }
                }
                return BucketObject(bucket: s.text(0), key: s.text(1), body: s.blob(2), metadata: metadata, lastModified: s.date(4))
            }
    }

    func objectKeys(bucket: String, prefix: String) throws -> [String] {
        // A range on the primary key rather than LIKE, so '%' and '_' in keys mean themselves.
        try conn.prepare("SELECT key FROM cloudtrail_bucket_objects WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key")
            .bind(.text(bucket), .text(prefix), .text(prefix + "\u{10FFFF}")).rows { $0.text(0) }
    }

    // MARK: Signing keys

    func signingKeys(region: String) throws -> [SigningKeyRecord] {
        try conn.prepare("""
            SELECT fingerprint, region, public_key, wrapped_private_key, valid_from, valid_until
            FROM cloudtrail_signing_keys WHERE region = ? ORDER BY valid_from
            """).bind(.text(region)).rows {
            SigningKeyRecord(fingerprint: $0.text(0), region: $0.text(1), publicKey: $0.blob(2), wrappedPrivateKey: $0.blob(3),
                             validFrom: $0.date(4), validUntil: $0.date(5))
        }
    }

    func insertSigningKey(_ k: SigningKeyRecord) throws {
        try conn.prepare("""
            INSERT INTO cloudtrail_signing_keys (fingerprint, region, public_key, wrapped_private_key, valid_from, valid_until)
            VALUES (?, ?, ?, ?, ?, ?)
            """).bind(.text(k.fingerprint), .text(k.region), .blob(k.publicKey), .blob(k.wrappedPrivateKey),
                      .date(k.validFrom), .date(k.validUntil)).run()
    }
}
