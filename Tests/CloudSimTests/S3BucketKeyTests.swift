import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// S3 Bucket Keys: one KMS request per bucket key and caller and period, measured in the audit log.
@Suite struct S3BucketKeyTests {
    let f: ServiceFixture
    let admin = Callers.admin
    let key: String

    init() throws {
        f = try ServiceFixture(s3Configuration: S3Service.Configuration(bucketKeyLifetime: 300))
        key = try f.createKey()
        for (bucket, bucketKey) in [("with-bucket-key", true), ("without-bucket-key", false)] {
            _ = try f.s3.call("CreateBucket", input: ["Bucket": .string(bucket)], context: admin)
            _ = try f.s3.call("PutBucketEncryption", input: [
                "Bucket": .string(bucket),
                "ServerSideEncryptionConfiguration": ["Rules": [[
                    "ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(key)],
                    "BucketKeyEnabled": .bool(bucketKey),
                ]]],
            ], context: admin)
        }
    }

    func putTen(_ bucket: String, as context: RequestContext) throws -> [JSONValue] {
        try (0..<10).map { i in
            try f.s3.call("PutObject", input: ["Bucket": .string(bucket), "Key": .string("obj-\(i)"), "Body": b64("payload \(i)")],
                          context: context)
        }
    }

    func getTen(_ bucket: String, as context: RequestContext) throws {
        for i in 0..<10 {
            let got = try f.s3.call("GetObject", input: ["Bucket": .string(bucket), "Key": .string("obj-\(i)")], context: context)
            #expect(decodeBody(got) == "payload \(i)")
        }
    }

    @Test func bucketKeyCutsKMSRequestsTenToOne() throws {
        let mark = f.auditCount
        _ = try putTen("without-bucket-key", as: admin)
        let without = try f.events(since: mark)
        #expect(without.filter { $0.name == "GenerateDataKey" }.count == 10)
        #expect(Set(without.map { $0.context["aws:s3:arn"] ?? "" }).count == 10, "one data key per object, context = object ARN")

        let mark2 = f.auditCount
        let puts = try putTen("with-bucket-key", as: admin)
        #expect(puts.allSatisfy { $0["BucketKeyEnabled"] == true && $0["SSEKMSKeyId"]?.stringValue == key })
        let with = try f.events(since: mark2)
        #expect(with.map(\.name) == ["GenerateDataKey"], "one bucket key serves all ten objects")
        #expect(with.first?.context == ["aws:s3:arn": "arn:aws:s3:::with-bucket-key"], "context is the bucket ARN")
        #expect(with.first?.invokedBy == "s3.amazonaws.com")
    }

    @Test func readsDecryptTheBucketKeyOncePerPeriodAndCaller() throws {
        _ = try putTen("with-bucket-key", as: admin)
        _ = try putTen("without-bucket-key", as: admin)
        try f.advance(seconds: 301)
        let mark = f.auditCount
        try getTen("without-bucket-key", as: admin)
        #expect(try f.events(since: mark).filter { $0.name == "Decrypt" }.count == 10)
        let mark2 = f.auditCount
        try getTen("with-bucket-key", as: admin)
        let reads = try f.events(since: mark2)
        #expect(reads.map(\.name) == ["Decrypt"])
        #expect(reads.first?.context == ["aws:s3:arn": "arn:aws:s3:::with-bucket-key"])
        // Another principal does not ride on the admin's cached key: its permission is checked by
        // its own request to KMS (and alice has no permission on this CMK).
        let mark3 = f.auditCount
        expectServiceError("AccessDenied", status: 403) {
            try f.s3.call("GetObject", input: ["Bucket": "with-bucket-key", "Key": "obj-0"], context: Callers.alice)
        }
        let refused = try f.events(since: mark3)
        #expect(refused.map(\.name) == ["Decrypt"] && refused.first?.errorCode == "AccessDenied" && refused.first?.userName == "alice")
    }

    @Test func aNewPeriodGeneratesANewBucketKey() throws {
        let mark = f.auditCount
        _ = try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": "a", "Body": b64("a")], context: admin)
        try f.advance(seconds: 299)
        _ = try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": "b", "Body": b64("b")], context: admin)
        try f.advance(seconds: 2)
        _ = try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": "c", "Body": b64("c")], context: admin)
        #expect(try f.events(since: mark).filter { $0.name == "GenerateDataKey" }.count == 2)
        // Objects under the old and the new bucket key both read back.
        for k in ["a", "b", "c"] {
            #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "with-bucket-key", "Key": .string(k)], context: admin)) == k)
        }
    }

    @Test func aDisabledKeyStopsBucketKeyReadsAtOnce() throws {
        _ = try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": "a", "Body": b64("a")], context: admin)
        try f.disableKey(key)
        // The bucket key S3 holds is not used once the KMS key is disabled: S3 asks KMS, which refuses.
        let mark = f.auditCount
        expectServiceError("KMS.DisabledException") {
            try f.s3.call("GetObject", input: ["Bucket": "with-bucket-key", "Key": "a"], context: admin)
        }
        #expect(try f.events(since: mark).map { "\($0.name):\($0.errorCode ?? "")" } == ["Decrypt:DisabledException"])
        expectServiceError("KMS.DisabledException") {
            try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": "b", "Body": b64("b")], context: admin)
        }
    }

    @Test func theRequestHeaderOverridesTheBucketSetting() throws {
        let mark = f.auditCount
        for i in 0..<3 {
            let put = try f.s3.call("PutObject", input: ["Bucket": "with-bucket-key", "Key": .string("o\(i)"), "Body": b64("x"),
                                                         "BucketKeyEnabled": false], context: admin)
            #expect(put["BucketKeyEnabled"] == nil)
        }
        #expect(try f.events(since: mark).filter { $0.name == "GenerateDataKey" }.count == 3)
    }

    @Test func noPlaintextKeyIsStored() throws {
        _ = try putTen("with-bucket-key", as: admin)
        // The cached bucket key is kept sealed under S3's owned key; decrypting the stored bucket
        // key through KMS gives the plaintext, which must appear nowhere in the database.
        let mark = f.auditCount
        try f.advance(seconds: 301)
        try getTen("with-bucket-key", as: admin)
        let decrypt = try #require(try f.events(since: mark).first { $0.name == "Decrypt" })
        #expect(decrypt.record["responseElements"] == nil || decrypt.record["responseElements"] == .null)
        #expect(try !f.databaseContains(Data("payload 3".utf8)))
    }
}
