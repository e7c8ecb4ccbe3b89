import Foundation
import Wire

/// EC2's `Filters` (`Name`, `Values` with `*` and `?` wildcards): a resource matches when, for
/// every filter, one of its values for that name matches one of the filter's values.
enum EC2Filters {
    static func read(_ input: WireInput) throws -> [(name: String, values: [String])] {
        try (input.array("Filters") ?? []).map { filter in
            guard let name = filter["Name"]?.stringValue else { throw EC2Error.invalidValue("A filter needs a Name.") }
            return (name, (filter["Values"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }

    static func matches(_ filters: [(name: String, values: [String])], _ attributes: [String: [String]],
                        known: Set<String>) throws -> Bool {
        for filter in filters {
            if !known.contains(filter.name) && !filter.name.hasPrefix("tag:") && filter.name != "tag-key" {
                throw EC2Error.invalidValue("The filter '\(filter.name)' is invalid")
            }
            let have = attributes[filter.name] ?? []
            if !have.contains(where: { value in filter.values.contains { glob($0, value) } }) { return false }
        }
        return true
    }

    /// `*` any run of characters, `?` any one character.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let k = i * (t.count + 1) + j
            if let m = memo[k] { return m }
            let r: Bool
            if i == p.count {
                r = j == t.count
            } else if p[i] == "*" {
                r = match(i + 1, j) || (j < t.count && match(i, j + 1))
            } else {
                r = j < t.count && (p[i] == "?" || p[i] == t[j]) && match(i + 1, j + 1)
            }
            memo[k] = r
            return r
        }
        return match(0, 0)
    }

    static func tagAttributes(_ tags: [EC2Tag]) -> [String: [String]] {
        var out: [String: [String]] = ["tag-key": tags.map(\.key)]
        for tag in tags { out["tag:\(tag.key)", default: []].append(tag.value) }
        return out
    }

    /// One page of `items` from `NextToken` (an index), at most `MaxResults`.
    static func page<T>(_ items: [T], _ input: WireInput) throws -> ([T], String?) {
        let start = try input.string("NextToken").map { token -> Int in
            guard let i = Int(token), i >= 0 else { throw EC2Error.invalidValue("The NextToken '\(token)' is not valid.") }
            return i
        } ?? 0
        guard let max = try input.int("MaxResults") else { return (Array(items.dropFirst(start)), nil) }
        let end = min(items.count, start + max)
        let slice = start < end ? Array(items[start..<end]) : []
        return (slice, end < items.count ? String(end) : nil)
    }
}
