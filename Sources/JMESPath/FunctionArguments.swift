import Wire

/// One evaluated argument: a JSON value, or an unevaluated `&expression`.
enum FunctionArgument {
    case value(JSONValue)
    case expression(Node)
}

/// The arguments of one call, already checked against the function's signature.
///
/// The typed accessors still verify what they return, so a signature that disagreed with its
/// implementation would surface as an error, never a trap.
struct FunctionArguments {
    let function: Builtin
    let items: [FunctionArgument]

    var count: Int { items.count }

    func value(_ i: Int) throws(JMESPathError) -> JSONValue {
        guard items.indices.contains(i), case .value(let v) = items[i] else { throw internalMismatch(i, "a value") }
        return v
    }

    func expression(_ i: Int) throws(JMESPathError) -> Node {
        guard items.indices.contains(i), case .expression(let e) = items[i] else {
            throw internalMismatch(i, "an expression reference")
        }
        return e
    }

    func string(_ i: Int) throws(JMESPathError) -> String {
        guard case .string(let s) = try value(i) else { throw internalMismatch(i, "a string") }
        return s
    }

    func array(_ i: Int) throws(JMESPathError) -> [JSONValue] {
        guard case .array(let a) = try value(i) else { throw internalMismatch(i, "an array") }
        return a
    }

    func object(_ i: Int) throws(JMESPathError) -> JSONObject {
        guard case .object(let o) = try value(i) else { throw internalMismatch(i, "an object") }
        return o
    }

    /// Evaluates the `&expression` argument `i` against `element`.
    func evaluate(_ i: Int, on element: JSONValue) throws(JMESPathError) -> JSONValue {
        try Interpreter.evaluate(try expression(i), element)
    }

    private func internalMismatch(_ i: Int, _ expected: String) -> JMESPathError {
        JMESPathError(kind: .invalidType, message: "\(function.name)() expects argument \(i + 1) to be \(expected)")
    }
}

extension Builtin {
    /// Runs the function on arguments that have passed the signature check.
    func apply(_ args: FunctionArguments) throws(JMESPathError) -> JSONValue {
        switch self {
        case .abs, .avg, .ceil, .floor, .sum, .max, .min, .toNumber:
            return try applyNumeric(args)
        case .contains, .endsWith, .startsWith, .join, .length, .reverse, .toString:
            return try applyText(args)
        case .keys, .values, .merge, .map, .sort, .sortBy, .maxBy, .minBy, .notNull, .toArray, .type:
            return try applyCollection(args)
        }
    }
}
