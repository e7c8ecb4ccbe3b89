@preconcurrency import CSQLite
import Foundation

/// Copies the write-ahead log back into the database on a thread of its own, so that the audit
/// writer's commits never wait for it.
///
/// SQLite normally checkpoints inside whichever commit finds the WAL over 1000 pages: that commit
/// then copies the pages and syncs the files, and every caller sharing it waits. Here the audit
/// connection's WAL hook (which replaces its automatic checkpoints) wakes this thread instead,
/// which runs a PASSIVE checkpoint (it never blocks readers or the writer) on its own connection.
/// Durability is unchanged: a commit is durable once it is in the WAL (`synchronous=NORMAL`).
final class WALCheckpointer: @unchecked Sendable {
    /// WAL size (pages) at which a checkpoint is started, as SQLite's default.
    static let threshold: Int32 = 1000

    private let path: String
    private let condition = NSCondition()
    private var due = false
    private var stopped = false

    init(path: String) {
        self.path = path
        let thread = Thread { [self] in run() }
        thread.name = "kmsdrill-wal-checkpoint"
        thread.start()
    }

    /// Installs the hook on the audit connection: SQLite calls it after each commit with the
    /// WAL's size in pages.
    func attach(to connection: SQLiteConnection) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(connection.handle, { context, _, _, pages in
            if pages >= WALCheckpointer.threshold, let context {
                Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().request()
            }
            return SQLITE_OK
        }, context)
    }

    func request() {
        condition.withLock {
            due = true
            condition.signal()
        }
    }

    /// Ends the thread (it holds the checkpointer until then).
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func run() {
        guard let connection = try? SQLiteConnection(path: path) else { return }
        connection.setBusyTimeout(milliseconds: 1000)
        while true {
            condition.lock()
            while !due && !stopped { condition.wait() }
            let stop = stopped
            due = false
            condition.unlock()
            if stop { return }
            // A checkpoint that cannot run now (another is in progress) simply runs next time.
            try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }
}
