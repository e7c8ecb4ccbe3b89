import Wire

/// Function calls: `name(arg, ...)`.
///
/// The name, the argument count and the use of `&` are all checked while compiling, so a typo
/// is reported before any AWS call is made; these errors wait until the whole expression has
/// parsed, so that a syntax error elsewhere is reported first.
extension Parser {
    /// `name(args...)`; the name is checked and the arguments counted here, so a misspelt function
    /// or a wrong argument count is reported before any data is searched.
    mutating func functionCall(_ left: Node, open: Token) throws(JMESPathError) -> Node {
        guard case .field(let name) = left else {
            throw error("'(' at position \(open.start) must follow a function name", hint: "write a call such as length(Keys)", at: open.start)
        }
        let namePosition = index >= 2 ? tokens[index - 2].start : 0
        var args: [(node: Node, start: Int)] = []
        if current.kind != .rparen {
            while true {
                let start = current.start
                args.append((try expression(0), start))
                if current.kind == .rparen { break }
                try match(.comma, "',' or ')' in the arguments of \(name)()")
            }
        }
        advance()
        guard let function = Builtin(rawValue: name) else {
            var message = "Unknown function \(name)() at position \(namePosition) in '\(source)'"
            if let guess = Builtin.suggestion(for: name) {
                message += ": did you mean \(guess.name)()?"
            } else {
                message += "; the functions are " + Builtin.allCases.map { $0.name }.sorted().joined(separator: ", ")
            }
            postpone(JMESPathError(kind: .unknownFunction, message: message, position: namePosition, expression: source))
            return .literal(.null)
        }
        let signature = function.signature
        guard signature.admits(count: args.count) else {
            postpone(JMESPathError(
                kind: .invalidArity,
                message: "\(name)() at position \(namePosition) in '\(source)' takes \(signature.aritySpelled) but was given \(args.count)",
                position: namePosition, expression: source))
            return .literal(.null)
        }
        for (i, arg) in args.enumerated() {
            var isExpref = false
            if case .expref = arg.node { isExpref = true }
            if signature.takesExpression(at: i) && !isExpref {
                postpone(JMESPathError(
                    kind: .invalidType,
                    message: "Argument \(i + 1) of \(name)() at position \(arg.start) in '\(source)' must be an expression reference: "
                        + "write it with '&', as in \(name)(Keys, &KeyId)",
                    position: arg.start, expression: source))
            }
            if !signature.takesExpression(at: i) && isExpref {
                postpone(JMESPathError(
                    kind: .invalidType,
                    message: "Argument \(i + 1) of \(name)() at position \(arg.start) in '\(source)' must be "
                        + "\(Signature.spell(signature.accepted(at: i))), not an expression reference: remove the '&'",
                    position: arg.start, expression: source))
            }
        }
        return .function(function, args.map(\.node), position: namePosition)
    }

    /// Keeps the first error found in a well-formed call; `parse` throws it at the end.
    mutating func postpone(_ error: JMESPathError) {
        if deferredError == nil { deferredError = error }
    }
}
