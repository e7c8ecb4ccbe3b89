import CloudSim
import Foundation
import Wire

/// The simulated services' resources on the home database (`service_records`).
///
/// Every method joins the write transaction in progress on this connection, so a service
/// operation, the KMS calls it makes and their audit records commit or roll back together.
public final class SQLiteServiceStore: ServiceStore, @unchecked Sendable {
    let db: AppDatabase

    /// The store on `database` (which must include the services migration).
    public init(database: AppDatabase) { db = database }

    private static let columns = "service, kind, account_id, region, name, document, payload"

    private static func read(_ s: Statement) throws -> ServiceRecord {
        let key = ServiceRecordKey(service: s.text(0), kind: s.text(1), account: s.text(2), region: s.text(3), name: s.text(4))
        let document: JSONValue
        do {
            document = try JSONParser.parse(s.text(5))
        } catch {
            throw StorageError(code: 11, message: "the stored \(key.kind) '\(key.name)' of \(key.service) is not valid JSON: \(error)", sql: nil)
        }
        return ServiceRecord(key: key, document: document, payload: s.isNull(6) ? nil : s.blob(6))
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.write { _ in try body() }
    }

    public func record(_ key: ServiceRecordKey) throws -> ServiceRecord? {
        try db.read {
            try $0.prepare("""
                SELECT \(Self.columns) FROM service_records
                WHERE service = ? AND kind = ? AND account_id = ? AND region = ? AND name = ?
                """).bind(.text(key.service), .text(key.kind), .text(key.account), .text(key.region), .text(key.name))
                .first(Self.read)
        }
    }

    public func records(service: String, kind: String, account: String, region: String?, prefix: String, after: String?,
                        limit: Int?) throws -> [ServiceRecord] {
        try db.read {
            // substr/length count characters, so the prefix test is exact for any name; names
            // compare with SQLite's BINARY collation, which is UTF-8 byte order (S3's key order).
            try $0.prepare("""
                SELECT \(Self.columns) FROM service_records
                WHERE service = ?1 AND kind = ?2 AND account_id = ?3 AND (?4 IS NULL OR region = ?4)
                  AND substr(name, 1, length(?5)) = ?5 AND (?6 IS NULL OR name > ?6)
                ORDER BY name, region LIMIT ?7
                """).bind(.text(service), .text(kind), .text(account), .optional(region), .text(prefix), .optional(after),
                          .int(limit ?? -1))
                .rows(Self.read)
        }
    }

    public func records(service: String, kind: String, named name: String) throws -> [ServiceRecord] {
        try db.read {
            try $0.prepare("SELECT \(Self.columns) FROM service_records WHERE service = ? AND kind = ? AND name = ?")
                .bind(.text(service), .text(kind), .text(name)).rows(Self.read)
        }
    }

    public func put(_ record: ServiceRecord) throws {
        let k = record.key
        try db.write {
            try $0.prepare("""
                INSERT INTO service_records (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (service, kind, account_id, region, name)
                DO UPDATE SET document = excluded.document, payload = excluded.payload
                """).bind(.text(k.service), .text(k.kind), .text(k.account), .text(k.region), .text(k.name),
                          .text(JSONWriter.compact(record.document)), record.payload.map(SQLValue.blob) ?? .null).run()
        }
    }

    public func delete(_ key: ServiceRecordKey) throws {
        try db.write {
            try $0.prepare("DELETE FROM service_records WHERE service = ? AND kind = ? AND account_id = ? AND region = ? AND name = ?")
                .bind(.text(key.service), .text(key.kind), .text(key.account), .text(key.region), .text(key.name)).run()
        }
    }

    public func deleteAll(service: String, kind: String, account: String, region: String, prefix: String) throws {
        try db.write {
            try $0.prepare("""
                DELETE FROM service_records
                WHERE service = ?1 AND kind = ?2 AND account_id = ?3 AND region = ?4 AND substr(name, 1, length(?5)) = ?5
                """).bind(.text(service), .text(kind), .text(account), .text(region), .text(prefix)).run()
        }
    }
}
