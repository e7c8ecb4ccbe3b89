/// Why a JMESPath expression could not be compiled or evaluated.
///
/// The `kind` values are the error names of the JMESPath specification and its compliance suite,
/// so callers (and tests) can tell a typo in the query from a type mismatch in the data.
/// Messages name the problem and, where there is one, the fix. They never quote values taken from
/// the searched document, because that document may hold secrets (plaintext, key material).
public struct JMESPathError: Error, Sendable, CustomStringConvertible {
    /// The class of error, named as in the JMESPath specification.
    public enum Kind: String, Sendable {
        case syntax
        case invalidType = "invalid-type"
        case invalidValue = "invalid-value"
        case invalidArity = "invalid-arity"
        case unknownFunction = "unknown-function"
    }

    /// The class of error: syntax, invalid-type, invalid-value, invalid-arity or unknown-function.
    public let kind: Kind
    /// One line saying what is wrong and, where possible, how to fix it.
    public let message: String
    /// Offset in the expression (counted in Unicode scalars from 0) of the offending token for
    /// errors found while compiling, or of the function call for type errors found while searching.
    public let position: Int?
    /// The expression the error was found in, when known; used to draw the caret line.
    public let expression: String?

    /// Creates an error; `expression`, when given, is used to draw the caret line.
    public init(kind: Kind, message: String, position: Int? = nil, expression: String? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.expression = expression
    }

    /// The message and, when the position is known, the expression with a caret under the fault:
    ///
    ///     Unexpected token ']' at position 19 in 'Keys[?KeyId == 'x']]': expected an operator ...
    ///       Keys[?KeyId == 'x']]
    ///                          ^
    public var description: String {
        guard let position, let expression, expression.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            return message
        }
        // Newlines and tabs would break the caret's alignment; each is one scalar, like a space.
        let shown = String(String.UnicodeScalarView(expression.unicodeScalars.map { scalar in
            scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar
        }))
        let prefix = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(position)))
        let caret = String(repeating: " ", count: prefix.count) + "^"
        return message + "\n  " + shown + "\n  " + caret
    }

    /// The same error, tied to the expression it came from (added where the text is known).
    func located(in expression: String) -> JMESPathError {
        JMESPathError(kind: kind, message: message, position: position, expression: expression)
    }
}
