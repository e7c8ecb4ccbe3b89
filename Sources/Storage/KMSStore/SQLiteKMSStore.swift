import Foundation
import KMSEngine
import Wire

/// The engine's store on the home database.
///
/// Keys and aliases are cached in memory because every cryptographic call reads them; the cache
/// is dropped whenever another process commits (`PRAGMA data_version`) and after each of our own
/// write transactions, so two processes sharing a home always see each other's changes. Write
/// transactions read the database directly.
public final class SQLiteKMSStore: KMSStore, @unchecked Sendable {
    let db: AppDatabase
    let cache = KMSCache()
    let audit: AuditWriter
    public let recordsAudit: Bool

    /// - Parameter auditing: false only for a benchmark's "without audit" figure; every real use
    ///   records every call.
    public init(database: AppDatabase, auditing: Bool = true) {
        db = database
        recordsAudit = auditing
        audit = AuditWriter(database: database)
        let cache = self.cache
        database.onExternalChange { cache.clear() }
    }

    public func read<T>(_ body: (KMSTransaction) throws -> T) throws -> T {
        try db.read { conn in try body(SQLiteKMSTransaction(conn: conn, cache: cache, auditing: recordsAudit)) }
    }

    public func write<T>(_ body: (KMSTransaction) throws -> T) throws -> T {
        defer { cache.clear() }
        return try db.write { conn in try body(SQLiteKMSTransaction(conn: conn, cache: nil, auditing: recordsAudit)) }
    }

    public func appendAudit(_ event: AuditEvent) throws {
        guard recordsAudit else { return }
        try audit.append(event)
    }
}

/// Read-through caches of key records, aliases, grants and the next due date.
final class KMSCache: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String: KeyRecord?] = [:]
    private var aliases: [String: AliasRecord?] = [:]
    private var grants: [String: [GrantRecord]] = [:]
    private var due: Date??

    func clear() {
        lock.withLock {
            keys.removeAll(keepingCapacity: true)
            aliases.removeAll(keepingCapacity: true)
            grants.removeAll(keepingCapacity: true)
            due = nil
        }
    }

    func key(_ id: String, load: () throws -> KeyRecord?) rethrows -> KeyRecord? {
        if let hit = lock.withLock({ keys[id] }) { return hit }
        let value = try load()
        lock.withLock { keys[id] = .some(value) }
        return value
    }

    func alias(_ id: String, load: () throws -> AliasRecord?) rethrows -> AliasRecord? {
        if let hit = lock.withLock({ aliases[id] }) { return hit }
        let value = try load()
        lock.withLock { aliases[id] = .some(value) }
        return value
    }

    func grants(_ keyId: String, load: () throws -> [GrantRecord]) rethrows -> [GrantRecord] {
        if let hit = lock.withLock({ grants[keyId] }) { return hit }
        let value = try load()
        lock.withLock { grants[keyId] = value }
        return value
    }

    func dueDate(load: () throws -> Date?) rethrows -> Date? {
        if let hit = lock.withLock({ due }) { return hit }
        let value = try load()
        lock.withLock { due = .some(value) }
        return value
    }
}
