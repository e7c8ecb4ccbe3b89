import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// Buckets, default encryption configuration, listing and copying.
@Suite struct S3BucketAndListTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
    }

    @Test func bucketNamesAreGlobalAndOwned() throws {
        let created = try f.s3.call("CreateBucket", input: ["Bucket": "shared-name"], context: admin)
        #expect(created["Location"] == "/shared-name")
        // Re-creating your own bucket in us-east-1 succeeds (legacy behaviour); elsewhere it is an error.
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "shared-name"], context: admin)
        expectServiceError("BucketAlreadyExists", status: 409) {
            try f.s3.call("CreateBucket", input: ["Bucket": "shared-name"], context: Callers.carol)
        }
        expectServiceError("AccessDenied", status: 403) {
            try f.s3.call("PutObject", input: ["Bucket": "shared-name", "Key": "k", "Body": b64("x")], context: Callers.carol)
        }
        expectServiceError("InvalidBucketName") { try f.s3.call("CreateBucket", input: ["Bucket": "Bad_Name"], context: admin) }
        expectServiceError("InvalidBucketName") { try f.s3.call("CreateBucket", input: ["Bucket": "ab"], context: admin) }
        expectServiceError("InvalidBucketName") { try f.s3.call("CreateBucket", input: ["Bucket": "192.168.1.1"], context: admin) }
        expectServiceError("InvalidLocationConstraint") {
            try f.s3.call("CreateBucket", input: ["Bucket": "east", "CreateBucketConfiguration": ["LocationConstraint": "us-east-1"]],
                          context: admin)
        }
        let west = Callers.inRegion(admin, "us-west-2")
        expectServiceError("IllegalLocationConstraintException") {
            try f.s3.call("CreateBucket", input: ["Bucket": "west-bucket"], context: west)
        }
        let w = try f.s3.call("CreateBucket", input: ["Bucket": "west-bucket", "CreateBucketConfiguration": ["LocationConstraint": "us-west-2"]],
                              context: west)
        #expect(w["Location"] == "http://west-bucket.s3.amazonaws.com/")
        let listed = try f.s3.call("ListBuckets", input: [:], context: admin)
        #expect(listed["Buckets"]?.arrayValue?.compactMap { $0["Name"]?.stringValue } == ["shared-name", "west-bucket"])
        #expect(listed["Buckets"]?.arrayValue?.last?["BucketRegion"] == "us-west-2")
        #expect(try f.s3.call("ListBuckets", input: [:], context: Callers.carol)["Buckets"] == .array([]))
        expectServiceError("NoSuchBucket", status: 404) { try f.s3.call("GetBucketEncryption", input: ["Bucket": "nope"], context: admin) }
    }

    @Test func defaultEncryptionIsSSES3AndDeletingTheConfigurationRestoresIt() throws {
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "cfg"], context: admin)
        let sseS3: JSONValue = ["ServerSideEncryptionConfiguration": ["Rules": [[
            "ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"], "BucketKeyEnabled": false]]]]
        #expect(try f.s3.call("GetBucketEncryption", input: ["Bucket": "cfg"], context: admin) == sseS3)
        _ = try f.s3.call("PutBucketEncryption", input: [
            "Bucket": "cfg",
            "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"],
                                                             "BucketKeyEnabled": true]]],
        ], context: admin)
        let kms = try f.s3.call("GetBucketEncryption", input: ["Bucket": "cfg"], context: admin)
        #expect(kms["ServerSideEncryptionConfiguration"]?["Rules"]?.arrayValue?.first?["BucketKeyEnabled"] == true)
        _ = try f.s3.call("DeleteBucketEncryption", input: ["Bucket": "cfg"], context: admin)
        #expect(try f.s3.call("GetBucketEncryption", input: ["Bucket": "cfg"], context: admin) == sseS3)
        expectServiceError("InvalidArgument", messageContains: "KMSMasterKeyID is not applicable") {
            try f.s3.call("PutBucketEncryption", input: [
                "Bucket": "cfg",
                "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256",
                                                                                                       "KMSMasterKeyID": "alias/x"]]]],
            ], context: admin)
        }
        expectServiceError("MalformedXML") {
            try f.s3.call("PutBucketEncryption", input: [
                "Bucket": "cfg", "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "DES"]]]],
            ], context: admin)
        }
        // S3 does not validate the key when the configuration is put; the first write reports it.
        _ = try f.s3.call("PutBucketEncryption", input: [
            "Bucket": "cfg",
            "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms",
                                                                                                   "KMSMasterKeyID": "alias/does-not-exist"]]]],
        ], context: admin)
        expectServiceError("KMS.NotFoundException") {
            try f.s3.call("PutObject", input: ["Bucket": "cfg", "Key": "k", "Body": b64("x")], context: admin)
        }
    }

    @Test func listObjectsV2WithPrefixDelimiterAndPages() throws {
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "list"], context: admin)
        for k in ["a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log", "z.txt"] {
            _ = try f.s3.call("PutObject", input: ["Bucket": "list", "Key": .string(k), "Body": b64(k)], context: admin)
        }
        let all = try f.s3.call("ListObjectsV2", input: ["Bucket": "list"], context: admin)
        #expect(all["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue }
            == ["a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log", "z.txt"])
        #expect(all["KeyCount"] == 5 && all["IsTruncated"] == false)
        #expect(all["Contents"]?.arrayValue?.first?["ETag"]?.stringValue == "\"\(EnvelopeCipher.md5Hex(Data("a.txt".utf8)))\"")
        let grouped = try f.s3.call("ListObjectsV2", input: ["Bucket": "list", "Delimiter": "/"], context: admin)
        #expect(grouped["CommonPrefixes"] == [["Prefix": "logs/"]])
        #expect(grouped["KeyCount"] == 3)
        let inLogs = try f.s3.call("ListObjectsV2", input: ["Bucket": "list", "Prefix": "logs/", "Delimiter": "/"], context: admin)
        #expect(inLogs["CommonPrefixes"] == [["Prefix": "logs/2026/"], ["Prefix": "logs/2027/"]])
        var keys: [String] = []
        var token: JSONValue?
        repeat {
            var input: JSONObject = ["Bucket": "list", "MaxKeys": 2]
            if let token { input["ContinuationToken"] = token }
            let page = try f.s3.call("ListObjectsV2", input: .object(input), context: admin)
            keys += page["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } ?? []
            token = page["NextContinuationToken"]
            #expect((page["IsTruncated"] == true) == (token != nil))
        } while token != nil
        #expect(keys.count == 5 && keys == keys.sorted())
        expectServiceError("BucketNotEmpty", status: 409) { try f.s3.call("DeleteBucket", input: ["Bucket": "list"], context: admin) }
        for k in keys { _ = try f.s3.call("DeleteObject", input: ["Bucket": "list", "Key": .string(k)], context: admin) }
        _ = try f.s3.call("DeleteBucket", input: ["Bucket": "list"], context: admin)
        expectServiceError("NoSuchBucket") { try f.s3.call("ListObjectsV2", input: ["Bucket": "list"], context: admin) }
    }

    @Test func copyReencryptsToTheTargetSettings() throws {
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "plain"], context: admin)
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "kms"], context: admin)
        let key = try f.createKey()
        _ = try f.s3.call("PutBucketEncryption", input: [
            "Bucket": "kms",
            "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(key)]]]],
        ], context: admin)
        _ = try f.s3.call("PutObject", input: ["Bucket": "plain", "Key": "doc", "Body": b64("contract"), "Metadata": ["owner": "legal"]],
                          context: admin)
        let mark = f.auditCount
        let copy = try f.s3.call("CopyObject", input: ["Bucket": "kms", "Key": "doc", "CopySource": "plain/doc"], context: admin)
        #expect(copy["ServerSideEncryption"] == "aws:kms" && copy["SSEKMSKeyId"]?.stringValue == key)
        #expect(copy["CopyObjectResult"]?["ETag"] != nil)
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["GenerateDataKey"], "SSE-S3 source: no Decrypt; KMS target: one GenerateDataKey")
        #expect(events.first?.context == ["aws:s3:arn": "arn:aws:s3:::kms/doc"])
        let got = try f.s3.call("GetObject", input: ["Bucket": "kms", "Key": "doc"], context: admin)
        #expect(decodeBody(got) == "contract" && got["Metadata"] == ["owner": "legal"])
        // Back to SSE-S3 by asking for it: the KMS source is decrypted once, nothing generated.
        let mark2 = f.auditCount
        let back = try f.s3.call("CopyObject", input: ["Bucket": "plain", "Key": "doc2", "CopySource": "/kms/doc", "ServerSideEncryption": "AES256"],
                                 context: admin)
        #expect(back["ServerSideEncryption"] == "AES256")
        #expect(try f.events(since: mark2).map(\.name) == ["Decrypt"])
        expectServiceError("InvalidRequest", messageContains: "copy an object to itself") {
            try f.s3.call("CopyObject", input: ["Bucket": "plain", "Key": "doc", "CopySource": "plain/doc"], context: admin)
        }
        // Re-encrypting in place (same key, new encryption) is allowed.
        let inPlace = try f.s3.call("CopyObject", input: ["Bucket": "plain", "Key": "doc", "CopySource": "plain/doc", "ServerSideEncryption": "aws:kms",
                                                          "SSEKMSKeyId": .string(key)], context: admin)
        #expect(inPlace["SSEKMSKeyId"]?.stringValue == key)
        expectServiceError("NoSuchKey") {
            try f.s3.call("CopyObject", input: ["Bucket": "plain", "Key": "x", "CopySource": "plain/missing"], context: admin)
        }
    }

    @Test func rangeReadsAndContentMD5() throws {
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "rng"], context: admin)
        _ = try f.s3.call("PutObject", input: ["Bucket": "rng", "Key": "k", "Body": b64("0123456789")], context: admin)
        let part = try f.s3.call("GetObject", input: ["Bucket": "rng", "Key": "k", "Range": "bytes=2-4"], context: admin)
        #expect(decodeBody(part) == "234" && part["ContentRange"] == "bytes 2-4/10" && part["ContentLength"] == 3)
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "rng", "Key": "k", "Range": "bytes=-3"], context: admin)) == "789")
        expectServiceError("InvalidRange", status: 416) {
            try f.s3.call("GetObject", input: ["Bucket": "rng", "Key": "k", "Range": "bytes=20-30"], context: admin)
        }
        expectServiceError("BadDigest") {
            try f.s3.call("PutObject", input: ["Bucket": "rng", "Key": "k2", "Body": b64("abc"), "ContentMD5": "AAAAAAAAAAAAAAAAAAAAAA=="],
                          context: admin)
        }
        expectServiceError("UnsupportedOperation") { try f.s3.call("PutBucketPolicy", input: [:], context: admin) }
    }
}
