import CloudSim
@preconcurrency import Crypto
import Foundation
import KMSEngine
import Testing
import Wire

/// create-trail, describe-trails, get-trail(-status), start/stop-logging, delete-trail, list-public-keys.
@Suite struct TrailOperationsTests {
    @Test func createDescribeAndStatus() throws {
        let f = try CloudTrailFixture()
        let created = try f.trail("CreateTrail", ["Name": "org-audit", "S3BucketName": "audit-logs-111122223333",
                                                  "EnableLogFileValidation": true, "S3KeyPrefix": "kms"])
        #expect(created["TrailARN"] == "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit")
        #expect(created["LogFileValidationEnabled"] == true)
        #expect(created["IsMultiRegionTrail"] == false)
        let described = try f.trail("DescribeTrails")["trailList"]?.arrayValue ?? []
        #expect(described.count == 1)
        #expect(described.first?["HomeRegion"] == "us-east-1")
        #expect(described.first?["S3KeyPrefix"] == "kms")
        #expect(try f.trail("GetTrail", ["Name": "org-audit"])["Trail"]?["TrailARN"] == created["TrailARN"])
        #expect(try f.trail("GetTrail", ["Name": created["TrailARN"] ?? ""])["Trail"]?["Name"] == "org-audit")
        // A new trail is not logging until StartLogging, as with the API.
        #expect(try f.trail("GetTrailStatus", ["Name": "org-audit"])["IsLogging"] == false)
        try f.trail("StartLogging", ["Name": "org-audit"])
        let status = try f.trail("GetTrailStatus", ["Name": "org-audit"])
        #expect(status["IsLogging"] == true)
        #expect(status["StartLoggingTime"]?.numberValue == CloudTrailFixture.start.timeIntervalSince1970)
        try f.kms("ListKeys")
        try f.advance(minutes: 61)
        let later = try f.trail("GetTrailStatus", ["Name": "org-audit"])
        #expect(later["LatestDeliveryTime"]?.numberValue == CloudTrailFixture.start.timeIntervalSince1970 + 300)
        #expect(later["LatestDigestDeliveryTime"]?.numberValue == CloudTrailFixture.start.timeIntervalSince1970 + 3600)
        let keys = try f.cloudTrail.store.read { try $0.objectKeys(bucket: "audit-logs-111122223333", prefix: "kms/AWSLogs/") }
        #expect(keys.contains { $0.hasPrefix("kms/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/01/111122223333_CloudTrail_us-east-1_20260101T0005Z_") })
        #expect(keys.contains("kms/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/01/111122223333_CloudTrail-Digest_us-east-1_org-audit_us-east-1_20260101T010000Z.json"))
        try f.trail("StopLogging", ["Name": "org-audit"])
        let stopped = try f.trail("GetTrailStatus", ["Name": "org-audit"])
        #expect(stopped["IsLogging"] == false)
        #expect(stopped["StopLoggingTime"] != nil)
        try f.trail("DeleteTrail", ["Name": "org-audit"])
        #expect(try f.trail("DescribeTrails")["trailList"] == [])
        // The bucket keeps what was delivered.
        #expect(try f.cloudTrail.store.read { try $0.objectKeys(bucket: "audit-logs-111122223333", prefix: "kms/") }.count >= keys.count)
    }

    @Test func updateTrailTurnsValidationOnWhileLogging() throws {
        let f = try CloudTrailFixture()
        let created = try f.trail("CreateTrail", ["Name": "plain", "S3BucketName": "plain-bucket"])
        let arn = try #require(created["TrailARN"]?.stringValue)
        try f.trail("StartLogging", ["Name": "plain"])
        try f.kms("ListKeys")
        try f.advance(hours: 1)
        #expect(try f.validate(arn).validDigests == 0, "no digests without log file validation")
        let updated = try f.trail("UpdateTrail", ["Name": "plain", "EnableLogFileValidation": true])
        #expect(updated["LogFileValidationEnabled"] == true)
        try f.kms("ListKeys")
        try f.advance(hours: 2)
        let report = try f.validate(arn)
        #expect(report.problems.isEmpty && report.validDigests == 2, "\(report.text(verbose: true))")
        expectServiceError("InvalidS3BucketNameException") { try f.trail("UpdateTrail", ["Name": "plain", "S3BucketName": "No"]) }
    }

