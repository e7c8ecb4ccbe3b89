import Wire

/// A top-down operator-precedence (Pratt) parser from tokens to a `Node` tree.
///
/// Binding powers and projection rules follow the JMESPath grammar: a projection's right side
/// takes everything that binds at least as tightly as `*` (10 and up), so `a[*].b | c` projects
/// `.b` and applies `c` to the whole result.
struct Parser {
    /// Deeper nesting is refused, so that hostile input cannot exhaust the stack while parsing
    /// or evaluating (each level is a recursive call in both).
    static let maximumDepth = 200

    let source: String
    let tokens: [Token]
    private(set) var index = 0
    private var depth = 0
    /// The first unknown-function, arity or argument-type error, raised once the whole
    /// expression has parsed, so that a syntax error anywhere is reported first.
    var deferredError: JMESPathError?
    /// Valid but probably unintended constructs, for the learner's benefit.
    private(set) var warnings: [String] = []

    private init(source: String, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    static func parse(_ source: String) throws(JMESPathError) -> (node: Node, warnings: [String]) {
        guard source.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw JMESPathError(
                kind: .syntax,
                message: "The expression is empty: write a query such as 'Keys[0].KeyId' or '@' for the whole document",
                position: 0, expression: source)
        }
        var parser = Parser(source: source, tokens: try Lexer.tokenize(source))
        let node = try parser.expression(0)
        guard parser.current.kind == .eof else {
            throw parser.unexpected(
                parser.current,
                expected: "an operator such as '.', '[', '|', '||', '&&' or a comparison, or the end of the expression")
        }
        if let deferred = parser.deferredError { throw deferred }
        return (node, parser.warnings)
    }

    // MARK: Token access

    var current: Token { tokens[index] }

    private func lookahead(_ offset: Int) -> Token.Kind {
        tokens[Swift.min(index + offset, tokens.count - 1)].kind
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func match(_ kind: Token.Kind, _ expected: String? = nil) throws(JMESPathError) {
        guard current.kind == kind else { throw unexpected(current, expected: expected ?? kind.spelled) }
        advance()
    }

    // MARK: Pratt loop

    mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> Node {
        let entryDepth = depth
        defer { depth = entryDepth }
        try deeper()
        var left = try nud(advance())
        while bindingPower < current.bindingPower {
            try deeper()
            left = try led(advance(), left)
        }
        return left
    }

    private mutating func deeper() throws(JMESPathError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw error(
                "The expression is nested more than \(Parser.maximumDepth) levels deep at position \(current.start)",
                hint: "split it into simpler queries",
                at: current.start)
        }
    }

    /// A token at the start of an expression.
    private mutating func nud(_ token: Token) throws(JMESPathError) -> Node {
        switch token.kind {
        case .literal:
            return .literal(token.literal)
        case .unquotedIdentifier:
            return .field(token.name)
        case .quotedIdentifier:
            if current.kind == .lparen {
                throw error(
                    "A function name cannot be quoted (position \(token.start))",
                    hint: "write \(token.name)(...) without the double quotes",
                    at: token.start)
            }
            return .field(token.name)
        case .star:
            let right: Node = current.kind == .rbracket ? .identity : try projectionRHS(BindingPower.star)
            return .valueProjection(.identity, right)
        case .filter:
            return try filter(.identity)
        case .lbrace:
            return try multiSelectHash()
        case .lparen:
            let inner = try expression(0)
            try match(.rparen)
            return inner
        case .flatten:
            return .projection(.flatten(.identity), try projectionRHS(BindingPower.flatten))
        case .not:
            return .not(try expression(BindingPower.not))
        case .lbracket:
            if current.kind == .number || current.kind == .colon {
                return try projectIfSlice(.identity, try indexOrSlice())
            }
            if current.kind == .star && lookahead(1) == .rbracket {
                advance()
                advance()
                return .projection(.identity, try projectionRHS(BindingPower.star))
            }
            return try multiSelectList()
        case .current:
            return .identity
        case .expref:
            return .expref(try expression(0))
        default:
            throw unexpected(token, expected: "an expression (a name, @, a literal, [, { or a function call)")
        }
    }

    /// A token that continues the expression `left`.
    private mutating func led(_ token: Token, _ left: Node) throws(JMESPathError) -> Node {
        switch token.kind {
        case .dot:
            if current.kind == .star {
                advance()
                return .valueProjection(left, try projectionRHS(BindingPower.dot))
            }
            return .chain(left, try dotRHS(BindingPower.dot))
        case .pipe:
            return .chain(left, try expression(BindingPower.pipe))
        case .or:
            return .or(left, try expression(BindingPower.or))
        case .and:
            return .and(left, try expression(BindingPower.and))
        case .lparen:
            return try functionCall(left, open: token)
        case .filter:
            return try filter(left)
        case .eq: return try comparison(.equal, left)
        case .ne: return try comparison(.notEqual, left)
        case .lt: return try comparison(.less, left)
        case .lte: return try comparison(.lessOrEqual, left)
        case .gt: return try comparison(.greater, left)
        case .gte: return try comparison(.greaterOrEqual, left)
        case .flatten:
            return .projection(.flatten(left), try projectionRHS(BindingPower.flatten))
        case .lbracket:
            if current.kind == .number || current.kind == .colon {
                return try projectIfSlice(left, try indexOrSlice())
            }
            try match(.star, "an index such as [0], a slice such as [1:3], [*], or a filter such as [?Enabled]")
            try match(.rbracket)
            return .projection(left, try projectionRHS(BindingPower.star))
        case .star:
            throw unexpected(token, expected: "'.*' or '[*]' (a '*' must follow '.' or stand inside [ ])")
        default:
            throw unexpected(token, expected: "an operator such as '.', '[', '|' or a comparison")
        }
    }

