import Foundation
import Wire

/// How S3 will encrypt an object it is about to write, decided from the request's headers and
/// the bucket's default encryption.
enum S3WriteEncryption {
    case sseS3
    /// SSE-KMS (or DSSE-KMS with `dualLayer`): the key as named (the AWS managed key's alias when
    /// none was named), whether to use a bucket key, and the request's extra encryption context.
    case kms(keyId: String, dualLayer: Bool, bucketKey: Bool, context: [String: String], requestContext: String?)
    /// SSE-C with the customer's 256-bit key (held only for this request).
    case sseC(key: Data, keyMD5: String)

    var headerValue: String {
        switch self {
        case .sseS3: return "AES256"
        case .kms(_, let dual, _, _, _): return dual ? "aws:kms:dsse" : "aws:kms"
        case .sseC: return "AES256"
        }
    }

    /// Reads the encryption headers of a PutObject or CopyObject (target side).
    static func resolve(_ input: WireInput, bucket: S3Bucket, managedKeyAlias: String) throws(AWSServiceError) -> S3WriteEncryption {
        if let customer = try S3CustomerKey.read(input, prefix: "") {
            if input.has("ServerSideEncryption") || input.has("SSEKMSKeyId") {
                throw S3Error.invalidArgument(
                    "Server Side Encryption with Customer provided keys cannot be combined with x-amz-server-side-encryption or an AWS KMS key ID: choose SSE-C or SSE-S3/SSE-KMS.")
            }
            if bucket.rule.blocksSSEC {
                // The bucket's BlockedEncryptionTypes refuses new SSE-C writes with a 403.
                throw AWSServiceError("AccessDenied",
                    "Access Denied: the bucket \(bucket.name) blocks SSE-C uploads (BlockedEncryptionTypes SSE-C in its default encryption configuration).",
                    httpStatus: 403)
            }
            return .sseC(key: customer.key, keyMD5: customer.md5)
        }
        let requested = try input.string("ServerSideEncryption")
        let keyId = try input.string("SSEKMSKeyId")
        let contextText = try input.string("SSEKMSEncryptionContext")
        let bucketKeyHeader = try input.bool("BucketKeyEnabled")
        let algorithm: String
        var namedKey = keyId
        var bucketKey = bucketKeyHeader ?? false
        if let requested {
            algorithm = requested
            if algorithm == bucket.rule.sseAlgorithm, bucketKeyHeader == nil { bucketKey = bucket.rule.bucketKeyEnabled }
        } else {
            if keyId != nil || contextText != nil { throw S3Error.invalidArgument(S3Error.kmsHeaderRequired) }
            algorithm = bucket.rule.sseAlgorithm
            namedKey = bucket.rule.kmsMasterKeyID
            bucketKey = bucketKeyHeader ?? bucket.rule.bucketKeyEnabled
        }
        switch algorithm {
        case "AES256":
            if keyId != nil || contextText != nil { throw S3Error.invalidArgument(S3Error.kmsHeaderRequired) }
            return .sseS3
        case "aws:kms", "aws:kms:dsse":
            let dual = algorithm == "aws:kms:dsse"
            let context = try contextText.map(parseContext) ?? [:]
            // S3 Bucket Keys are not supported with DSSE-KMS.
            return .kms(keyId: namedKey ?? managedKeyAlias, dualLayer: dual, bucketKey: bucketKey && !dual, context: context,
                        requestContext: contextText)
        default:
            throw S3Error.invalidArgument(
                "The encryption method specified is not supported: \(algorithm). Use AES256 (SSE-S3), aws:kms (SSE-KMS) or aws:kms:dsse (DSSE-KMS), or the SSE-C options.")
        }
    }

    /// `SSEKMSEncryptionContext`: base64 of a UTF-8 JSON object of string pairs.
    static func parseContext(_ text: String) throws(AWSServiceError) -> [String: String] {
        let problem = S3Error.invalidArgument(
            "The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map")
        guard let data = Data(base64Encoded: text), let json = String(data: data, encoding: .utf8),
            let value = try? JSONParser.parse(json), let object = value.objectValue
        else { throw problem }
        var out: [String: String] = [:]
        for (k, v) in object {
            guard let s = v.stringValue else { throw problem }
            out[k] = s
        }
        if out.keys.contains(where: { $0.hasPrefix("aws:") }) {
            throw S3Error.invalidArgument("Encryption context keys cannot start with the reserved prefix 'aws:'; S3 adds aws:s3:arn itself.")
        }
        return out
    }
}

/// The SSE-C members of a request (`SSECustomer*`, or `CopySourceSSECustomer*` for a copy's
/// source), checked the way S3 checks them.
struct S3CustomerKey {
    let key: Data
    let md5: String

    /// nil when the request carries no SSE-C member at all.
    static func read(_ input: WireInput, prefix: String) throws(AWSServiceError) -> S3CustomerKey? {
        let algorithm = try input.string("\(prefix)SSECustomerAlgorithm")
        let keyText = try input.string("\(prefix)SSECustomerKey")
        let md5 = try input.string("\(prefix)SSECustomerKeyMD5")
        if algorithm == nil && keyText == nil && md5 == nil { return nil }
        guard let algorithm else {
            throw S3Error.invalidArgument(
                "Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.")
        }
        guard algorithm == "AES256" else {
            throw S3Error.invalidArgument("The encryption algorithm \(algorithm) is not valid for SSE-C; the only valid value is AES256.")
        }
        guard let keyText else {
            throw S3Error.invalidArgument(
                "Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.")
        }
        guard let key = Data(base64Encoded: keyText), key.count == 32 else {
            throw S3Error.invalidArgument("The secret key was invalid for the specified algorithm.")
        }
        guard let md5 else {
            throw S3Error.invalidArgument(
                "Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.")
        }
        guard md5 == EnvelopeCipher.md5Base64(key) else {
            throw S3Error.invalidArgument("The calculated MD5 hash of the key did not match the hash that was provided.")
        }
        return S3CustomerKey(key: key, md5: md5)
    }
}
