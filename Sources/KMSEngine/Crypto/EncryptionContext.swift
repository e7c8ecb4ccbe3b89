import Foundation

/// The canonical, unambiguous byte encoding of an encryption context, bound as AES-GCM
/// authenticated data.
///
/// Pairs are sorted by the UTF-8 bytes of their keys and each key and value is length-prefixed
/// (32-bit big-endian), after a pair count. Concatenating keys and values (as some emulators do)
/// would let `{"ab":"c"}` open what `{"a":"bc"}` sealed; with length prefixes no two different
/// contexts share an encoding, and order of entry never matters.
public enum EncryptionContextEncoding {
    public static func canonical(_ context: [String: String]) -> [UInt8] {
        let pairs = context.map { (Array($0.key.utf8), Array($0.value.utf8)) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
        var out: [UInt8] = []
        out.reserveCapacity(4 + pairs.reduce(0) { $0 + 8 + $1.0.count + $1.1.count })
        appendLength(pairs.count, to: &out)
        for (k, v) in pairs {
            appendLength(k.count, to: &out)
            out.append(contentsOf: k)
            appendLength(v.count, to: &out)
            out.append(contentsOf: v)
        }
        return out
    }

    private static func appendLength(_ n: Int, to out: inout [UInt8]) {
        let v = UInt32(truncatingIfNeeded: n)
        out.append(UInt8(v >> 24))
        out.append(UInt8((v >> 16) & 0xFF))
        out.append(UInt8((v >> 8) & 0xFF))
        out.append(UInt8(v & 0xFF))
    }
}
