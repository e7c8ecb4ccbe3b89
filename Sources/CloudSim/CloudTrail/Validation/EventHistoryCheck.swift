import Foundation
import KMSEngine
import Wire

/// Checks the event history (what `lookup-events` reads) against the delivered log files and
/// against its own hash chain.
///
/// - Every record in a valid log file must be in the history, byte-for-byte the same record, with
///   lookup columns that agree with it, in the same order; a history row of the trail's account and
///   Region that falls among a log file's records but is not in it was added afterwards.
/// - Every row from the first delivered one on must extend the chain: its value commits to the
///   row before, its sequence number and its record, so an edited, inserted or reordered row fails
///   and a deleted one leaves a gap in the sequence.
struct EventHistoryCheck {
    let trail: TrailRecord
    let tx: CloudTrailTransaction

    func run(logFiles: [(location: String, body: Data)], into report: inout ValidationReport) throws {
        var delivered: [(location: String, records: [JSONValue])] = []
        for file in logFiles {
            delivered.append((file.location, LogFileFormat.records(file.body) ?? []))
        }
        let ids = delivered.flatMap { $0.records.compactMap { $0["eventID"]?.stringValue } }
        guard !ids.isEmpty else { return }
        var rows: [String: StoredEvent] = [:]
        for e in try tx.events(ids: ids) where e.recipientAccountId == trail.accountId { rows[e.eventID] = e }
        let firstSeq = rows.values.map(\.seq).min() ?? 1
        let lastSeq = try tx.lastEventSeq()
        let history = firstSeq <= lastSeq ? try tx.historyRows(seqRange: firstSeq...lastSeq) : []

        var problems: [Int64: String] = [:]
        var deleted: [ValidationReport.Entry] = []
        var deliveredIn: [String: String] = [:]
        for file in delivered {
            for record in file.records { if let id = record["eventID"]?.stringValue { deliveredIn[id] = file.location } }
        }
        for file in delivered {
            var previousSeq: Int64 = 0
            var seqs: [Int64] = []
            for record in file.records {
                guard let id = record["eventID"]?.stringValue else { continue }
                guard let row = rows[id] else {
                    deleted.append(.init(kind: .eventHistory, location: id,
                                         problem: "not found in event history (deleted); \(file.location) holds it"))
                    continue
                }
                seqs.append(row.seq)
                if (try? JSONParser.parse(row.record)) != record {
                    problems[row.seq] = problems[row.seq] ?? "doesn't match the copy delivered in \(file.location) (modified)"
                } else if let column = Self.mismatchedColumn(row, record) {
                    problems[row.seq] = problems[row.seq] ?? "its \(column) column doesn't match its record (modified)"
                } else if row.seq <= previousSeq {
                    problems[row.seq] = problems[row.seq]
                        ?? "out of order: it comes before an event delivered ahead of it in \(file.location) (reordered)"
                }
                previousSeq = max(previousSeq, row.seq)
            }
            // Rows among this file's records that the file does not hold were not there at delivery.
            if let low = seqs.min(), let high = seqs.max() {
                let region = file.records.first?["awsRegion"]?.stringValue
                let held = Set(seqs)
                for h in history where h.event.seq > low && h.event.seq < high && !held.contains(h.event.seq)
                    && h.event.recipientAccountId == trail.accountId && h.event.region == region {
                    if let other = deliveredIn[h.event.eventID] {
                        problems[h.event.seq] = problems[h.event.seq]
                            ?? "out of order: delivered in \(other), but placed among the records of \(file.location) (reordered)"
                    } else {
                        problems[h.event.seq] = problems[h.event.seq] ?? "not in \(file.location), which covers its place (inserted)"
                    }
                }
            }
        }
        checkChain(history, firstSeq: firstSeq, problems: &problems, deleted: &deleted)

        for h in history {
            let mine = h.event.recipientAccountId == trail.accountId
            let problem = problems[h.event.seq]
            guard mine || problem != nil else { continue }
            let location = mine ? "\(h.event.eventID) (seq \(h.event.seq))" : "seq \(h.event.seq) (a record of account \(h.event.recipientAccountId))"
            report.entries.append(.init(kind: .eventHistory, location: location, problem: problem))
        }
        report.entries.append(contentsOf: deleted)
    }

    /// Walks the chain from the row before `firstSeq` to the newest row.
    private func checkChain(_ history: [HistoryRow], firstSeq: Int64, problems: inout [Int64: String],
                            deleted: inout [ValidationReport.Entry]) {
        guard let before = try? tx.historyRow(before: firstSeq) else {
            walk(history, previousChain: AuditChain.genesis, previousSeq: firstSeq - 1, problems: &problems, deleted: &deleted)
            return
        }
        walk(history, previousChain: before.chain ?? AuditChain.genesis, previousSeq: before.event.seq, problems: &problems,
             deleted: &deleted)
    }

    private func walk(_ history: [HistoryRow], previousChain: Data, previousSeq: Int64, problems: inout [Int64: String],
                      deleted: inout [ValidationReport.Entry]) {
        var chain = previousChain
        var seq = previousSeq
        var afterGap = false
        for h in history {
            if h.event.seq != seq + 1 {
                let missing = h.event.seq - 1 == seq + 1 ? "seq \(seq + 1)" : "seq \(seq + 1)–\(h.event.seq - 1)"
                deleted.append(.init(kind: .eventHistory, location: missing, problem: "not found (deleted from event history)"))
                afterGap = true
            }
            guard let stored = h.chain else {
                problems[h.event.seq] = problems[h.event.seq] ?? "has no chain value (inserted)"
                seq = h.event.seq
                continue
            }
            // Right after a gap the predecessor is unknown; the gap itself is the finding.
            if !afterGap, AuditChain.link(previous: chain, seq: h.event.seq, record: h.event.record) != stored {
                problems[h.event.seq] = problems[h.event.seq] ?? "doesn't match its chain value (modified, inserted or reordered)"
            }
            afterGap = false
            chain = stored
            seq = h.event.seq
        }
    }

    /// The first lookup column of a row that disagrees with its record, if any.
    static func mismatchedColumn(_ row: StoredEvent, _ record: JSONValue) -> String? {
        if record["eventName"]?.stringValue != row.eventName { return "event_name" }
        if record["eventSource"]?.stringValue != row.eventSource { return "event_source" }
        if record["awsRegion"]?.stringValue != row.region { return "region" }
        if record["recipientAccountId"]?.stringValue != row.recipientAccountId { return "recipient_account_id" }
        if record["readOnly"]?.boolValue != row.readOnly { return "read_only" }
        if record["userIdentity"]?["accessKeyId"]?.stringValue != row.accessKeyId { return "access_key_id" }
        if username(record) != row.username { return "username" }
        let arns = (record["resources"]?.arrayValue ?? []).compactMap { $0["ARN"]?.stringValue }
        if arns != row.resources { return "resources" }
        guard let text = record["eventTime"]?.stringValue, let time = Timestamp.parse(text),
            abs(time.timeIntervalSince1970 - row.eventTime.timeIntervalSince1970.rounded(.down)) < 1
        else { return "event_time" }
        return nil
    }

    /// The user name lookups find a record by, read back from the record.
    static func username(_ record: JSONValue) -> String? {
        let identity = record["userIdentity"]
        switch identity?["type"]?.stringValue {
        case "IAMUser"?: return identity?["userName"]?.stringValue
        case "AssumedRole"?: return identity?["arn"]?.stringValue?.split(separator: "/").last.map(String.init)
        case "Root"?: return "root"
        case nil: return identity?["invokedBy"]?.stringValue
        default: return nil
        }
    }
}
