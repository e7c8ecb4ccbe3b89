@preconcurrency import Crypto
import Foundation

/// The HSM boundary: key material is generated here and leaves only wrapped under the root key.
///
/// The root key stands for the HSM's own secret. It lives in a file readable by its owner only
/// (see `RootKeyFile` in Storage), never in the database; the database holds wrapped material,
/// which is useless without it.
public struct HSM: Sendable {
    private let rootKey: SymmetricKey

    public init(rootKey: SymmetricKey) {
        self.rootKey = rootKey
    }

    /// Fresh 256-bit material from the CSPRNG, returned wrapped and in usable form.
    public func generateMaterial(keyId: String, version: Int, random: RandomSource) throws -> (wrapped: Data, key: SymmetricKey) {
        let key = SymmetricKey(data: random.bytes(32))
        return (try wrap(key, keyId: keyId, version: version, random: random), key)
    }

    /// Seals material under the root key, binding it to its key ID and version so that wrapped
    /// material cannot be swapped between keys in the database.
    public func wrap(_ material: SymmetricKey, keyId: String, version: Int, random: RandomSource) throws -> Data {
        let nonce = try AES.GCM.Nonce(data: random.bytes(12))
        let box = try material.withUnsafeBytes { raw in
            try AES.GCM.seal(Data(raw), using: rootKey, nonce: nonce, authenticating: Self.binding(keyId, version))
        }
        guard let combined = box.combined else { throw KMSError(.kmsInternal, "Could not wrap key material.") }
        return combined
    }

    public func unwrap(_ wrapped: Data, keyId: String, version: Int) throws -> SymmetricKey {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            let raw = try AES.GCM.open(box, using: rootKey, authenticating: Self.binding(keyId, version))
            return SymmetricKey(data: raw)
        } catch {
            // The root key file does not match the database, or the stored material was altered.
            throw KMSError(.kmsInternal,
                "The key material of \(keyId) (version \(version)) cannot be unwrapped: the HSM root key does not match this database, or the stored material was altered.")
        }
    }

    private static func binding(_ keyId: String, _ version: Int) -> Data {
        Data("kmsdrill-material-v1|\(keyId)|\(version)".utf8)
    }
}

/// AES-256-GCM sealing of customer data under a key's material, in the `CiphertextBlob` format.
enum MaterialCipher {
    static func seal(_ plaintext: Data, with material: SymmetricKey, keyId: String, materialVersion: Int,
                     context: [String: String], random: RandomSource) throws -> Data {
        guard let header = CiphertextBlob.header(keyId: keyId, materialVersion: materialVersion) else {
            throw KMSError(.kmsInternal, "The key ID \(keyId) cannot be written in a ciphertext.")
        }
        var aad = header
        aad.append(contentsOf: EncryptionContextEncoding.canonical(context))
        let nonce = try AES.GCM.Nonce(data: random.bytes(CiphertextBlob.nonceSize))
        let box = try AES.GCM.seal(plaintext, using: material, nonce: nonce, authenticating: aad)
        var out = Data(capacity: CiphertextBlob.overhead + plaintext.count)
        out.append(contentsOf: header)
        out.append(contentsOf: box.nonce)
        out.append(box.ciphertext)
        out.append(box.tag)
        return out
    }

    /// Opens a parsed blob; `nil` when authentication fails (wrong context, or tampered).
    static func open(_ blob: CiphertextBlob, with material: SymmetricKey, context: [String: String]) -> Data? {
        guard var aad = blob.header,
            let nonce = try? AES.GCM.Nonce(data: blob.nonce),
            let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: blob.ciphertext, tag: blob.tag)
        else { return nil }
        aad.append(contentsOf: EncryptionContextEncoding.canonical(context))
        return try? AES.GCM.open(box, using: material, authenticating: aad)
    }
}
