/// A precompiled IAM wildcard pattern: `*` matches any run of characters (including none),
/// `?` matches exactly one character, everything else matches itself.
///
/// Compiled once when a policy is parsed, so evaluation does no parsing and no regex work.
/// Matching walks UTF-8 bytes; `?` consumes one whole Unicode scalar, so it means "one character"
/// for non-ASCII text too. Case folding, when asked for, is ASCII-only: it serves action names,
/// which are ASCII (the IgnoreCase condition operators lowercase both sides before matching).
struct WildcardPattern: Sendable, Hashable {
    /// One byte of the compiled program: a literal byte, or a wildcard.
    private enum Op: Hashable, Sendable {
        case byte(UInt8)
        case anyRun
        case anyOne
    }

    /// Shortcuts for the shapes that make up nearly all real policies.
    private enum Shape: Hashable, Sendable {
        case everything
        case exact([UInt8])
        case prefix([UInt8])
        case general
    }

    private let ops: [Op]
    private let shape: Shape
    private let foldsCase: Bool

    /// Compiles `pattern`, reading `*` and `?` as wildcards.
    init(_ pattern: String, caseInsensitive: Bool = false) {
        self.init(pieces: [(pattern, true)], caseInsensitive: caseInsensitive)
    }

    /// Compiles a pattern assembled from pieces; in a piece with `wildcards == false` (a resolved
    /// policy variable, `${*}`), `*` and `?` stand for themselves.
    init(pieces: [(text: String, wildcards: Bool)], caseInsensitive: Bool = false) {
        var ops: [Op] = []
        for piece in pieces {
            for b in piece.text.utf8 {
                if piece.wildcards && b == UInt8(ascii: "*") {
                    // Consecutive stars mean the same as one; keeping one keeps matching linear.
                    if ops.last != .anyRun { ops.append(.anyRun) }
                } else if piece.wildcards && b == UInt8(ascii: "?") {
                    ops.append(.anyOne)
                } else {
                    ops.append(.byte(caseInsensitive ? WildcardPattern.fold(b) : b))
                }
            }
        }
        self.ops = ops
        self.foldsCase = caseInsensitive
        self.shape = WildcardPattern.shape(of: ops)
    }

    private static func shape(of ops: [Op]) -> Shape {
        if ops == [.anyRun] { return .everything }
        var literal: [UInt8] = []
        for (i, op) in ops.enumerated() {
            switch op {
            case .byte(let b): literal.append(b)
            case .anyRun where i == ops.count - 1: return .prefix(literal)
            default: return .general
            }
        }
        return .exact(literal)
    }

    @inline(__always)
    private static func fold(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// Whether the pattern has any wildcard in it.
    var hasWildcards: Bool {
        if case .exact = shape { return false }
        return true
    }

    /// Whether `text` matches the whole pattern.
    func matches(_ text: String) -> Bool {
        if case .everything = shape { return true }
        var text = text
        return text.withUTF8 { match(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count)) }
    }

    private func match(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape {
        case .everything:
            return true
        case .exact(let lit):
            guard lit.count == s.count else { return false }
            for i in 0..<lit.count where lit[i] != byte(s[i]) { return false }
            return true
        case .prefix(let lit):
            guard lit.count <= s.count else { return false }
            for i in 0..<lit.count where lit[i] != byte(s[i]) { return false }
            return true
        case .general:
            return matchGeneral(s)
        }
    }

    @inline(__always)
    private func byte(_ b: UInt8) -> UInt8 { foldsCase ? WildcardPattern.fold(b) : b }

    /// Length of the UTF-8 scalar that starts at `i`.
    @inline(__always)
    private static func scalarLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var j = i + 1
        while j < s.count && s[j] & 0xC0 == 0x80 { j += 1 }
        return j - i
    }

    /// Glob matching with backtracking to the most recent star only: linear in practice and never
    /// exponential, because a later star subsumes whatever an earlier one could have matched.
    private func matchGeneral(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = 0
        var i = 0
        var starP = -1
        var starI = 0
        while i < s.count {
            if p < ops.count {
                switch ops[p] {
                case .byte(let b) where b == byte(s[i]):
                    p += 1
                    i += 1
                    continue
                case .anyOne:
                    p += 1
                    i += WildcardPattern.scalarLength(s, at: i)
                    continue
                case .anyRun:
                    starP = p
                    starI = i
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starI += WildcardPattern.scalarLength(s, at: starI)
            i = starI
        }
        while p < ops.count, ops[p] == .anyRun { p += 1 }
        return p == ops.count
    }
}
