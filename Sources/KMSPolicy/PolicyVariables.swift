/// A string from a policy that may hold policy variables (`${aws:username}`), resolved per request.
///
/// Variables are recognised only in policies with Version 2012-10-17, as in AWS; in older policies
/// `${...}` is plain text. `${*}`, `${?}` and `${$}` stand for the literal characters, so that a
/// `StringLike` value can match a real asterisk. `${key, 'default'}` supplies a value for a key the
/// request does not carry. A variable that cannot be resolved (missing key without a default, or a
/// multi-valued key) makes the comparison fail; it never matches and never traps.
struct StringTemplate: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        /// Policy text, where `*` and `?` are wildcards for Like operators.
        case text(String)
        /// `${*}`, `${?}`, `${$}`: a character that is never a wildcard.
        case literal(String)
        /// `${key}` or `${key, 'default'}`; `key` is lowercased for lookup.
        case variable(key: String, name: String, defaultValue: String?)
    }

    let pieces: [Piece]

    /// Whether any piece needs the request to be resolved.
    var hasVariables: Bool {
        pieces.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// The condition keys the template reads, as written.
    var variableNames: [String] {
        pieces.compactMap { if case .variable(_, let name, _) = $0 { return name } else { return nil } }
    }

    /// Splits `text` into pieces; with `variablesEnabled == false` the whole text is one piece.
    init(_ text: String, variablesEnabled: Bool) {
        guard variablesEnabled, text.contains("${") else {
            pieces = [.text(text)]
            return
        }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(StringTemplate.piece(for: rest[open.upperBound..<close], raw: rest[open.lowerBound...close]))
            rest = rest[rest.index(after: close)...]
        }
        // An unclosed `${` is ordinary text, as IAM treats it.
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    private static func piece(for body: Substring, raw: Substring) -> Piece {
        switch body {
        case "*": return .literal("*")
        case "?": return .literal("?")
        case "$": return .literal("$")
        default: break
        }
        var name = body
        var defaultValue: String?
        if let comma = body.firstIndex(of: ",") {
            name = body[..<comma]
            let tail = body[body.index(after: comma)...].trimmingSpaces()
            if tail.count >= 2, tail.first == "'", tail.last == "'" {
                defaultValue = String(tail.dropFirst().dropLast())
            } else {
                return .text(String(raw))
            }
        }
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { return .text(String(raw)) }
        return .variable(key: trimmed.lowercased(), name: String(trimmed), defaultValue: defaultValue)
    }

    /// The resolved pieces, each marked with whether `*`/`?` in it are wildcards; `nil` when a
    /// variable cannot be resolved.
    func resolve(in context: EvaluationContext) -> [(text: String, wildcards: Bool)]? {
        var out: [(text: String, wildcards: Bool)] = []
        out.reserveCapacity(pieces.count)
        for piece in pieces {
            switch piece {
            case .text(let t): out.append((t, true))
            case .literal(let t): out.append((t, false))
            case .variable(let key, _, let defaultValue):
                switch context.value(forKey: key) {
                case .single(let v)?: out.append((v, false))
                case .multiple?:
                    // A multi-valued key cannot stand in for one string, default or not.
                    return nil
                case nil:
                    guard let defaultValue else { return nil }
                    out.append((defaultValue, false))
                }
            }
        }
        return out
    }

    /// The resolved string, with every wildcard character taken literally; `nil` when unresolvable.
    func resolvedString(in context: EvaluationContext) -> String? {
        guard let parts = resolve(in: context) else { return nil }
        var s = ""
        for p in parts { s += p.text }
        return s
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
