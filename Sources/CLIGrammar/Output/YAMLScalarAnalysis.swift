/// libyaml's analysis of a scalar: which styles can write it faithfully.
struct ScalarAnalysis {
    var empty = false
    var multiline = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true

    init(_ text: String) {
        let c = Array(text.unicodeScalars)
        guard !c.isEmpty else {
            empty = true
            return
        }
        var blockIndicators = false
        var lineBreaks = false
        var special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        if c.count >= 3, (c[0] == "-" && c[1] == "-" && c[2] == "-") || (c[0] == "." && c[1] == "." && c[2] == ".") {
            blockIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = c.count == 1 || Self.isBlank(c[1])
        var previousSpace = false, previousBreak = false
        for (i, ch) in c.enumerated() {
            if i == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { blockIndicators = true }
                if (ch == "?" || ch == ":") && followedByWhitespace { blockIndicators = true }
                if ch == "-" && followedByWhitespace { blockIndicators = true }
            } else {
                if ch == ":" && followedByWhitespace { blockIndicators = true }
                if ch == "#" && precededByWhitespace { blockIndicators = true }
            }
            if !Self.isPrintable(ch) || ch == "\u{FEFF}" { special = true }
            if Self.isBreak(ch) { lineBreaks = true }
            if ch == " " {
                if i == 0 { leadingSpace = true }
                if i == c.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(ch) {
                if i == 0 { leadingBreak = true }
                if i == c.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.isBlank(ch)
            followedByWhitespace = i + 2 >= c.count || Self.isBlank(c[i + 2])
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
        if breakSpace {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || special {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if lineBreaks { blockPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }

    /// libyaml's printable set: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD (not 0x85, not beyond the BMP).
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: return true
        default: return false
        }
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\r" || c == "\n" || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || isBreak(c) || c == "\0"
    }
}
