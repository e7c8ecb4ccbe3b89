@preconcurrency import CSQLite
import Foundation

/// One SQLite connection with a cache of prepared statements.
///
/// Not thread-safe by itself: `AppDatabase` serializes all use behind a lock.
final class SQLiteConnection {
    private(set) var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    let path: String

    init(path: String) throws {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw StorageError(code: rc, message: "\(message) (\(path))", sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statements.values.forEach { $0.finalize() }
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, sql: String?) -> StorageError {
        StorageError(code: rc & 0xFF, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? "error"
            sqlite3_free(errmsg)
            throw StorageError(code: rc & 0xFF, message: message, sql: sql)
        }
    }

    /// A prepared statement for `sql`, reused across calls (reset and cleared each time).
    func prepare(_ sql: String) throws -> Statement {
        if let s = statements[sql] {
            s.reset()
            return s
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
        let s = Statement(stmt, connection: self, sql: sql)
        statements[sql] = s
        return s
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// See `csqlite_no_checkpoint_on_close`: committed data is in the WAL already.
    func skipCheckpointOnClose() {
        _ = csqlite_no_checkpoint_on_close(handle)
    }

    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }
}

/// A prepared statement: bind by position (1-based), step, read columns (0-based).
final class Statement {
    private let stmt: OpaquePointer
    private unowned let connection: SQLiteConnection
    let sql: String

    init(_ stmt: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.stmt = stmt
        self.connection = connection
        self.sql = sql
    }

    func finalize() { sqlite3_finalize(stmt) }

    func reset() {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    @discardableResult
    func bind(_ values: SQLValue...) throws -> Statement {
        try bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLValue]) throws -> Statement {
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, idx)
            case .int(let n): rc = sqlite3_bind_int64(stmt, idx, Int64(n))
            case .double(let d): rc = sqlite3_bind_double(stmt, idx, d)
            case .text(let s): rc = sqlite3_bind_text(stmt, idx, s, -1, csqlite_transient())
            case .blob(let d):
                rc = d.withUnsafeBytes { raw in
                    sqlite3_bind_blob(stmt, idx, raw.baseAddress, Int32(raw.count), csqlite_transient())
                }
            }
            if rc != SQLITE_OK { throw connection.error(rc, sql: sql) }
        }
        return self
    }

    /// Advances to the next row; false when done.
    func step() throws -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let e = connection.error(rc, sql: sql)
        sqlite3_reset(stmt)
        throw e
    }

    /// Runs a statement that returns no rows.
    func run() throws {
        while try step() {}
        sqlite3_reset(stmt)
    }

    /// All rows, each mapped by `row`.
    func rows<T>(_ row: (Statement) throws -> T) throws -> [T] {
        var out: [T] = []
        while try step() { out.append(try row(self)) }
        sqlite3_reset(stmt)
        return out
    }

    /// The first row, if any.
    func first<T>(_ row: (Statement) throws -> T) throws -> T? {
        defer { sqlite3_reset(stmt) }
        return try step() ? try row(self) : nil
    }

    var columnCount: Int32 { sqlite3_column_count(stmt) }

    func isNull(_ col: Int32) -> Bool { sqlite3_column_type(stmt, col) == SQLITE_NULL }
    func int(_ col: Int32) -> Int { Int(sqlite3_column_int64(stmt, col)) }
    func intOrNil(_ col: Int32) -> Int? { isNull(col) ? nil : int(col) }
    func double(_ col: Int32) -> Double { sqlite3_column_double(stmt, col) }
    func doubleOrNil(_ col: Int32) -> Double? { isNull(col) ? nil : double(col) }
    func text(_ col: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, col) else { return "" }
        return String(cString: p)
    }
    func textOrNil(_ col: Int32) -> String? { isNull(col) ? nil : text(col) }
    func blob(_ col: Int32) -> Data {
        let n = Int(sqlite3_column_bytes(stmt, col))
        guard n > 0, let p = sqlite3_column_blob(stmt, col) else { return Data() }
        return Data(bytes: p, count: n)
    }
    func date(_ col: Int32) -> Date { Date(timeIntervalSince1970: double(col)) }
    func dateOrNil(_ col: Int32) -> Date? { isNull(col) ? nil : date(col) }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case null
    case int(Int)
    case double(Double)
    case text(String)
    case blob(Data)

    static func optional(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
    static func optional(_ i: Int?) -> SQLValue { i.map(SQLValue.int) ?? .null }
    static func optional(_ d: Date?) -> SQLValue { d.map { .double($0.timeIntervalSince1970) } ?? .null }
    static func date(_ d: Date) -> SQLValue { .double(d.timeIntervalSince1970) }
    static func bool(_ b: Bool) -> SQLValue { .int(b ? 1 : 0) }
}
