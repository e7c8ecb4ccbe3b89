/// The kind of value an option or positional argument takes, which decides how its text is read,
/// how help describes it and what completion offers.
public indirect enum ValueType: Sendable, Equatable {
    /// Any text.
    case string
    /// A whole number (`--limit 10`).
    case integer
    /// A boolean flag: present means true (`--all`); it takes no value.
    case flag
    /// One of a fixed set of words (`--output json|text|table`).
    case choice([String])
    /// A length of time: `90d`, `12h`, `1y`, `30m`, `45s`, `2w`, or a combination like `1d12h`.
    case duration
    /// A point in time: ISO 8601 (`2026-11-29`, `2026-11-29T10:00:00Z`) or epoch seconds.
    case timestamp
    /// Several values of the element type, given one after another (`--names a b c`).
    case list(ValueType)
    /// String keys to string values: shorthand `k=v,k2=v2` or a JSON object.
    case map
    /// A structure: shorthand `Name=x,Count=2` or JSON.
    case structure
    /// Bytes: base64 text, or `fileb://path` for a file's raw bytes.
    case blob
    /// Any JSON document, inline or from `file://path`.
    case json

    /// The type name help prints in parentheses, as the AWS CLI does (`(string)`, `(list)`).
    public var helpName: String {
        switch self {
        case .string, .choice: return "string"
        case .integer: return "integer"
        case .flag: return "boolean"
        case .duration: return "duration"
        case .timestamp: return "timestamp"
        case .list: return "list"
        case .map: return "map"
        case .structure: return "structure"
        case .blob: return "blob"
        case .json: return "JSON"
        }
    }

    /// Whether the option consumes the words after it until the next option.
    var takesSeveralWords: Bool {
        if case .list = self { return true }
        return false
    }
}

/// Where completion finds the values of an option or argument that only the running program knows.
///
/// The lead's `CompletionProvider` answers for each kind; the constants below are the ones the AWS
/// commands use, and drill commands may add their own (`CompletionKind("drill-files")`).
public struct CompletionKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// KMS key IDs and ARNs, and alias names (`KeyId`, `TargetKeyId`, `DestinationKeyId`, `SourceKeyId`).
    public static let keyIdsAndAliases: CompletionKind = "key-ids-and-aliases"
    /// Alias names only (`AliasName`).
    public static let aliases: CompletionKind = "aliases"
    /// Profile names (`--profile`).
    public static let profiles: CompletionKind = "profiles"
    /// Lesson names.
    public static let lessons: CompletionKind = "lessons"
    /// Lab names.
    public static let labs: CompletionKind = "labs"
    /// Files in the working folder (after `file://`, `fileb://` or `>`).
    public static let files: CompletionKind = "files"
    /// S3 bucket names (`Bucket`).
    public static let buckets: CompletionKind = "buckets"
}
