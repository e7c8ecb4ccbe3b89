import Wire

/// A compiled JMESPath expression, as given to the AWS CLI's `--query` option.
///
/// Compile once, search any number of documents:
///
///     let query = try JMESPathExpression("Keys[?KeyState=='Enabled'].KeyId")
///     let ids = try query.search(response)
///
/// Syntax errors, unknown functions and wrong argument counts are reported by `init`; type errors
/// that depend on the data (such as `length(5)`) are reported by `search`.
public struct JMESPathExpression: Sendable {
    /// The expression as written.
    public let source: String
    /// Notes on constructs that are valid but rarely meant, such as `State == "Enabled"`
    /// (double quotes name a member; the string is `'Enabled'`). Empty for most expressions.
    public let warnings: [String]
    private let root: Node

    /// Compiles `expression`; throws a `.syntax`, `.unknownFunction`, `.invalidArity`,
    /// `.invalidValue` or `.invalidType` error with the position of the fault.
    public init(_ expression: String) throws(JMESPathError) {
        self.source = expression
        (self.root, self.warnings) = try Parser.parse(expression)
    }

    /// Evaluates the expression against `data`; missing members and out-of-range indexes give
    /// null, while a function given the wrong type of value throws `.invalidType`.
    public func search(_ data: JSONValue) throws(JMESPathError) -> JSONValue {
        do {
            return try Interpreter.evaluate(root, data)
        } catch {
            throw error.expression == nil ? error.located(in: source) : error
        }
    }
}

extension JMESPathExpression: CustomStringConvertible {
    /// The expression as written.
    public var description: String { source }
}
