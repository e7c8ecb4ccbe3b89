import Wire

/// Evaluates a `--query` JMESPath expression on a value. The JMESPath module provides it; this
/// module only calls it, so that the two stay independent.
public typealias QueryEvaluator = @Sendable (_ expression: String, _ value: JSONValue) throws -> JSONValue

/// Prints responses byte for byte as the AWS CLI v2 does, in every `--output` format.
public struct OutputRenderer: Sendable {
    /// Evaluates `--query`; without it a query is an error.
    public var query: QueryEvaluator?
    /// Columns for `--output table` (the AWS CLI uses 80 when it cannot ask the terminal).
    public var terminalWidth: Int
    /// Colour for `--color auto`: true only when writing to a terminal that wants colour.
    public var autoColor: Bool

    public init(query: QueryEvaluator? = nil, terminalWidth: Int = 80, autoColor: Bool = false) {
        self.query = query
        self.terminalWidth = terminalWidth
        self.autoColor = autoColor
    }

    /// Thrown when `--query` is used but no evaluator was given.
    public struct QueryUnavailable: Error, CustomStringConvertible {
        public var description: String { "--query is not available here" }
    }

    /// The text to print for an invocation's response, using its `--output`, `--query` and `--color`.
    public func render(_ response: CLIResponse, for invocation: AWSInvocation) throws -> String {
        let color: Bool
        switch invocation.globals.color {
        case .on: color = true
        case .off: color = false
        case .auto: color = autoColor
        }
        return try render(response, format: invocation.globals.output, query: invocation.globals.query,
                          title: invocation.operation.name, color: color)
    }

    /// The text for a response in a format, after an optional query; `title` heads a table.
    public func render(_ response: CLIResponse, format: OutputFormat, query expression: String? = nil,
                       title: String, color: Bool = false) throws -> String {
        switch format {
        case .json:
            let value = try apply(expression, response.fullResult)
            if value == .object(JSONObject()) { return "" }
            return JSONWriter.pretty(value) + "\n"
        case .yaml:
            let value = try apply(expression, response.fullResult)
            if value == .object(JSONObject()) { return "" }
            return YAMLEmitter.document(value)
        case .yamlStream:
            switch response {
            case .single(let v): return YAMLEmitter.document(.array([try apply(expression, v)]))
            case .paginated(let p):
                var out = ""
                for page in p.pages { out += YAMLEmitter.document(.array([try apply(expression, page)])) }
                return out
            }
        case .table:
            let value = try apply(expression, response.fullResult)
            return TableFormat(terminalWidth: terminalWidth, color: color).format(value, title: title)
        case .text:
            switch response {
            case .single(let v): return TextFormat.format(try apply(expression, v))
            case .paginated(let p): return try textPages(p, expression: expression)
            }
        }
    }

    /// Text output prints page by page: the first page with the non-aggregate members, each with
    /// its result keys only, then the `NextToken` as its own section.
    private func textPages(_ p: PaginatedResponse, expression: String?) throws -> String {
        var out = ""
        for (i, page) in p.pages.enumerated() {
            var current = i == 0 ? p.nonAggregate : JSONObject()
            for key in p.config.resultKeys { current[key] = page[key] ?? .null }
            out += TextFormat.format(try apply(expression, .object(current)))
        }
        if let token = p.resumeToken {
            let section: JSONValue = ["NextToken": ["NextToken": .string(token)]]
            out += TextFormat.format(try apply(expression, section))
        }
        return out
    }

    private func apply(_ expression: String?, _ value: JSONValue) throws -> JSONValue {
        guard let expression else { return value }
        guard let query else { throw QueryUnavailable() }
        return try query(expression, value)
    }
}
