import AWSModel

/// Fits parsed shorthand to the member's shape, as the AWS CLI's `BackCompatVisitor` does:
/// a lone value where the model wants a list becomes a one-element list, and text becomes an
/// integer, a float or a boolean where the model says so. Anything else is left for validation to
/// report in botocore's words.
struct ShorthandModelFit {
    struct ConversionError: Error {
        let message: String
    }

    let model: ServiceModel

    func fit(_ value: ParamValue, to shapeName: String) throws(ConversionError) -> ParamValue {
        guard let shape = model.shape(shapeName) else { return value }
        switch shape.kind {
        case .structure:
            guard case .map(var object) = value else { return value }
            for member in shape.members {
                if let v = object[member.name] {
                    object[member.name] = try fit(v, to: member.shape)
                }
            }
            return .map(object)
        case .list:
            guard case .list(let items) = value else {
                // "foo=bar" where the model wants ["bar"]. Like the AWS CLI, the lone value is
                // wrapped as it is, not converted (validation then names any type mismatch).
                if case .null = value { return value }
                return .list([value])
            }
            guard let element = shape.element else { return value }
            var out: [ParamValue] = []
            for item in items { out.append(try fit(item, to: element)) }
            return .list(out)
        case .map:
            guard case .map(var object) = value, let valueShape = shape.mapValue else { return value }
            for key in object.keys {
                if let v = object[key] { object[key] = try fit(v, to: valueShape) }
            }
            return .map(object)
        case .integer, .long:
            guard case .string(let s) = value else { return value }
            guard let i = PythonNumbers.int(s) else {
                throw ConversionError(message: "invalid literal for int() with base 10: \(PythonText.repr(s))")
            }
            return .int(i)
        case .double, .float:
            guard case .string(let s) = value else { return value }
            guard let d = PythonNumbers.float(s) else {
                throw ConversionError(message: "could not convert string to float: \(PythonText.repr(s))")
            }
            return .double(d)
        case .boolean:
            guard case .string(let s) = value else { return value }
            switch s.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return value
            }
        case .string, .blob, .timestamp:
            return value
        }
    }
}

/// Python's `int(text)` and `float(text)` for command-line numbers.
enum PythonNumbers {
    /// Surrounding blanks, a sign, and `_` between digits are accepted, as by Python.
    static func int(_ text: String) -> Int? {
        var s = Substring(text.trimmingPythonSpace())
        var negative = false
        if let f = s.first, f == "+" || f == "-" {
            negative = f == "-"
            s = s.dropFirst()
        }
        guard let first = s.first, first.isASCIIDigit, let last = s.last, last.isASCIIDigit else { return nil }
        var value = 0
        var previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard let d = c.wholeNumberValue, c.isASCIIDigit else { return nil }
            previousUnderscore = false
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        return negative ? -value : value
    }

    static func float(_ text: String) -> Double? {
        let s = text.trimmingPythonSpace().replacingAll("_", with: "")
        switch s.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCIIDigit || "+-.eE".contains($0) }) else { return nil }
        return Double(s)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension String {
    /// Python's `strip()`.
    func trimmingPythonSpace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, ShorthandParser.isPythonSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, ShorthandParser.isPythonSpace(l) { scalars.removeLast() }
        return String(scalars)
    }
}
