import KMSEngine
import Wire

/// A service whose operations are a table of handlers taking `WireInput` (S3, EC2, RDS,
/// DynamoDB): the table answers `operationNames`, and `dispatch` is the body of `call`, so each
/// service states only its handlers, the error code it gives a badly typed member and the name
/// its errors carry.
protocol WireHandlerTable: SimulatedService {
    static var handlers: [String: @Sendable (Self, WireInput, RequestContext) throws -> JSONValue] { get }
}

extension WireHandlerTable {
    var handlerNames: [String] { Self.handlers.keys.sorted() }

    /// Runs `operation`'s handler; an operation without one is UnsupportedOperation, and any
    /// error becomes the `AWSServiceError` the CLI prints.
    func dispatch(_ operation: String, _ input: JSONValue, _ context: RequestContext,
                  invalidCode: String, errorService: String) throws(AWSServiceError) -> JSONValue {
        guard let handler = Self.handlers[operation] else { throw unsupported(operation) }
        do {
            return try handler(self, WireInput(input, invalidCode: invalidCode), context)
        } catch {
            throw AWSServiceError.from(error, service: errorService)
        }
    }
}
