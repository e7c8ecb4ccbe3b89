import Foundation
import KMSEngine

/// How EBS encrypts blocks: a data key per volume (or snapshot copy) from
/// GenerateDataKeyWithoutPlaintext, decrypted by KMS when EBS needs to read or write blocks.
extension EC2Service {
    /// A new data key under `keyId` for `resourceId`, and the blocks sealed with it.
    func encryptBlocks(_ content: Data, keyId: String, resourceId: String, caller: RequestContext) throws(KMSError) -> (EBSDataKey, Data) {
        let context = ["aws:ebs:id": resourceId]
        let generated = try kms.generateDataKeyWithoutPlaintext(keyId: keyId, context: context, as: caller, region: caller.region)
        let dataKey = EBSDataKey(keyArn: generated.keyArn, encryptedKey: generated.ciphertext, context: context)
        let plaintext = try kms.decrypt(dataKey.encryptedKey, context: context, as: caller, region: caller.region).plaintext
        do {
            return (dataKey, try EnvelopeCipher.seal(content, key: plaintext, aad: Self.blockBinding(dataKey), random: engine.random))
        } catch {
            throw KMSError(.kmsInternal, "EBS could not seal the blocks: \(error)")
        }
    }

    /// The blocks of a volume or snapshot in plaintext (decrypting its data key through KMS).
    func openBlocks(_ sealed: Data, dataKey: EBSDataKey?, caller: RequestContext, region: String) throws(KMSError) -> Data {
        guard let dataKey else { return sealed }
        let plaintext = try kms.decrypt(dataKey.encryptedKey, context: dataKey.context, as: caller, region: region).plaintext
        guard let blocks = EnvelopeCipher.open(sealed, key: plaintext, aad: Self.blockBinding(dataKey)) else {
            throw KMSError(.kmsInternal, "The stored blocks do not decrypt with their data key: they were altered.")
        }
        return blocks
    }

    /// Blocks are bound to the data key's lineage (the resource it was generated for), so a
    /// snapshot and the volumes restored from it share the sealed blocks.
    static func blockBinding(_ dataKey: EBSDataKey) -> String {
        "ebs-blocks|\(dataKey.context["aws:ebs:id"] ?? "")"
    }

    /// The volume's or snapshot's blocks, read the way an instance attaching it would: EC2
    /// decrypts the data key through KMS as the caller. Not an EC2 API operation: labs and tests
    /// use it to show the data is readable only while the key is usable.
    public func readBlocks(resourceId: String, context: RequestContext) throws(AWSServiceError) -> Data {
        do {
            return try store.atomically {
                let sealed: Data?
                let dataKey: EBSDataKey?
                if resourceId.hasPrefix("snap-") {
                    let (snapshot, payload) = try requireSnapshot(resourceId, context)
                    (sealed, dataKey) = (payload, snapshot.dataKey)
                } else {
                    let (volume, payload) = try requireVolume(resourceId, context)
                    guard volume.state != "error" else {
                        throw AWSServiceError("IncorrectState", "The volume '\(resourceId)' is in the 'error' state: it was never created.")
                    }
                    (sealed, dataKey) = (payload, volume.dataKey)
                }
                do {
                    return try openBlocks(sealed ?? Data(), dataKey: dataKey, caller: context, region: context.region)
                } catch let e as KMSError {
                    throw CommitThenFail(AWSServiceError("Client.InvalidKMSKey.InvalidState",
                                                         "The KMS key provided is in an incorrect state (\(e.code.rawValue): \(e.message))"))
                }
            }
        } catch {
            throw AWSServiceError.from(error, service: "EC2")
        }
    }
}
