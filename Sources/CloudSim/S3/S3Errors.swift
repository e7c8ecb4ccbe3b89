import Foundation
import KMSEngine

/// S3's errors, with the codes, messages and HTTP statuses S3 answers with.
enum S3Error {
    static func noSuchBucket(_ bucket: String) -> AWSServiceError {
        AWSServiceError("NoSuchBucket", "The specified bucket does not exist", httpStatus: 404)
    }

    static func noSuchKey() -> AWSServiceError {
        AWSServiceError("NoSuchKey", "The specified key does not exist.", httpStatus: 404)
    }

    static func accessDenied() -> AWSServiceError {
        AWSServiceError("AccessDenied", "Access Denied", httpStatus: 403)
    }

    static func invalidArgument(_ message: String) -> AWSServiceError {
        AWSServiceError("InvalidArgument", message)
    }

    static func invalidRequest(_ message: String) -> AWSServiceError {
        AWSServiceError("InvalidRequest", message)
    }

    static func missing(_ member: String, operation: String) -> AWSServiceError {
        AWSServiceError("MissingParameter", "\(operation) needs \(member) (--\(cliName(member))).")
    }

    static let kmsHeaderRequired =
        "Server Side Encryption with KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"

    /// How S3 reports a KMS call that failed on the caller's behalf: authorization failures as its
    /// own 403 AccessDenied carrying KMS's explanation, everything else as `KMS.<exception>`.
    static func fromKMS(_ e: KMSError) -> AWSServiceError {
        switch e.code {
        case .accessDenied: return AWSServiceError("AccessDenied", e.message, httpStatus: 403)
        case .kmsInternal: return AWSServiceError("InternalError", e.message, httpStatus: 500)
        default: return AWSServiceError("KMS.\(e.code.rawValue)", e.message)
        }
    }

    /// A HEAD response has no body, so the error code and message S3 sent never reach the
    /// client: the AWS CLI shows the HTTP status and its reason phrase (`(404) ... Not Found`).
    static func headForm(_ e: AWSServiceError) -> AWSServiceError {
        let reason: String
        switch e.httpStatus {
        case 400: reason = "Bad Request"
        case 403: reason = "Forbidden"
        case 404: reason = "Not Found"
        case 409: reason = "Conflict"
        case 500: reason = "Internal Server Error"
        default: reason = "Error"
        }
        return AWSServiceError(String(e.httpStatus), reason, httpStatus: e.httpStatus)
    }

    /// `SSEKMSKeyId` -> `sse-kms-key-id`, for messages that point at the CLI option.
    static func cliName(_ member: String) -> String {
        var out = ""
        let chars = Array(member)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0, chars[i - 1].isLowercase || (i + 1 < chars.count && chars[i + 1].isLowercase && chars[i - 1].isUppercase) {
                out.append("-")
            }
            out.append(Character(c.lowercased()))
        }
        return out
    }
}
