import Wire

/// One `operator -> key -> values` entry of a Condition element, with its values compiled for the
/// operator at parse time (numbers parsed, wildcards compiled, CIDR blocks read).
public struct ConditionClause: Sendable {
    /// The operator as parsed; `description` gives it back as written.
    public let conditionOperator: ConditionOperator
    /// The condition key as written, e.g. `kms:ViaService`.
    public let key: String
    /// The policy values as written, as strings (numbers and booleans in their JSON spelling).
    public let values: [String]

    /// `key` lowercased: condition keys are case-insensitive.
    let lookupKey: String
    let operands: Operands

    /// Policy values compiled for their operator family.
    enum Operands: Sendable {
        case strings([StringOperand])
        case numbers([Double])
        case dates([Double])
        case bools([Bool])
        case binary([[UInt8]])
        case addresses([IPAddressRange])
        case arns([ArnOperand])
        case null([Bool])
    }

    /// A string-family value: fixed (compiled once) or holding policy variables (resolved per request).
    enum StringOperand: Sendable {
        /// `text` is lowercased for the IgnoreCase operators; `pattern` is set for the Like operators.
        case fixed(text: String, pattern: WildcardPattern?)
        case template(StringTemplate)
    }

    enum ArnOperand: Sendable {
        case fixed(ArnPattern)
        case template(StringTemplate)
    }
}

/// How one condition clause turned out for a request, with what was compared, for explanations.
public struct ConditionResult: Sendable {
    /// Why the clause came out as it did.
    public enum Reason: Sendable, Hashable {
        /// A request value matched (or, for a negated operator, matched none of the policy values).
        case matched
        /// The request value did not satisfy the operator.
        case notMatched
        /// The key is absent: false for positive operators and ForAnyValue, true for negated ones.
        case keyMissing
        /// The key is absent and the operator ends in IfExists: true.
        case keyMissingIfExists
        /// The key is absent and the operator is ForAllValues: vacuously true.
        case keyMissingForAllValues
        /// A Null check, true or false.
        case nullCheck
        /// A policy variable in a value could not be resolved: the comparison fails.
        case unresolvableVariable(String)
        /// The request value cannot be read as the operator's type (not a number, not a date, ...).
        case invalidRequestValue(String)
    }

    public let clause: ConditionClause
    /// Whether the clause holds for the request.
    public let satisfied: Bool
    public let reason: Reason
    /// The request's value for the key, `nil` when absent.
    public let requestValue: ContextValue?

    /// One line for `explain`: operator, key, what the request had, what the policy wanted.
    public var summary: String {
        let op = clause.conditionOperator.description
        let quotedValues = clause.values.map(JSONWriter.quoted)
        let negated = clause.conditionOperator.base.isNegated
        let wanted = quotedValues.count == 1
            ? (negated ? "anything but \(quotedValues[0])" : quotedValues[0])
            : (negated ? "none of [" : "one of [") + quotedValues.joined(separator: ", ") + "]"
        let had: String
        switch requestValue {
        case .single(let v)?: had = JSONWriter.quoted(v)
        case .multiple(let vs)?: had = "[" + vs.map(JSONWriter.quoted).joined(separator: ", ") + "]"
        case nil: had = "no value"
        }
        let verdict = satisfied ? "true" : "false"
        switch reason {
        case .matched, .notMatched:
            return "\(op) \(clause.key): the request has \(had), the policy wants \(wanted) -> \(verdict)"
        case .keyMissing:
            return "\(op) \(clause.key): the request has no \(clause.key) -> \(verdict)"
                + (satisfied ? " (a negated operator is true when the key is missing)" : "")
        case .keyMissingIfExists:
            return "\(op) \(clause.key): the request has no \(clause.key), and IfExists makes a missing key true"
        case .keyMissingForAllValues:
            return "\(op) \(clause.key): the request has no \(clause.key), and ForAllValues over no values is true"
        case .nullCheck:
            return "\(op) \(clause.key): the key is \(requestValue == nil ? "absent" : "present"), the policy wants "
                + "Null = \(wanted) -> \(verdict)"
        case .unresolvableVariable(let name):
            return "\(op) \(clause.key): the policy variable ${\(name)} has no value in this request, so the comparison fails -> false"
        case .invalidRequestValue(let v):
            return "\(op) \(clause.key): the request value \(JSONWriter.quoted(v)) is not a valid \(clause.conditionOperator.base.valueKind) -> false"
        }
    }
}

extension ConditionOperator.Base {
    /// What kind of value the operator compares, for messages.
    var valueKind: String {
        switch family {
        case .string: return "string"
        case .numeric: return "number"
        case .date: return "date"
        case .bool: return "boolean"
        case .binary: return "base64 value"
        case .ip: return "IP address"
        case .arn: return "ARN"
        case .null: return "true/false"
        }
    }
}
