import Foundation
import KMSEngine
import Wire

/// PutObject, GetObject, HeadObject, DeleteObject.
extension S3Service {
    func putObject(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let key = try requireKey(input, operation: "PutObject")
        let body = try input.blob("Body") ?? Data()
        if let md5 = try input.string("ContentMD5"), md5 != EnvelopeCipher.md5Base64(body) {
            throw AWSServiceError("BadDigest", "The Content-MD5 you specified did not match what we received.")
        }
        let contentType = try input.string("ContentType") ?? "binary/octet-stream"
        let metadata = try input.stringMap("Metadata") ?? [:]
        return try store.atomically {
            let bucket = try requireBucket(input, context, operation: "PutObject")
            let encryption = try S3WriteEncryption.resolve(input, bucket: bucket, managedKeyAlias: kms.managedKeyAlias)
            let (stored, sealed) = try seal(body, bucket: bucket, key: key, encryption: encryption, caller: context)
            let object = S3Object(key: key, size: body.count, etag: Self.etag(body: body, sealed: sealed, encryption: stored),
                                  lastModified: engine.clock.now(), contentType: contentType, metadata: metadata, encryption: stored)
            try store.put(try ServiceRecord(key: objectRecordKey(bucket, key), encoding: object, payload: sealed))
            var out: JSONObject = ["ETag": .string("\"\(object.etag)\"")]
            out.merge(Self.encryptionMembers(stored, echoContext: true))
            return .object(out)
        }
    }

    func getObject(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let key = try requireKey(input, operation: "GetObject")
        let customer = try S3CustomerKey.read(input, prefix: "")
        let range = try input.string("Range")
        return try store.atomically {
            let bucket = try requireBucket(input, context, operation: "GetObject")
            guard let (object, sealed) = try objectRecord(bucket, key).map({ ($0.0, $0.1) }) else { throw S3Error.noSuchKey() }
            try checkCustomerKey(object, customer)
            let body = try open(object, sealed: sealed, bucket: bucket, customerKey: customer, caller: context)
            var out = Self.objectMembers(object)
            if let range {
                let (slice, contentRange) = try Self.apply(range: range, to: body)
                out["ContentLength"] = .int(slice.count)
                out["ContentRange"] = .string(contentRange)
                out["Body"] = .string(slice.base64EncodedString())
            } else {
                out["Body"] = .string(body.base64EncodedString())
            }
            return .object(out)
        }
    }

    /// Metadata only: no body is decrypted, so no KMS request is made (an SSE-C key is still
    /// required and checked).
    func headObject(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let key = try requireKey(input, operation: "HeadObject")
        let customer = try S3CustomerKey.read(input, prefix: "")
        return try store.atomically {
            let bucket = try requireBucket(input, context, operation: "HeadObject")
            guard let object = try objectRecord(bucket, key)?.0 else { throw S3Error.noSuchKey() }
            try checkCustomerKey(object, customer)
            return .object(Self.objectMembers(object))
        }
    }

    func deleteObject(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let key = try requireKey(input, operation: "DeleteObject")
        return try store.atomically {
            let bucket = try requireBucket(input, context, operation: "DeleteObject")
            // Deleting a key that does not exist succeeds too (204), as in S3.
            try store.delete(objectRecordKey(bucket, key))
            return .object(JSONObject())
        }
    }

    // MARK: Response members

    /// The members GetObject and HeadObject return about an object.
    static func objectMembers(_ object: S3Object) -> JSONObject {
        var out: JSONObject = [
            "AcceptRanges": "bytes",
            "LastModified": .double(object.lastModified.timeIntervalSince1970),
            "ContentLength": .int(object.size),
            "ETag": .string("\"\(object.etag)\""),
            "ContentType": .string(object.contentType),
        ]
        out.merge(encryptionMembers(object.encryption, echoContext: false))
        out["Metadata"] = .object(JSONObject(object.metadata.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        return out
    }

    /// `ServerSideEncryption`, `SSEKMSKeyId`, `BucketKeyEnabled`, `SSECustomer*` as S3 reports them.
    static func encryptionMembers(_ encryption: S3StoredEncryption, echoContext: Bool) -> JSONObject {
        switch encryption {
        case .sseS3:
            return ["ServerSideEncryption": "AES256"]
        case .sseC(let check):
            return ["SSECustomerAlgorithm": "AES256", "SSECustomerKeyMD5": .string(check.keyMD5)]
        case .kms(let info):
            var out: JSONObject = ["ServerSideEncryption": .string(info.dualLayer ? "aws:kms:dsse" : "aws:kms"),
                                   "SSEKMSKeyId": .string(info.keyArn)]
            if echoContext, info.requestContext != nil {
                let sorted = JSONObject(info.context.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
                out["SSEKMSEncryptionContext"] = .string(Data(JSONWriter.compact(.object(sorted)).utf8).base64EncodedString())
            }
            if info.bucketKeyId != nil { out["BucketKeyEnabled"] = true }
            return out
        }
    }

    /// An unencrypted or SSE-S3 object's ETag is the MD5 of its data; with SSE-KMS or SSE-C it is not.
    static func etag(body: Data, sealed: Data, encryption: S3StoredEncryption) -> String {
        if case .sseS3 = encryption { return EnvelopeCipher.md5Hex(body) }
        return EnvelopeCipher.md5Hex(sealed)
    }

    /// A `Range: bytes=...` request: the slice and its `Content-Range`.
    static func apply(range: String, to body: Data) throws -> (Data, String) {
        let invalid = AWSServiceError("InvalidRange", "The requested range is not satisfiable", httpStatus: 416)
        guard range.hasPrefix("bytes="), !body.isEmpty else { throw invalid }
        let spec = range.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard spec.count == 2 else { throw invalid }
        let size = body.count
        var start: Int
        var end: Int
        if spec[0].isEmpty {
            guard let suffix = Int(spec[1]), suffix > 0 else { throw invalid }
            start = max(0, size - suffix)
            end = size - 1
        } else {
            guard let s = Int(spec[0]), s < size else { throw invalid }
            start = s
            end = spec[1].isEmpty ? size - 1 : min(Int(spec[1]) ?? -1, size - 1)
            guard end >= start else { throw invalid }
        }
        return (body.subdata(in: start..<(end + 1)), "bytes \(start)-\(end)/\(size)")
    }
}

extension JSONObject {
    mutating func merge(_ other: JSONObject) {
        for (k, v) in other { self[k] = v }
    }
}
