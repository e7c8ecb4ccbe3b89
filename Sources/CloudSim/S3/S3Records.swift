import Foundation

/// A bucket as S3 keeps it: owner, Region, and its default encryption rule.
struct S3Bucket: Codable {
    var name: String
    var account: String
    var region: String
    var creationDate: Date
    var rule: S3DefaultEncryption

    var arn: String { S3Names.bucketARN(name) }
}

/// A bucket's default encryption (`ServerSideEncryptionRule`). Since January 2023 every bucket has
/// one: SSE-S3 unless the owner configured otherwise.
struct S3DefaultEncryption: Codable, Equatable {
    /// `AES256`, `aws:kms` or `aws:kms:dsse`, verbatim.
    var sseAlgorithm: String
    /// As the owner gave it (S3 does not validate or resolve it when it is configured).
    var kmsMasterKeyID: String?
    var bucketKeyEnabled: Bool
    /// `BlockedEncryptionTypes.EncryptionType` when the owner set it (`SSE-C` or `NONE`).
    var blockedEncryptionTypes: [String]?

    static let sseS3 = S3DefaultEncryption(sseAlgorithm: "AES256", kmsMasterKeyID: nil, bucketKeyEnabled: false,
                                           blockedEncryptionTypes: nil)

    var blocksSSEC: Bool { blockedEncryptionTypes?.contains("SSE-C") == true }
}

/// An object's metadata; its body is the record's payload, sealed as `encryption` says.
struct S3Object: Codable {
    var key: String
    var size: Int
    /// Without the quotes S3 puts around it.
    var etag: String
    var lastModified: Date
    var contentType: String
    var metadata: [String: String]
    var encryption: S3StoredEncryption
}

/// How an object's body is sealed, and what S3 keeps to open it again.
enum S3StoredEncryption: Codable {
    /// SSE-S3: a per-object data key, wrapped under S3's AWS owned key for the Region.
    case sseS3(wrappedKey: Data)
    /// SSE-KMS or DSSE-KMS.
    case kms(S3KMSEncryption)
    /// SSE-C: the customer's key is not kept, only a salted HMAC to check the next request's key.
    case sseC(S3CustomerKeyCheck)
}

struct S3KMSEncryption: Codable {
    var keyArn: String
    var dualLayer: Bool
    /// The encryption context sent to KMS (the request's pairs plus `aws:s3:arn`).
    var context: [String: String]
    /// `SSEKMSEncryptionContext` as the request gave it (base64 JSON), echoed by PutObject.
    var requestContext: String?
    /// The object's own data key encrypted by KMS (no bucket key).
    var encryptedDataKey: Data?
    /// The bucket key the object's data key was derived from, and the derivation salt.
    var bucketKeyId: String?
    var salt: Data?
}

struct S3CustomerKeyCheck: Codable {
    /// The base64 MD5 of the key, as S3 echoes it (`SSECustomerKeyMD5`).
    var keyMD5: String
    var salt: Data
    var hmac: Data
}

/// An S3 Bucket Key: a data key KMS generated for the bucket (context: the bucket ARN), from
/// which S3 derives objects' keys locally. Kept encrypted, as KMS returned it.
struct S3BucketKey: Codable {
    var id: String
    var bucket: String
    var keyArn: String
    /// The KMS key as the writes named it, and their extra context: a bucket key serves later
    /// writes that name the same key with the same context.
    var requestedKeyId: String
    var context: [String: String]
    var encryptedKey: Data
    var createdAt: Date
}

/// Record kinds and names.
enum S3Kind {
    static let bucket = "bucket"
    static let object = "object"
    static let bucketKey = "bucket-key"

    static func objectName(bucket: String, key: String) -> String { "\(bucket)/\(key)" }
}
