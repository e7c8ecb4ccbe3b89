import Foundation
import KMSEngine
import Wire

/// How RDS encrypts storage: a data key from GenerateDataKeyWithoutPlaintext under the chosen
/// key, a grant for RDS on that key, and Decrypt whenever the storage must be read or written.
extension RDSService {
    static let grantOperations: [GrantOperation] = [.decrypt, .generateDataKeyWithoutPlaintext, .reEncryptFrom, .reEncryptTo, .describeKey]

    /// A new data key under `keyId` and `content` sealed with it.
    func encryptStorage(_ content: Data, keyId: String, caller: RequestContext) throws(KMSError) -> (RDSDataKey, Data) {
        let generated = try kms.generateDataKeyWithoutPlaintext(keyId: keyId, context: [:], as: caller, region: caller.region)
        let dataKey = RDSDataKey(keyArn: generated.keyArn, encryptedKey: generated.ciphertext)
        let plaintext = try kms.decrypt(dataKey.encryptedKey, context: [:], as: caller, region: caller.region).plaintext
        do {
            return (dataKey, try EnvelopeCipher.seal(content, key: plaintext, aad: Self.binding(dataKey), random: engine.random))
        } catch {
            throw KMSError(.kmsInternal, "RDS could not seal the storage: \(error)")
        }
    }

    /// The storage in plaintext; for encrypted storage, the data key is decrypted through KMS.
    func openStorage(_ sealed: Data, dataKey: RDSDataKey?, caller: RequestContext, region: String) throws(KMSError) -> Data {
        guard let dataKey else { return sealed }
        let plaintext = try kms.decrypt(dataKey.encryptedKey, context: [:], as: caller, region: region).plaintext
        guard let content = EnvelopeCipher.open(sealed, key: plaintext, aad: Self.binding(dataKey)) else {
            throw KMSError(.kmsInternal, "The stored database does not decrypt with its data key: it was altered.")
        }
        return content
    }

    /// Sealed storage is bound to its data key, which snapshots, copies and restores share until
    /// a copy re-encrypts under a new key.
    static func binding(_ dataKey: RDSDataKey) -> String {
        "rds-storage|\(EnvelopeCipher.sha256Hex(dataKey.encryptedKey.base64EncodedString()))"
    }

    /// The grant RDS creates for an encrypted instance, as the caller through RDS.
    func createInstanceGrant(keyArn: String, caller: RequestContext) throws(KMSError) -> String {
        try kms.createGrant(keyArn: keyArn, operations: Self.grantOperations, contextSubset: nil, as: caller, region: caller.region)
    }

    /// Connects to a DB instance by its endpoint address and reads its tables, as an
    /// application would. Not an RDS API operation: labs and tests use it to show that the data
    /// survives the snapshot-copy-restore path and that the application must switch endpoints.
    /// Reading encrypted storage decrypts its data key through KMS as the caller.
    public func query(endpoint: String, context: RequestContext) throws(AWSServiceError) -> [String: [[String: String]]] {
        var context = context
        do {
            return try store.atomically {
                let (instance, payload) = try instance(atEndpoint: endpoint, &context)
                guard instance.status == "available" else {
                    throw AWSServiceError("InvalidDBInstanceState",
                        "Cannot connect to \(endpoint): the DB instance \(instance.identifier) is \(instance.status).")
                }
                let content: Data
                do {
                    content = try openStorage(payload ?? Data(), dataKey: instance.dataKey, caller: context, region: context.region)
                } catch {
                    throw CommitThenFail(keyNotAccessible(instance.kmsKeyId ?? ""))
                }
                guard let tables = RDSSampleData.decode(content) else {
                    throw AWSServiceError("InternalFailure", "The database of \(instance.identifier) is not readable.", httpStatus: 500)
                }
                return tables
            }
        } catch {
            throw AWSServiceError.from(error, service: "RDS")
        }
    }

    /// Adds a row to a table of the database at `endpoint` (re-sealing the storage when encrypted).
    public func insert(endpoint: String, table: String, row: [String: String], context: RequestContext) throws(AWSServiceError) {
        var context = context
        do {
            try store.atomically {
                let (instance, payload) = try instance(atEndpoint: endpoint, &context)
                guard instance.status == "available" else {
                    throw AWSServiceError("InvalidDBInstanceState", "The DB instance \(instance.identifier) is \(instance.status).")
                }
                var sealed = payload ?? Data()
                if let dataKey = instance.dataKey {
                    let plaintext: Data
                    do {
                        plaintext = try kms.decrypt(dataKey.encryptedKey, context: [:], as: context, region: context.region).plaintext
                    } catch {
                        throw CommitThenFail(keyNotAccessible(instance.kmsKeyId ?? ""))
                    }
                    guard let content = EnvelopeCipher.open(sealed, key: plaintext, aad: Self.binding(dataKey)),
                        var tables = RDSSampleData.decode(content)
                    else { throw AWSServiceError("InternalFailure", "The database is not readable.", httpStatus: 500) }
                    tables[table, default: []].append(row)
                    sealed = try EnvelopeCipher.seal(RDSSampleData.encode(tables), key: plaintext, aad: Self.binding(dataKey), random: engine.random)
                } else {
                    var tables = RDSSampleData.decode(sealed) ?? [:]
                    tables[table, default: []].append(row)
                    sealed = RDSSampleData.encode(tables)
                }
                try saveInstance(instance, payload: sealed, context)
            }
        } catch {
            throw AWSServiceError.from(error, service: "RDS")
        }
    }

    /// The instance answering at `endpoint` (`id.suffix.region.rds.amazonaws.com`), in the
    /// endpoint's Region; `context` comes back set to that Region.
    private func instance(atEndpoint endpoint: String, _ context: inout RequestContext) throws -> (RDSInstance, Data?) {
        let parts = endpoint.split(separator: ".").map(String.init)
        let identifier = parts.first ?? ""
        if parts.count == 6 { context.region = parts[2] }
        guard endpoint == RDSNames.endpoint(identifier, account: context.caller.accountId, region: context.region),
            let found = try loadInstance(identifier, context)
        else {
            throw AWSServiceError("ConnectionRefused",
                "Could not connect to \(endpoint): no DB instance of account \(context.caller.accountId) answers at that address.")
        }
        var (instance, payload) = found
        try refreshHealth(&instance, payload: payload, context)
        return (instance, payload)
    }
}
