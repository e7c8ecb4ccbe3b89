import Foundation
import KMSEngine

/// S3 Bucket Keys: one KMS request serves many objects.
///
/// A write that uses a bucket key reuses the bucket key KMS generated for the same caller, KMS
/// key and extra context within the lifetime; otherwise S3 asks KMS for a new one with
/// GenerateDataKey, encryption context `aws:s3:arn` = the bucket ARN. A read decrypts the
/// object's bucket key with KMS unless S3 already holds it for the caller. Objects' own keys are
/// derived from the bucket key locally, so the audit log shows one call per bucket key and
/// caller and period, not one per object.
///
/// S3 uses a bucket key it holds only while the KMS key is enabled: once the key is disabled or
/// scheduled for deletion, the next request asks KMS (and fails, visibly in the audit log).
extension S3Service {
    func bucketKeyRecordKey(_ bucket: S3Bucket, id: String) -> ServiceRecordKey {
        ServiceRecordKey(service: serviceName, kind: S3Kind.bucketKey, account: bucket.account, region: bucket.region,
                         name: "\(bucket.name)/\(id)")
    }

    func bucketKeyForWrite(bucket: S3Bucket, keyId: String, extra: [String: String],
                           caller: RequestContext) throws -> (S3BucketKey, Data) {
        let principal = caller.caller.arn
        let candidates = try store.records(service: serviceName, kind: S3Kind.bucketKey, account: bucket.account,
                                           region: bucket.region, prefix: "\(bucket.name)/")
            .map { try $0.decode(S3BucketKey.self) }
            .filter { $0.requestedKeyId == keyId && $0.context.filter { $0.key != "aws:s3:arn" } == extra }
            .sorted { $0.createdAt > $1.createdAt }
        for candidate in candidates where kms.keyState(arn: candidate.keyArn) == .enabled {
            if let plaintext = try bucketKeys.lookup(account: bucket.account, region: bucket.region, keyName: candidate.id,
                                                     principal: principal, purposes: [.generate]) {
                return (candidate, plaintext)
            }
        }
        var context = extra
        context["aws:s3:arn"] = bucket.arn
        let generated: (plaintext: Data, ciphertext: Data, keyArn: String)
        do {
            generated = try kms.generateDataKey(keyId: keyId, context: context, as: caller, region: bucket.region)
        } catch {
            throw CommitThenFail(S3Error.fromKMS(error))
        }
        let bucketKey = S3BucketKey(id: engine.identifiers.uuid(), bucket: bucket.name, keyArn: generated.keyArn, requestedKeyId: keyId,
                                    context: context, encryptedKey: generated.ciphertext, createdAt: engine.clock.now())
        try store.put(try ServiceRecord(key: bucketKeyRecordKey(bucket, id: bucketKey.id), encoding: bucketKey))
        try bucketKeys.remember(generated.plaintext, account: bucket.account, region: bucket.region, keyName: bucketKey.id,
                                principal: principal, purpose: .generate)
        return (bucketKey, generated.plaintext)
    }

    func bucketKeyForRead(bucket: S3Bucket, id: String, caller: RequestContext) throws -> Data {
        let principal = caller.caller.arn
        guard let record = try store.record(bucketKeyRecordKey(bucket, id: id)) else {
            throw AWSServiceError("InternalError", "The bucket key of this object is missing from \(bucket.name).", httpStatus: 500)
        }
        let bucketKey = try record.decode(S3BucketKey.self)
        if kms.keyState(arn: bucketKey.keyArn) == .enabled,
            let plaintext = try bucketKeys.lookup(account: bucket.account, region: bucket.region, keyName: id, principal: principal) {
            return plaintext
        }
        let plaintext: Data
        do {
            plaintext = try kms.decrypt(bucketKey.encryptedKey, context: bucketKey.context, as: caller, region: bucket.region).plaintext
        } catch {
            throw CommitThenFail(S3Error.fromKMS(error))
        }
        try bucketKeys.remember(plaintext, account: bucket.account, region: bucket.region, keyName: id, principal: principal,
                                purpose: .decrypt)
        return plaintext
    }
}
