import Wire

/// abs, avg, ceil, floor, sum, max, min and to_number.
///
/// Integers stay integers where the reference implementation keeps them (abs, ceil, floor, sum
/// of integers, max and min return an element), so `--query` prints `3`, not `3.0`.
extension Builtin {
    func applyNumeric(_ args: FunctionArguments) throws(JMESPathError) -> JSONValue {
        switch self {
        case .abs:
            switch try args.value(0) {
            case .int(let i): return i == Int.min ? .double(Double(i).magnitude) : .int(Swift.abs(i))
            case .double(let d): return .double(Swift.abs(d))
            default: return .null
            }
        case .ceil: return Builtin.round(try args.value(0), .up)
        case .floor: return Builtin.round(try args.value(0), .down)
        case .avg:
            let numbers = try args.array(0)
            guard !numbers.isEmpty else { return .null }
            let total = numbers.reduce(0.0) { $0 + ($1.numberValue ?? 0) }
            return .double(total / Double(numbers.count))
        case .sum:
            return Builtin.sum(try args.array(0))
        case .max:
            return Builtin.extreme(try args.array(0), wantLarger: true)
        case .min:
            return Builtin.extreme(try args.array(0), wantLarger: false)
        case .toNumber:
            switch try args.value(0) {
            case .int, .double: return try args.value(0)
            case .string(let s): return Builtin.parseNumber(s) ?? .null
            default: return .null
            }
        default:
            return .null
        }
    }

    private static func round(_ value: JSONValue, _ rule: FloatingPointRoundingRule) -> JSONValue {
        switch value {
        case .int: return value
        case .double(let d):
            let rounded = d.rounded(rule)
            if let exact = Int(exactly: rounded) { return .int(exact) }
            return .double(rounded)
        default: return .null
        }
    }

    /// Integer sums stay exact until they would overflow; then, or once a fraction appears, the
    /// sum continues in floating point.
    private static func sum(_ numbers: [JSONValue]) -> JSONValue {
        var intTotal = 0
        var doubleTotal = 0.0
        var isInteger = true
        for number in numbers {
            if isInteger, case .int(let i) = number {
                let (next, overflow) = intTotal.addingReportingOverflow(i)
                if !overflow {
                    intTotal = next
                    continue
                }
            }
            if isInteger {
                isInteger = false
                doubleTotal = Double(intTotal)
            }
            doubleTotal += number.numberValue ?? 0
        }
        return isInteger ? .int(intTotal) : .double(doubleTotal)
    }

    /// The first largest (or smallest) element of an array of numbers or of strings; null if empty.
    private static func extreme(_ values: [JSONValue], wantLarger: Bool) -> JSONValue {
        guard var best = values.first else { return .null }
        for candidate in values.dropFirst() {
            guard let c = ValueSemantics.order(candidate, best) else { continue }
            if wantLarger ? c > 0 : c < 0 { best = candidate }
        }
        return best
    }

    /// A string holding exactly a JSON number (`-12`, `1.5`, `2e3`) as a number; otherwise nil.
    static func parseNumber(_ text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == UInt8(ascii: "0")) else { return nil }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            isInteger = false
            guard digits() > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            isInteger = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count else { return nil }
        if isInteger, let exact = Int(text) { return .int(exact) }
        guard let d = Double(text) else { return nil }
        return .double(d)
    }
}
