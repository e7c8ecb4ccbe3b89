import Foundation
import Synchronization

/// The one SQLite database of a KMS Drill home: engine state, audit log, learners' progress.
///
/// It owns the schema (named, append-only migrations run at open) and serializes all access to
/// its connection. WAL mode lets another kmsdrill process read while this one writes; writes take
/// the lock up front (`BEGIN IMMEDIATE`) and wait up to `busyTimeout` for another process.
/// Commits are durable against a killed process (WAL, `synchronous=NORMAL`): a kill at any moment
/// leaves either the whole transaction or none of it.
public final class AppDatabase: @unchecked Sendable {
    let connection: SQLiteConnection
    private let lock = NSRecursiveLock()
    /// `PRAGMA data_version` as last seen: it changes when another connection commits.
    private var lastDataVersion: Int = -1
    /// `cache_generation.n` as last seen: it changes when anyone changes a cached table.
    private var lastCacheGeneration: Int = -1
    /// Called (under the lock) when another process changed the database, so caches can drop.
    private var invalidationHandlers: [() -> Void] = []
    /// The thread inside a write transaction, if any (only it can be: writes hold the lock).
    private var writer: pthread_t?

    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, migrations: [Migration] = Migrations.all) throws {
        self.path = path
        connection = try SQLiteConnection(path: path)
        connection.setBusyTimeout(milliseconds: 15_000)
        do {
            try configure(inMemory: path == ":memory:")
            try Migrator(migrations: migrations).migrate(connection)
        } catch let e as StorageError where e.code == 26 || e.code == 11 {
            throw StorageError(code: e.code, message: "\(path) is not a KMS Drill database (\(e.message))", sql: nil)
        }
    }

    /// A private in-memory database (for tests), with the full schema.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(path: ":memory:")
    }

    private func configure(inMemory: Bool) throws {
        if !inMemory {
            // journal_mode returns a row; read it so the pragma takes effect.
            let s = try connection.prepare("PRAGMA journal_mode=WAL")
            _ = try s.first { $0.text(0) }
            try connection.execute("PRAGMA synchronous=NORMAL")
            connection.skipCheckpointOnClose()
        }
        try connection.execute("PRAGMA foreign_keys=ON")
        try connection.execute("PRAGMA temp_store=MEMORY")
    }

    /// Registers a cache to clear whenever another connection changes a cached table. A cache
    /// may read only the tables in `Migrations.cachedTables`: changes to others do not clear it.
    func onExternalChange(_ handler: @escaping () -> Void) {
        lock.withLock { invalidationHandlers.append(handler) }
    }

    /// Checks whether another connection committed since we last looked; clears caches if so.
    private func checkExternalChanges() throws {
        let v = try connection.prepare("PRAGMA data_version").first { $0.int(0) } ?? 0
        guard v != lastDataVersion else { return }
        // Read after data_version: a change committed between the two reads is then either
        // seen now or changes data_version again for the next call.
        let generation = try cacheGeneration()
        if lastDataVersion != -1 && generation != lastCacheGeneration { invalidationHandlers.forEach { $0() } }
        lastDataVersion = v
        lastCacheGeneration = generation
    }

    private func cacheGeneration() throws -> Int {
        try connection.prepare("SELECT n FROM cache_generation WHERE id = 1").first { $0.int(0) } ?? 0
    }

    /// Runs `body` with the connection for reading (no transaction is opened).
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock {
            if !connection.isInTransaction { try checkExternalChanges() }
            return try body(connection)
        }
    }

    /// True when the calling thread is inside a write transaction: what it writes now joins it.
    var isWritingOnCurrentThread: Bool {
        // No lock needed: only the thread holding the lock can have set `writer` to itself.
        guard let writer else { return false }
        return pthread_equal(writer, pthread_self()) != 0
    }

    /// Runs `body` in one write transaction; commits if it returns, rolls back if it throws.
    /// Nested calls join the outer transaction.
    func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock {
            if connection.isInTransaction { return try body(connection) }
            try connection.execute("BEGIN IMMEDIATE")
            writer = pthread_self()
            defer { writer = nil }
            do {
                try checkExternalChanges()
                let result = try body(connection)
                // Our own changes are not external: what caches hold after this write is theirs.
                lastCacheGeneration = try cacheGeneration()
                try connection.execute("COMMIT")
                return result
            } catch {
                try? connection.execute("ROLLBACK")
                // What we cached during the failed transaction may not be in the database.
                invalidationHandlers.forEach { $0() }
                throw error
            }
        }
    }
}

extension AppDatabase {
    /// The CloudTrail JSON of every audit record in order (for tests and integrity checks).
    public func auditRecordsForTesting() throws -> [String] {
        try read { try $0.prepare("SELECT record FROM audit_events ORDER BY seq").rows { $0.text(0) } }
    }

    /// Runs `sql` directly; for tests that tamper with the database behind the program's back.
    public func executeForTesting(_ sql: String) throws {
        try write { try $0.execute(sql) }
    }

    /// Every text and blob value in every table, for tests that search the database for secrets.
    public func allStoredBytesForTesting() throws -> [Data] {
        try read { conn in
            let tables = try conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").rows { $0.text(0) }
            var out: [Data] = []
            for t in tables {
                let stmt = try conn.prepare("SELECT * FROM \"\(t)\"")
                while try stmt.step() {
                    for c in 0..<stmt.columnCount { out.append(stmt.blob(c)) }
                }
                stmt.reset()
            }
            return out
        }
    }
}

/// Something KMS did on its own (a rotation, a deletion), as `clock advance` reports it.
public struct ServiceEventSummary: Sendable, Equatable {
    public let time: Date
    public let name: String
    public let keyArn: String
}

extension AppDatabase {
    /// Rotations and deletions KMS performed in (`from`, `through`], oldest first.
    public func serviceEvents(from: Date, through: Date) throws -> [ServiceEventSummary] {
        try read {
            try $0.prepare("""
                SELECT event_time, event_name, resources FROM audit_events
                WHERE event_name IN ('RotateKey', 'DeleteKey') AND event_source = 'kms.amazonaws.com'
                  AND event_time > ? AND event_time <= ? ORDER BY event_time, seq
                """).bind(.date(from), .date(through)).rows {
                ServiceEventSummary(time: $0.date(0), name: $0.text(1), keyArn: $0.text(2))
            }
        }
    }
}
