import Wire

/// Which grammar a policy follows: a key policy is resource-based (it names principals), an IAM
/// policy is identity-based (it applies to whoever it is attached to and names resources).
public enum PolicyKind: String, Sendable, Hashable {
    case resourcePolicy
    case identityPolicy
}

/// The policy language versions IAM accepts.
public enum PolicyVersion: String, Sendable, Hashable {
    case v2012_10_17 = "2012-10-17"
    case v2008_10_17 = "2008-10-17"
}

/// A parsed, validated policy document, compiled for evaluation.
public struct PolicyDocument: Sendable {
    /// The text as given (GetKeyPolicy returns what was put).
    public let text: String
    /// The document as JSON.
    public let json: JSONValue
    public let kind: PolicyKind
    /// `nil` when the policy has no Version element (IAM then reads it as 2008-10-17).
    public let version: PolicyVersion?
    public let id: String?
    /// The statements in order; `statements[i].index == i + 1`.
    public let statements: [Statement]
    /// Things AWS accepts but that make a statement ineffective (a key policy statement without
    /// Action or Resource), worded for the learner.
    public let warnings: [String]

    /// The largest key policy KMS accepts, in bytes.
    public static let keyPolicyMaximumLength = 32_768

    /// Whether policy variables are recognised: only in Version 2012-10-17.
    public var supportsPolicyVariables: Bool { version == .v2012_10_17 }

    /// Parses and validates `text`, refusing what AWS refuses with a message that says what is
    /// wrong and where.
    ///
    /// - Parameter maximumLength: the size limit for this kind of policy, in UTF-8 bytes (KMS key
    ///   policies: 32768; the IAM quotas for inline and managed policies are the caller's to pass).
    public static func parse(_ text: String, kind: PolicyKind,
                             maximumLength: Int = PolicyDocument.keyPolicyMaximumLength) throws(PolicyError) -> PolicyDocument {
        let length = text.utf8.count
        guard length <= maximumLength else { throw .tooLarge(length: length, limit: maximumLength) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw .invalidJSON(message: error.message, line: error.line, column: error.column)
        }
        var parser = PolicyParser(kind: kind, json: json, positions: StatementLocator.locate(in: text))
        let parsed = try parser.parse()
        return PolicyDocument(text: text, json: json, kind: kind, version: parsed.version, id: parsed.id,
                              statements: parsed.statements, warnings: parser.warnings)
    }

    /// Parses `text` as a key policy and checks that every IAM principal it names exists, as
    /// CreateKey and PutKeyPolicy do.
    public static func parseKeyPolicy(_ text: String, principalExists: (String) -> Bool) throws(PolicyError) -> PolicyDocument {
        let document = try parse(text, kind: .resourcePolicy)
        try document.validatePrincipals(principalExists)
        return document
    }

    /// Every principal the policy names, in order (for existence checks and display).
    public var principals: [PolicyPrincipal] {
        statements.flatMap { $0.principal?.entries.map(\.principal) ?? [] }
    }

    /// Checks that every IAM principal the policy names exists, as KMS does on CreateKey and
    /// PutKeyPolicy. `principalExists` receives IAM ARNs (`arn:aws:iam::ACCOUNT:root` for accounts);
    /// `*` and service principals are not asked about.
    public func validatePrincipals(_ principalExists: (String) -> Bool) throws(PolicyError) {
        for statement in statements {
            for entry in statement.principal?.entries ?? [] {
                guard let id = entry.principal.checkableIdentifier else { continue }
                if !principalExists(id) {
                    throw .invalidPrincipal(
                        "(\(statement.label.capitalizedFirst): \(JSONWriter.quoted(entry.written)) does not exist.)")
                }
            }
        }
    }
}

extension String {
    /// "statement 2" -> "Statement 2", for the start of a sentence.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
