/// "Did you mean" suggestions for mistyped commands, operations, options and values.
///
/// One rule serves every error message so that suggestions feel the same everywhere: the
/// Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
/// and swaps of two neighbouring characters), a threshold that grows with the length of the word,
/// and a prefix rule so that `--key` suggests `--key-id`.
public enum Suggestions {
    /// The optimal-string-alignment distance between two strings, counted in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        // Three rows are enough: the transposition looks two rows back.
        var twoBack = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[t.count]
    }

    /// The largest distance still worth suggesting for a word of this length.
    ///
    /// One edit for short words, growing to a third of the word, never more than four: beyond
    /// that a suggestion is more likely to confuse than help.
    public static func threshold(forLength length: Int) -> Int {
        max(1, min(4, length / 3))
    }

    /// The candidates closest to `word`, best first: all those at the smallest distance within the
    /// threshold, then candidates that `word` is a prefix of (`key` -> `key-id`), at most `limit`.
    /// Case is ignored when measuring.
    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let needle = word.lowercased()
        guard !needle.isEmpty else { return [] }
        var scored: [(name: String, score: Int)] = []
        let limitDistance = threshold(forLength: needle.count)
        for candidate in candidates where candidate != word {
            let lowered = candidate.lowercased()
            let d = distance(needle, lowered)
            if d <= limitDistance {
                scored.append((candidate, d))
            } else if needle.count >= 2, lowered.hasPrefix(needle) {
                // A prefix is a strong hint even when many letters are missing.
                scored.append((candidate, limitDistance + 1))
            }
        }
        guard let best = scored.map(\.score).min() else { return [] }
        // Only the best score: a clear winner stands alone, ties are all offered.
        let kept = scored.filter { $0.score <= best }
            .sorted { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }
        return Array(kept.prefix(limit).map(\.name))
    }

    /// "did you mean X?" / "did you mean X or Y?" / nil when nothing is close.
    public static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        let found = closest(to: word, among: candidates)
        guard !found.isEmpty else { return nil }
        return "did you mean " + Self.orList(found) + "?"
    }

    static func orList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
        }
    }
}
