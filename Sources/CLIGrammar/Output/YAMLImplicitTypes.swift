/// Which plain YAML scalars would read back as something other than text under YAML 1.2's
/// implicit typing as ruamel.yaml resolves it (booleans, null, integers, floats, timestamps, `<<`,
/// `=`): such strings must be quoted, as the AWS CLI v2's YAML output quotes `'123'` and
/// `'2026-11-29T09:37:15+00:00'`.
enum YAMLImplicitTypes {
    static func resolvesToNonString(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        guard let first = c.first else { return true }  // '' is null
        switch first {
        case "t", "T", "f", "F":
            return ["true", "True", "TRUE", "false", "False", "FALSE"].contains(s)
        case "~": return s == "~"
        case "n", "N": return s == "null" || s == "Null" || s == "NULL"
        case "<": return s == "<<"
        case "=": return s == "="
        case "!", "&", "*": return c.count == 1
        case ".": return isFloat(c)
        case "-", "+": return isFloat(c) || isInt(c)
        case "0"..."9": return isFloat(c) || isInt(c) || isTimestamp(c)
        default: return false
        }
    }

    private static func all(_ c: ArraySlice<Unicode.Scalar>, _ allowed: (Unicode.Scalar) -> Bool) -> Bool {
        !c.isEmpty && c.allSatisfy(allowed)
    }

    private static func digit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    private static func digitOrUnderscore(_ s: Unicode.Scalar) -> Bool { digit(s) || s == "_" }

    /// `[-+]?(0b[01_]+ | 0o?[0-7_]+ | [0-9_]+ | 0x[0-9a-fA-F_]+)`
    static func isInt(_ c: [Unicode.Scalar]) -> Bool {
        var body = c[...]
        if let f = body.first, f == "-" || f == "+" { body = body.dropFirst() }
        if all(body, digitOrUnderscore) { return true }
        guard body.count > 2, body.first == "0" else { return false }
        let marker = body[body.startIndex + 1]
        let rest = body.dropFirst(2)
        switch marker {
        case "b": return all(rest) { $0 == "0" || $0 == "1" || $0 == "_" }
        case "o": return all(rest) { ($0 >= "0" && $0 <= "7") || $0 == "_" }
        case "x": return all(rest) { digitOrUnderscore($0) || ($0 >= "a" && $0 <= "f") || ($0 >= "A" && $0 <= "F") }
        default: return false
        }
    }

    /// YAML 1.2 floats as ruamel.yaml's resolver writes them.
    static func isFloat(_ c: [Unicode.Scalar]) -> Bool {
        var s = c[...]
        let text = String(String.UnicodeScalarView(c))
        if text == ".nan" || text == ".NaN" || text == ".NAN" { return true }
        if let f = s.first, f == "-" || f == "+" { s = s.dropFirst() }
        let rest = String(String.UnicodeScalarView(s))
        if rest == ".inf" || rest == ".Inf" || rest == ".INF" { return true }
        // Exponent: [eE][-+]?[0-9]+ (sign required when `signRequired`).
        func exponent(_ e: ArraySlice<Unicode.Scalar>, signRequired: Bool) -> Bool {
            guard let first = e.first, first == "e" || first == "E" else { return false }
            var digits = e.dropFirst()
            if let sign = digits.first, sign == "-" || sign == "+" {
                digits = digits.dropFirst()
            } else if signRequired {
                return false
            }
            return all(digits, digit)
        }
        if s.first == "." {
            // \.[0-9_]+([eE][-+][0-9]+)?
            let afterDot = s.dropFirst()
            let fraction = afterDot.prefix(while: digitOrUnderscore)
            guard !fraction.isEmpty else { return false }
            let tail = afterDot.dropFirst(fraction.count)
            return tail.isEmpty || exponent(tail, signRequired: true)
        }
        guard let f = s.first, digit(f) else { return false }
        let integer = s.prefix(while: digitOrUnderscore)
        var tail = s.dropFirst(integer.count)
        if tail.first == "." {
            tail = tail.dropFirst()
            let fraction = tail.prefix(while: digitOrUnderscore)
            tail = tail.dropFirst(fraction.count)
            return tail.isEmpty || exponent(tail, signRequired: false)
        }
        return exponent(tail, signRequired: false)
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` with a time `[Tt ]H:MM:SS(.frac)?( *(Z|±H(:MM)?))?`.
    static func isTimestamp(_ c: [Unicode.Scalar]) -> Bool {
        var i = 0
        func digits(_ minCount: Int, _ maxCount: Int) -> Bool {
            var n = 0
            while i < c.count, n < maxCount, digit(c[i]) {
                i += 1
                n += 1
            }
            return n >= minCount
        }
        func char(_ x: Unicode.Scalar) -> Bool {
            guard i < c.count, c[i] == x else { return false }
            i += 1
            return true
        }
        // Date only: exactly four, two and two digits.
        if c.count == 10, digits(4, 4), char("-"), digits(2, 2), char("-"), digits(2, 2), i == c.count { return true }
        i = 0
        guard digits(4, 4), char("-"), digits(1, 2), char("-"), digits(1, 2) else { return false }
        if char("T") || char("t") {
        } else {
            let start = i
            while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 }
            if i == start { return false }
        }
        guard digits(1, 2), char(":"), digits(2, 2), char(":"), digits(2, 2) else { return false }
        if char(".") { while i < c.count, digit(c[i]) { i += 1 } }
        if i == c.count { return true }
        while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 }
        if char("Z") { return i == c.count }
        guard char("-") || char("+"), digits(1, 2) else { return false }
        if char(":") { guard digits(2, 2) else { return false } }
        return i == c.count
    }
}
