import Wire

/// A type a function parameter accepts, in the vocabulary of the JMESPath specification.
enum ArgumentType: Sendable, Equatable {
    case any, number, string, array, object, expref, arrayOfNumbers, arrayOfStrings

    var spelled: String {
        switch self {
        case .any: return "any value"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .expref: return "an expression reference such as &Name"
        case .arrayOfNumbers: return "an array of numbers"
        case .arrayOfStrings: return "an array of strings"
        }
    }
}

/// The parameters of a built-in function; a variadic function repeats its last parameter.
struct Signature: Sendable {
    let parameters: [[ArgumentType]]
    let isVariadic: Bool

    init(_ parameters: [ArgumentType]..., variadic: Bool = false) {
        self.parameters = parameters
        self.isVariadic = variadic
    }

    /// What the `index`th argument may be (the last parameter repeats for variadic functions).
    func accepted(at index: Int) -> [ArgumentType] {
        parameters[min(index, parameters.count - 1)]
    }

    func takesExpression(at index: Int) -> Bool {
        accepted(at: index).contains(.expref)
    }

    /// Whether `count` arguments suit this signature.
    func admits(count: Int) -> Bool {
        isVariadic ? count >= parameters.count : count == parameters.count
    }

    /// "1 argument", "2 arguments", "at least 1 argument".
    var aritySpelled: String {
        let n = parameters.count
        let noun = n == 1 ? "argument" : "arguments"
        return isVariadic ? "at least \(n) \(noun)" : "\(n) \(noun)"
    }

    /// Why `value` does not suit the accepted types, or `nil` when it does.
    ///
    /// The reason names types and element positions only, never the value itself, because the
    /// searched document may hold secrets.
    static func mismatch(_ value: JSONValue, accepted: [ArgumentType]) -> String? {
        var elementTypes: [ArgumentType] = []
        for type in accepted {
            switch (type, value) {
            case (.any, _): return nil
            case (.number, .int), (.number, .double): return nil
            case (.string, .string), (.array, .array), (.object, .object): return nil
            case (.arrayOfNumbers, .array), (.arrayOfStrings, .array): elementTypes.append(type)
            default: continue
            }
        }
        guard case .array(let elements) = value, !elementTypes.isEmpty else {
            return "got \(describe(value))"
        }
        guard let first = elements.first else { return nil }
        // The first element decides which element type the array is held to.
        let wanted: ArgumentType
        if first.numberValue != nil, elementTypes.contains(.arrayOfNumbers) {
            wanted = .arrayOfNumbers
        } else if case .string = first, elementTypes.contains(.arrayOfStrings) {
            wanted = .arrayOfStrings
        } else {
            return "got an array whose element 0 is \(describe(first))"
        }
        for (i, element) in elements.enumerated() {
            let fits: Bool
            switch element {
            case .int, .double: fits = wanted == .arrayOfNumbers
            case .string: fits = wanted == .arrayOfStrings
            default: fits = false
            }
            if !fits {
                return "got an array whose element \(i) is \(describe(element)) (element 0 is \(describe(first)))"
            }
        }
        return nil
    }

    /// "a number", "an array", ... for messages; the type only, never the content.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// "a string, an array or an object".
    static func spell(_ types: [ArgumentType]) -> String {
        let words = types.map(\.spelled)
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
