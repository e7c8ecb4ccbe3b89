import Foundation
import KMSEngine
import Wire

/// CopyObject: decrypts the source as its encryption requires and seals the copy as the request
/// (or, without encryption members, the destination bucket's default) says.
extension S3Service {
    func copyObject(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let key = try requireKey(input, operation: "CopyObject")
        guard let copySource = try input.string("CopySource") else { throw S3Error.missing("CopySource", operation: "CopyObject") }
        let (sourceBucketName, sourceKey) = try Self.parseCopySource(copySource)
        let sourceCustomer = try S3CustomerKey.read(input, prefix: "CopySource")
        let directive = try input.string("MetadataDirective") ?? "COPY"
        guard directive == "COPY" || directive == "REPLACE" else {
            throw S3Error.invalidArgument("Unknown metadata directive: \(directive). Use COPY or REPLACE.")
        }
        return try store.atomically {
            let target = try requireBucket(input, context, operation: "CopyObject")
            guard let sourceRecord = try store.records(service: serviceName, kind: S3Kind.bucket, named: sourceBucketName).first else {
                throw S3Error.noSuchBucket(sourceBucketName)
            }
            let source = try sourceRecord.decode(S3Bucket.self)
            guard source.account == context.caller.accountId else { throw S3Error.accessDenied() }
            guard let found = try objectRecord(source, sourceKey) else { throw S3Error.noSuchKey() }
            let (object, sealed) = found
            try checkCustomerKey(object, sourceCustomer)
            let changesEncryption = ["ServerSideEncryption", "SSEKMSKeyId", "SSEKMSEncryptionContext", "BucketKeyEnabled",
                                     "SSECustomerAlgorithm", "StorageClass", "WebsiteRedirectLocation"].contains { input.has($0) }
            if source.name == target.name && sourceKey == key && directive == "COPY" && !changesEncryption {
                throw S3Error.invalidRequest(
                    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.")
            }
            let encryption = try S3WriteEncryption.resolve(input, bucket: target, managedKeyAlias: kms.managedKeyAlias)
            let body = try open(object, sealed: sealed, bucket: source, customerKey: sourceCustomer, caller: context)
            let (stored, copySealed) = try seal(body, bucket: target, key: key, encryption: encryption, caller: context)
            let replace = directive == "REPLACE"
            let copy = S3Object(
                key: key, size: body.count, etag: Self.etag(body: body, sealed: copySealed, encryption: stored),
                lastModified: engine.clock.now(),
                contentType: replace ? (try input.string("ContentType") ?? "binary/octet-stream") : object.contentType,
                metadata: replace ? (try input.stringMap("Metadata") ?? [:]) : object.metadata, encryption: stored)
            try store.put(try ServiceRecord(key: objectRecordKey(target, key), encoding: copy, payload: copySealed))
            var out: JSONObject = [
                "CopyObjectResult": ["ETag": .string("\"\(copy.etag)\""), "LastModified": .double(copy.lastModified.timeIntervalSince1970)],
            ]
            out.merge(Self.encryptionMembers(stored, echoContext: true))
            return .object(out)
        }
    }

    /// `bucket/key` (optionally with a leading slash, URL-encoded, with `?versionId=`).
    static func parseCopySource(_ text: String) throws -> (String, String) {
        var source = text.hasPrefix("/") ? String(text.dropFirst()) : text
        if let q = source.range(of: "?versionId=") { source = String(source[..<q.lowerBound]) }
        guard let slash = source.firstIndex(of: "/") else {
            throw S3Error.invalidArgument("Invalid copy source object key: \(text) (give bucket/key)")
        }
        let bucket = String(source[..<slash])
        let rawKey = String(source[source.index(after: slash)...])
        let key = rawKey.removingPercentEncoding ?? rawKey
        guard !bucket.isEmpty, !key.isEmpty else { throw S3Error.invalidArgument("Invalid copy source object key: \(text) (give bucket/key)") }
        return (bucket, key)
    }
}
