import CloudSim
import Foundation
import KMSEngine
import Wire

/// CloudTrail's state on the home database: event history (`audit_events`), trails, the trail
/// buckets' contents and the digest signing keys.
public final class SQLiteCloudTrailStore: CloudTrailStore, @unchecked Sendable {
    let db: AppDatabase
    let audit: AuditWriter

    /// - Parameter kmsStore: the engine's store on the same database, whose audit writer (its
    ///   connection and shared commits) CloudTrail's own records then use too.
    public init(database: AppDatabase, kmsStore: SQLiteKMSStore? = nil) {
        db = database
        audit = kmsStore.map(\.audit) ?? AuditWriter(database: database)
    }

    public func read<T>(_ body: (CloudTrailTransaction) throws -> T) throws -> T {
        try db.read { try body(SQLiteCloudTrailTransaction(conn: $0)) }
    }

    public func write<T>(_ body: (CloudTrailTransaction) throws -> T) throws -> T {
        try db.write { try body(SQLiteCloudTrailTransaction(conn: $0)) }
    }

    public func lookup(_ query: EventHistoryQuery) throws -> [StoredEvent] {
        let (sql, values) = EventHistorySQL.lookup(query)
        return try db.read { try $0.prepare(sql).bind(values).rows(EventRows.read) }
    }

    public func appendAudit(_ event: AuditEvent) throws {
        try audit.append(event)
    }
}

/// Reading `audit_events` rows.
enum EventRows {
    static let columns = """
        seq, event_id, event_time, event_name, event_source, recipient_account_id, region, username, access_key_id,
        read_only, resources, record
        """

    static func read(_ s: Statement) -> StoredEvent {
        let resources = s.text(10)
        return StoredEvent(
            seq: Int64(s.int(0)), eventID: s.text(1), eventTime: s.date(2), eventName: s.text(3), eventSource: s.text(4),
            recipientAccountId: s.text(5), region: s.text(6), username: s.textOrNil(7), accessKeyId: s.textOrNil(8),
            readOnly: s.int(9) != 0, resources: resources.split(separator: " ").map(String.init), record: s.text(11))
    }
}

/// The SQL of an event history lookup: one account and Region, newest first, keyset-paginated
/// on (event_time, seq) so that a page costs the same however deep it is.
enum EventHistorySQL {
    static func lookup(_ q: EventHistoryQuery) -> (String, [SQLValue]) {
        var conditions = ["recipient_account_id = ?", "region = ?", "event_time >= ?", "event_time <= ?"]
        var values: [SQLValue] = [.text(q.account), .text(q.region), .date(q.start)]
        var end = q.end
        if let after = q.after, after.time < end { end = after.time }
        values.append(.date(end))
        if let after = q.after {
            conditions.append("(event_time < ? OR seq < ?)")
            values.append(.date(after.time))
            values.append(.int(Int(after.seq)))
        }
        if let a = q.attribute {
            switch a.key {
            case .eventName:
                conditions.append("event_name = ?")
                values.append(.text(a.value))
            case .username:
                conditions.append("username = ?")
                values.append(.text(a.value))
            case .eventId:
                conditions.append("event_id = ?")
                values.append(.text(a.value))
            case .eventSource:
                conditions.append("event_source = ?")
                values.append(.text(a.value))
            case .accessKeyId:
                conditions.append("access_key_id = ?")
                values.append(.text(a.value))
            case .readOnly:
                conditions.append("read_only = ?")
                values.append(.bool(a.value == "true"))
            case .resourceName:
                // Resources are stored as space-separated ARNs: match one whole name.
                conditions.append("instr(' ' || resources || ' ', ' ' || ? || ' ') > 0")
                values.append(.text(a.value))
            case .resourceType:
                if let fragment = arnFragment(forType: a.value) {
                    conditions.append("instr(resources, ?) > 0")
                    values.append(.text(fragment))
                } else {
                    conditions.append("0")  // a type no event here carries
                }
            }
        }
        let sql = """
            SELECT \(EventRows.columns) FROM audit_events
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY event_time DESC, seq DESC LIMIT ?
            """
        values.append(.int(q.limit))
        return (sql, values)
    }

    /// The part of an ARN that marks a resource type; nil for a type no event here carries.
    static func arnFragment(forType type: String) -> String? {
        switch type {
        case "AWS::KMS::Key": return ":key/"
        case "AWS::KMS::Alias": return ":alias/"
        case "AWS::CloudTrail::Trail": return ":trail/"
        default: return nil
        }
    }
}

extension SQLiteCloudTrailStore {
    /// Appends many events to the event history in one transaction, chained like any other
    /// records: for loading a large history (the lookup benchmark), not for calls.
    public func appendInBulk(_ events: [AuditEvent]) throws {
        let rows = events.flatMap(AuditRows.render)
        try db.write { try AuditRows.insert(rows, conn: $0) }
    }
}
