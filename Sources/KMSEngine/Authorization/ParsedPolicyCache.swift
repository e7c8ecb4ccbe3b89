import KMSPolicy
import Synchronization

/// Parsed policies by their text, so a policy is parsed once, not on every request.
///
/// Keyed by the exact text: a changed policy is a different entry. The cache is bounded; when full
/// it starts over (policies are few and re-parsing is cheap compared with a leak).
final class ParsedPolicyCache: Sendable {
    private struct Key: Hashable {
        let text: String
        let kind: PolicyKind
    }
    private let entries = Mutex<[Key: PolicyDocument]>([:])
    private let limit = 4096

    func document(_ text: String, kind: PolicyKind) throws(PolicyError) -> PolicyDocument {
        let key = Key(text: text, kind: kind)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let parsed = try PolicyDocument.parse(text, kind: kind)
        entries.withLock { cache in
            if cache.count >= limit { cache.removeAll() }
            cache[key] = parsed
        }
        return parsed
    }
}
