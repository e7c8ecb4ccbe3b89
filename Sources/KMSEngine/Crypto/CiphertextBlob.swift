import Foundation

/// The self-describing ciphertext KMS Drill's Encrypt and GenerateDataKey return.
///
/// Layout (version 1), 50 bytes of overhead:
/// ```
/// offset  size  field
///      0     1  magic 0x4B ('K')
///      1     1  format version (1)
///      2    16  key ID (UUID bytes)
///     18     4  material version, big-endian
///     22    12  AES-GCM nonce
///     34     n  ciphertext
///   34+n    16  AES-GCM tag
/// ```
/// The 22-byte header is authenticated together with the canonical encryption context, so a blob
/// cannot be moved to another key or material version, and Decrypt needs no KeyId.
public struct CiphertextBlob: Equatable, Sendable {
    public static let magic: UInt8 = 0x4B
    public static let formatVersion: UInt8 = 1
    public static let headerSize = 22
    public static let nonceSize = 12
    public static let tagSize = 16
    public static let overhead = headerSize + nonceSize + tagSize

    public var keyId: String
    public var materialVersion: Int
    public var nonce: Data
    public var ciphertext: Data
    public var tag: Data

    public init(keyId: String, materialVersion: Int, nonce: Data, ciphertext: Data, tag: Data) {
        self.keyId = keyId
        self.materialVersion = materialVersion
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }

    /// The header bytes for a key and material version; `nil` if the key ID is not a UUID.
    public static func header(keyId: String, materialVersion: Int) -> [UInt8]? {
        guard let uuid = UUIDText.parse(keyId), materialVersion > 0, materialVersion <= Int(UInt32.max) else { return nil }
        let v = UInt32(materialVersion)
        return [magic, formatVersion] + uuid + [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    public var header: [UInt8]? { Self.header(keyId: keyId, materialVersion: materialVersion) }

    public func serialized() -> Data? {
        guard let header else { return nil }
        var out = Data(capacity: Self.overhead + ciphertext.count)
        out.append(contentsOf: header)
        out.append(nonce)
        out.append(ciphertext)
        out.append(tag)
        return out
    }

    /// Reads a blob; `nil` when it is not a version-1 KMS Drill ciphertext.
    public init?(parsing data: Data) {
        let bytes = [UInt8](data)
        guard bytes.count >= Self.overhead, bytes[0] == Self.magic, bytes[1] == Self.formatVersion else { return nil }
        keyId = UUIDText.format(Array(bytes[2..<18]))
        materialVersion = Int(UInt32(bytes[18]) << 24 | UInt32(bytes[19]) << 16 | UInt32(bytes[20]) << 8 | UInt32(bytes[21]))
        guard materialVersion > 0 else { return nil }
        nonce = Data(bytes[22..<34])
        ciphertext = Data(bytes[34..<(bytes.count - Self.tagSize)])
        tag = Data(bytes[(bytes.count - Self.tagSize)...])
    }
}
