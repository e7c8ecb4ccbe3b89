import AWSModel
import Wire

/// The pages of a paginated call and how to resume it.
public struct PaginatedResponse: Sendable, Equatable {
    public let config: PaginatorConfig
    /// Every page as received (CLI values), the last one cut to `--max-items` if needed.
    public let pages: [JSONValue]
    /// Members kept from the first page only (`non_aggregate_keys`).
    public let nonAggregate: JSONObject
    /// The `NextToken` to print when `--max-items` stopped before the end.
    public let resumeToken: String?

    /// botocore's `build_full_result`: result keys merged across pages, then the non-aggregate
    /// members, then `NextToken` when there is one. Other members (`Truncated`, `NextMarker`) are
    /// not shown, as in the AWS CLI.
    public var fullResult: JSONValue {
        var result = JSONObject()
        for page in pages {
            for key in config.resultKeys {
                guard let value = page[key], !value.isNull else { continue }
                guard let existing = result[key] else {
                    result[key] = value
                    continue
                }
                switch (existing, value) {
                case (.array(let a), .array(let b)): result[key] = .array(a + b)
                case (.int(let a), .int(let b)): result[key] = .int(a + b)
                case (.string(let a), .string(let b)): result[key] = .string(a + b)
                default:
                    if let a = existing.numberValue, let b = value.numberValue { result[key] = .double(a + b) }
                }
            }
        }
        for (key, value) in nonAggregate where !result.contains(key) { result[key] = value }
        if let resumeToken { result["NextToken"] = .string(resumeToken) }
        return .object(result)
    }
}

/// What a CLI call produced: one response, or the pages of a paginated one.
public enum CLIResponse: Sendable, Equatable {
    case single(JSONValue)
    case paginated(PaginatedResponse)

    /// The value JSON, YAML and table output print (before `--query`).
    public var fullResult: JSONValue {
        switch self {
        case .single(let v): return v
        case .paginated(let p): return p.fullResult
        }
    }
}

/// Client-side pagination as the AWS CLI does it (botocore's `PageIterator`): follow the output
/// tokens until the service says there is no more, merge the result keys, stop at `--max-items`
/// and hand back the `NextToken` to resume with `--starting-token`.
public enum Paginator {
    /// Calls `call` once per page with the request for that page.
    ///
    /// - Parameter call: performs one call and returns the response as a CLI value (or throws the
    ///   service error, which ends the run as it would end the AWS CLI's).
    public static func run(_ paging: PagingRequest, input: JSONValue,
                           call: (JSONValue) throws -> JSONValue) throws -> PaginatedResponse {
        let config = paging.config
        var request = input.objectValue ?? JSONObject()
        var nextToken = JSONObject(config.inputTokens.map { ($0, JSONValue.null) })
        var startingTruncation = 0
        if let starting = paging.startingToken {
            let decoded = try PaginationToken.decode(starting, inputTokens: config.inputTokens)
            nextToken = decoded.tokens
            inject(nextToken, into: &request)
        }
        if let size = paging.pageSize, let limit = config.limitKey { request[limit] = size }
        let primary = config.resultKeys.first ?? ""
        var pages: [JSONValue] = []
        var nonAggregate = JSONObject()
        var resume: String?
        var previousToken: JSONObject?
        var total = 0
        var first = true
        // A service that never stops sending tokens must not hang the program.
        let pageLimit = 100_000
        while pages.count < pageLimit {
            var page = try call(.object(request))
            if first {
                if let starting = paging.startingToken {
                    startingTruncation = try PaginationToken.decode(starting, inputTokens: config.inputTokens).truncation
                    page = skipFirst(startingTruncation, of: page, config: config)
                }
                first = false
                for key in config.nonAggregateKeys { if let v = page[key] { nonAggregate[key] = v } }
            } else {
                startingTruncation = 0
            }
            let items = page[primary]?.arrayValue ?? []
            if let limit = paging.maxItems, total + items.count - limit > 0 {
                let keep = items.count - (total + items.count - limit)
                page = replacing(primary, in: page, with: .array(Array(items.prefix(max(0, keep)))))
                pages.append(page)
                resume = PaginationToken.encode(nextToken.members.map { ($0.key, $0.value) },
                                                truncateAmount: max(0, keep) + startingTruncation)
                break
            }
            pages.append(page)
            total += items.count
            nextToken = Self.nextToken(page, config: config)
            if nextToken.isEmpty || nextToken.values.allSatisfy(\.isNull) { break }
            if let limit = paging.maxItems, total == limit {
                resume = PaginationToken.encode(nextToken.members.map { ($0.key, $0.value) })
                break
            }
            if let previousToken, previousToken == nextToken {
                throw CLIError(.parameter, "The same next token was received twice: \(PythonValue.repr(.object(nextToken)))")
            }
            inject(nextToken, into: &request)
            previousToken = nextToken
        }
        return PaginatedResponse(config: config, pages: pages, nonAggregate: nonAggregate, resumeToken: resume)
    }

    /// The tokens for the next request: empty when `more_results` says the listing is complete.
    static func nextToken(_ page: JSONValue, config: PaginatorConfig) -> JSONObject {
        if let more = config.moreResults, !TableFormat.isTruthy(page[more] ?? .null) { return JSONObject() }
        var tokens = JSONObject()
        for (output, input) in zip(config.outputTokens, config.inputTokens) {
            let value = page[output] ?? .null
            tokens[input] = TableFormat.isTruthy(value) ? value : .null
        }
        return tokens
    }

    private static func inject(_ tokens: JSONObject, into request: inout JSONObject) {
        for (name, token) in tokens {
            if token.isNull || token == .string("None") {
                request[name] = nil
            } else {
                request[name] = token
            }
        }
    }

    /// On resuming inside a page: drop the items already shown, and empty the other result keys.
    private static func skipFirst(_ count: Int, of page: JSONValue, config: PaginatorConfig) -> JSONValue {
        guard let primary = config.resultKeys.first, var object = page.objectValue else { return page }
        switch object[primary] {
        case .array(let items)?: object[primary] = .array(Array(items.dropFirst(min(max(0, count), items.count))))
        case .string(let s)?: object[primary] = .string(String(s.dropFirst(max(0, count))))
        default: object[primary] = .null
        }
        for key in config.resultKeys.dropFirst() {
            switch object[key] {
            case .array?: object[key] = .array([])
            case .string?: object[key] = .string("")
            case .int?, .double?: break
            default: object[key] = .null
            }
        }
        return .object(object)
    }

    private static func replacing(_ key: String, in page: JSONValue, with value: JSONValue) -> JSONValue {
        guard var object = page.objectValue else { return page }
        object[key] = value
        return .object(object)
    }
}

extension AWSInvocation {
    /// Performs the call as the AWS CLI would: once, or page by page when it paginates, converting
    /// each response to the CLI's value (timestamps as ISO 8601).
    ///
    /// - Parameter call: sends one request (wire JSON) to the engine and returns its response (wire JSON).
    public func perform(_ call: (JSONValue) throws -> JSONValue) throws -> CLIResponse {
        let convert = { (wire: JSONValue) in ResponseConverter.cliValue(wire, operation: operation, model: service) }
        if case .outputSkeleton(let sample) = mode { return .single(sample) }
        if let paging {
            return .paginated(try Paginator.run(paging, input: input) { request in convert(try call(request)) })
        }
        return .single(convert(try call(input)))
    }
}
