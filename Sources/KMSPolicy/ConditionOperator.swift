/// A condition operator as written in a policy, e.g. `ForAnyValue:StringLikeIfExists`, split into
/// its base comparison, its optional set qualifier and its optional `IfExists` suffix.
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    /// The comparison itself; raw values are IAM's operator names.
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators are true when the request value matches none of the policy values,
        /// and true when the key is missing.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals,
                 .dateNotEquals, .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }

        /// The kind of value the operator compares, which decides how values are validated.
        var family: Family {
            switch self {
            case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase,
                 .stringLike, .stringNotLike:
                return .string
            case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals,
                 .numericGreaterThan, .numericGreaterThanEquals:
                return .numeric
            case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
                 .dateGreaterThanEquals:
                return .date
            case .bool: return .bool
            case .binaryEquals: return .binary
            case .ipAddress, .notIpAddress: return .ip
            case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: return .arn
            case .null: return .null
            }
        }
    }

    enum Family: Sendable {
        case string, numeric, date, bool, binary, ip, arn, null
    }

    /// `ForAnyValue:` or `ForAllValues:`, for multi-valued keys.
    public enum SetQualifier: String, Sendable, Hashable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The comparison.
    public let base: Base
    /// `ForAnyValue:` / `ForAllValues:`, if written.
    public let qualifier: SetQualifier?
    /// Whether the name ends in `IfExists`.
    public let ifExists: Bool

    public init(base: Base, qualifier: SetQualifier? = nil, ifExists: Bool = false) {
        self.base = base
        self.qualifier = qualifier
        self.ifExists = ifExists
    }

    /// Reads an operator name; `nil` when it is not one IAM knows. Names are case-sensitive, as in IAM.
    public init?(_ name: String) {
        var rest = Substring(name)
        var qualifier: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            guard let q = SetQualifier(rawValue: String(rest[..<colon])) else { return nil }
            qualifier = q
            rest = rest[rest.index(after: colon)...]
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = Base(rawValue: String(rest)) else { return nil }
        // Null tests presence itself: neither IfExists nor a set qualifier means anything with it.
        if base == .null && (ifExists || qualifier != nil) { return nil }
        self.init(base: base, qualifier: qualifier, ifExists: ifExists)
    }

    /// The operator as IAM spells it.
    public var description: String {
        (qualifier.map { "\($0.rawValue):" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }

    /// The known operator closest to a misspelt `name`, for "did you mean" hints.
    static func suggestion(for name: String) -> String? {
        let bare = name.split(separator: ":").last.map(String.init) ?? name
        let lowered = bare.lowercased()
        for base in Base.allCases {
            let candidate = base.rawValue.lowercased()
            if lowered == candidate || lowered == candidate + "ifexists" || lowered + "s" == candidate
                || lowered == candidate + "s" || lowered.replacingOccurrences("equal", "equals") == candidate {
                let prefix = name.contains(":") ? String(name.split(separator: ":")[0]) + ":" : ""
                let fixedPrefix = prefix.lowercased() == "foranyvalue:" ? "ForAnyValue:"
                    : prefix.lowercased() == "forallvalues:" ? "ForAllValues:" : prefix
                return fixedPrefix + base.rawValue + (lowered.hasSuffix("ifexists") ? "IfExists" : "")
            }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
