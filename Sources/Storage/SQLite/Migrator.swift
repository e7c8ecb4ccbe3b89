import Foundation

/// A named step of the schema. Migrations are append-only: once released, a migration's SQL
/// never changes; a change to the schema is a new migration.
public struct Migration: Sendable {
    public let name: String
    public let sql: String

    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// Applies the migrations a database has not seen yet, in order, each in its own transaction.
struct Migrator {
    let migrations: [Migration]

    func migrate(_ db: SQLiteConnection) throws {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at REAL NOT NULL
            )
            """)
        let applied = Set(try db.prepare("SELECT name FROM schema_migrations").rows { $0.text(0) })
        let known = Set(migrations.map(\.name))
        if let unknown = applied.subtracting(known).sorted().first {
            throw StorageError(code: 1,
                message: "this home was written by a newer KMS Drill (it has migration '\(unknown)'); update kmsdrill or use another --home",
                sql: nil)
        }
        for migration in migrations where !applied.contains(migration.name) {
            try db.execute("BEGIN IMMEDIATE")
            do {
                // Another process may have applied it while we waited for the lock.
                let done = try db.prepare("SELECT 1 FROM schema_migrations WHERE name = ?").bind(.text(migration.name)).first { _ in true }
                if done == nil {
                    try db.execute(migration.sql)
                    try db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)")
                        .bind(.text(migration.name), .double(Date().timeIntervalSince1970)).run()
                }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}
