import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F13, F14, F3, F4: SSE-S3 leaves no KMS events; SSE-KMS calls KMS as the user through S3.
@Suite struct S3SSEKMSTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "drill-bucket"], context: admin)
    }

    @Test func sseS3IsTheDefaultAndLeavesNoKMSEvents() throws {
        let before = f.auditCount
        let put = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "a.txt", "Body": b64("top secret payroll")],
                                context: admin)
        #expect(put["ServerSideEncryption"] == "AES256")
        #expect(put["SSEKMSKeyId"] == nil)
        let got = try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "a.txt"], context: admin)
        #expect(decodeBody(got) == "top secret payroll")
        #expect(got["ServerSideEncryption"] == "AES256")
        #expect(try f.events(since: before).isEmpty, "SSE-S3 uses S3's AWS owned key: nothing in the account's log")
        // Really encrypted at rest: the plaintext is nowhere in the database.
        #expect(try !f.databaseContains(Data("top secret payroll".utf8)))
        // The AWS owned key is not a KMS key of the account.
        #expect(try f.engine.listKeys(ListKeysRequest(), admin).Keys.isEmpty)
    }

    @Test func sseKMSWithoutAKeyCreatesAndUsesTheAWSManagedKey() throws {
        let before = f.auditCount
        let put = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "r.csv", "Body": b64("q1,q2"),
                                                     "ServerSideEncryption": "aws:kms"], context: admin)
        let events = try f.events(since: before)
        let aliases = try f.engine.listAliases(ListAliasesRequest(), admin).Aliases
        let managed = try #require(aliases.first { $0.AliasName == "alias/aws/s3" })
        let keyArn = try #require(put["SSEKMSKeyId"]?.stringValue)
        #expect(keyArn.hasSuffix(managed.TargetKeyId ?? "missing"))
        #expect(events.map(\.name) == ["CreateKey", "GenerateDataKey"])
        #expect(events[0].invokedBy == "s3.amazonaws.com", "S3 created aws/s3 on first use")
        let gdk = events[1]
        #expect(gdk.userName == "admin" && gdk.invokedBy == "s3.amazonaws.com")
        #expect(gdk.context == ["aws:s3:arn": "arn:aws:s3:::drill-bucket/r.csv"])
        #expect(gdk.record["sourceIPAddress"] == "s3.amazonaws.com")

        let mark = f.auditCount
        let got = try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "r.csv"], context: admin)
        #expect(decodeBody(got) == "q1,q2")
        #expect(got["SSEKMSKeyId"]?.stringValue == keyArn)
        let reads = try f.events(since: mark)
        #expect(reads.map(\.name) == ["Decrypt"])
        #expect(reads.first?.context == ["aws:s3:arn": "arn:aws:s3:::drill-bucket/r.csv"])
        #expect(reads.first?.invokedBy == "s3.amazonaws.com")
        // HeadObject reads metadata only: no KMS request.
        let head = f.auditCount
        _ = try f.s3.call("HeadObject", input: ["Bucket": "drill-bucket", "Key": "r.csv"], context: admin)
        #expect(try f.events(since: head).isEmpty)
    }

    @Test func theAWSManagedKeyWorksOnlyThroughS3() throws {
        _ = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "x", "Body": b64("x"), "ServerSideEncryption": "aws:kms"],
                          context: admin)
        // The same principal calling KMS directly is refused: aws/s3's policy requires kms:ViaService.
        #expect(throws: KMSError.self) {
            try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: "alias/aws/s3", KeySpec: .aes256), admin)
        }
        do {
            _ = try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: "alias/aws/s3", KeySpec: .aes256), admin)
        } catch {
            #expect(error.code == .accessDenied)
        }
        // Bob has no IAM policy at all, yet may use aws/s3 through S3 (the key policy allows every
        // principal of the account through the service).
        let bob = Callers.bob
        _ = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "bob.txt", "Body": b64("hi"), "ServerSideEncryption": "aws:kms"],
                          context: bob)
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "bob.txt"], context: bob)) == "hi")
    }

    @Test func customerManagedKeyAsBucketDefault() throws {
        let key = try f.createKey()
        _ = try f.s3.call("PutBucketEncryption", input: [
            "Bucket": "drill-bucket",
            "ServerSideEncryptionConfiguration": ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(key)]]]],
        ], context: admin)
        let config = try f.s3.call("GetBucketEncryption", input: ["Bucket": "drill-bucket"], context: admin)
        #expect(config["ServerSideEncryptionConfiguration"]?["Rules"]?.arrayValue?.first?["ApplyServerSideEncryptionByDefault"]?["KMSMasterKeyID"]?.stringValue == key)
        let before = f.auditCount
        let put = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "d", "Body": b64("data")], context: admin)
        #expect(put["ServerSideEncryption"] == "aws:kms")
        #expect(put["SSEKMSKeyId"]?.stringValue == key)
        let events = try f.events(since: before)
        #expect(events.map(\.name) == ["GenerateDataKey"])
        #expect(events.first?.resources == [key])
        // Bob has no KMS permission on the CMK (its policy delegates to IAM; he has no IAM policy).
        let mark = f.auditCount
        let e = expectServiceError("AccessDenied", status: 403, messageContains: "kms:GenerateDataKey") {
            try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "e", "Body": b64("x")], context: Callers.bob)
        }
        #expect(e?.message.contains("bob") == true)
        let refused = try f.events(since: mark)
        #expect(refused.map(\.name) == ["GenerateDataKey"], "the refused call is in the log too")
        #expect(refused.first?.errorCode == "AccessDenied")
        #expect(refused.first?.invokedBy == "s3.amazonaws.com")
        expectServiceError("NoSuchKey", status: 404) {
            try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "e"], context: admin)
        }
    }

    @Test func disabledOrPendingDeletionKeyStopsReadsAndWrites() throws {
        let key = try f.createKey()
        _ = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "k", "Body": b64("v"), "ServerSideEncryption": "aws:kms",
                                               "SSEKMSKeyId": .string(key)], context: admin)
        try f.disableKey(key)
        let mark = f.auditCount
        expectServiceError("KMS.DisabledException", status: 400, messageContains: "is disabled") {
            try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "k"], context: admin)
        }
        expectServiceError("KMS.DisabledException") {
            try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "k2", "Body": b64("v"), "ServerSideEncryption": "aws:kms",
                                               "SSEKMSKeyId": .string(key)], context: admin)
        }
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["Decrypt", "GenerateDataKey"])
        #expect(events.allSatisfy { $0.errorCode == "DisabledException" && $0.invokedBy == "s3.amazonaws.com" })
        try f.enableKey(key)
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "k"], context: admin)) == "v")
        _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: key, PendingWindowInDays: 7), admin)
        expectServiceError("KMS.KMSInvalidStateException", messageContains: "pending deletion") {
            try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "k"], context: admin)
        }
        // When the window ends the key is gone, and the object can never be read again.
        try f.advance(seconds: 8 * 86400)
        expectServiceError("KMS.NotFoundException") {
            try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "k"], context: admin)
        }
    }

    @Test func additionalEncryptionContextIsBoundAndAudited() throws {
        let context = Data(#"{"project":"apollo"}"#.utf8).base64EncodedString()
        let mark = f.auditCount
        let put = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "c", "Body": b64("ctx"), "ServerSideEncryption": "aws:kms",
                                                     "SSEKMSEncryptionContext": .string(context)], context: admin)
        let echoed = try #require(put["SSEKMSEncryptionContext"]?.stringValue.flatMap { Data(base64Encoded: $0) })
        #expect(String(data: echoed, encoding: .utf8) == #"{"aws:s3:arn":"arn:aws:s3:::drill-bucket/c","project":"apollo"}"#)
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "c"], context: admin)) == "ctx")
        let events = try f.events(since: mark).filter { $0.name != "CreateKey" }
        #expect(events.map(\.name) == ["GenerateDataKey", "Decrypt"])
        #expect(events.allSatisfy { $0.context == ["aws:s3:arn": "arn:aws:s3:::drill-bucket/c", "project": "apollo"] })
        expectServiceError("InvalidArgument", messageContains: "Base64-encoded") {
            try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "c2", "Body": b64("x"), "ServerSideEncryption": "aws:kms",
                                               "SSEKMSEncryptionContext": "not base64 json"], context: admin)
        }
        expectServiceError("InvalidArgument", messageContains: "requires HTTP header x-amz-server-side-encryption : aws:kms") {
            try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "c3", "Body": b64("x"), "SSEKMSKeyId": "alias/whatever"],
                          context: admin)
        }
    }

    @Test func dualLayerRoundTripsWithOneKMSCallEachWay() throws {
        let mark = f.auditCount
        let put = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "dsse", "Body": b64("two layers"),
                                                     "ServerSideEncryption": "aws:kms:dsse", "BucketKeyEnabled": true], context: admin)
        #expect(put["ServerSideEncryption"] == "aws:kms:dsse")
        #expect(put["BucketKeyEnabled"] == nil, "S3 Bucket Keys are not supported with DSSE-KMS")
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "dsse"], context: admin)) == "two layers")
        #expect(try f.events(since: mark).map(\.name) == ["CreateKey", "GenerateDataKey", "Decrypt"])
    }

    @Test func tamperedCiphertextIsDetected() throws {
        _ = try f.s3.call("PutObject", input: ["Bucket": "drill-bucket", "Key": "t", "Body": b64("integrity")], context: admin)
        try f.database.executeForTesting(
            "UPDATE service_records SET payload = zeroblob(length(payload)) WHERE kind = 'object' AND name = 'drill-bucket/t'")
        expectServiceError("InternalError", status: 500) {
            try f.s3.call("GetObject", input: ["Bucket": "drill-bucket", "Key": "t"], context: admin)
        }
    }
}
