import Foundation

/// Where the engine gets randomness: key material, nonces, data keys, IDs.
///
/// Production uses the system CSPRNG; tests may inject a seeded source to make IDs repeatable
/// (never for anything a learner relies on for secrecy).
public protocol RandomSource: Sendable {
    func bytes(_ count: Int) -> Data
}

extension RandomSource {
    /// A random version-4 UUID in lowercase, as KMS key IDs are written.
    public func uuid() -> String {
        var b = [UInt8](bytes(16))
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        return UUIDText.format(b)
    }

    public func hex(_ count: Int) -> String {
        bytes(count).map { String(format: "%02x", $0) }.joined()
    }
}

/// The operating system's cryptographically secure generator.
public struct SystemRandom: RandomSource {
    public init() {}

    public func bytes(_ count: Int) -> Data {
        // The standard library's generator reads the kernel CSPRNG (getrandom on Linux,
        // arc4random on Darwin); both are documented as cryptographically secure.
        var generator = SystemRandomNumberGenerator()
        var out = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            let word = generator.next()
            for k in 0..<min(8, count - i) { out[i + k] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(k))) }
            i += 8
        }
        return Data(out)
    }
}

/// A deterministic generator for tests (SplitMix64). Not for secrets.
public final class SeededRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public func bytes(_ count: Int) -> Data {
        lock.withLock {
            var out = Data(capacity: count)
            while out.count < count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                withUnsafeBytes(of: z) { out.append(contentsOf: $0.prefix(count - out.count)) }
            }
            return out
        }
    }
}

enum UUIDText {
    static func format(_ b: [UInt8]) -> String {
        let hex = b.map { String(format: "%02x", $0) }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    static func parse(_ s: String) -> [UInt8]? {
        let hex = s.replacingOccurrences(of: "-", with: "")
        guard s.count == 36, hex.count == 32 else { return nil }
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let v = UInt8(hex[i..<j], radix: 16) else { return nil }
            out.append(v)
            i = j
        }
        return out
    }
}