    @Test func errorsAreAWSs() throws {
        let f = try CloudTrailFixture()
        try f.trail("CreateTrail", ["Name": "trail-1", "S3BucketName": "bucket-one"])
        expectServiceError("TrailAlreadyExistsException", messageContains: "trail-1") {
            try f.trail("CreateTrail", ["Name": "trail-1", "S3BucketName": "bucket-one"])
        }
        for bad in ["ab", "-lead", "trail--x", "a_.b", "192.168.5.4", "has space", String(repeating: "x", count: 129)] {
            expectServiceError("InvalidTrailNameException") { try f.trail("CreateTrail", ["Name": .string(bad), "S3BucketName": "bucket-one"]) }
        }
        expectServiceError("InvalidS3BucketNameException") { try f.trail("CreateTrail", ["Name": "trail-2", "S3BucketName": "Upper_Case"]) }
        expectServiceError("TrailNotFoundException", messageContains: "Unknown trail: arn:aws:cloudtrail:us-east-1:111122223333:trail/nope") {
            try f.trail("GetTrail", ["Name": "nope"])
        }
        expectServiceError("CloudTrailARNInvalidException") { try f.trail("GetTrailStatus", ["Name": "arn:aws:s3:::bucket"]) }
        expectServiceError("TrailNotFoundException") { try f.trail("StartLogging", ["Name": "trail-1"], region: "eu-west-1") }
        expectServiceError("UnsupportedOperationException", messageContains: "KmsKeyId") {
            try f.trail("CreateTrail", ["Name": "trail-3", "S3BucketName": "bucket-one", "KmsKeyId": "alias/x"])
        }
        for i in 2...5 { try f.trail("CreateTrail", ["Name": .string("trail-\(i)"), "S3BucketName": "bucket-one"]) }
        expectServiceError("MaximumNumberOfTrailsExceededException") { try f.trail("CreateTrail", ["Name": "trail-6", "S3BucketName": "bucket-one"]) }
        expectServiceError("UnsupportedOperation") { try f.trail("PutEventSelectors", [:]) }
    }

    @Test func multiRegionTrailIsSeenEverywhereButManagedAtHome() throws {
        let f = try CloudTrailFixture()
        let arn = try f.loggingTrail("everywhere", multiRegion: true)
        #expect(try f.trail("DescribeTrails", region: "eu-west-1")["trailList"]?.arrayValue?.first?["TrailARN"]?.stringValue == arn)
        #expect(try f.trail("DescribeTrails", ["includeShadowTrails": false], region: "eu-west-1")["trailList"] == [])
        expectServiceError("InvalidHomeRegionException") { try f.trail("StopLogging", ["Name": .string(arn)], region: "eu-west-1") }
        // Events of every Region are delivered, each Region with its own digest chain and key.
        try f.kms("ListKeys", region: "eu-west-1")
        try f.kms("ListKeys")
        try f.advance(hours: 2)
        let eu = try f.validate(arn, region: "eu-west-1")
        #expect(eu.problems.isEmpty && eu.validDigests == 2 && eu.validLogFiles == 1, "\(eu.text(verbose: true))")
        let us = try f.validate(arn)
        #expect(us.problems.isEmpty && us.validDigests == 2 && us.validLogFiles >= 1, "\(us.text(verbose: true))")
        let euKeys = try f.trail("ListPublicKeys", region: "eu-west-1")["PublicKeyList"]?.arrayValue ?? []
        let usKeys = try f.trail("ListPublicKeys")["PublicKeyList"]?.arrayValue ?? []
        #expect(euKeys.count == 1 && usKeys.count == 1 && euKeys.first?["Fingerprint"] != usKeys.first?["Fingerprint"])
    }

