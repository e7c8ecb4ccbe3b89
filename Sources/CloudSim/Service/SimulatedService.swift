import KMSEngine
import Wire

/// A simulated AWS service, reached by operation name with wire-form JSON (the AWS model's member
/// names verbatim), the way the command line, labs and tests call every service.
public protocol SimulatedService: Sendable {
    /// The botocore service name (`kms`, `iam`, `sts`, `s3`, `ec2`, `rds`, `dynamodb`, `cloudtrail`).
    var serviceName: String { get }
    /// Operation names this simulation implements.
    var operationNames: [String] { get }
    /// Runs one operation as the caller in `context`.
    func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue
}

extension SimulatedService {
    /// The error for an operation the model has but KMS Drill does not simulate.
    func unsupported(_ operation: String) -> AWSServiceError {
        AWSServiceError("UnsupportedOperation",
            "KMS Drill does not simulate \(serviceName) \(operation). It offers: \(operationNames.joined(separator: ", ")).")
    }
}
