import Wire

/// Splits an expression into tokens.
///
/// Positions count Unicode scalars, as the reference implementation counts code points, so a
/// reported position means the same thing whatever characters the expression holds.
struct Lexer {
    private let source: String
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// Numbers beyond this are clamped: no array is that long, and clamping keeps index
    /// arithmetic (`i + count`) from overflowing.
    static let numberLimit = Int.max / 4

    init(_ source: String) {
        self.source = source
        self.scalars = Array(source.unicodeScalars)
    }

    static func tokenize(_ source: String) throws(JMESPathError) -> [Token] {
        var lexer = Lexer(source)
        return try lexer.run()
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func run() throws(JMESPathError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 2 + 1)
        while let c = current {
            let start = index
            switch c {
            case " ", "\t", "\n", "\r":
                index += 1
            case ".": tokens.append(simple(.dot))
            case "*": tokens.append(simple(.star))
            case "]": tokens.append(simple(.rbracket))
            case ",": tokens.append(simple(.comma))
            case ":": tokens.append(simple(.colon))
            case "@": tokens.append(simple(.current))
            case "(": tokens.append(simple(.lparen))
            case ")": tokens.append(simple(.rparen))
            case "{": tokens.append(simple(.lbrace))
            case "}": tokens.append(simple(.rbrace))
            case "[":
                if peek(1) == "]" {
                    tokens.append(simple(.flatten, length: 2))
                } else if peek(1) == "?" {
                    tokens.append(simple(.filter, length: 2))
                } else {
                    tokens.append(simple(.lbracket))
                }
            case "|": tokens.append(peek(1) == "|" ? simple(.or, length: 2) : simple(.pipe))
            case "&": tokens.append(peek(1) == "&" ? simple(.and, length: 2) : simple(.expref))
            case "<": tokens.append(peek(1) == "=" ? simple(.lte, length: 2) : simple(.lt))
            case ">": tokens.append(peek(1) == "=" ? simple(.gte, length: 2) : simple(.gt))
            case "!": tokens.append(peek(1) == "=" ? simple(.ne, length: 2) : simple(.not))
            case "=":
                guard peek(1) == "=" else {
                    throw error("A single '=' at position \(start) is not an operator", hint: "use '==' to compare values", at: start)
                }
                tokens.append(simple(.eq, length: 2))
            case "'": tokens.append(try rawString())
            case "`": tokens.append(try jsonLiteral())
            case "\"": tokens.append(try quotedIdentifier())
            case "-", "0"..."9": tokens.append(try number())
            default:
                if Lexer.isIdentifierStart(c) {
                    tokens.append(identifier())
                } else {
                    throw error("Unexpected character '\(c)' at position \(start)", hint: Lexer.hint(for: c), at: start)
                }
            }
        }
        tokens.append(Token(kind: .eof, start: scalars.count, end: scalars.count))
        return tokens
    }

