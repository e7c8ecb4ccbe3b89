@preconcurrency import Crypto
@preconcurrency import CryptoExtras
import Foundation
import KMSEngine

/// CloudTrail's digest signing keys: an RSA-2048 key pair per Region, signing with PKCS#1 v1.5
/// over SHA-256 (`SHA256withRSA`), as CloudTrail does.
///
/// Keys are made when first needed and replaced every `validity` of simulated time, so
/// `ListPublicKeys` has validity ranges to answer with. The private half never rests in the clear:
/// it is sealed (AES-256-GCM) under the home's HSM root key, bound to its Region and fingerprint,
/// exactly as KMS key material is. The root key lives outside the database, so whoever edits the
/// database cannot re-sign a digest they changed. The public half is stored in the clear.
public struct DigestSigningKeys: Sendable {
    let hsm: HSM
    let random: RandomSource
    /// How long a key signs before the next one takes over (simulated time).
    public static let validity: TimeInterval = 30 * 86400

    public init(hsm: HSM, random: RandomSource = SystemRandom()) {
        self.hsm = hsm
        self.random = random
    }

    /// A usable signing key: its record and the unsealed private key.
    struct Active {
        let record: SigningKeyRecord
        let privateKey: _RSA.Signing.PrivateKey
    }

    /// The key that signs in `region` at `date`, made (and stored, sealed) if there is none.
    func key(region: String, at date: Date, tx: CloudTrailTransaction) throws -> Active {
        let keys = try tx.signingKeys(region: region)
        if let current = keys.last(where: { $0.validFrom <= date && date < $0.validUntil }) {
            return Active(record: current, privateKey: try unseal(current))
        }
        // Keys follow each other without gaps: the next starts where the newest ends, or now.
        var start = date
        if let newest = keys.last, newest.validUntil <= date {
            let periods = ((date.timeIntervalSince(newest.validUntil)) / Self.validity).rounded(.down)
            start = newest.validUntil.addingTimeInterval(periods * Self.validity)
        }
        let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let publicDER = privateKey.publicKey.pkcs1DERRepresentation
        let fingerprint = Self.fingerprint(publicDER)
        let sealed = try hsm.wrap(SymmetricKey(data: privateKey.derRepresentation), keyId: Self.binding(region, fingerprint),
                                  version: 1, random: random)
        let record = SigningKeyRecord(fingerprint: fingerprint, region: region, publicKey: publicDER, wrappedPrivateKey: sealed,
                                      validFrom: start, validUntil: start.addingTimeInterval(Self.validity))
        try tx.insertSigningKey(record)
        return Active(record: record, privateKey: privateKey)
    }

    private func unseal(_ record: SigningKeyRecord) throws -> _RSA.Signing.PrivateKey {
        let key = try hsm.unwrap(record.wrappedPrivateKey, keyId: Self.binding(record.region, record.fingerprint), version: 1)
        return try key.withUnsafeBytes { try _RSA.Signing.PrivateKey(derRepresentation: Data($0)) }
    }

    /// Signs `message` (the digest's string to sign): hex of the PKCS#1 v1.5 SHA-256 signature.
    static func sign(_ message: Data, with key: _RSA.Signing.PrivateKey) throws -> String {
        let signature = try key.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        return Hex.encode(signature.rawRepresentation)
    }

    /// Whether `signatureHex` is a valid signature of `message` under a PKCS#1 DER public key.
    public static func verify(signatureHex: String, message: Data, publicKey: Data) -> Bool {
        guard let bytes = HexBytes.decode(signatureHex), let key = try? _RSA.Signing.PublicKey(derRepresentation: publicKey) else {
            return false
        }
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: bytes), for: SHA256.hash(data: message),
                                    padding: .insecurePKCS1v1_5)
    }

    /// The key's fingerprint as digests name it: 32 hex digits (MD5 of the PKCS#1 public key).
    public static func fingerprint(_ publicKeyDER: Data) -> String {
        Hex.encode(Insecure.MD5.hash(data: publicKeyDER))
    }

    private static func binding(_ region: String, _ fingerprint: String) -> String {
        "cloudtrail-digest-signing-key/\(region)/\(fingerprint)"
    }
}

/// Hex text to bytes (either case); nil for anything else.
enum HexBytes {
    static func decode(_ text: String) -> Data? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out = Data(capacity: chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
