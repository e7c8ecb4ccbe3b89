import KMSEngine
import Wire

/// STS, for `sts get-caller-identity`: who the current profile is.
public struct STSService: SimulatedService {
    public let serviceName = "sts"
    public let operationNames = ["GetCallerIdentity"]

    public init() {}

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        switch operation {
        case "GetCallerIdentity":
            let c = context.caller
            return ["UserId": .string(c.principalId), "Account": .string(c.accountId), "Arn": .string(c.arn)]
        case "AssumeRole":
            throw AWSServiceError("UnsupportedOperation",
                "KMS Drill does not issue role credentials; act as a role with its profile instead, e.g. --profile AppRole.")
        default:
            throw unsupported(operation)
        }
    }
}
