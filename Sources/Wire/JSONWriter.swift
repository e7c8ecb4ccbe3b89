/// Writes JSON the way the tools a learner compares us with write it.
///
/// `pretty` matches the AWS CLI's `--output json` (Python's `json.dumps(indent=4,
/// ensure_ascii=False)`), byte for byte; `compact` is the wire form (no spaces), which is also how
/// CloudTrail hands an event to `lookup-events` as `CloudTrailEvent`.
public enum JSONWriter {
    /// Compact form: `{"a":1,"b":[true,null]}`.
    public static func compact(_ value: JSONValue, sortedKeys: Bool = false) -> String {
        var out = ""
        writeCompact(value, into: &out, sortedKeys: sortedKeys)
        return out
    }

    /// The AWS CLI's form: four-space indent, `", "`-free item separators, `": "` after keys.
    public static func pretty(_ value: JSONValue, indent: Int = 4) -> String {
        var out = ""
        writePretty(value, into: &out, level: 0, indent: indent)
        return out
    }

    /// Python's `json.dumps(value)` with default separators: `{"a": 1, "b": [true, null]}`.
    public static func pythonInline(_ value: JSONValue) -> String {
        var out = ""
        writeInline(value, into: &out)
        return out
    }

    private static func writeCompact(_ value: JSONValue, into out: inout String, sortedKeys: Bool) {
        switch value {
        case .array(let a):
            out.append("[")
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(",") }
                writeCompact(v, into: &out, sortedKeys: sortedKeys)
            }
            out.append("]")
        case .object(let o):
            out.append("{")
            let keys = sortedKeys ? o.keys.sorted() : o.keys
            for (i, k) in keys.enumerated() {
                if i > 0 { out.append(",") }
                writeString(k, into: &out)
                out.append(":")
                writeCompact(o[k]!, into: &out, sortedKeys: sortedKeys)
            }
            out.append("}")
        default:
            writeScalar(value, into: &out)
        }
    }

    private static func writeInline(_ value: JSONValue, into out: inout String) {
        switch value {
        case .array(let a):
            out.append("[")
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(", ") }
                writeInline(v, into: &out)
            }
            out.append("]")
        case .object(let o):
            out.append("{")
            for (i, m) in o.members.enumerated() {
                if i > 0 { out.append(", ") }
                writeString(m.key, into: &out)
                out.append(": ")
                writeInline(m.value, into: &out)
            }
            out.append("}")
        default:
            writeScalar(value, into: &out)
        }
    }

    private static func writePretty(_ value: JSONValue, into out: inout String, level: Int, indent: Int) {
        switch value {
        case .array(let a):
            if a.isEmpty {
                out.append("[]")
                return
            }
            out.append("[\n")
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(",\n") }
                out.append(String(repeating: " ", count: (level + 1) * indent))
                writePretty(v, into: &out, level: level + 1, indent: indent)
            }
            out.append("\n")
            out.append(String(repeating: " ", count: level * indent))
            out.append("]")
        case .object(let o):
            if o.isEmpty {
                out.append("{}")
                return
            }
            out.append("{\n")
            for (i, m) in o.members.enumerated() {
                if i > 0 { out.append(",\n") }
                out.append(String(repeating: " ", count: (level + 1) * indent))
                writeString(m.key, into: &out)
                out.append(": ")
                writePretty(m.value, into: &out, level: level + 1, indent: indent)
            }
            out.append("\n")
            out.append(String(repeating: " ", count: level * indent))
            out.append("}")
        default:
            writeScalar(value, into: &out)
        }
    }

    private static func writeScalar(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(formatDouble(d))
        case .string(let s): writeString(s, into: &out)
        case .array, .object: break
        }
    }

    /// Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = abs(d)
        if magnitude >= 1e16 || magnitude < 1e-4 {
            // Swift gives "1e-05" / "1.5e+16" for these, as Python does.
            return d.description
        }
        var s = d.description
        if s.contains("e") {
            // Swift chose an exponent where Python would not: expand it.
            s = expandExponent(d)
        }
        if !s.contains(".") { s += ".0" }
        return s
    }

    private static func expandExponent(_ d: Double) -> String {
        let parts = d.description.split(separator: "e")
        guard parts.count == 2, let exp = Int(parts[1]) else { return d.description }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let digits = mantissa.replacingOccurrences(of: ".", with: "")
        let pointPos = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exp
        var result: String
        if pointPos <= 0 {
            result = "0." + String(repeating: "0", count: -pointPos) + digits
        } else if pointPos >= digits.count {
            result = digits + String(repeating: "0", count: pointPos - digits.count) + ".0"
        } else {
            let idx = digits.index(digits.startIndex, offsetBy: pointPos)
            result = digits[..<idx] + "." + digits[idx...]
        }
        return negative ? "-" + result : result
    }

    /// A JSON string literal with Python's `ensure_ascii=False` escaping.
    public static func writeString(_ s: String, into out: inout String) {
        out.append("\"")
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            out.append(s)
            out.append("\"")
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
