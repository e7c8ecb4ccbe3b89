import Foundation
import KMSEngine
import Wire

/// Appends audit records that are not part of a state change (reads and refused calls), with
/// group commit: callers arriving while a commit is in progress are written together in the next
/// one. Every caller returns only once its record is committed.
final class AuditWriter: @unchecked Sendable {
    private let db: AppDatabase
    private let condition = NSCondition()
    private var pending: [(ticket: Int, event: AuditEvent)] = []
    private var nextTicket = 1
    private var committedThrough = 0
    private var committing = false
    private var failures: [Int: Error] = [:]

    init(database: AppDatabase) { db = database }

    func append(_ event: AuditEvent) throws {
        // Inside a transaction (a service operation that called KMS): the record belongs to that
        // transaction — committed with it or not at all — and must not wait for a group commit
        // that would need the lock this thread holds.
        if db.isWritingOnCurrentThread {
            try db.write { try AuditRows.insert(event, conn: $0) }
            return
        }
        condition.lock()
        let ticket = nextTicket
        nextTicket += 1
        pending.append((ticket, event))
        while committedThrough < ticket {
            if committing {
                condition.wait()
                continue
            }
            // Become the leader: commit everything queued so far in one transaction.
            committing = true
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            condition.unlock()
            var error: Error?
            do {
                try db.write { conn in
                    for item in batch { try AuditRows.insert(item.event, conn: conn) }
                }
            } catch let e {
                error = e
            }
            condition.lock()
            if let error { for item in batch { failures[item.ticket] = error } }
            committedThrough = max(committedThrough, batch.last?.ticket ?? committedThrough)
            committing = false
            condition.broadcast()
        }
        let failure = failures.removeValue(forKey: ticket)
        condition.unlock()
        if let failure { throw failure }
    }
}

/// The `audit_events` row of an event: the rendered CloudTrail record plus the columns lookups use.
enum AuditRows {
    static func insert(_ e: AuditEvent, conn: SQLiteConnection) throws {
        let record = JSONWriter.compact(CloudTrailRecord.render(e))
        try conn.prepare("""
            INSERT INTO audit_events (event_id, event_time, event_name, event_source, recipient_account_id, region,
                                      username, access_key_id, read_only, resources, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(
            .text(e.eventID), .date(e.eventTime), .text(e.eventName), .text(e.eventSource), .text(e.recipientAccountId),
            .text(e.region), .optional(CloudTrailRecord.username(e)), .optional(e.caller.accessKeyId), .bool(e.readOnly),
            .text(e.resources.joined(separator: " ")), .text(record)
        ).run()
    }
}
