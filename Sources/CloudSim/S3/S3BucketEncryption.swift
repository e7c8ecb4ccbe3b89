import Foundation
import KMSEngine
import Wire

/// PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption: a bucket's default encryption.
extension S3Service {
    static let malformedXML = AWSServiceError("MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema")

    func putBucketEncryption(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let configuration = try input.object("ServerSideEncryptionConfiguration") else {
            throw S3Error.missing("ServerSideEncryptionConfiguration", operation: "PutBucketEncryption")
        }
        let rule = try Self.readRule(configuration)
        return try store.atomically {
            var bucket = try requireBucket(input, context, operation: "PutBucketEncryption")
            // S3 does not check the KMS key here: a wrong key shows up on the first write.
            bucket.rule = rule
            try store.put(try ServiceRecord(key: bucketRecordKey(bucket), encoding: bucket))
            return .object(JSONObject())
        }
    }

    func getBucketEncryption(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try store.atomically {
            let bucket = try requireBucket(input, context, operation: "GetBucketEncryption")
            return ["ServerSideEncryptionConfiguration": ["Rules": [Self.ruleJSON(bucket.rule)]]]
        }
    }

    func deleteBucketEncryption(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try store.atomically {
            var bucket = try requireBucket(input, context, operation: "DeleteBucketEncryption")
            // Deleting the configuration returns the bucket to the default every bucket has: SSE-S3.
            bucket.rule = .sseS3
            try store.put(try ServiceRecord(key: bucketRecordKey(bucket), encoding: bucket))
            return .object(JSONObject())
        }
    }

    static func readRule(_ configuration: JSONObject) throws -> S3DefaultEncryption {
        guard let rules = configuration["Rules"]?.arrayValue, rules.count == 1, let rule = rules[0].objectValue,
            let apply = rule["ApplyServerSideEncryptionByDefault"]?.objectValue,
            let algorithm = apply["SSEAlgorithm"]?.stringValue
        else { throw malformedXML }
        guard ["AES256", "aws:kms", "aws:kms:dsse"].contains(algorithm) else { throw malformedXML }
        let keyId = apply["KMSMasterKeyID"]?.stringValue
        if keyId != nil && algorithm == "AES256" {
            throw S3Error.invalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse")
        }
        var blocked: [String]?
        if let b = rule["BlockedEncryptionTypes"] {
            guard let types = b["EncryptionType"]?.arrayValue?.compactMap(\.stringValue),
                types.allSatisfy({ $0 == "SSE-C" || $0 == "NONE" })
            else { throw malformedXML }
            blocked = types
        }
        let bucketKey = rule["BucketKeyEnabled"].map { $0.boolValue ?? false } ?? false
        return S3DefaultEncryption(sseAlgorithm: algorithm, kmsMasterKeyID: keyId, bucketKeyEnabled: bucketKey,
                                   blockedEncryptionTypes: blocked)
    }

    static func ruleJSON(_ rule: S3DefaultEncryption) -> JSONValue {
        var apply: JSONObject = ["SSEAlgorithm": .string(rule.sseAlgorithm)]
        if let key = rule.kmsMasterKeyID { apply["KMSMasterKeyID"] = .string(key) }
        var out: JSONObject = ["ApplyServerSideEncryptionByDefault": .object(apply), "BucketKeyEnabled": .bool(rule.bucketKeyEnabled)]
        if let blocked = rule.blockedEncryptionTypes {
            out["BlockedEncryptionTypes"] = ["EncryptionType": .array(blocked.map(JSONValue.string))]
        }
        return .object(out)
    }
}
