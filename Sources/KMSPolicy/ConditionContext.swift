/// The value of one condition key in a request: one string, or a set of strings.
public enum ContextValue: Sendable, Hashable {
    case single(String)
    case multiple([String])

    /// The values as a list (a single value is a set of one).
    public var values: [String] {
        switch self {
        case .single(let v): return [v]
        case .multiple(let vs): return vs
        }
    }
}

extension ContextValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .single(value) }
    public init(arrayLiteral elements: String...) { self = .multiple(elements) }
}

/// The condition keys a request carries, looked up case-insensitively as IAM does.
///
/// Keys the library can work out itself (the caller's `aws:PrincipalArn`, `kms:CallerAccount`,
/// `kms:EncryptionContext:*`, ...) need not be put here; see `EvaluationContext`. A key set here
/// wins over a derived one.
public struct ConditionContext: Sendable, Hashable {
    /// Lowercased key -> (key as given, value).
    private var storage: [String: Entry] = [:]

    private struct Entry: Sendable, Hashable {
        let name: String
        let value: ContextValue
    }

    public init() {}

    public init(_ values: [String: ContextValue]) {
        for (k, v) in values { self[k] = v }
    }

    /// The value of `key` (any case); assigning `nil` removes it.
    public subscript(key: String) -> ContextValue? {
        get { storage[key.lowercased()]?.value }
        set {
            if let newValue {
                storage[key.lowercased()] = Entry(name: key, value: newValue)
            } else {
                storage[key.lowercased()] = nil
            }
        }
    }

    /// Lookup by a key already lowercased (the evaluator lowercases policy keys at parse time).
    func value(lowercasedKey key: String) -> ContextValue? { storage[key]?.value }

    /// The keys as given, sorted, for display.
    public var keys: [String] { storage.values.map(\.name).sorted() }

    public var isEmpty: Bool { storage.isEmpty }
}

extension ConditionContext: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, ContextValue)...) {
        for (k, v) in elements { self[k] = v }
    }
}
