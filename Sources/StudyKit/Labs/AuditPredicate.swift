import Wire

/// Which audit records (CloudTrail events) a check is about: "a Decrypt by AppRole with context
/// dept=finance that succeeded". Every field given must match.
public struct AuditPredicate: Sendable, Hashable {
    /// Event names (`Decrypt`); any of them matches. Empty: any event.
    public var events: [String]
    /// A profile name (AppRole, alice, root); the evaluator resolves it to the principal's ARNs.
    public var principal: String?
    /// The service that made the call on the principal's behalf (`s3.amazonaws.com`).
    public var invokedBy: String?
    /// A key (alias, key ID or ARN); the evaluator resolves it to the key's ARN.
    public var key: String?
    /// Pairs the request's encryption context must contain.
    public var context: [String: String]
    /// `none` (succeeded), `any` (failed), or an error code (`AccessDenied`, `DisabledException`).
    public var error: String?
    /// `kms.amazonaws.com`, `s3.amazonaws.com`...; any when nil.
    public var source: String?
    /// Members `requestParameters` must have, with these values (`pendingWindowInDays: 7`).
    public var parameters: [String: JSONValue]
    /// Which part of the audit log counts: by default only what happened since the learner
    /// started (`lab`); `setup` for questions about the activity the lab set up; or `all`.
    public var window: Window = .lab

    /// The part of the audit log a predicate looks at.
    public enum Window: String, Sendable, Hashable, CaseIterable {
        case lab, setup, all
    }

    public init(events: [String] = [], principal: String? = nil, invokedBy: String? = nil, key: String? = nil,
                context: [String: String] = [:], error: String? = nil, source: String? = nil, parameters: [String: JSONValue] = [:]) {
        self.parameters = parameters
        self.events = events
        self.principal = principal
        self.invokedBy = invokedBy
        self.key = key
        self.context = context
        self.error = error
        self.source = source
    }

    /// The YAML keys of the predicate's fields.
    public static let keys = ["event", "by", "invoked_by", "key", "context", "error", "source", "parameters", "window"]

    /// The principal and key of the predicate, resolved in the sandbox.
    public struct Resolved: Sendable, Hashable {
        /// ARNs that identify the principal: its own ARN and, for a role, the role's ARN.
        public var principalArns: Set<String>
        /// Names that identify the key in a record: its ARN, its ID, the alias given.
        public var keyNames: Set<String>

        public init(principalArns: Set<String> = [], keyNames: Set<String> = []) {
            self.principalArns = principalArns
            self.keyNames = keyNames
        }
    }

    /// Whether the CloudTrail `record` matches, with the principal and key resolved as `resolved`.
    public func matches(_ record: JSONValue, resolved: Resolved) -> Bool {
        if !events.isEmpty, !events.contains(record["eventName"]?.stringValue ?? "") { return false }
        if let source, record["eventSource"]?.stringValue != source { return false }
        let identity = record["userIdentity"] ?? .null
        if principal != nil {
            let arns = [identity["arn"]?.stringValue, identity["sessionContext"]?["sessionIssuer"]?["arn"]?.stringValue]
            if !arns.contains(where: { $0.map(resolved.principalArns.contains) ?? false }) { return false }
        }
        if let invokedBy, identity["invokedBy"]?.stringValue != invokedBy { return false }
        if key != nil {
            let resources = (record["resources"]?.arrayValue ?? []).compactMap { $0["ARN"]?.stringValue }
            let named = record["requestParameters"]?["keyId"]?.stringValue
            let hit = resources.contains(where: resolved.keyNames.contains) || (named.map(resolved.keyNames.contains) ?? false)
            if !hit { return false }
        }
        if !context.isEmpty {
            let given = record["requestParameters"]?["encryptionContext"]?.objectValue
            for (name, value) in context where given?[name]?.stringValue != value { return false }
        }
        for (name, value) in parameters where record["requestParameters"]?[name] != value { return false }
        if let error {
            let code = record["errorCode"]?.stringValue
            switch error {
            case "none": if code != nil { return false }
            case "any": if code == nil { return false }
            default: if code.map(Self.normalizedError) != Self.normalizedError(error) { return false }
            }
        }
        return true
    }

    /// CloudTrail writes an authorization failure as `AccessDenied`; the API says `AccessDeniedException`.
    static func normalizedError(_ code: String) -> String {
        code == "AccessDeniedException" ? "AccessDenied" : code
    }

    /// "Decrypt calls by AppRole through s3.amazonaws.com on alias/app with context dept=finance that failed with AccessDenied".
    public var phrase: String {
        var text = events.isEmpty ? "events" : events.joined(separator: " or ") + " calls"
        if let principal { text += " by \(principal)" }
        if let invokedBy { text += " through \(invokedBy)" }
        if let key { text += " on \(key)" }
        if !context.isEmpty {
            text += " with context " + context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        if !parameters.isEmpty {
            text += " with " + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(JSONWriter.compact($0.value))" }.joined(separator: ",")
        }
        switch error {
        case nil: break
        case "none": text += " that succeeded"
        case "any": text += " that failed"
        case let code?: text += " that failed with \(code)"
        }
        return text
    }
}
