import Wire

/// Reads a Condition element (`operator -> key -> value or list`) and compiles each value for its
/// operator, refusing unknown operators and values of the wrong type.
struct ConditionReader {
    let label: String
    let variablesEnabled: Bool
    let kind: PolicyKind

    mutating func read(_ value: JSONValue) throws(PolicyError) -> [ConditionClause] {
        guard case .object(let operators) = value else {
            throw .malformed("\(label): Condition must be an object mapping operators to keys, such as "
                + "{\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}, found \(article(value.typeName)).")
        }
        var clauses: [ConditionClause] = []
        for (name, keys) in operators {
            guard let op = ConditionOperator(name) else {
                let suggestion = ConditionOperator.suggestion(for: name).map { " (did you mean \(JSONWriter.quoted($0))?)" } ?? ""
                throw .malformed("\(label): unknown condition operator \(JSONWriter.quoted(name))\(suggestion).")
            }
            guard case .object(let keyMap) = keys else {
                throw .malformed("\(label): condition operator \(name) must map condition keys to values, found \(article(keys.typeName)).")
            }
            guard !keyMap.isEmpty else {
                throw .malformed("\(label): condition operator \(name) has no condition keys.")
            }
            for (key, raw) in keyMap {
                clauses.append(try clause(op, name: name, key: key, raw: raw))
            }
        }
        return clauses
    }

    private func clause(_ op: ConditionOperator, name: String, key: String, raw: JSONValue) throws(PolicyError) -> ConditionClause {
        let where_ = "\(label): \(name) \(JSONWriter.quoted(key))"
        guard ConditionReader.isValidKey(key) else {
            throw .malformed("\(label): condition key \(JSONWriter.quoted(key)) must start with a service prefix, "
                + "such as \"kms:ViaService\" or \"aws:PrincipalArn\".")
        }
        // KMS refuses set operators on kms:EncryptionContext:KEY, a single-valued key: with one they
        // would allow requests without any encryption context (the OverlyPermissiveCondition rule).
        if kind == .resourcePolicy, let qualifier = op.qualifier, key.lowercased().hasPrefix("kms:encryptioncontext:") {
            throw .malformed("\(where_): \(qualifier.rawValue): cannot be used with the single-valued key "
                + "kms:EncryptionContext:context-key (OverlyPermissiveCondition); remove the set operator.")
        }
        let items: [JSONValue]
        switch raw {
        case .array(let list):
            guard !list.isEmpty else { throw .malformed("\(where_): needs at least one value.") }
            items = list
        default:
            items = [raw]
        }
        var values: [String] = []
        values.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .string(let s): values.append(s)
            case .int(let i): values.append(String(i))
            case .double(let d): values.append(JSONWriter.formatDouble(d))
            case .bool(let b): values.append(b ? "true" : "false")
            default:
                throw .malformed("\(where_): condition values must be strings, numbers or booleans, found \(article(item.typeName)).")
            }
        }
        let operands = try compile(op.base, values, where_)
        return ConditionClause(conditionOperator: op, key: key, values: values, lookupKey: key.lowercased(),
                               operands: operands)
    }

    /// `prefix:name`, where the name may itself hold colons and slashes (kms:EncryptionContext:k, aws:ResourceTag/k).
    static func isValidKey(_ key: String) -> Bool {
        guard let colon = key.firstIndex(of: ":"), colon != key.startIndex, key.index(after: colon) != key.endIndex else {
            return false
        }
        return key[..<colon].utf8.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E }
    }

    private func compile(_ base: ConditionOperator.Base, _ values: [String], _ where_: String) throws(PolicyError) -> ConditionClause.Operands {
        switch base.family {
        case .string:
            let ignoreCase = base == .stringEqualsIgnoreCase || base == .stringNotEqualsIgnoreCase
            let like = base == .stringLike || base == .stringNotLike
            return .strings(values.map { v in
                let template = StringTemplate(v, variablesEnabled: variablesEnabled)
                if template.hasVariables { return .template(template) }
                // Literal pieces (`${*}` in a 2012 policy) keep their meaning in a fixed value too.
                let pieces = template.resolvedFixedPieces
                let text = pieces.map(\.text).joined()
                return .fixed(text: ignoreCase ? text.lowercased() : text,
                              pattern: like ? WildcardPattern(pieces: pieces) : nil)
            })
        case .numeric:
            var out: [Double] = []
            for v in values {
                guard let d = PolicyNumber.parse(v) else { throw .malformed("\(where_): \(JSONWriter.quoted(v)) is not a number.") }
                out.append(d)
            }
            return .numbers(out)
        case .date:
            var out: [Double] = []
            for v in values {
                guard let d = PolicyDate.parse(v) else {
                    throw .malformed("\(where_): \(JSONWriter.quoted(v)) is not a date; use ISO 8601 such as "
                        + "\"2026-01-01T00:00:00Z\" or epoch seconds.")
                }
                out.append(d)
            }
            return .dates(out)
        case .bool, .null:
            var out: [Bool] = []
            for v in values {
                guard let b = PolicyBool.parse(v) else {
                    throw .malformed("\(where_): \(JSONWriter.quoted(v)) must be true or false.")
                }
                out.append(b)
            }
            return base == .null ? .null(out) : .bools(out)
        case .binary:
            var out: [[UInt8]] = []
            for v in values {
                guard let bytes = Base64.decode(v) else { throw .malformed("\(where_): \(JSONWriter.quoted(v)) is not base64.") }
                out.append(bytes)
            }
            return .binary(out)
        case .ip:
            var out: [IPAddressRange] = []
            for v in values {
                guard let range = IPAddressRange(v) else {
                    throw .malformed("\(where_): \(JSONWriter.quoted(v)) is not an IP address or CIDR block such as \"203.0.113.0/24\".")
                }
                out.append(range)
            }
            return .addresses(out)
        case .arn:
            return .arns(values.map { v in
                let template = StringTemplate(v, variablesEnabled: variablesEnabled)
                return template.hasVariables ? .template(template) : .fixed(ArnPattern(pieces: template.resolvedFixedPieces))
            })
        }
    }
}

extension StringTemplate {
    /// The pieces of a template without variables, marked with whether their wildcards count.
    var resolvedFixedPieces: [(text: String, wildcards: Bool)] {
        pieces.compactMap {
            switch $0 {
            case .text(let t): return (t, true)
            case .literal(let t): return (t, false)
            case .variable: return nil
            }
        }
    }
}
