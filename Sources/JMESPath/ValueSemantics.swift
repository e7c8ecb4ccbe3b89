import Wire

/// Truthiness, equality and ordering as JMESPath defines them.
///
/// Strings compare by code point (UTF-8 byte order is code point order), not by Swift's
/// canonical equivalence, so results match the reference implementation byte for byte.
enum ValueSemantics {
    /// False for null, false, "", [] and {}; true for everything else, including 0.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int, .double: return true
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// Deep JSON equality: numbers by value (`1 == 1.0`), strings by code point, objects
    /// regardless of member order; booleans never equal numbers.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double):
            return compareNumbers(lhs, rhs) == 0
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for i in a.indices where !equal(a[i], b[i]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], equal(value, other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// -1, 0 or 1 for two numbers; `nil` when either is not a number (or is NaN).
    static func compareNumbers(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            return a < b ? -1 : (a == b ? 0 : 1)
        }
        guard let a = lhs.numberValue, let b = rhs.numberValue, !a.isNaN, !b.isNaN else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// -1, 0 or 1 for two strings in code point order.
    static func compareStrings(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// Orders two numbers or two strings; `nil` for any other pairing, which the ordering
    /// operators turn into null (as the reference implementation does).
    static func order(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        if case .string(let a) = lhs, case .string(let b) = rhs { return compareStrings(a, b) }
        if case .bool = lhs { return nil }
        if case .bool = rhs { return nil }
        return compareNumbers(lhs, rhs)
    }

    /// The result of a comparator, or null when the operands cannot be ordered.
    static func compare(_ comparator: Comparator, _ lhs: JSONValue, _ rhs: JSONValue) -> JSONValue {
        switch comparator {
        case .equal: return .bool(equal(lhs, rhs))
        case .notEqual: return .bool(!equal(lhs, rhs))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let c = order(lhs, rhs) else { return .null }
            switch comparator {
            case .less: return .bool(c < 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }
}