    @Test func trailManagementNeedsPermissionAndIsItselfLogged() throws {
        let f = try CloudTrailFixture()
        expectServiceError("AccessDeniedException", messageContains: "cloudtrail:CreateTrail") {
            try f.trail("CreateTrail", ["Name": "mine", "S3BucketName": "bucket-one"], as: "alice")
        }
        // The auditor may read (cloudtrail:Describe*, Get*) but not stop a trail.
        let arn = try f.loggingTrail()
        #expect(throws: Never.self) { try f.trail("GetTrailStatus", ["Name": .string(arn)], as: "auditor") }
        expectServiceError("AccessDeniedException", messageContains: "cloudtrail:StopLogging") {
            try f.trail("StopLogging", ["Name": .string(arn)], as: "auditor")
        }
        #expect(try f.trail("GetTrailStatus", ["Name": .string(arn)])["IsLogging"] == true)
        try f.trail("StopLogging", ["Name": .string(arn)])
        // Who stopped logging is in the trail's last log file and in event history.
        let stops = try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "StopLogging"]]])
        #expect(stops.count == 2)
        let accepted = try #require(stops.first)
        #expect(accepted["Username"] == "admin" && accepted["EventSource"] == "cloudtrail.amazonaws.com")
        #expect(accepted["Resources"] == [["ResourceType": "AWS::CloudTrail::Trail", "ResourceName": .string(arn)]])
        let report = try f.validate(arn)
        #expect(report.problems.isEmpty, "\(report.text(verbose: true))")
        let lastLog = try f.cloudTrail.store.read { tx -> String in
            let key = try tx.objectKeys(bucket: "audit-bucket", prefix: "AWSLogs/111122223333/CloudTrail/").last ?? ""
            return String(data: try tx.object(bucket: "audit-bucket", key: key)?.body ?? Data(), encoding: .utf8) ?? ""
        }
        #expect(lastLog.contains("\"eventName\":\"StopLogging\""))
    }

    @Test func stoppingAndRestartingStartsANewDigestChain() throws {
        let f = try CloudTrailFixture()
        let arn = try f.loggingTrail()
        try f.kms("ListKeys")
        try f.advance(minutes: 90)
        try f.trail("StopLogging", ["Name": .string(arn)])
        try f.advance(hours: 5)
        try f.trail("StartLogging", ["Name": .string(arn)])
        try f.kms("ListKeys")
        try f.advance(hours: 2)
        let report = try f.validate(arn)
        let text = report.text(verbose: true)
        #expect(report.problems.isEmpty, "\(text)")
        #expect(report.entries.contains { $0.kind == .gap }, "\(text)")
        #expect(text.contains("No log files were delivered by CloudTrail between 2026-01-01T01:30:00Z and 2026-01-01T06:30:00Z"), "\(text)")
        // The first digest of each chain points back to nothing.
        let digests = try f.cloudTrail.store.read { tx in
            try tx.objectKeys(bucket: "audit-bucket", prefix: "AWSLogs/111122223333/CloudTrail-Digest/").compactMap {
                try tx.object(bucket: "audit-bucket", key: $0).flatMap { try? JSONParser.parse(String(decoding: $0.body, as: UTF8.self)) }
            }
        }
        #expect(digests.filter { $0["previousDigestSignature"] == .null }.count == 2)
    }

    @Test func digestFilesFollowTheDocumentedFormat() throws {
        let f = try CloudTrailFixture()
        let arn = try f.loggingTrail()
        try f.kms("ListKeys")
        try f.advance(hours: 2.5)
        let (bodies, signatures) = try f.cloudTrail.store.read { tx -> ([JSONValue], [String]) in
            let keys = try tx.objectKeys(bucket: "audit-bucket", prefix: "AWSLogs/111122223333/CloudTrail-Digest/")
            let objects = try keys.compactMap { try tx.object(bucket: "audit-bucket", key: $0) }
            return (try objects.map { try JSONParser.parse(String(decoding: $0.body, as: UTF8.self)) }, objects.compactMap { $0.metadata["signature"] })
        }
        #expect(bodies.count == 2 && signatures.count == 2)
        let first = bodies[0], second = bodies[1]
        #expect(first.objectValue?.keys == [
            "awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint",
            "digestSignatureAlgorithm", "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object",
            "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature", "logFiles",
        ])
        #expect(first["digestSignatureAlgorithm"] == "SHA256withRSA")
        #expect(first["digestStartTime"] == "2026-01-01T00:00:00Z" && first["digestEndTime"] == "2026-01-01T01:00:00Z")
        #expect(first["logFiles"]?.arrayValue?.first?.objectValue?.keys == ["s3Bucket", "s3Object", "hashValue", "hashAlgorithm", "newestEventTime", "oldestEventTime"])
        #expect(second["previousDigestS3Object"] == first["digestS3Object"])
        #expect(second["previousDigestSignature"] == .string(signatures[0]))
        #expect(second["previousDigestHashAlgorithm"] == "SHA-256")
        #expect(second["logFiles"] == [], "an hour without log files still gets a digest")
        #expect(signatures[0].count == 512, "RSA-2048 signatures are 256 bytes, hex")
        // The public key that list-public-keys returns verifies the signature over the documented string.
        let keys = try f.trail("ListPublicKeys")["PublicKeyList"]?.arrayValue ?? []
        let key = try #require(keys.first { $0["Fingerprint"] == first["digestPublicKeyFingerprint"] })
        let der = try #require(Data(base64Encoded: key["Value"]?.stringValue ?? ""))
        let body = try f.cloudTrail.store.read { try $0.object(bucket: "audit-bucket", key: first["digestS3Object"]?.stringValue ?? "")?.body } ?? Data()
        let toSign = Data("2026-01-01T01:00:00Z\naudit-bucket/\(first["digestS3Object"]?.stringValue ?? "")\n\(sha256Hex(body))\nnull".utf8)
        #expect(DigestSigningKeys.verify(signatureHex: signatures[0], message: toSign, publicKey: der))
        #expect(!DigestSigningKeys.verify(signatureHex: signatures[0], message: toSign + Data("x".utf8), publicKey: der))
        _ = arn
    }

    /// A public key edited in the database is bad input, never a crash. (swift-crypto 3.12.3
    /// freed the key twice when neither DER form parsed: the tamper tests crashed now and then.)
    @Test func unparseablePublicKeysVerifyNothing() throws {
        var random = SystemRandomNumberGenerator()
        let message = Data("2026-01-01T01:00:00Z\naudit-bucket/x\nabc\nnull".utf8)
        let signature = String(repeating: "00", count: 256)
        var garbage: [Data] = [Data(), Data([0x30, 0x00]), Data([0x30, 0x82, 0x01]), Data(repeating: 0xFF, count: 270)]
        for _ in 0..<200 { garbage.append(Data((0..<Int.random(in: 1...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })) }
        for key in garbage {
            #expect(!DigestSigningKeys.verify(signatureHex: signature, message: message, publicKey: key))
        }
    }

    @Test func signingKeysAreSealedAndRotate() throws {
        let f = try CloudTrailFixture()
        _ = try f.loggingTrail()
        try f.advance(hours: 1)
        let first = try f.trail("ListPublicKeys")["PublicKeyList"]?.arrayValue ?? []
        #expect(first.count == 1)
        try f.advance(seconds: 31 * 86400)
        let all = try f.trail("ListPublicKeys", ["StartTime": "2026-01-01T00:00:00Z"])["PublicKeyList"]?.arrayValue ?? []
        #expect(all.count == 2, "a new key signs after the first one's validity ends")
        expectServiceError("InvalidTimeRangeException") {
            try f.trail("ListPublicKeys", ["StartTime": "2026-02-01T00:00:00Z", "EndTime": "2026-01-01T00:00:00Z"])
        }
        // The private key is only stored sealed: its DER (which begins 30 82) is nowhere in the database,
        // and the sealed form does not open with another root key.
        let rows = try f.cloudTrail.store.read { try $0.signingKeys(region: "us-east-1") }
        for row in rows {
            #expect(row.wrappedPrivateKey.count > 1000)
            #expect(!row.wrappedPrivateKey.starts(with: [0x30, 0x82]))
            let binding = "cloudtrail-digest-signing-key/us-east-1/\(row.fingerprint)"
            let opened = try HSM(rootKey: f.rootKey).unwrap(row.wrappedPrivateKey, keyId: binding, version: 1)
            #expect(opened.withUnsafeBytes { Data($0).starts(with: [0x30, 0x82]) })
            #expect(throws: KMSError.self) { try HSM(rootKey: SymmetricKey(size: .bits256)).unwrap(row.wrappedPrivateKey, keyId: binding, version: 1) }
        }
    }
}

func sha256Hex(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
