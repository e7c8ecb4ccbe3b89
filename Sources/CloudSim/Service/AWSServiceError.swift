/// An error a simulated AWS service returns: the error code verbatim (`NoSuchBucket`,
/// `NoSuchEntity`, `InvalidDBInstanceState`, `DisabledException`, ...) and a message.
///
/// The command line prints it as the AWS CLI does (`An error occurred (Code) when calling the
/// Operation operation: message`) with exit status 254.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    /// The HTTP status the service would answer with (for a wire endpoint).
    public let httpStatus: Int

    public init(_ code: String, _ message: String, httpStatus: Int = 400) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    public var description: String { "\(code): \(message)" }
}
