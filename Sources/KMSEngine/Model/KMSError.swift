/// An AWS KMS service error: the exception name verbatim and AWS-style message.
///
/// The engine reports every failure as one of these; the command line turns it into
/// `An error occurred (Code) when calling the Op operation: message` and exit status 254, and the
/// audit log records `errorCode`/`errorMessage` from it. Messages never contain key material or
/// plaintext.
public struct KMSError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// Exception names from the KMS model (and the generic AWS ones every service can return).
    public enum Code: String, Sendable, CaseIterable {
        case accessDenied = "AccessDeniedException"
        case alreadyExists = "AlreadyExistsException"
        case conflict = "ConflictException"
        case disabled = "DisabledException"
        case dryRunOperation = "DryRunOperationException"
        case incorrectKey = "IncorrectKeyException"
        case invalidAliasName = "InvalidAliasNameException"
        case invalidArn = "InvalidArnException"
        case invalidCiphertext = "InvalidCiphertextException"
        case invalidGrantId = "InvalidGrantIdException"
        case invalidGrantToken = "InvalidGrantTokenException"
        case invalidKeyUsage = "InvalidKeyUsageException"
        case invalidMarker = "InvalidMarkerException"
        case kmsInternal = "KMSInternalException"
        case kmsInvalidState = "KMSInvalidStateException"
        case keyUnavailable = "KeyUnavailableException"
        case limitExceeded = "LimitExceededException"
        case malformedPolicyDocument = "MalformedPolicyDocumentException"
        case notFound = "NotFoundException"
        case tag = "TagException"
        case unsupportedOperation = "UnsupportedOperationException"
        case validation = "ValidationException"
        case serialization = "SerializationException"
        case unknownOperation = "UnknownOperationException"
        case notAuthorized = "NotAuthorizedException"
    }
}

extension KMSError {
    /// AWS's server-side constraint message: `1 validation error detected: Value ... at 'member'
    /// failed to satisfy constraint: ...`. The value itself is shown only when it is not secret.
    static func validation(member: String, value: String?, constraint: String) -> KMSError {
        let shown = value.map { "'\($0)' " } ?? ""
        return KMSError(.validation,
            "1 validation error detected: Value \(shown)at '\(member)' failed to satisfy constraint: \(constraint)")
    }
}
