import Wire

/// The built-in functions of the JMESPath specification, resolved by name at compile time.
enum Builtin: String, CaseIterable, Sendable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min, reverse, sort
    case sum, type, values
    case endsWith = "ends_with"
    case maxBy = "max_by"
    case minBy = "min_by"
    case notNull = "not_null"
    case sortBy = "sort_by"
    case startsWith = "starts_with"
    case toArray = "to_array"
    case toString = "to_string"
    case toNumber = "to_number"

    var name: String { rawValue }

    var signature: Signature {
        switch self {
        case .abs, .ceil, .floor: return Signature([.number])
        case .avg, .sum: return Signature([.arrayOfNumbers])
        case .contains: return Signature([.array, .string], [.any])
        case .endsWith, .startsWith: return Signature([.string], [.string])
        case .join: return Signature([.string], [.arrayOfStrings])
        case .keys, .values: return Signature([.object])
        case .length: return Signature([.string, .array, .object])
        case .map: return Signature([.expref], [.array])
        case .max, .min, .sort: return Signature([.arrayOfNumbers, .arrayOfStrings])
        case .maxBy, .minBy, .sortBy: return Signature([.array], [.expref])
        case .merge: return Signature([.object], variadic: true)
        case .notNull: return Signature([.any], variadic: true)
        case .reverse: return Signature([.array, .string])
        case .toArray, .toString, .toNumber, .type: return Signature([.any])
        }
    }

    /// The closest function name to a misspelt one, if any is close enough to be a likely typo.
    static func suggestion(for name: String) -> Builtin? {
        let lowered = name.lowercased()
        var best: (Builtin, Int)?
        for candidate in allCases {
            let d = editDistance(Array(lowered.unicodeScalars), Array(candidate.name.unicodeScalars))
            if d <= Swift.max(1, candidate.name.count / 3), d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
