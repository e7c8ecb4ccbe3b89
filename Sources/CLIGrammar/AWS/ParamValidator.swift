import AWSModel
import Wire

/// botocore's client-side parameter validation (`botocore/validate.py`): required members, unknown
/// members, types, and minimum lengths and values, all collected and reported together in
/// botocore's words, e.g.
/// `Invalid length for parameter KeyId, value: 0, valid min length: 1`.
struct ParamValidator {
    let model: ServiceModel
    private(set) var errors: [String] = []

    init(model: ServiceModel) {
        self.model = model
    }

    /// Nil when valid; otherwise the error to show.
    static func validate(_ params: ParamObject, input: Shape, model: ServiceModel) -> CLIError? {
        var validator = ParamValidator(model: model)
        validator.validate(.map(params), shape: input, name: "")
        guard !validator.errors.isEmpty else { return nil }
        return CLIError(.validation, "Parameter validation failed:\n" + validator.errors.joined(separator: "\n"))
    }

    private static func displayName(_ name: String) -> String {
        if name.isEmpty { return "input" }
        return name.hasPrefix(".") ? String(name.dropFirst()) : name
    }

    private var sensitive = false

    private mutating func invalidType(_ name: String, _ value: ParamValue, _ valid: [String]) {
        let shown = sensitive ? Sensitivity.mask : value.pythonStr
        errors.append("Invalid type for parameter \(Self.displayName(name)), value: \(shown), "
                      + "type: \(value.pythonTypeName), valid types: " + valid.joined(separator: ", "))
    }

    private mutating func rangeCheck(_ name: String, _ value: Double, _ shape: Shape, length: Bool, shown: String) {
        guard let min = shape.min, value < min else { return }
        let minText = min.rounded() == min ? String(Int(min)) : JSONWriter.formatDouble(min)
        if length {
            errors.append("Invalid length for parameter \(Self.displayName(name)), value: \(shown), valid min length: \(minText)")
        } else {
            errors.append("Invalid value for parameter \(Self.displayName(name)), value: \(shown), valid min value: \(minText)")
        }
    }

    mutating func validate(_ value: ParamValue, shape: Shape, name: String) {
        // Secrets are never repeated in messages (botocore would print them).
        let outerSensitive = sensitive
        sensitive = sensitive || shape.isSensitive
        defer { sensitive = outerSensitive }
        switch shape.kind {
        case .structure:
            guard case .map(let object) = value else { return invalidType(name, value, ["<class 'dict'>"]) }
            for required in shape.requiredMembers where object[required] == nil {
                errors.append("Missing required parameter in \(Self.displayName(name)): \"\(required)\"")
            }
            let names = shape.members.map(\.name)
            var known: [(String, ParamValue, String)] = []
            for (key, v) in object.entries {
                if let member = shape.member(named: key) {
                    known.append((key, v, member.shape))
                } else {
                    errors.append("Unknown parameter in \(Self.displayName(name)): \"\(key)\", must be one of: "
                                  + names.joined(separator: ", "))
                }
            }
            for (key, v, shapeName) in known {
                guard let memberShape = model.shape(shapeName) else { continue }
                validate(v, shape: memberShape, name: "\(name).\(key)")
            }
        case .list:
            guard case .list(let items) = value else { return invalidType(name, value, ["<class 'list'>", "<class 'tuple'>"]) }
            rangeCheck(name, Double(items.count), shape, length: true, shown: String(items.count))
            guard let element = shape.element.flatMap({ model.shape($0) }) else { return }
            for (i, item) in items.enumerated() {
                validate(item, shape: element, name: "\(name)[\(i)]")
            }
        case .map:
            guard case .map(let object) = value else { return invalidType(name, value, ["<class 'dict'>"]) }
            let keyShape = shape.mapKey.flatMap { model.shape($0) }
            let valueShape = shape.mapValue.flatMap { model.shape($0) }
            for (key, v) in object.entries {
                if let keyShape { validate(.string(key), shape: keyShape, name: "\(name) (key: \(key))") }
                if let valueShape { validate(v, shape: valueShape, name: "\(name).\(key)") }
            }
        case .string:
            guard case .string(let s) = value else { return invalidType(name, value, ["<class 'str'>"]) }
            let length = s.unicodeScalars.count
            rangeCheck(name, Double(length), shape, length: true, shown: String(length))
        case .integer, .long:
            guard case .int(let i) = value else { return invalidType(name, value, ["<class 'int'>"]) }
            rangeCheck(name, Double(i), shape, length: false, shown: String(i))
        case .double, .float:
            let d: Double
            switch value {
            case .double(let x): d = x
            case .int(let i): d = Double(i)
            default: return invalidType(name, value, ["<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"])
            }
            rangeCheck(name, d, shape, length: false, shown: value.pythonStr)
        case .boolean:
            guard case .bool = value else { return invalidType(name, value, ["<class 'bool'>"]) }
        case .blob:
            switch value {
            case .bytes, .string: return
            default: invalidType(name, value, ["<class 'bytes'>", "<class 'bytearray'>", "file-like object"])
            }
        case .timestamp:
            if TimestampInput.parse(value) == nil {
                invalidType(name, value, ["<class 'datetime.datetime'>", "timestamp-string"])
            }
        }
    }
}

/// How a timestamp parameter's value is read: ISO 8601 text, or epoch seconds as a number or text.
enum TimestampInput {
    static func parse(_ value: ParamValue) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d.isFinite ? d : nil
        case .string(let s): return Timestamp.parse(s)?.timeIntervalSince1970
        default: return nil
        }
    }
}
