import AWSModel
import Wire

/// Everything the command line says about one AWS call, ready for the engine.
public struct AWSInvocation: Sendable {
    /// What to do with it.
    public enum Mode: Sendable, Equatable {
        /// Call the operation (through `Paginator` when `paging` is set) and print the response.
        case call
        /// `--generate-cli-skeleton [input]`: print this text and call nothing.
        case inputSkeleton(String)
        /// `--generate-cli-skeleton output`: print this sample response (a CLI value) with the usual
        /// output options, and call nothing.
        case outputSkeleton(JSONValue)
    }

    /// The service's model (its `cliName` is the command typed, its `service` the engine's name).
    public let service: ServiceModel
    /// The operation, by model name (`Encrypt`) and CLI name (`encrypt`).
    public let operation: Operation
    /// The request as the engine receives it (a JSON object in the json protocol's form).
    public let input: JSONValue
    /// `--output`, `--query`, `--profile`, `--region` and the rest, defaults applied.
    public let globals: GlobalOptions
    /// Set when the AWS CLI would paginate this call client-side.
    public let paging: PagingRequest?
    public let mode: Mode
    /// For operations whose output streams (S3 GetObject): the file the streamed member goes to,
    /// and that member's name.
    public var outfile: (path: String, member: String)?

    public init(service: ServiceModel, operation: Operation, input: JSONValue, globals: GlobalOptions,
                paging: PagingRequest?, mode: Mode, outfile: (path: String, member: String)? = nil) {
        self.service = service
        self.operation = operation
        self.input = input
        self.globals = globals
        self.paging = paging
        self.mode = mode
        self.outfile = outfile
    }

    /// The AWS CLI command name of the service (`kms`, `s3api`).
    public var serviceCommand: String { service.cliName }
    /// `kms encrypt`.
    public var commandLine: String { service.cliName + " " + operation.cliName }
}

/// How the AWS CLI will page through an operation for this invocation.
public struct PagingRequest: Sendable, Equatable {
    public let config: PaginatorConfig
    /// `--max-items`: stop after this many items of the primary result key.
    public let maxItems: Int?
    /// `--starting-token`: where a previous truncated run stopped.
    public let startingToken: String?
    /// `--page-size`: the value sent as the limit member on every call.
    public let pageSize: JSONValue?

    public init(config: PaginatorConfig, maxItems: Int? = nil, startingToken: String? = nil, pageSize: JSONValue? = nil) {
        self.config = config
        self.maxItems = maxItems
        self.startingToken = startingToken
        self.pageSize = pageSize
    }
}

/// What the caller can supply to the parser.
public struct ParseContext: Sendable {
    /// Reads `file://`/`fileb://` paths (nil: such values are refused).
    public var readFile: FileReader?
    /// Global option values before the line's own (from the learner's profile).
    public var defaults: GlobalOptions
    /// Checks a `--query` expression when the line is parsed (the JMESPath compiler), so that a bad
    /// expression is a usage error before anything is called.
    public var checkQuery: (@Sendable (String) throws -> Void)?
    /// Refuse a value outside a top-level enum member's allowed values before calling (the AWS CLI
    /// leaves that to the service; KMS Drill catches it early by default, naming the valid values).
    public var strictEnums: Bool

    public init(readFile: FileReader? = nil, defaults: GlobalOptions = GlobalOptions(),
                checkQuery: (@Sendable (String) throws -> Void)? = nil, strictEnums: Bool = true) {
        self.readFile = readFile
        self.defaults = defaults
        self.checkQuery = checkQuery
        self.strictEnums = strictEnums
    }
}
