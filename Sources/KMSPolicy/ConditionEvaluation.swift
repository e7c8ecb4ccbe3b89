/// Evaluating a condition clause against a request, following IAM's documented rules:
///
/// - several values for one key are ORed; several keys and operators are ANDed (by the caller);
/// - a missing key makes positive operators false and negated operators true, except that
///   `...IfExists` makes it true and `Null` tests presence itself;
/// - `ForAnyValue:` needs one request value to match (false on a missing or empty key);
///   `ForAllValues:` needs every request value to match (true on a missing or empty key);
/// - a negated operator is the negation of its positive twin for each request value: a request
///   value satisfies `StringNotEquals` when it equals none of the policy values.
/// A multi-valued key under an operator without a set qualifier is read as `ForAnyValue` for
/// positive operators and as "no request value matches" for negated ones.
extension ConditionClause {
    func evaluate(in context: EvaluationContext) -> ConditionResult {
        var value = context.value(forKey: lookupKey)
        // An empty set of values is a null dataset: treated as a missing key.
        if case .multiple(let vs)? = value, vs.isEmpty { value = nil }
        let op = conditionOperator

        if case .null(let wanted) = operands {
            // Null: true means "the key must be absent", false means "the key must be present".
            let absent = value == nil
            return result(wanted.contains(absent), .nullCheck, value)
        }
        guard let value else {
            if op.ifExists { return result(true, .keyMissingIfExists, nil) }
            switch op.qualifier {
            case .forAllValues?: return result(true, .keyMissingForAllValues, nil)
            case .forAnyValue?: return result(false, .keyMissing, nil)
            case nil: return result(op.base.isNegated, .keyMissing, nil)
            }
        }

        let requestValues = value.values
        let negated = op.base.isNegated
        var anyMatched = false
        var allMatched = true
        for requestValue in requestValues {
            switch positiveMatch(requestValue, in: context) {
            case .matched:
                anyMatched = true
            case .notMatched:
                allMatched = false
            case .unresolvable(let name):
                // A failed comparison never lets a statement apply, whatever the polarity.
                return result(false, .unresolvableVariable(name), value)
            case .invalidRequestValue:
                return result(false, .invalidRequestValue(requestValue), value)
            }
        }
        // `anyMatched`: some request value matched a policy value (positive sense);
        // `allMatched`: every request value did.
        let satisfied: Bool
        switch (op.qualifier, negated) {
        case (.forAllValues?, false): satisfied = allMatched
        case (.forAllValues?, true): satisfied = !anyMatched
        case (.forAnyValue?, false): satisfied = anyMatched
        case (.forAnyValue?, true): satisfied = !allMatched
        case (nil, false): satisfied = anyMatched
        case (nil, true): satisfied = !anyMatched
        }
        return result(satisfied, satisfied ? .matched : .notMatched, value)
    }

    private func result(_ satisfied: Bool, _ reason: ConditionResult.Reason, _ value: ContextValue?) -> ConditionResult {
        ConditionResult(clause: self, satisfied: satisfied, reason: reason, requestValue: value)
    }

    private enum ValueMatch {
        case matched
        case notMatched
        case unresolvable(String)
        case invalidRequestValue
    }

    /// Whether one request value matches any policy value under the operator's positive sense
    /// (StringNotEquals is compared as StringEquals here; the caller negates).
    private func positiveMatch(_ requestValue: String, in context: EvaluationContext) -> ValueMatch {
        let base = conditionOperator.base
        switch operands {
        case .strings(let operands):
            return matchStrings(requestValue, operands, base, context)
        case .numbers(let numbers):
            guard let r = PolicyNumber.parse(requestValue) else { return .invalidRequestValue }
            return numbers.contains { compare(r, $0, base) } ? .matched : .notMatched
        case .dates(let dates):
            guard let r = PolicyDate.parse(requestValue) else { return .invalidRequestValue }
            return dates.contains { compare(r, $0, base) } ? .matched : .notMatched
        case .bools(let bools):
            guard let r = PolicyBool.parse(requestValue) else { return .invalidRequestValue }
            return bools.contains(r) ? .matched : .notMatched
        case .binary(let blobs):
            guard let r = Base64.decode(requestValue) else { return .invalidRequestValue }
            return blobs.contains(r) ? .matched : .notMatched
        case .addresses(let ranges):
            guard IPAddressRange.parseAddress(Substring(requestValue)) != nil else { return .invalidRequestValue }
            return ranges.contains { $0.contains(requestValue) } ? .matched : .notMatched
        case .arns(let operands):
            var unresolved: String?
            for operand in operands {
                switch operand {
                case .fixed(let pattern):
                    if pattern.matches(requestValue) { return .matched }
                case .template(let template):
                    guard let pieces = template.resolve(in: context) else {
                        unresolved = unresolved ?? firstUnresolved(template, context)
                        continue
                    }
                    if ArnPattern(pieces: pieces).matches(requestValue) { return .matched }
                }
            }
            return unresolved.map(ValueMatch.unresolvable) ?? .notMatched
        case .null:
            return .notMatched
        }
    }

    private func matchStrings(_ requestValue: String, _ operands: [StringOperand], _ base: ConditionOperator.Base,
                              _ context: EvaluationContext) -> ValueMatch {
        let ignoreCase = base == .stringEqualsIgnoreCase || base == .stringNotEqualsIgnoreCase
        let like = base == .stringLike || base == .stringNotLike
        let subject = ignoreCase ? requestValue.lowercased() : requestValue
        var unresolved: String?
        for operand in operands {
            switch operand {
            case .fixed(let text, let pattern):
                if let pattern {
                    if pattern.matches(subject) { return .matched }
                } else if text == subject {
                    return .matched
                }
            case .template(let template):
                guard let pieces = template.resolve(in: context) else {
                    unresolved = unresolved ?? firstUnresolved(template, context)
                    continue
                }
                if like {
                    if WildcardPattern(pieces: pieces).matches(subject) { return .matched }
                } else {
                    var text = ""
                    for p in pieces { text += p.text }
                    if (ignoreCase ? text.lowercased() : text) == subject { return .matched }
                }
            }
        }
        return unresolved.map(ValueMatch.unresolvable) ?? .notMatched
    }

    private func firstUnresolved(_ template: StringTemplate, _ context: EvaluationContext) -> String {
        for case .variable(let key, let name, let defaultValue) in template.pieces {
            switch context.value(forKey: key) {
            case .single?: continue
            case .multiple?: return name
            case nil: if defaultValue == nil { return name }
            }
        }
        return template.variableNames.first ?? "?"
    }

    private func compare(_ r: Double, _ p: Double, _ base: ConditionOperator.Base) -> Bool {
        switch base {
        case .numericEquals, .numericNotEquals, .dateEquals, .dateNotEquals: return r == p
        case .numericLessThan, .dateLessThan: return r < p
        case .numericLessThanEquals, .dateLessThanEquals: return r <= p
        case .numericGreaterThan, .dateGreaterThan: return r > p
        case .numericGreaterThanEquals, .dateGreaterThanEquals: return r >= p
        default: return false
        }
    }
}