    // MARK: Grammar pieces

    /// What follows a projection: nothing (it ends), `[...]`, `[?...]` or `.name`.
    private mutating func projectionRHS(_ bindingPower: Int) throws(JMESPathError) -> Node {
        if current.bindingPower < BindingPower.projectionStop { return .identity }
        switch current.kind {
        case .lbracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRHS(bindingPower)
        default:
            throw unexpected(current, expected: "'.', '[', '|' or the end of the expression after a projection")
        }
    }

    /// What may follow a '.': a name, `*`, a multi-select list or a multi-select hash.
    private mutating func dotRHS(_ bindingPower: Int) throws(JMESPathError) -> Node {
        switch current.kind {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw unexpected(current, expected: "a name, '*', '[' or '{' after '.'")
        }
    }

    /// `left <op> right`, noting a side that is a double-quoted name: `State == "Enabled"`
    /// compares with a member named Enabled (usually absent, so null), not with a string.
    private mutating func comparison(_ comparator: Comparator, _ left: Node) throws(JMESPathError) -> Node {
        let beforeOperator = index >= 2 ? tokens[index - 2] : nil
        let rightStart = current
        let right = try expression(BindingPower.comparator)
        for (node, token) in [(left, beforeOperator), (right, rightStart)] {
            guard let token, token.kind == .quotedIdentifier, case .field(let name) = node, name == token.name else { continue }
            warnings.append(
                "\"\(name)\" at position \(token.start) is a member name (double quotes), not a string: "
                    + "write '\(name)' to compare with the text \(name)")
        }
        return .compare(comparator, left, right)
    }

    private mutating func filter(_ left: Node) throws(JMESPathError) -> Node {
        let condition = try expression(0)
        try match(.rbracket, "']' to close the filter [?...]")
        let right: Node = current.kind == .flatten ? .identity : try projectionRHS(BindingPower.filter)
        return .filterProjection(left, condition: condition, right)
    }

    /// `[n]` or `[start:stop:step]`, with the opening bracket already read.
    private mutating func indexOrSlice() throws(JMESPathError) -> Node {
        if current.kind == .colon || lookahead(1) == .colon { return try slice() }
        let number = current.number
        try match(.number)
        try match(.rbracket, "']' to close the index")
        return .index(number)
    }

    private mutating func slice() throws(JMESPathError) -> Node {
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        var stepPosition = current.start
        while current.kind != .rbracket {
            switch current.kind {
            case .colon:
                part += 1
                if part == 3 { throw unexpected(current, expected: "']' (a slice has at most start:stop:step)") }
                advance()
            case .number:
                if part == 2 { stepPosition = current.start }
                parts[part] = current.number
                advance()
            default:
                throw unexpected(current, expected: "a number, ':' or ']' in the slice")
            }
        }
        advance()
        let step = parts[2] ?? 1
        if step == 0 {
            throw JMESPathError(
                kind: .invalidValue,
                message: "A slice step cannot be 0 (position \(stepPosition)) in '\(source)': use 1 to take every element, -1 to reverse",
                position: stepPosition, expression: source)
        }
        return .slice(start: parts[0], stop: parts[1], step: step)
    }

    private mutating func projectIfSlice(_ left: Node, _ right: Node) throws(JMESPathError) -> Node {
        let indexed = Node.chain(left, right)
        guard case .slice = right else { return indexed }
        return .projection(indexed, try projectionRHS(BindingPower.star))
    }

    private mutating func multiSelectList() throws(JMESPathError) -> Node {
        var items: [Node] = []
        while true {
            items.append(try expression(0))
            if current.kind == .rbracket { break }
            try match(.comma, "',' or ']' in the list [a, b, ...]")
        }
        advance()
        return .multiSelectList(items)
    }

    private mutating func multiSelectHash() throws(JMESPathError) -> Node {
        var pairs: [(key: String, value: Node)] = []
        while true {
            let key = current
            guard key.kind == .unquotedIdentifier || key.kind == .quotedIdentifier else {
                throw unexpected(key, expected: "a key name in {Key: expression, ...}")
            }
            advance()
            try match(.colon, "':' after the key '\(key.name)' in {Key: expression, ...}")
            pairs.append((key.name, try expression(0)))
            if current.kind == .rbrace {
                advance()
                return .multiSelectHash(pairs)
            }
            try match(.comma, "',' or '}' in {Key: expression, ...}")
        }
    }

    // MARK: Errors

    func unexpected(_ token: Token, expected: String) -> JMESPathError {
        if token.kind == .eof {
            return error("Unexpected end of the expression at position \(token.start)", hint: "expected \(expected)", at: token.start)
        }
        let text = String(String.UnicodeScalarView(source.unicodeScalars.dropFirst(token.start).prefix(token.end - token.start)))
        return error("Unexpected token '\(text)' at position \(token.start)", hint: "expected \(expected)", at: token.start)
    }

    /// A syntax error: what is wrong, where, in which expression, then the hint.
    func error(_ what: String, hint: String? = nil, at position: Int) -> JMESPathError {
        var message = "\(what) in '\(source)'"
        if let hint { message += ": " + hint }
        return JMESPathError(kind: .syntax, message: message, position: position, expression: source)
    }
}
