/// Why a policy document was refused, with a message that names the problem and where it is.
///
/// Each case maps onto the exception KMS returns for it (`awsErrorCode`), so the engine can turn
/// a `PolicyError` into a wire error without inspecting its text.
public enum PolicyError: Error, Sendable, Equatable {
    /// The text is not JSON; line and column are 1-based.
    case invalidJSON(message: String, line: Int, column: Int)
    /// The JSON is not a valid policy: an unknown element, a missing one, a value of the wrong type.
    case malformed(String)
    /// A principal is not well formed, or names a principal that does not exist.
    case invalidPrincipal(String)
    /// The document is longer than the limit for its kind.
    case tooLarge(length: Int, limit: Int)
    /// The policy lockout safety check refused the policy.
    case lockout(String)

    /// The KMS exception name this error is reported as.
    public var awsErrorCode: String {
        switch self {
        case .tooLarge: return "LimitExceededException"
        default: return "MalformedPolicyDocumentException"
        }
    }

    /// The message a learner sees.
    public var message: String {
        switch self {
        case .invalidJSON(let message, let line, let column):
            return "The policy is not valid JSON: \(message) at line \(line) column \(column)."
        case .malformed(let text):
            return text
        case .invalidPrincipal(let detail):
            // AWS's own sentence first, so learners recognise it; then what exactly is wrong.
            return detail.isEmpty ? PolicyError.invalidPrincipalsSentence
                : "\(PolicyError.invalidPrincipalsSentence) \(detail)"
        case .tooLarge(let length, let limit):
            return "The policy is \(length) bytes long; the limit is \(limit) bytes. Remove statements or whitespace."
        case .lockout(let text):
            return text
        }
    }

    /// KMS's wording for a principal it cannot use.
    public static let invalidPrincipalsSentence = "Policy contains a statement with one or more invalid principals."
    /// KMS's wording when the lockout safety check refuses a policy.
    public static let lockoutSentence = "The new key policy will not allow you to update the key policy in the future."
}

extension PolicyError: CustomStringConvertible {
    public var description: String { "\(awsErrorCode): \(message)" }
}
