import CloudSim
import Foundation
import KMSEngine
import Testing
import Wire

/// Someone edits, deletes, reorders or inserts rows behind the program's back (the sqlite3 shell),
/// and validation names what was done to which record, log file or digest.
@Suite struct TamperTests {
    /// A trail with three hours of activity, validated clean before anything is touched.
    struct Setup {
        let f: CloudTrailFixture
        let arn: String
        let logKeys: [String]
        let digestKeys: [String]
        /// Delivered history rows of the trail's account (seq, event ID), oldest first.
        let delivered: [(seq: Int64, id: String)]

        init() throws {
            f = try CloudTrailFixture()
            let keyId = try TrailValidationTests.aliceKey(f)
            arn = try f.loggingTrail()
            try TrailValidationTests.busy(f, hours: 3, keyId: keyId)
            try f.advance(hours: 1)
            let clean = try f.validate(arn)
            #expect(clean.problems.isEmpty, "\(clean.text(verbose: false))")
            let store = f.cloudTrail.store
            logKeys = try store.read { try $0.objectKeys(bucket: "audit-bucket", prefix: "AWSLogs/111122223333/CloudTrail/") }
            digestKeys = try store.read { try $0.objectKeys(bucket: "audit-bucket", prefix: "AWSLogs/111122223333/CloudTrail-Digest/") }
            let ids = Set(clean.entries.filter { $0.kind == .eventHistory }.compactMap { $0.location.split(separator: " ").first.map(String.init) })
            delivered = try store.read { try $0.historyRows(seqRange: 1...10_000) }
                .filter { ids.contains($0.event.eventID) }.map { ($0.event.seq, $0.event.eventID) }
            #expect(logKeys.count >= 12 && digestKeys.count >= 3 && delivered.count >= 24)
        }

        func validate() throws -> ValidationReport { try f.validate(arn) }

        /// The problems of one kind, as `location → reason`.
        func problems(_ report: ValidationReport, _ kind: ValidationReport.Kind) -> [String: String] {
            Dictionary(report.problems.filter { $0.kind == kind }.map { ($0.location, $0.problem ?? "") }, uniquingKeysWith: { a, _ in a })
        }

        func s3(_ key: String) -> String { "s3://audit-bucket/\(key)" }
    }

    // MARK: Event history rows

    @Test func editedRecordIsNamedModified() throws {
        let s = try Setup()
        let victim = s.delivered[10]
        try s.f.tamper("UPDATE audit_events SET record = replace(record, '\"purpose\":\"drill\"', '\"purpose\":\"other\"') WHERE seq = \(victim.seq)")
        let report = try s.validate()
        let found = s.problems(report, .eventHistory)
        #expect(found["\(victim.id) (seq \(victim.seq))"]?.contains("(modified)") == true, "\(report.text(verbose: false))")
        #expect(found.count == 1, "only the edited record is named: \(found)")
        #expect(report.exitStatus == 1)
        #expect(report.text(verbose: false).contains("INVALID: doesn't match the copy delivered in s3://audit-bucket/"))
    }

    @Test func editedLookupColumnIsNamed() throws {
        let s = try Setup()
        let victim = s.delivered[6]
        // Hiding a call from `lookup-events --lookup-attributes AttributeKey=Username,...`.
        try s.f.tamper("UPDATE audit_events SET username = 'nobody' WHERE seq = \(victim.seq)")
        let found = s.problems(try s.validate(), .eventHistory)
        #expect(found["\(victim.id) (seq \(victim.seq))"] == "its username column doesn't match its record (modified)")
    }

    @Test func deletedRecordIsNamedDeleted() throws {
        let s = try Setup()
        let victim = s.delivered[12]
        try s.f.tamper("DELETE FROM audit_events WHERE seq = \(victim.seq)")
        let report = try s.validate()
        let found = s.problems(report, .eventHistory)
        #expect(found[victim.id]?.hasPrefix("not found in event history (deleted)") == true, "\(report.text(verbose: false))")
        #expect(found["seq \(victim.seq)"] == "not found (deleted from event history)")
        #expect(report.exitStatus == 1)
    }

    @Test func reorderedRecordsAreNamed() throws {
        let s = try Setup()
        let a = s.delivered[8], b = s.delivered[9]
        try s.f.tamper("""
            UPDATE audit_events SET seq = -1 WHERE seq = \(a.seq);
            UPDATE audit_events SET seq = \(a.seq) WHERE seq = \(b.seq);
            UPDATE audit_events SET seq = \(b.seq) WHERE seq = -1;
            """)
        let report = try s.validate()
        let found = s.problems(report, .eventHistory)
        #expect(found["\(b.id) (seq \(a.seq))"] != nil, "\(report.text(verbose: false))")
        #expect(found["\(a.id) (seq \(b.seq))"]?.contains("reordered") == true, "\(report.text(verbose: false))")
    }

