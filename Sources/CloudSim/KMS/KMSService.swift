import KMSEngine
import Wire

/// KMS as a simulated service: the engine's operations by name.
public struct KMSService: SimulatedService {
    public let engine: KMSEngine
    public let serviceName = "kms"

    public init(engine: KMSEngine) { self.engine = engine }

    public var operationNames: [String] { KMSOperations.all.map(\.name) }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        do {
            return try engine.call(operation, input: input, context: context)
        } catch {
            throw AWSServiceError(error.code.rawValue, error.message, httpStatus: error.code == .kmsInternal ? 500 : 400)
        }
    }
}
