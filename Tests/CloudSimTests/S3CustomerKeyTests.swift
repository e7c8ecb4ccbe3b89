import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F15: SSE-C: the key comes with every request and S3 keeps only a salted HMAC of it.
@Suite struct S3CustomerKeyTests {
    let f: ServiceFixture
    let admin = Callers.admin
    let key = Data((0..<32).map { UInt8($0 * 7 % 256) })
    let otherKey = Data(repeating: 0x42, count: 32)

    init() throws {
        f = try ServiceFixture()
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "ssec"], context: admin)
    }

    func sseC(_ key: Data, prefix: String = "") -> [(String, JSONValue)] {
        [("\(prefix)SSECustomerAlgorithm", "AES256"), ("\(prefix)SSECustomerKey", .string(key.base64EncodedString())),
         ("\(prefix)SSECustomerKeyMD5", .string(EnvelopeCipher.md5Base64(key)))]
    }

    func input(_ base: JSONObject, _ extra: [(String, JSONValue)]) -> JSONValue {
        var o = base
        for (k, v) in extra { o[k] = v }
        return .object(o)
    }

    @Test func roundTripWithTheKeyAndNoKMSEvents() throws {
        let mark = f.auditCount
        let put = try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("customer data")], sseC(key)),
                                context: admin)
        #expect(put["SSECustomerAlgorithm"] == "AES256")
        #expect(put["SSECustomerKeyMD5"]?.stringValue == EnvelopeCipher.md5Base64(key))
        #expect(put["ServerSideEncryption"] == nil)
        let got = try f.s3.call("GetObject", input: input(["Bucket": "ssec", "Key": "c"], sseC(key)), context: admin)
        #expect(decodeBody(got) == "customer data")
        #expect(try f.events(since: mark).isEmpty, "SSE-C involves no KMS key")
        // S3 does not store the key: neither it nor the plaintext is anywhere in the database.
        #expect(try !f.databaseContains(key))
        #expect(try !f.databaseContains(Data("customer data".utf8)))
    }

    @Test func readsWithoutOrWithTheWrongKeyFailAsInS3() throws {
        _ = try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x")], sseC(key)), context: admin)
        expectServiceError("InvalidRequest", status: 400, messageContains: "The correct parameters must be provided to retrieve the object") {
            try f.s3.call("GetObject", input: ["Bucket": "ssec", "Key": "c"], context: admin)
        }
        expectServiceError("AccessDenied", status: 403) {
            try f.s3.call("GetObject", input: input(["Bucket": "ssec", "Key": "c"], sseC(otherKey)), context: admin)
        }
        // HEAD responses carry no body: the CLI shows the bare status.
        expectServiceError("400", status: 400, messageContains: "Bad Request") {
            try f.s3.call("HeadObject", input: ["Bucket": "ssec", "Key": "c"], context: admin)
        }
        expectServiceError("403", status: 403, messageContains: "Forbidden") {
            try f.s3.call("HeadObject", input: input(["Bucket": "ssec", "Key": "c"], sseC(otherKey)), context: admin)
        }
        let head = try f.s3.call("HeadObject", input: input(["Bucket": "ssec", "Key": "c"], sseC(key)), context: admin)
        #expect(head["SSECustomerKeyMD5"]?.stringValue == EnvelopeCipher.md5Base64(key))
        expectServiceError("404", status: 404, messageContains: "Not Found") {
            try f.s3.call("HeadObject", input: ["Bucket": "ssec", "Key": "missing"], context: admin)
        }
        // A key given for an object that is not SSE-C.
        _ = try f.s3.call("PutObject", input: ["Bucket": "ssec", "Key": "plain", "Body": b64("p")], context: admin)
        expectServiceError("InvalidRequest", messageContains: "not applicable to this object") {
            try f.s3.call("GetObject", input: input(["Bucket": "ssec", "Key": "plain"], sseC(key)), context: admin)
        }
    }

    @Test func theKeyItselfIsChecked() throws {
        expectServiceError("InvalidArgument", messageContains: "secret key was invalid") {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x")], sseC(Data(repeating: 1, count: 16))),
                          context: admin)
        }
        var wrongMD5 = sseC(key)
        wrongMD5[2] = ("SSECustomerKeyMD5", .string(EnvelopeCipher.md5Base64(otherKey)))
        expectServiceError("InvalidArgument", messageContains: "MD5 hash of the key did not match") {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x")], wrongMD5), context: admin)
        }
        var badAlgorithm = sseC(key)
        badAlgorithm[0] = ("SSECustomerAlgorithm", "AES128")
        expectServiceError("InvalidArgument", messageContains: "AES256") {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x")], badAlgorithm), context: admin)
        }
        expectServiceError("InvalidArgument", messageContains: "client calculated MD5") {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x")], Array(sseC(key).prefix(2))),
                          context: admin)
        }
        expectServiceError("InvalidArgument") {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "c", "Body": b64("x"), "ServerSideEncryption": "AES256"], sseC(key)),
                          context: admin)
        }
    }

    @Test func aBucketCanBlockSSECUploads() throws {
        _ = try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "before", "Body": b64("old")], sseC(key)), context: admin)
        _ = try f.s3.call("PutBucketEncryption", input: [
            "Bucket": "ssec",
            "ServerSideEncryptionConfiguration": ["Rules": [[
                "ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"],
                "BlockedEncryptionTypes": ["EncryptionType": ["SSE-C"]],
            ]]],
        ], context: admin)
        let config = try f.s3.call("GetBucketEncryption", input: ["Bucket": "ssec"], context: admin)
        #expect(config["ServerSideEncryptionConfiguration"]?["Rules"]?.arrayValue?.first?["BlockedEncryptionTypes"] == ["EncryptionType": ["SSE-C"]])
        expectServiceError("AccessDenied", status: 403) {
            try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "after", "Body": b64("new")], sseC(key)), context: admin)
        }
        // Existing SSE-C objects stay readable with their key.
        #expect(decodeBody(try f.s3.call("GetObject", input: input(["Bucket": "ssec", "Key": "before"], sseC(key)), context: admin)) == "old")
    }

    @Test func copyNeedsTheSourceKeyAndCanChangeEncryption() throws {
        _ = try f.s3.call("PutObject", input: input(["Bucket": "ssec", "Key": "src", "Body": b64("move me")], sseC(key)), context: admin)
        expectServiceError("InvalidRequest") {
            try f.s3.call("CopyObject", input: ["Bucket": "ssec", "Key": "dst", "CopySource": "ssec/src"], context: admin)
        }
        let copied = try f.s3.call("CopyObject", input: input(["Bucket": "ssec", "Key": "dst", "CopySource": "ssec/src"], sseC(key, prefix: "CopySource")),
                                   context: admin)
        #expect(copied["ServerSideEncryption"] == "AES256", "without encryption members the copy takes the bucket default (SSE-S3)")
        #expect(decodeBody(try f.s3.call("GetObject", input: ["Bucket": "ssec", "Key": "dst"], context: admin)) == "move me")
    }
}