    @Test func insertedRecordAtTheEndIsNamed() throws {
        let s = try Setup()
        let template = s.delivered[3]
        try s.f.tamper("""
            INSERT INTO audit_events (event_id, event_time, event_name, event_source, recipient_account_id, region, username,
                                      access_key_id, read_only, resources, record)
            SELECT 'f0000000-0000-4000-8000-000000000001', event_time, event_name, event_source, recipient_account_id, region,
                   username, access_key_id, read_only, resources, replace(record, event_id, 'f0000000-0000-4000-8000-000000000001')
            FROM audit_events WHERE seq = \(template.seq)
            """)
        let found = s.problems(try s.validate(), .eventHistory)
        #expect(found.keys.contains { $0.hasPrefix("f0000000-0000-4000-8000-000000000001") }, "\(found)")
        #expect(found.values.contains("has no chain value (inserted)"))
    }

    @Test func insertedRecordAmongDeliveredOnesIsNamed() throws {
        let s = try Setup()
        // Make room by renumbering the newer rows, then slip a forged row in between.
        let at = s.delivered[14].seq
        try s.f.tamper("""
            UPDATE audit_events SET seq = -seq WHERE seq > \(at);
            UPDATE audit_events SET seq = -seq + 1 WHERE seq < 0;
            INSERT INTO audit_events (seq, event_id, event_time, event_name, event_source, recipient_account_id, region, username,
                                      access_key_id, read_only, resources, record, chain)
            SELECT \(at + 1), 'f0000000-0000-4000-8000-000000000002', event_time, 'Decrypt', event_source, recipient_account_id,
                   region, username, access_key_id, read_only, resources,
                   replace(replace(record, event_id, 'f0000000-0000-4000-8000-000000000002'), '"Encrypt"', '"Decrypt"'), chain
            FROM audit_events WHERE seq = \(at);
            """)
        let found = s.problems(try s.validate(), .eventHistory)
        let forged = found.first { $0.key.hasPrefix("f0000000-0000-4000-8000-000000000002") }
        #expect(forged?.value.contains("inserted") == true, "\(found)")
    }

    @Test func editingAnUndeliveredRecordBreaksTheChain() throws {
        let s = try Setup()
        // Recorded after the last delivery: no log file holds a copy yet.
        try s.f.kms("ListKeys", [:], as: "default")
        let last = try s.f.cloudTrail.store.read { try $0.lastEventSeq() }
        try s.f.tamper("UPDATE audit_events SET record = replace(record, 'ListKeys', 'ListAliases'), event_name = 'ListAliases' WHERE seq = \(last)")
        let found = s.problems(try s.validate(), .eventHistory)
        #expect(found.contains { $0.key.hasSuffix("(seq \(last))") && $0.value.contains("chain value") }, "\(found)")
    }

    // MARK: Log files

    @Test func editedLogFileFailsItsHash() throws {
        let s = try Setup()
        let key = s.logKeys[5]
        try s.f.tamper("""
            UPDATE cloudtrail_bucket_objects SET body = CAST(replace(CAST(body AS TEXT), '"Decrypt"', '"Encrypt"') AS BLOB)
            WHERE key = '\(key)'
            """)
        let report = try s.validate()
        #expect(s.problems(report, .logFile) == [s.s3(key): "hash value doesn't match"], "\(report.text(verbose: false))")
        #expect(report.text(verbose: false).contains("Log file\t\(s.s3(key))\tINVALID: hash value doesn't match"))
    }

    @Test func deletedLogFileIsNotFound() throws {
        let s = try Setup()
        let key = s.logKeys[7]
        try s.f.tamper("DELETE FROM cloudtrail_bucket_objects WHERE key = '\(key)'")
        let report = try s.validate()
        #expect(s.problems(report, .logFile) == [s.s3(key): "not found"])
        #expect(report.text(verbose: false).contains(", 1/\(report.validLogFiles + 1) log files INVALID"))
    }

    @Test func swappedLogFilesFailTheirHashes() throws {
        let s = try Setup()
        let a = s.logKeys[2], b = s.logKeys[3]
        try s.f.tamper("""
            UPDATE cloudtrail_bucket_objects SET key = 'swap' WHERE key = '\(a)';
            UPDATE cloudtrail_bucket_objects SET key = '\(a)' WHERE key = '\(b)';
            UPDATE cloudtrail_bucket_objects SET key = '\(b)' WHERE key = 'swap';
            """)
        let found = s.problems(try s.validate(), .logFile)
        #expect(found == [s.s3(a): "hash value doesn't match", s.s3(b): "hash value doesn't match"])
    }

