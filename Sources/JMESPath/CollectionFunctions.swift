import Wire

/// keys, values, merge, map, sort, sort_by, max_by, min_by, not_null, to_array and type.
extension Builtin {
    func applyCollection(_ args: FunctionArguments) throws(JMESPathError) -> JSONValue {
        switch self {
        case .keys:
            return .array(try args.object(0).keys.map { .string($0) })
        case .values:
            return .array(try args.object(0).values)
        case .merge:
            var merged = JSONObject()
            for i in 0..<args.count {
                // A later object's member replaces an earlier one in place, as dict.update does.
                for (key, value) in try args.object(i) { merged[key] = value }
            }
            return .object(merged)
        case .map:
            let elements = try args.array(1)
            var results: [JSONValue] = []
            results.reserveCapacity(elements.count)
            for element in elements { results.append(try args.evaluate(0, on: element)) }
            return .array(results)
        case .sort:
            let elements = try args.array(0)
            return .array(Builtin.stableSorted(elements, keys: elements))
        case .sortBy:
            let elements = try args.array(0)
            let keys = try sortKeys(elements, args)
            return .array(Builtin.stableSorted(elements, keys: keys))
        case .maxBy, .minBy:
            let elements = try args.array(0)
            let keys = try sortKeys(elements, args)
            guard var best = keys.indices.first else { return .null }
            for i in keys.indices.dropFirst() {
                let c = ValueSemantics.order(keys[i], keys[best]) ?? 0
                if self == .maxBy ? c > 0 : c < 0 { best = i }
            }
            return elements[best]
        case .notNull:
            for i in 0..<args.count {
                let value = try args.value(i)
                if !value.isNull { return value }
            }
            return .null
        case .toArray:
            let value = try args.value(0)
            if case .array = value { return value }
            return .array([value])
        case .type:
            return .string(try args.value(0).typeName)
        default:
            return .null
        }
    }

    /// The `&expression` (argument 2) evaluated on each element; all results must be numbers,
    /// or all strings, for them to be ordered.
    private func sortKeys(_ elements: [JSONValue], _ args: FunctionArguments) throws(JMESPathError) -> [JSONValue] {
        var keys: [JSONValue] = []
        keys.reserveCapacity(elements.count)
        var firstKind: String?
        for element in elements {
            let key = try args.evaluate(1, on: element)
            let kind: String
            switch key {
            case .int, .double: kind = "number"
            case .string: kind = "string"
            default:
                throw JMESPathError(
                    kind: .invalidType,
                    message: "The expression given to \(name)() must yield a number or a string for every element, "
                        + "but for element \(keys.count) it yielded \(Signature.describe(key))")
            }
            if let firstKind, firstKind != kind {
                throw JMESPathError(
                    kind: .invalidType,
                    message: "The expression given to \(name)() must yield the same type for every element, "
                        + "but element 0 gave a \(firstKind) and element \(keys.count) a \(kind)")
            }
            firstKind = firstKind ?? kind
            keys.append(key)
        }
        return keys
    }

    /// `elements` ordered by `keys` (numbers or strings, all one type), equal keys keeping their
    /// original order whatever sorting algorithm the standard library uses.
    static func stableSorted(_ elements: [JSONValue], keys: [JSONValue]) -> [JSONValue] {
        let order = keys.indices.sorted { a, b in
            let c = ValueSemantics.order(keys[a], keys[b]) ?? 0
            return c != 0 ? c < 0 : a < b
        }
        return order.map { elements[$0] }
    }
}
