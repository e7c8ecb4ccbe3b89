import Foundation
import KMSEngine

/// Sealing and opening object bodies: the envelope encryption S3 performs for each option.
extension S3Service {
    /// Seals `body` for `bucket`/`key`, making the KMS calls the option needs as the caller.
    /// A refused KMS call ends the operation with S3's error, keeping the call's audit record.
    func seal(_ body: Data, bucket: S3Bucket, key: String, encryption: S3WriteEncryption,
              caller: RequestContext) throws -> (S3StoredEncryption, Data) {
        let objectARN = S3Names.objectARN(bucket.name, key)
        switch encryption {
        case .sseS3:
            // A fresh data key per object, wrapped under S3's own key: no KMS request at all.
            let dataKey = engine.random.bytes(32)
            let sealed = try EnvelopeCipher.seal(body, key: dataKey, aad: objectARN, random: engine.random)
            return (.sseS3(wrappedKey: try owned.wrap(dataKey, region: bucket.region, binding: objectARN)), sealed)
        case .sseC(let customerKey, let md5):
            let salt = engine.random.bytes(16)
            let check = S3CustomerKeyCheck(keyMD5: md5, salt: salt, hmac: EnvelopeCipher.hmac(key: salt, customerKey))
            return (.sseC(check), try EnvelopeCipher.seal(body, key: customerKey, aad: objectARN, random: engine.random))
        case .kms(let keyId, let dual, let useBucketKey, let extra, let requestContext):
            if useBucketKey {
                let (bucketKey, plaintext) = try bucketKeyForWrite(bucket: bucket, keyId: keyId, extra: extra, caller: caller)
                let salt = engine.random.bytes(16)
                let objectKey = EnvelopeCipher.derive(from: plaintext, salt: salt, info: "s3-object-key|\(objectARN)")
                let info = S3KMSEncryption(keyArn: bucketKey.keyArn, dualLayer: false, context: bucketKey.context,
                                           requestContext: requestContext, encryptedDataKey: nil, bucketKeyId: bucketKey.id, salt: salt)
                return (.kms(info), try EnvelopeCipher.seal(body, key: objectKey, aad: objectARN, random: engine.random))
            }
            var context = extra
            context["aws:s3:arn"] = objectARN
            let dataKey: (plaintext: Data, ciphertext: Data, keyArn: String)
            do {
                dataKey = try kms.generateDataKey(keyId: keyId, context: context, as: caller, region: bucket.region)
            } catch {
                throw CommitThenFail(S3Error.fromKMS(error))
            }
            let info = S3KMSEncryption(keyArn: dataKey.keyArn, dualLayer: dual, context: context, requestContext: requestContext,
                                       encryptedDataKey: dataKey.ciphertext, bucketKeyId: nil, salt: nil)
            return (.kms(info), try sealLayers(body, dataKey: dataKey.plaintext, dual: dual, aad: objectARN))
        }
    }

    /// Opens an object's body. `customerKey` is the request's SSE-C key (already checked
    /// against the object's stored HMAC by `checkCustomerKey`).
    func open(_ object: S3Object, sealed: Data, bucket: S3Bucket, customerKey: S3CustomerKey?, caller: RequestContext) throws -> Data {
        let objectARN = S3Names.objectARN(bucket.name, object.key)
        var opened: Data?
        switch object.encryption {
        case .sseS3(let wrapped):
            let dataKey = try owned.unwrap(wrapped, region: bucket.region, binding: objectARN)
            opened = EnvelopeCipher.open(sealed, key: dataKey, aad: objectARN)
        case .sseC:
            guard let customerKey else { throw S3Error.invalidRequest(S3Service.sseCRequired) }
            opened = EnvelopeCipher.open(sealed, key: customerKey.key, aad: objectARN)
        case .kms(let info):
            if let bucketKeyId = info.bucketKeyId, let salt = info.salt {
                let plaintext = try bucketKeyForRead(bucket: bucket, id: bucketKeyId, caller: caller)
                let objectKey = EnvelopeCipher.derive(from: plaintext, salt: salt, info: "s3-object-key|\(objectARN)")
                opened = EnvelopeCipher.open(sealed, key: objectKey, aad: objectARN)
            } else if let encrypted = info.encryptedDataKey {
                let dataKey: Data
                do {
                    dataKey = try kms.decrypt(encrypted, context: info.context, as: caller, region: bucket.region).plaintext
                } catch {
                    throw CommitThenFail(S3Error.fromKMS(error))
                }
                opened = openLayers(sealed, dataKey: dataKey, dual: info.dualLayer, aad: objectARN)
            }
        }
        guard let body = opened else {
            throw AWSServiceError("InternalError", "The stored object \(object.key) does not decrypt: its ciphertext or key was altered.",
                                  httpStatus: 500)
        }
        return body
    }

    static let sseCRequired =
        "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object."

    /// Checks a read's SSE-C parameters against the object, as S3 does before anything else.
    func checkCustomerKey(_ object: S3Object, _ given: S3CustomerKey?) throws {
        switch object.encryption {
        case .sseC(let check):
            guard let given else { throw S3Error.invalidRequest(Self.sseCRequired) }
            let mac = EnvelopeCipher.hmac(key: check.salt, given.key)
            guard EnvelopeCipher.constantTimeEquals(mac, check.hmac) else { throw S3Error.accessDenied() }
        default:
            if given != nil { throw S3Error.invalidRequest("The encryption parameters are not applicable to this object.") }
        }
    }

    // MARK: DSSE-KMS: two independent layers of AES-256-GCM under keys derived from the data key.

    private func sealLayers(_ body: Data, dataKey: Data, dual: Bool, aad: String) throws -> Data {
        guard dual else { return try EnvelopeCipher.seal(body, key: dataKey, aad: aad, random: engine.random) }
        let inner = try EnvelopeCipher.seal(body, key: EnvelopeCipher.derive(from: dataKey, salt: Data(), info: "dsse-layer-1"),
                                            aad: aad, random: engine.random)
        return try EnvelopeCipher.seal(inner, key: EnvelopeCipher.derive(from: dataKey, salt: Data(), info: "dsse-layer-2"),
                                       aad: aad, random: engine.random)
    }

    private func openLayers(_ sealed: Data, dataKey: Data, dual: Bool, aad: String) -> Data? {
        guard dual else { return EnvelopeCipher.open(sealed, key: dataKey, aad: aad) }
        guard let inner = EnvelopeCipher.open(sealed, key: EnvelopeCipher.derive(from: dataKey, salt: Data(), info: "dsse-layer-2"), aad: aad)
        else { return nil }
        return EnvelopeCipher.open(inner, key: EnvelopeCipher.derive(from: dataKey, salt: Data(), info: "dsse-layer-1"), aad: aad)
    }
}