    @Test func logFileAddedToTheBucketIsNamed() throws {
        let s = try Setup()
        let forged = s.logKeys[4].replacingOccurrences(of: ".json", with: "x.json")
        try s.f.tamper("INSERT INTO cloudtrail_bucket_objects (bucket, key, body, metadata, last_modified) SELECT bucket, '\(forged)', body, metadata, last_modified FROM cloudtrail_bucket_objects WHERE key = '\(s.logKeys[4])'")
        let found = s.problems(try s.validate(), .logFile)
        #expect(found == [s.s3(forged): "not delivered by CloudTrail (added to the bucket)"])
    }

    // MARK: Digests

    @Test func editedDigestFailsItsSignature() throws {
        let s = try Setup()
        let key = s.digestKeys[1]
        // Remove a log file from the digest's list to hide it.
        try s.f.tamper("""
            UPDATE cloudtrail_bucket_objects SET body = CAST(replace(CAST(body AS TEXT), '"hashAlgorithm":"SHA-256"', '"hashAlgorithm":"SHA-256 "') AS BLOB)
            WHERE key = '\(key)'
            """)
        let report = try s.validate()
        #expect(s.problems(report, .digest) == [s.s3(key): "signature verification failed"], "\(report.text(verbose: false))")
        #expect(report.exitStatus == 1)
    }

    @Test func deletedDigestInTheChainIsNotFound() throws {
        let s = try Setup()
        let key = s.digestKeys[1]
        try s.f.tamper("DELETE FROM cloudtrail_bucket_objects WHERE key = '\(key)'")
        let report = try s.validate()
        #expect(s.problems(report, .digest) == [s.s3(key): "not found"], "\(report.text(verbose: false))")
    }

    @Test func deletedNewestDigestIsNotFound() throws {
        let s = try Setup()
        let key = try #require(s.digestKeys.last)
        try s.f.tamper("DELETE FROM cloudtrail_bucket_objects WHERE key = '\(key)'")
        let report = try s.validate()
        #expect(s.problems(report, .digest) == [s.s3(key): "not found"], "\(report.text(verbose: false))")
    }

    @Test func swappedDigestsHaveMoved() throws {
        let s = try Setup()
        let a = s.digestKeys[0], b = s.digestKeys[1]
        try s.f.tamper("""
            UPDATE cloudtrail_bucket_objects SET key = 'swap' WHERE key = '\(a)';
            UPDATE cloudtrail_bucket_objects SET key = '\(a)' WHERE key = '\(b)';
            UPDATE cloudtrail_bucket_objects SET key = '\(b)' WHERE key = 'swap';
            """)
        let found = s.problems(try s.validate(), .digest)
        #expect(found[s.s3(a)] == "has been moved from its original location", "\(found)")
        #expect(found[s.s3(b)] == "has been moved from its original location", "\(found)")
    }

    @Test func digestAddedToTheBucketIsNamed() throws {
        let s = try Setup()
        let forged = s.digestKeys[1].replacingOccurrences(of: "0000Z.json", with: "3000Z.json")
        try s.f.tamper("INSERT INTO cloudtrail_bucket_objects (bucket, key, body, metadata, last_modified) SELECT bucket, '\(forged)', body, metadata, last_modified FROM cloudtrail_bucket_objects WHERE key = '\(s.digestKeys[1])'")
        let found = s.problems(try s.validate(), .digest)
        #expect(found[s.s3(forged)] != nil, "\(found)")
    }

    @Test func replacedSignatureFailsVerification() throws {
        let s = try Setup()
        let key = s.digestKeys[2]
        try s.f.tamper("UPDATE cloudtrail_bucket_objects SET metadata = replace(metadata, '\"signature\":\"', '\"signature\":\"00') WHERE key = '\(key)'")
        #expect(s.problems(try s.validate(), .digest) == [s.s3(key): "signature verification failed"])
    }

    @Test func substitutedPublicKeyIsCaught() throws {
        let s = try Setup()
        // Someone swaps in a public key of their own (here: another Region's) to re-sign digests.
        try s.f.trail("ListPublicKeys", [:], region: "eu-west-1")
        _ = try s.f.loggingTrail("other", bucket: "other-bucket")
        try s.f.tamper("UPDATE cloudtrail_signing_keys SET public_key = X'3000' WHERE region = 'us-east-1'")
        let found = s.problems(try s.validate(), .digest)
        #expect(!found.isEmpty && found.values.allSatisfy { $0 == "signature verification failed" }, "\(found)")
    }
}
