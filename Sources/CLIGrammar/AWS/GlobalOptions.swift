/// `--output`: how a response is printed.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    case json, text, table, yaml
    case yamlStream = "yaml-stream"
}

/// `--cli-binary-format`: how blob parameters given as text are read (AWS CLI v2).
public enum BinaryFormat: String, Sendable, CaseIterable, Equatable {
    /// Text is base64 and is decoded (the v2 default).
    case base64
    /// Text is taken as raw bytes (UTF-8), as the AWS CLI v1 did.
    case rawInBase64Out = "raw-in-base64-out"
}

/// `--color`.
public enum ColorMode: String, Sendable, CaseIterable, Equatable {
    case on, off, auto
}

/// The options every AWS command accepts, wherever they appear on the line.
///
/// A context's defaults (the learner's profile settings) come in through `ParseContext.defaults`;
/// what the line says replaces them.
public struct GlobalOptions: Sendable, Equatable {
    public var output: OutputFormat = .json
    /// The JMESPath expression of `--query`, as typed.
    public var query: String?
    public var profile: String?
    public var region: String?
    /// False after `--no-paginate`.
    public var paginate = true
    public var binaryFormat: BinaryFormat = .base64
    public var endpointURL: String?
    public var color: ColorMode = .auto
    public var debug = false
    public var noCLIPager = false
    /// Whether `--output` was given on the line (a profile default may apply otherwise).
    public var outputGiven = false

    public init(output: OutputFormat = .json, query: String? = nil, profile: String? = nil, region: String? = nil,
                paginate: Bool = true, binaryFormat: BinaryFormat = .base64, color: ColorMode = .auto) {
        self.output = output
        self.query = query
        self.profile = profile
        self.region = region
        self.paginate = paginate
        self.binaryFormat = binaryFormat
        self.color = color
    }

    /// The global options, as help lists them and as the parser knows them.
    public static let specs: [OptionSpec] = [
        OptionSpec("debug", .flag, summary: "Turn on debug logging. (Accepted; KMS Drill has no wire to log.)"),
        OptionSpec("endpoint-url", .string, summary: "Override command's default URL with the given URL. (Accepted; every call stays on this machine.)"),
        OptionSpec("no-paginate", .flag, summary: "Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results."),
        OptionSpec("output", .choice(OutputFormat.allCases.map(\.rawValue)), summary: "The formatting style for command output."),
        OptionSpec("query", .string, summary: "A JMESPath query to use in filtering the response data."),
        OptionSpec("profile", .string, summary: "Use a specific profile from your credential file. In KMS Drill a profile selects the calling principal.", completion: .profiles),
        OptionSpec("region", .string, summary: "The region to use. Overrides config/env settings."),
        OptionSpec("color", .choice(ColorMode.allCases.map(\.rawValue)), summary: "Turn on/off color output."),
        OptionSpec("cli-binary-format", .choice(BinaryFormat.allCases.map(\.rawValue)), summary: "The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob fileb:// will always be treated as binary and use the file contents directly regardless of the cli-binary-format setting. When using file:// the file contents will need to properly formatted for the configured cli-binary-format."),
        OptionSpec("no-cli-pager", .flag, summary: "Disable cli pager for output. (Accepted; KMS Drill never pages.)"),
    ]

    static func spec(_ name: String) -> OptionSpec? { specs.first { $0.name == name } }

    /// Applies one global option from the line. `value` is nil for flags.
    mutating func apply(_ name: String, value: String?) throws(CLIError) {
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(CLIError) -> T where T.RawValue == String {
            guard let v = value, let parsed = T(rawValue: v) else {
                let valid = T.allCases.map(\.rawValue)
                throw CLIError.usage(Self.invalidChoice("--" + name, value ?? "", valid))
            }
            return parsed
        }
        switch name {
        case "debug": debug = true
        case "endpoint-url": endpointURL = value
        case "no-paginate": paginate = false
        case "output":
            output = try choice(OutputFormat.self)
            outputGiven = true
        case "query": query = value
        case "profile": profile = value
        case "region": region = value
        case "color": color = try choice(ColorMode.self)
        case "cli-binary-format": binaryFormat = try choice(BinaryFormat.self)
        case "no-cli-pager": noCLIPager = true
        default: break
        }
    }

    static func invalidChoice(_ option: String, _ value: String, _ valid: [String]) -> String {
        var message = "argument \(option): Invalid choice '\(value)', valid choices are: " + valid.joined(separator: ", ")
        if let hint = Suggestions.didYouMean(value, among: valid) { message += "; " + hint }
        return message
    }
}
