import Foundation
import Wire

/// What a lab needs from a sandbox's database beyond the engine: a consistent copy to run checks
/// on, the audit log as CloudTrail JSON, the starting clock, and a few named settings.
extension AppDatabase {
    /// Writes a consistent copy of the database to `path` (SQLite's `VACUUM INTO`), committed
    /// changes included, without touching this database's contents.
    public func snapshot(to path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try read { conn in
            let quoted = path.replacingOccurrences(of: "'", with: "''")
            try conn.execute("VACUUM INTO '\(quoted)'")
        }
    }

    /// The sequence number of the newest audit record (0 when there is none).
    public func latestAuditSequence() throws -> Int {
        try read { try $0.prepare("SELECT COALESCE(MAX(seq), 0) FROM audit_events").first { $0.int(0) } ?? 0 }
    }

    /// Every audit record after `sequence`, oldest first, as CloudTrail JSON with its sequence number.
    public func auditRecords(after sequence: Int) throws -> [(seq: Int, record: JSONValue)] {
        let rows = try read {
            try $0.prepare("SELECT seq, record FROM audit_events WHERE seq > ? ORDER BY seq").bind(.int(sequence)).rows { ($0.int(0), $0.text(1)) }
        }
        // A record that does not parse cannot match any predicate; skipping it is the safe reading.
        return rows.compactMap { row in (try? JSONParser.parse(row.1)).map { (row.0, $0) } }
    }

    /// Sets the simulated clock of a database nobody has used yet: frozen at `start`, or ticking
    /// from `start` (as an offset from `wall`). Refuses a database whose clock was already set,
    /// because the clock never moves backwards.
    public func startClock(at start: Date, frozen: Bool, wall: Date) throws {
        try write { conn in
            let existing = try conn.prepare("SELECT value FROM settings WHERE name = 'clock'").first { $0.text(0) }
            if existing != nil {
                throw StorageError(code: 1, message: "this sandbox's clock is already running; reset the lab to start over", sql: nil)
            }
            // The format HomeClock reads: "frozen:<epoch>" or "offset:<seconds>".
            let value = frozen ? "frozen:\(start.timeIntervalSince1970)" : "offset:\(start.timeIntervalSince(wall))"
            try conn.prepare("INSERT INTO settings (name, value) VALUES ('clock', ?)").bind(.text(value)).run()
        }
    }

    /// A named setting of the `settings` table (labs keep theirs under `lab.`).
    public func setting(_ name: String) throws -> String? {
        try read { try $0.prepare("SELECT value FROM settings WHERE name = ?").bind(.text(name)).first { $0.text(0) } }
    }

    /// Sets (or replaces) a named setting.
    public func setSetting(_ name: String, to value: String) throws {
        try write {
            try $0.prepare("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind(.text(name), .text(value)).run()
        }
    }

    /// Every setting whose name starts with `prefix`, by name.
    public func settings(prefix: String) throws -> [String: String] {
        let rows = try read {
            try $0.prepare("SELECT name, value FROM settings WHERE substr(name, 1, length(?)) = ? ORDER BY name")
                .bind(.text(prefix), .text(prefix)).rows { ($0.text(0), $0.text(1)) }
        }
        return Dictionary(rows, uniquingKeysWith: { _, last in last })
    }
}
