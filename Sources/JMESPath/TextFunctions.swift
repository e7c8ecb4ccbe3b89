import Wire

/// contains, starts_with, ends_with, join, length, reverse and to_string.
///
/// Strings are measured, searched and reversed by Unicode code point, as the specification and
/// the reference implementation do (Swift's `Character` would merge combining sequences).
extension Builtin {
    func applyText(_ args: FunctionArguments) throws(JMESPathError) -> JSONValue {
        switch self {
        case .contains:
            let search = try args.value(1)
            switch try args.value(0) {
            case .array(let elements):
                return .bool(elements.contains { ValueSemantics.equal($0, search) })
            case .string(let subject):
                guard case .string(let needle) = search else { return .bool(false) }
                return .bool(Builtin.utf8(subject, contains: needle))
            default:
                return .null
            }
        case .startsWith:
            return .bool(try args.string(0).utf8.starts(with: try args.string(1).utf8))
        case .endsWith:
            let subject = try args.string(0).utf8
            let suffix = try args.string(1).utf8
            return .bool(subject.count >= suffix.count && subject.suffix(suffix.count).elementsEqual(suffix))
        case .join:
            let separator = try args.string(0)
            var parts: [String] = []
            for element in try args.array(1) {
                if case .string(let s) = element { parts.append(s) }
            }
            return .string(parts.joined(separator: separator))
        case .length:
            switch try args.value(0) {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .array(let a): return .int(a.count)
            case .object(let o): return .int(o.count)
            default: return .null
            }
        case .reverse:
            switch try args.value(0) {
            case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            case .array(let a): return .array(a.reversed())
            default: return .null
            }
        case .toString:
            let value = try args.value(0)
            if case .string = value { return value }
            return .string(Builtin.asciiEscaped(JSONWriter.compact(value)))
        default:
            return .null
        }
    }

    /// Substring search on UTF-8 bytes, which for valid strings is search by code point.
    private static func utf8(_ subject: String, contains needle: String) -> Bool {
        let hay = Array(subject.utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty else { return true }
        guard pin.count <= hay.count else { return false }
        var i = 0
        while i + pin.count <= hay.count {
            if hay[i] == pin[0], hay[i..<(i + pin.count)].elementsEqual(pin) { return true }
            i += 1
        }
        return false
    }

    /// Compact JSON with every character outside printable ASCII written as `\uXXXX`, which is
    /// what the AWS CLI's `to_string` (Python's `json.dumps`) prints.
    static func asciiEscaped(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
    }
}
