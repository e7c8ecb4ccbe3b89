import Foundation
import KMSEngine

/// The AWS owned keys of a service (S3's for SSE-S3, DynamoDB's default table key): keys that
/// live outside every customer account.
///
/// One 256-bit key per service and Region, generated inside the HSM boundary and stored only
/// wrapped under the HSM root key, in a record that belongs to no account (`aws`). They are never
/// KMS keys of the account: no ListKeys shows them, and using them leaves no audit record in the
/// account's log, which is exactly what the learner should observe for SSE-S3 and DynamoDB's
/// default encryption.
public struct AWSOwnedKeyring: Sendable {
    let engine: KMSEngine
    let store: ServiceStore
    /// The owning service (`s3`, `dynamodb`, ...).
    public let service: String

    static let kind = "aws-owned-key"
    static let ownerAccount = "aws"

    /// The owned keys of `service`, generated and wrapped by the engine's HSM, kept in `store`.
    public init(engine: KMSEngine, store: ServiceStore, service: String) {
        self.engine = engine
        self.store = store
        self.service = service
    }

    private func hsmKeyId(_ region: String) -> String { "aws-owned/\(service)/\(region)" }

    /// The owned key of this service in `region`, created the first time it is needed.
    func key(region: String) throws -> Data {
        let recordKey = ServiceRecordKey(service: service, kind: Self.kind, account: Self.ownerAccount, region: region, name: service)
        return try store.transaction {
            if let record = try store.record(recordKey), let wrapped = record.payload {
                let key = try engine.hsm.unwrap(wrapped, keyId: hsmKeyId(region), version: 1)
                return key.withUnsafeBytes { Data($0) }
            }
            let (wrapped, key) = try engine.hsm.generateMaterial(keyId: hsmKeyId(region), version: 1, random: engine.random)
            try store.put(ServiceRecord(key: recordKey, document: ["purpose": .string("AWS owned key of \(service) in \(region)")],
                                        payload: wrapped))
            return key.withUnsafeBytes { Data($0) }
        }
    }

    /// Seals a data key under the owned key, bound to the resource it protects.
    public func wrap(_ dataKey: Data, region: String, binding: String) throws -> Data {
        try EnvelopeCipher.seal(dataKey, key: try key(region: region), aad: "owned-wrap|\(binding)", random: engine.random)
    }

    /// Opens a data key wrapped by `wrap`; fails if it was moved to another resource or altered.
    public func unwrap(_ wrapped: Data, region: String, binding: String) throws -> Data {
        guard let key = EnvelopeCipher.open(wrapped, key: try key(region: region), aad: "owned-wrap|\(binding)") else {
            throw ServiceStoreError("A data key wrapped under the AWS owned key of \(service) does not open for \(binding).")
        }
        return key
    }
}
