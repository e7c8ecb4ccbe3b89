import Wire

/// Allow or Deny, spelled as in policies.
public enum Effect: String, Sendable, Hashable {
    case allow = "Allow"
    case deny = "Deny"
}

/// A 1-based line and column in the policy text.
public struct SourcePosition: Sendable, Hashable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One statement of a policy, with its elements compiled for evaluation.
///
/// A class (immutable, so Sendable) because every evaluation result refers back to its statement:
/// one reference is cheaper to pass around than a copy of every element.
public final class Statement: Sendable {
    /// 1-based position in the policy's Statement list, so decisions can cite "statement 2".
    public let index: Int
    public let sid: String?
    public let effect: Effect
    /// Principal or NotPrincipal; `nil` in identity-based policies.
    public let principal: PrincipalElement?
    /// Action or NotAction; `nil` only in a key policy statement that omits it (it then never applies).
    public let action: ActionElement?
    /// Resource or NotResource; `nil` in a key policy statement without one (it then never applies).
    public let resource: ResourceElement?
    /// Condition clauses, all of which must hold.
    public let conditions: [ConditionClause]
    /// Where the statement's object starts and ends in the policy text, when it could be located.
    public let startPosition: SourcePosition?
    public let endPosition: SourcePosition?

    init(index: Int, sid: String?, effect: Effect, principal: PrincipalElement?, action: ActionElement?,
         resource: ResourceElement?, conditions: [ConditionClause], startPosition: SourcePosition?,
         endPosition: SourcePosition?) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.action = action
        self.resource = resource
        self.conditions = conditions
        self.startPosition = startPosition
        self.endPosition = endPosition
    }

    /// "statement 2 (Sid \"AllowUse\")" or "statement 2".
    public var label: String {
        if let sid, !sid.isEmpty { return "statement \(index) (Sid \(JSONWriter.quoted(sid)))" }
        return "statement \(index)"
    }
}

/// An Action or NotAction element: action patterns, matched without regard to case.
public struct ActionElement: Sendable {
    /// True for NotAction.
    public let isNegated: Bool
    /// The patterns as written (`kms:Encrypt*`).
    public let patterns: [String]
    let compiled: [WildcardPattern]

    init(isNegated: Bool, patterns: [String]) {
        self.isNegated = isNegated
        self.patterns = patterns
        self.compiled = patterns.map { WildcardPattern($0, caseInsensitive: true) }
    }

    /// Whether the element covers `action` (for NotAction: whether it does *not* list it).
    func covers(_ action: String) -> Bool {
        let listed = compiled.contains { $0.matches(action) }
        return isNegated ? !listed : listed
    }
}

/// A Resource or NotResource element: ARN patterns, case-sensitive, possibly with policy variables.
public struct ResourceElement: Sendable {
    /// True for NotResource.
    public let isNegated: Bool
    /// The patterns as written.
    public let patterns: [String]
    let operands: [Operand]

    enum Operand: Sendable {
        case fixed(WildcardPattern)
        case template(StringTemplate)
    }

    enum Coverage {
        case covered
        case notCovered
        /// A policy variable had no value: the statement cannot apply.
        case unresolvable(String)
    }

    init(isNegated: Bool, patterns: [String], variablesEnabled: Bool) {
        self.isNegated = isNegated
        self.patterns = patterns
        self.operands = patterns.map { text in
            let template = StringTemplate(text, variablesEnabled: variablesEnabled)
            return template.hasVariables ? .template(template) : .fixed(WildcardPattern(text))
        }
    }

    func covers(_ resource: String, in context: EvaluationContext) -> Coverage {
        var listed = false
        var unresolved: String?
        for operand in operands where !listed {
            switch operand {
            case .fixed(let pattern):
                listed = pattern.matches(resource)
            case .template(let template):
                if let pieces = template.resolve(in: context) {
                    listed = WildcardPattern(pieces: pieces).matches(resource)
                } else {
                    unresolved = unresolved ?? template.variableNames.first ?? "?"
                }
            }
        }
        // An unresolvable variable fails the comparison: it can neither list the resource nor,
        // under NotResource, vouch that the resource is not listed.
        if let unresolved, !listed || isNegated { return .unresolvable(unresolved) }
        return listed != isNegated ? .covered : .notCovered
    }
}