    private mutating func simple(_ kind: Token.Kind, length: Int = 1) -> Token {
        let token = Token(kind: kind, start: index, end: index + length)
        index += length
        return token
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    private static func hint(for c: Unicode.Scalar) -> String? {
        if c == "$" || c == "#" || c == "/" || c == "%" || c == "+" || c.value > 0x7F {
            return "names with such characters must be quoted, as in \"my-name\""
        }
        return nil
    }

    private mutating func identifier() -> Token {
        let start = index
        while let c = current, Lexer.isIdentifierPart(c) { index += 1 }
        var token = Token(kind: .unquotedIdentifier, start: start, end: index)
        token.name = String(String.UnicodeScalarView(scalars[start..<index]))
        return token
    }

    private mutating func number() throws(JMESPathError) -> Token {
        let start = index
        var negative = false
        if current == "-" {
            negative = true
            index += 1
        }
        var value = 0
        var digits = 0
        while let c = current, ("0"..."9").contains(c) {
            let digit = Int(c.value - 48)
            value = value > Lexer.numberLimit / 10 ? Lexer.numberLimit : min(value * 10 + digit, Lexer.numberLimit)
            digits += 1
            index += 1
        }
        guard digits > 0 else {
            throw error(
                "'-' at position \(start) is not part of a name or a number",
                hint: "quote names that hold dashes, as in \"my-name\", and write negative indexes as [-1]",
                at: start)
        }
        var token = Token(kind: .number, start: start, end: index)
        token.number = negative ? -value : value
        return token
    }

    /// Reads up to the closing `delimiter`, keeping backslash escapes as written (a backslash
    /// and the character after it), so the caller decides what each escape means.
    private mutating func delimited(_ delimiter: Unicode.Scalar, what: String) throws(JMESPathError) -> [Unicode.Scalar] {
        let start = index
        index += 1
        var body: [Unicode.Scalar] = []
        while true {
            guard let c = current else {
                throw error("Unclosed \(what) starting at position \(start)", hint: "add the closing \(delimiter)", at: start)
            }
            if c == delimiter {
                index += 1
                return body
            }
            body.append(c)
            index += 1
            if c == "\\", let next = current {
                body.append(next)
                index += 1
            }
        }
    }

    /// `'text'`: the text as written, except that `\'` stands for `'`.
    private mutating func rawString() throws(JMESPathError) -> Token {
        let start = index
        let body = try delimited("'", what: "raw string literal")
        var token = Token(kind: .literal, start: start, end: index)
        token.literal = .string(String(String.UnicodeScalarView(Lexer.unescape("'", in: body))))
        return token
    }

    /// `` `json` ``: a JSON value, where `` \` `` stands for a backtick.
    ///
    /// Text that is not valid JSON is taken as a string, as in `` `Enabled` `` (the legacy form
    /// the AWS CLI documentation still uses); what is not valid even as a string is an error.
    private mutating func jsonLiteral() throws(JMESPathError) -> Token {
        let start = index
        let body = Lexer.unescape("`", in: try delimited("`", what: "JSON literal"))
        let text = String(String.UnicodeScalarView(body))
        var token = Token(kind: .literal, start: start, end: index)
        do {
            token.literal = try JSONParser.parse(text)
        } catch {
            let trimmed = body.drop { $0.properties.isWhitespace }
            let legacy = "\"" + String(String.UnicodeScalarView(trimmed)) + "\""
            guard let value = try? JSONParser.parse(legacy) else {
                throw self.error(
                    "Invalid JSON literal `\(text)` at position \(start) (\(error.message))",
                    hint: "write a string literal as 'text' or `\"text\"`", at: start)
            }
            token.literal = value
        }
        return token
    }

    /// `"name"`: an identifier with JSON string escapes, for names that are not plain words.
    private mutating func quotedIdentifier() throws(JMESPathError) -> Token {
        let start = index
        let body = try delimited("\"", what: "quoted identifier")
        let text = "\"" + String(String.UnicodeScalarView(body)) + "\""
        guard case .string(let name)? = try? JSONParser.parse(text) else {
            throw error(
                "Invalid quoted identifier \(text) at position \(start)",
                hint: "inside double quotes only JSON escapes such as \\\" \\\\ \\n \\u00e9 are allowed", at: start)
        }
        var token = Token(kind: .quotedIdentifier, start: start, end: index)
        token.name = name
        return token
    }

    /// Replaces `\<delimiter>` with the delimiter; other backslashes stay as written.
    private static func unescape(_ delimiter: Unicode.Scalar, in body: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            if body[i] == "\\", i + 1 < body.count, body[i + 1] == delimiter {
                out.append(delimiter)
                i += 2
            } else {
                out.append(body[i])
                i += 1
            }
        }
        return out
    }

    /// A syntax error: what is wrong, where, in which expression, then the hint.
    private func error(_ what: String, hint: String? = nil, at position: Int) -> JMESPathError {
        var message = "\(what) in '\(source)'"
        if let hint { message += ": " + hint }
        return JMESPathError(kind: .syntax, message: message, position: position, expression: source)
    }
}
