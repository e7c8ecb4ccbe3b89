import Foundation
import Wire

/// A CloudTrail digest file, with the documented field names and order.
struct DigestFile {
    struct LogFileEntry {
        var s3Bucket: String
        var s3Object: String
        var hashValue: String
        var newestEventTime: Date?
        var oldestEventTime: Date?
    }

    var awsAccountId: String
    var digestStartTime: Date
    var digestEndTime: Date
    var digestS3Bucket: String
    var digestS3Object: String
    var digestPublicKeyFingerprint: String
    var newestEventTime: Date?
    var oldestEventTime: Date?
    var previous: DigestChainState.PreviousDigest?
    var logFiles: [LogFileEntry]

    static let signatureAlgorithm = "SHA256withRSA"
    static let hashAlgorithm = "SHA-256"

    var json: JSONValue {
        func time(_ d: Date?) -> JSONValue { d.map { .string(Timestamp.zulu($0)) } ?? .null }
        var o = JSONObject()
        o["awsAccountId"] = .string(awsAccountId)
        o["digestStartTime"] = time(digestStartTime)
        o["digestEndTime"] = time(digestEndTime)
        o["digestS3Bucket"] = .string(digestS3Bucket)
        o["digestS3Object"] = .string(digestS3Object)
        o["digestPublicKeyFingerprint"] = .string(digestPublicKeyFingerprint)
        o["digestSignatureAlgorithm"] = .string(Self.signatureAlgorithm)
        o["newestEventTime"] = time(newestEventTime)
        o["oldestEventTime"] = time(oldestEventTime)
        o["previousDigestS3Bucket"] = previous.map { .string($0.bucket) } ?? .null
        o["previousDigestS3Object"] = previous.map { .string($0.key) } ?? .null
        o["previousDigestHashValue"] = previous.map { .string($0.hash) } ?? .null
        o["previousDigestHashAlgorithm"] = previous == nil ? .null : .string(Self.hashAlgorithm)
        o["previousDigestSignature"] = previous.map { .string($0.signature) } ?? .null
        o["logFiles"] = .array(logFiles.map { f in
            var e = JSONObject()
            e["s3Bucket"] = .string(f.s3Bucket)
            e["s3Object"] = .string(f.s3Object)
            e["hashValue"] = .string(f.hashValue)
            e["hashAlgorithm"] = .string(Self.hashAlgorithm)
            e["newestEventTime"] = time(f.newestEventTime)
            e["oldestEventTime"] = time(f.oldestEventTime)
            return .object(e)
        })
        return .object(o)
    }

    var body: Data { Data(JSONWriter.compact(json).utf8) }

    /// What CloudTrail signs: the digest's end time, its S3 path, the hex SHA-256 of the digest's
    /// bytes and the previous digest's signature (`null` for the first of a chain), one per line.
    static func stringToSign(endTime: String, bucket: String, key: String, bodyHashHex: String, previousSignature: String?) -> Data {
        Data("\(endTime)\n\(bucket)/\(key)\n\(bodyHashHex)\n\(previousSignature ?? "null")".utf8)
    }
}
