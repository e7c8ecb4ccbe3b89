import Wire

/// Reads and validates one statement of a policy.
struct StatementReader {
    let kind: PolicyKind
    let index: Int
    let variablesEnabled: Bool
    let position: (start: SourcePosition, end: SourcePosition)?
    private(set) var warnings: [String] = []
    /// "Statement 2" or "Statement 2 (Sid \"X\")", set once the Sid is known.
    private var label: String

    static let elements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                           "NotResource", "Condition"]

    init(kind: PolicyKind, index: Int, variablesEnabled: Bool, position: (start: SourcePosition, end: SourcePosition)?) {
        self.kind = kind
        self.index = index
        self.variablesEnabled = variablesEnabled
        self.position = position
        self.label = "Statement \(index)"
    }

    mutating func read(_ raw: JSONValue) throws(PolicyError) -> Statement {
        guard case .object(let object) = raw else {
            throw .malformed("\(label) must be an object, found \(article(raw.typeName)).")
        }
        let sid = try readSid(object["Sid"])
        if let sid, !sid.isEmpty { label = "Statement \(index) (Sid \(JSONWriter.quoted(sid)))" }
        for key in object.keys where !StatementReader.elements.contains(key) {
            throw .malformed("\(label): unknown element \(JSONWriter.quoted(key))"
                + hint(for: key, among: StatementReader.elements)
                + "; a statement may hold Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, "
                + "NotResource and Condition (element names are case-sensitive).")
        }
        let effect = try readEffect(object["Effect"])
        let principal = try readPrincipal(object)
        let action = try readAction(object)
        let resource = try readResource(object)
        var conditions: [ConditionClause] = []
        if let condition = object["Condition"] {
            var reader = ConditionReader(label: label, variablesEnabled: variablesEnabled, kind: kind)
            conditions = try reader.read(condition)
        }
        return Statement(index: index, sid: sid, effect: effect, principal: principal, action: action,
                         resource: resource, conditions: conditions, startPosition: position?.start,
                         endPosition: position?.end)
    }

    private func readSid(_ value: JSONValue?) throws(PolicyError) -> String? {
        guard let value else { return nil }
        guard case .string(let sid) = value else {
            throw .malformed("\(label): Sid must be a string, found \(article(value.typeName)).")
        }
        // IAM allows only letters and digits in identity-policy Sids; key policies allow spaces
        // and punctuation ("Enable IAM User Permissions").
        if kind == .identityPolicy, !sid.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) {
            throw .malformed("\(label): Sid \(JSONWriter.quoted(sid)) may contain only letters and digits in an "
                + "identity-based policy ([0-9A-Za-z]*).")
        }
        return sid
    }

    private func readEffect(_ value: JSONValue?) throws(PolicyError) -> Effect {
        guard let value else {
            throw .malformed("\(label) has no Effect; it must be \"Allow\" or \"Deny\".")
        }
        guard case .string(let s) = value else {
            throw .malformed("\(label): Effect must be \"Allow\" or \"Deny\", found \(article(value.typeName)).")
        }
        guard let effect = Effect(rawValue: s) else {
            throw .malformed("\(label): Effect must be \"Allow\" or \"Deny\", found \(JSONWriter.quoted(s)).")
        }
        return effect
    }

    /// A string or a non-empty list of strings, as Action, Resource and principal values are.
    private func stringList(_ value: JSONValue, _ element: String) throws(PolicyError) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items):
            guard !items.isEmpty else { throw .malformed("\(label): \(element) must not be an empty list.") }
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard case .string(let s) = item else {
                    throw .malformed("\(label): \(element) must be a string or a list of strings, but the list holds \(article(item.typeName)).")
                }
                out.append(s)
            }
            return out
        default:
            throw .malformed("\(label): \(element) must be a string or a list of strings, found \(article(value.typeName)).")
        }
    }

    private mutating func readAction(_ object: JSONObject) throws(PolicyError) -> ActionElement? {
        let (value, negated) = try either(object, "Action", "NotAction")
        guard let value else {
            if kind == .identityPolicy {
                throw .malformed("\(label) has no Action or NotAction; name the actions it covers, such as \"kms:Decrypt\" or \"kms:*\".")
            }
            warnings.append("\(label) has no Action or NotAction, so it never applies (KMS accepts such a statement, but it has no effect).")
            return nil
        }
        let element = negated ? "NotAction" : "Action"
        let patterns = try stringList(value, element)
        for action in patterns where !StatementReader.isValidAction(action) {
            throw .malformed("\(label): \(element) \(JSONWriter.quoted(action)) is not valid; write \"*\" or "
                + "\"service:action\" such as \"kms:Decrypt\" or \"kms:Encrypt*\" (the service prefix cannot hold wildcards).")
        }
        return ActionElement(isNegated: negated, patterns: patterns)
    }

    /// `*`, or `prefix:name` with a literal service prefix and a name of letters, digits and wildcards.
    static func isValidAction(_ action: String) -> Bool {
        if action == "*" { return true }
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let prefixOK = parts[0].utf8.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        let nameOK = parts[1].utf8.allSatisfy {
            ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2A || $0 == 0x3F || $0 == 0x2D || $0 == 0x5F
        }
        return prefixOK && nameOK
    }

    private mutating func readResource(_ object: JSONObject) throws(PolicyError) -> ResourceElement? {
        let (value, negated) = try either(object, "Resource", "NotResource")
        guard let value else {
            if kind == .identityPolicy {
                throw .malformed("\(label) has no Resource or NotResource; identity-based policies must name the "
                    + "resources they cover (\"*\" for all, or a key ARN).")
            }
            warnings.append("\(label) has no Resource or NotResource, so it never applies (KMS accepts such a statement, but it has no effect).")
            return nil
        }
        let element = negated ? "NotResource" : "Resource"
        let patterns = try stringList(value, element)
        for resource in patterns where !StatementReader.isValidResource(resource) {
            throw .malformed("\(label): \(element) \(JSONWriter.quoted(resource)) must be \"*\" or an ARN "
                + "(\"arn:partition:service:region:account:resource\", for example arn:aws:kms:us-east-1:111122223333:key/...).")
        }
        return ResourceElement(isNegated: negated, patterns: patterns, variablesEnabled: variablesEnabled)
    }

    static func isValidResource(_ resource: String) -> Bool {
        if resource == "*" { return true }
        guard resource.hasPrefix("arn:") else { return false }
        let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        // A wildcard may stand for the trailing parts ("arn:aws:kms:*").
        return parts.count == 6 || (parts.last?.contains("*") ?? false)
    }

    private func readPrincipal(_ object: JSONObject) throws(PolicyError) -> PrincipalElement? {
        let (value, negated) = try either(object, "Principal", "NotPrincipal")
        let element = negated ? "NotPrincipal" : "Principal"
        if kind == .identityPolicy {
            if value != nil {
                throw .malformed("\(label): \(element) is not allowed in an identity-based policy; the policy applies to "
                    + "the user or role it is attached to. Name principals in the key policy instead.")
            }
            return nil
        }
        guard let value else {
            throw .malformed("\(label) has no Principal or NotPrincipal; every key policy statement must name the "
                + "principals it applies to (for the account: {\"AWS\": \"arn:aws:iam::111122223333:root\"}).")
        }
        var entries: [(type: String, written: String, principal: PolicyPrincipal)] = []
        switch value {
        case .string("*"):
            entries.append(("*", "*", .everyone))
        case .object(let map):
            guard !map.isEmpty else { throw .malformed("\(label): \(element) must name at least one principal.") }
            for (type, names) in map {
                let list = try stringList(names, "\(element) \(type)")
                for name in list {
                    entries.append((type, name, try principal(type: type, name: name, element: element)))
                }
            }
        default:
            throw .malformed("\(label): \(element) must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}, "
                + "found \(value.stringValue.map(JSONWriter.quoted) ?? article(value.typeName)).")
        }
        return PrincipalElement(isNegated: negated, entries: entries)
    }

    private func principal(type: String, name: String, element: String) throws(PolicyError) -> PolicyPrincipal {
        switch type {
        case "AWS":
            guard let p = PolicyPrincipal.aws(name) else {
                throw .invalidPrincipal("(\(label): \(element) AWS \(JSONWriter.quoted(name)) is not \"*\", an account ID, "
                    + "or the ARN of an account root, IAM user, IAM role or role session; ARNs cannot hold wildcards.)")
            }
            return p
        case "Service":
            guard let p = PolicyPrincipal.service(named: name) else {
                throw .invalidPrincipal("(\(label): \(element) Service \(JSONWriter.quoted(name)) is not a service principal such as \"s3.amazonaws.com\".)")
            }
            return p
        case "Federated":
            guard !name.isEmpty, !name.contains("*") else {
                throw .invalidPrincipal("(\(label): \(element) Federated \(JSONWriter.quoted(name)) is not an identity provider.)")
            }
            return .federated(name)
        case "CanonicalUser":
            throw .invalidPrincipal("(\(label): CanonicalUser principals are an Amazon S3 feature; KMS key policies name AWS, Service or Federated principals.)")
        default:
            throw .malformed("\(label): unknown principal type \(JSONWriter.quoted(type))"
                + hint(for: type, among: ["AWS", "Service", "Federated"]) + "; use AWS, Service or Federated.")
        }
    }

    /// The value of `positive` or `negative`, refusing a statement that has both.
    private func either(_ object: JSONObject, _ positive: String, _ negative: String) throws(PolicyError) -> (JSONValue?, Bool) {
        switch (object[positive], object[negative]) {
        case (let p?, nil): return (p, false)
        case (nil, let n?): return (n, true)
        case (nil, nil): return (nil, false)
        case (_?, _?): throw .malformed("\(label) has both \(positive) and \(negative); use one or the other.")
        }
    }
}
