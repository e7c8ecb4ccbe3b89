/// A failure of the database layer, with SQLite's own explanation and what to do about it.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        var text = "database error \(code): \(message)"
        if code == 5 || code == 6 {  // SQLITE_BUSY, SQLITE_LOCKED
            text += " (another kmsdrill process held the database too long; try again)"
        } else if code == 11 || code == 26 {  // SQLITE_CORRUPT, SQLITE_NOTADB
            text += " (the database file is damaged or not a KMS Drill database; move it aside and start a fresh home)"
        }
        return text
    }
}
