@preconcurrency import Crypto
import Foundation
import KMSEngine

/// The cryptography the simulated services do locally: AES-256-GCM sealing of data under a data
/// key (the "envelope" part of envelope encryption), key derivation, and the digests S3 uses.
///
/// Sealed data is `nonce (12) | ciphertext | tag (16)`; the additional authenticated data binds it
/// to the resource it belongs to, so ciphertext moved to another object does not open.
public enum EnvelopeCipher {
    static let nonceSize = 12
    static let tagSize = 16

    /// Seals `plaintext` under a 256-bit `key`.
    public static func seal(_ plaintext: Data, key: Data, aad: String, random: RandomSource) throws -> Data {
        guard key.count == 32 else { throw ServiceStoreError("A data key must be 256 bits to seal with AES-256-GCM.") }
        let nonce = try AES.GCM.Nonce(data: random.bytes(nonceSize))
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: nonce, authenticating: Data(aad.utf8))
        var out = Data(capacity: nonceSize + plaintext.count + tagSize)
        out.append(contentsOf: box.nonce)
        out.append(box.ciphertext)
        out.append(box.tag)
        return out
    }

    /// Opens what `seal` produced; nil when the key or the binding is wrong or the data was altered.
    public static func open(_ sealed: Data, key: Data, aad: String) -> Data? {
        guard key.count == 32, sealed.count >= nonceSize + tagSize,
            let box = try? AES.GCM.SealedBox(combined: sealed)
        else { return nil }
        return try? AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Data(aad.utf8))
    }

    /// HKDF-SHA256: a key of `count` bytes derived from `key`, unique per `salt` and `info`.
    public static func derive(from key: Data, salt: Data, info: String, count: Int = 32) -> Data {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: key), salt: salt,
                                             info: Data(info.utf8), outputByteCount: count)
        return derived.withUnsafeBytes { Data($0) }
    }

    /// HMAC-SHA256 of `message` under `key`.
    public static func hmac(key: Data, _ message: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// Compares two MACs in time independent of where they differ.
    public static func constantTimeEquals(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for (x, y) in zip(a, b) { diff |= x ^ y }
        return diff == 0
    }

    /// The base64 MD5 digest S3 uses for `Content-MD5` and `SSECustomerKeyMD5`.
    public static func md5Base64(_ data: Data) -> String {
        Data(Insecure.MD5.hash(data: data)).base64EncodedString()
    }

    /// The hex MD5 digest S3 uses as the ETag of an unencrypted or SSE-S3 object.
    public static func md5Hex(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// A hex SHA-256 digest (for stable derived identifiers).
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
