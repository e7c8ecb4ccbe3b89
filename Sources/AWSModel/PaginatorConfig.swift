import Wire

/// How the AWS CLI pages through one operation (botocore's `paginators-1.json` entry).
///
/// The AWS CLI paginates on the client: it sends the output token of one page back as the input
/// token of the next, merges the result keys, and hides the service's own paging members behind
/// `--starting-token`, `--max-items` and `--page-size`. The expressions are JMESPath, but every
/// one in the embedded models is a plain member name.
public struct PaginatorConfig: Sendable, Equatable {
    /// Request members that carry the token (`Marker`).
    public let inputTokens: [String]
    /// Response expressions giving the next token, one per input token (`NextMarker`).
    public let outputTokens: [String]
    /// Response expression that says whether more pages follow (`Truncated`), if the service has one.
    public let moreResults: String?
    /// Request member that sets the page size (`Limit`), if any.
    public let limitKey: String?
    /// Response expressions whose values are merged across pages; the first one is primary.
    public let resultKeys: [String]
    /// Response members kept from the first page only (`Owner` of S3 ListBuckets).
    public let nonAggregateKeys: [String]

    public init(inputTokens: [String], outputTokens: [String], moreResults: String? = nil, limitKey: String? = nil,
                resultKeys: [String], nonAggregateKeys: [String] = []) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.moreResults = moreResults
        self.limitKey = limitKey
        self.resultKeys = resultKeys
        self.nonAggregateKeys = nonAggregateKeys
    }

    init?(json: JSONValue) {
        func strings(_ key: String) -> [String] {
            switch json[key] {
            case .string(let s)?: return [s]
            case .array(let a)?: return a.compactMap(\.stringValue)
            default: return []
            }
        }
        let input = strings("input_token")
        let output = strings("output_token")
        guard !input.isEmpty, !output.isEmpty else { return nil }
        self.init(inputTokens: input, outputTokens: output, moreResults: json["more_results"]?.stringValue,
                  limitKey: json["limit_key"]?.stringValue, resultKeys: strings("result_key"),
                  nonAggregateKeys: strings("non_aggregate_keys"))
    }
}
