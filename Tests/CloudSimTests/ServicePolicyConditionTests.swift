import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// Key policies see what the services send: kms:ViaService and the services' encryption context.
@Suite struct ServicePolicyConditionTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "allowed-bucket"], context: admin)
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "other-bucket"], context: admin)
    }

    /// The default statement for the account, plus alice allowed to use the key only through S3
    /// and only for objects in allowed-bucket.
    func restrictedKey() throws -> String {
        let key = try f.createKey()
        let policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"AliceThroughS3","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},
               "Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"*",
               "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"},
                            "StringLike":{"kms:EncryptionContext:aws:s3:arn":"arn:aws:s3:::allowed-bucket/*"}}}]}
            """
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key, Policy: policy), admin)
        return key
    }

    @Test func viaServiceAndEncryptionContextConditionsAreEvaluated() throws {
        let key = try restrictedKey()
        let alice = Callers.alice
        let put: JSONValue = ["Bucket": "allowed-bucket", "Key": "report.pdf", "Body": b64("q3"), "ServerSideEncryption": "aws:kms",
                              "SSEKMSKeyId": .string(key)]
        _ = try f.s3.call("PutObject", input: put, context: alice)
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "allowed-bucket", "Key": "report.pdf"], context: alice)) == "q3")
        // Same key, another bucket: the encryption context no longer matches.
        expectServiceError("AccessDenied", status: 403) {
            try f.s3.call("PutObject", input: ["Bucket": "other-bucket", "Key": "x", "Body": b64("x"), "ServerSideEncryption": "aws:kms",
                                               "SSEKMSKeyId": .string(key)], context: alice)
        }
        // Same key, directly: kms:ViaService is absent.
        do {
            _ = try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key, EncryptionContext: ["aws:s3:arn": "arn:aws:s3:::allowed-bucket/x"],
                                                                    KeySpec: .aes256), alice)
            Issue.record("a direct call must be refused")
        } catch {
            #expect(error.code == .accessDenied)
        }
    }

    @Test func theSideBySideLab() throws {
        // Lab 8: the same object under each S3 option, and which leave KMS events.
        let key = Data(repeating: 7, count: 32)
        var counts: [String: Int] = [:]
        let options: [(String, JSONObject)] = [
            ("SSE-S3", ["ServerSideEncryption": "AES256"]),
            ("SSE-KMS aws/s3", ["ServerSideEncryption": "aws:kms"]),
            ("SSE-KMS CMK", ["ServerSideEncryption": "aws:kms", "SSEKMSKeyId": .string(try f.createKey())]),
            ("SSE-C", ["SSECustomerAlgorithm": "AES256", "SSECustomerKey": .string(key.base64EncodedString()),
                       "SSECustomerKeyMD5": .string(EnvelopeCipher.md5Base64(key))]),
        ]
        for (label, members) in options {
            let mark = f.auditCount
            var put: JSONObject = ["Bucket": "allowed-bucket", "Key": .string(label), "Body": b64("same data")]
            var get: JSONObject = ["Bucket": "allowed-bucket", "Key": .string(label)]
            for (k, v) in members {
                put[k] = v
                if k.hasPrefix("SSECustomer") { get[k] = v }
            }
            _ = try f.s3.call("PutObject", input: .object(put), context: admin)
            #expect(decodeBody(try f.s3.call("GetObject", input: .object(get), context: admin)) == "same data")
            counts[label] = try f.events(since: mark).filter { $0.name == "GenerateDataKey" || $0.name == "Decrypt" }.count
        }
        #expect(counts == ["SSE-S3": 0, "SSE-KMS aws/s3": 2, "SSE-KMS CMK": 2, "SSE-C": 0])
    }

    @Test func serviceCallsAreAuditedWithTheCallersIdentityAndRegion() throws {
        let west = Callers.inRegion(admin, "eu-west-1")
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "eu-bucket", "CreateBucketConfiguration": ["LocationConstraint": "eu-west-1"]],
                          context: west)
        let mark = f.auditCount
        // The request is sent to us-east-1, but the bucket lives in eu-west-1: S3 calls KMS there.
        _ = try f.s3.call("PutObject", input: ["Bucket": "eu-bucket", "Key": "k", "Body": b64("x"), "ServerSideEncryption": "aws:kms"],
                          context: admin)
        let events = try f.events(since: mark)
        #expect(events.map { $0.record["awsRegion"]?.stringValue ?? "" } == ["eu-west-1", "eu-west-1"])
        #expect(events.last?.record["userIdentity"]?["arn"] == "arn:aws:iam::111122223333:user/admin")
        #expect(events.last?.record["userAgent"] == "s3.amazonaws.com")
    }
}
