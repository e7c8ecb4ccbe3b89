/// An ARN pattern for the `Arn*` condition operators: each of the six colon-delimited parts of the
/// ARN is matched on its own, so a wildcard never spans a colon (IAM's documented rule).
///
/// A pattern without any colon (a bare `*`) is matched as a whole string; a pattern with some
/// colons but fewer than six parts matches nothing.
struct ArnPattern: Sendable, Hashable {
    private let parts: [WildcardPattern]
    private let whole: WildcardPattern?
    private let matchesNothing: Bool

    init(pieces: [(text: String, wildcards: Bool)]) {
        // Split the resolved pieces at colons, keeping which characters are wildcards.
        var partPieces: [[(text: String, wildcards: Bool)]] = [[]]
        for piece in pieces {
            var current = ""
            for ch in piece.text {
                if ch == ":" && partPieces.count < 6 {
                    partPieces[partPieces.count - 1].append((current, piece.wildcards))
                    partPieces.append([])
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            partPieces[partPieces.count - 1].append((current, piece.wildcards))
        }
        if partPieces.count == 6 {
            parts = partPieces.map { WildcardPattern(pieces: $0) }
            whole = nil
            matchesNothing = false
        } else {
            // A value without colons ("*") is matched whole; a truncated ARN can match no ARN,
            // because a wildcard may not stand in for missing parts.
            parts = []
            whole = WildcardPattern(pieces: pieces)
            matchesNothing = partPieces.count > 1
        }
    }

    init(_ text: String) {
        self.init(pieces: [(text, true)])
    }

    /// Whether the request value `arn` matches; a value that is not an ARN never matches a six-part pattern.
    func matches(_ arn: String) -> Bool {
        if matchesNothing { return false }
        if let whole { return whole.matches(arn) }
        let segments = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard segments.count == 6 else { return false }
        for i in 0..<6 where !parts[i].matches(String(segments[i])) { return false }
        return true
    }
}
