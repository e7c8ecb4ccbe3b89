import Foundation
import Wire

/// Reading numbers for the Numeric operators: decimal integers and decimals, with an exponent.
enum PolicyNumber {
    static func parse(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 64,
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 }),
              let d = Double(text), d.isFinite
        else { return nil }
        return d
    }
}

/// Reading dates for the Date operators: ISO 8601 (`2026-01-01`, `2026-01-01T12:00:00Z`) or epoch seconds.
enum PolicyDate {
    static func parse(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 64, let date = Timestamp.parse(text) else { return nil }
        let t = date.timeIntervalSince1970
        return t.isFinite ? t : nil
    }
}

/// Reading `true` / `false` for the Bool and Null operators, in any case as IAM does.
enum PolicyBool {
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}

/// Standard base64 (RFC 4648) decoding for BinaryEquals, strict about padding and alphabet.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3)
        var i = 0
        while i < bytes.count {
            var quad: [Int] = []
            var padding = 0
            for k in 0..<4 {
                let c = bytes[i + k]
                if c == UInt8(ascii: "=") {
                    // Padding only at the end of the last quad.
                    guard i + 4 == bytes.count, k >= 2 else { return nil }
                    padding += 1
                    quad.append(0)
                } else {
                    guard padding == 0, let v = value(c) else { return nil }
                    quad.append(v)
                }
            }
            let n = quad[0] << 18 | quad[1] << 12 | quad[2] << 6 | quad[3]
            out.append(UInt8((n >> 16) & 0xFF))
            if padding < 2 { out.append(UInt8((n >> 8) & 0xFF)) }
            if padding < 1 { out.append(UInt8(n & 0xFF)) }
            i += 4
        }
        return out
    }

    private static func value(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c) - 65
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c) - 97 + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c) - 48 + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
