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

    /// A time-ordered UUID (version 7: 48 bits of Unix milliseconds, then random bits).
    ///
    /// Audit event IDs use it: they are still UUIDs, but IDs made later sort later, so the
    /// database's index on them grows at its end instead of being rewritten at random pages on
    /// every insert (which made each audited call several times more expensive).
    public func timeOrderedUUID(at date: Date) -> String {
        var b = [UInt8](bytes(16))
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        for i in 0..<6 { b[i] = UInt8(truncatingIfNeeded: millis >> (8 * UInt64(5 - i))) }
        b[6] = (b[6] & 0x0F) | 0x70
        b[8] = (b[8] & 0x3F) | 0x80
        return UUIDText.format(b)
    }

    public func hex(_ count: Int) -> String {
        Hex.encode(bytes(count))
    }
}

/// The operating system's cryptographically secure generator, read in blocks.
///
/// Bytes come from the kernel CSPRNG (`getrandom` on Linux, through the standard library's
/// `SystemRandomNumberGenerator`), fetched 4 KiB at a time and handed out once each, so a nonce
/// costs a memcpy rather than a system call.
public final class SystemRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private var position = 4096

    public init() {}

    public func bytes(_ count: Int) -> Data {
        if count > 1024 { return Self.fresh(count) }
        return lock.withLock {
            if position + count > buffer.count {
                buffer = Self.freshBytes(buffer.count)
                position = 0
            }
            defer {
                // Never hand out the same bytes twice: wipe what was taken.
                for i in position..<(position + count) { buffer[i] = 0 }
                position += count
            }
            return Data(buffer[position..<(position + count)])
        }
    }

    private static func fresh(_ count: Int) -> Data { Data(freshBytes(count)) }

    private static let urandom: Int32 = open("/dev/urandom", O_RDONLY | O_CLOEXEC)

    private static func freshBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        // One read of the kernel CSPRNG for the whole block, rather than a system call per 8
        // bytes; the standard library's generator (the same source) is the fallback.
        if urandom >= 0 {
            var filled = 0
            while filled < count {
                let n = out.withUnsafeMutableBytes { read(urandom, $0.baseAddress! + filled, count - filled) }
                if n > 0 { filled += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
            if filled == count { return out }
        }
        var generator = SystemRandomNumberGenerator()
        out.withUnsafeMutableBytes { raw in
            var i = 0
            while i < count {
                var word = generator.next()
                let n = min(8, count - i)
                withUnsafeBytes(of: &word) { w in
                    for k in 0..<n { raw[i + k] = w[k] }
                }
                i += n
            }
        }
        return out
    }
}

/// A deterministic generator for tests (SplitMix64). Not for secrets.
public final class SeededRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var position: UInt64

    public init(seed: UInt64) { position = seed }

    /// Where the stream stands: saving it and seeding a new generator with it continues the stream.
    public var state: UInt64 { lock.withLock { position } }

    public func bytes(_ count: Int) -> Data {
        lock.withLock { next(count) }
    }

    private func next(_ count: Int) -> Data {
        var out = Data(capacity: count)
        while out.count < count {
            position &+= 0x9E37_79B9_7F4A_7C15
            var z = position
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { out.append(contentsOf: $0.prefix(count - out.count)) }
        }
        return out
    }
}

enum UUIDText {
    static func format(_ b: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, byte) in b.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(Hex.digits[Int(byte >> 4)])
            out.append(Hex.digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads `8-4-4-4-12` hex (either case); nil for anything else.
    static func parse(_ s: String) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(16)
        var high: UInt8?
        var count = 0
        for c in s.utf8 {
            count += 1
            if c == UInt8(ascii: "-") {
                guard count == 9 || count == 14 || count == 19 || count == 24, high == nil else { return nil }
                continue
            }
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return count == 36 && out.count == 16 ? out : nil
    }
}

/// Lower-case hexadecimal without Foundation's formatter (which costs microseconds per call).
public enum Hex {
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
