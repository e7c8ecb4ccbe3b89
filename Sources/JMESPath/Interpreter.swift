import Wire

/// Evaluates a compiled `Node` tree against a JSON document.
///
/// Values are passed by reference-counted copy-on-write storage and never mutated, so walking a
/// document costs no copies; results are built by appending, so each step is linear in its input.
enum Interpreter {
    static func evaluate(_ node: Node, _ value: JSONValue) throws(JMESPathError) -> JSONValue {
        switch node {
        case .identity:
            return value
        case .field(let name):
            if case .object(let object) = value { return object[name] ?? .null }
            return .null
        case .literal(let literal):
            return literal
        case .chain(let steps):
            var result = value
            for step in steps { result = try evaluate(step, result) }
            return result
        case .index(let i):
            guard case .array(let array) = value else { return .null }
            let position = i < 0 ? i + array.count : i
            return array.indices.contains(position) ? array[position] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let array) = value else { return .null }
            return .array(Slicing.slice(array, start: start, stop: stop, step: step))
        case .projection(let left, let right):
            guard case .array(let array) = try evaluate(left, value) else { return .null }
            return .array(try project(array, right))
        case .valueProjection(let left, let right):
            guard case .object(let object) = try evaluate(left, value) else { return .null }
            return .array(try project(object.values, right))
        case .filterProjection(let left, let condition, let right):
            guard case .array(let array) = try evaluate(left, value) else { return .null }
            var kept: [JSONValue] = []
            for element in array where ValueSemantics.isTruthy(try evaluate(condition, element)) {
                kept.append(element)
            }
            return .array(try project(kept, right))
        case .flatten(let child):
            guard case .array(let array) = try evaluate(child, value) else { return .null }
            var merged: [JSONValue] = []
            merged.reserveCapacity(array.count)
            for element in array {
                if case .array(let inner) = element {
                    merged.append(contentsOf: inner)
                } else {
                    merged.append(element)
                }
            }
            return .array(merged)
        case .multiSelectList(let items):
            if case .null = value { return .null }
            var results: [JSONValue] = []
            results.reserveCapacity(items.count)
            for item in items { results.append(try evaluate(item, value)) }
            return .array(results)
        case .multiSelectHash(let pairs):
            if case .null = value { return .null }
            var object = JSONObject()
            for pair in pairs { object[pair.key] = try evaluate(pair.value, value) }
            return .object(object)
        case .or(let left, let right):
            let result = try evaluate(left, value)
            return ValueSemantics.isTruthy(result) ? result : try evaluate(right, value)
        case .and(let left, let right):
            let result = try evaluate(left, value)
            return ValueSemantics.isTruthy(result) ? try evaluate(right, value) : result
        case .not(let child):
            return .bool(!ValueSemantics.isTruthy(try evaluate(child, value)))
        case .compare(let comparator, let left, let right):
            return ValueSemantics.compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .function(let function, let args, let position):
            return try call(function, args, value, at: position)
        case .expref:
            throw JMESPathError(
                kind: .invalidType,
                message: "An expression reference (&...) can only be an argument of a function such as sort_by(Keys, &KeyId)")
        }
    }

    /// The right side evaluated on each element, nulls dropped (the projection rule).
    private static func project(_ elements: [JSONValue], _ right: Node) throws(JMESPathError) -> [JSONValue] {
        if case .identity = right {
            return elements.filter { !$0.isNull }
        }
        var results: [JSONValue] = []
        results.reserveCapacity(elements.count)
        for element in elements {
            let result = try evaluate(right, element)
            if !result.isNull { results.append(result) }
        }
        return results
    }

    /// Evaluates the arguments, checks their types against the signature, then runs the function.
    private static func call(
        _ function: Builtin, _ nodes: [Node], _ value: JSONValue, at position: Int
    ) throws(JMESPathError) -> JSONValue {
        let signature = function.signature
        var args: [FunctionArgument] = []
        args.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            if signature.takesExpression(at: i), case .expref(let expression) = node {
                args.append(.expression(expression))
                continue
            }
            let argument = try evaluate(node, value)
            let accepted = signature.accepted(at: i)
            if let reason = Signature.mismatch(argument, accepted: accepted) {
                // A null argument is most often a misspelt member name: say so.
                let hint = argument.isNull ? " (a misspelt or missing member name gives null)" : ""
                throw JMESPathError(
                    kind: .invalidType,
                    message: "\(function.name)() at position \(position) expects argument \(i + 1) to be "
                        + "\(Signature.spell(accepted)), but \(reason)\(hint)",
                    position: position)
            }
            args.append(.value(argument))
        }
        do {
            return try function.apply(FunctionArguments(function: function, items: args))
        } catch {
            // Errors raised inside the function (such as sort_by's key checks) point at the call.
            guard error.position == nil else { throw error }
            throw JMESPathError(kind: error.kind, message: error.message, position: position)
        }
    }
}
