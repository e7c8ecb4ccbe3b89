/// The character classes of `awscli/shorthand.py`, written out.
extension ShorthandParser {
    static func isKeyChar(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A)
            || a == 0x2D || a == 0x5F || a == 0x2E || a == 0x23 || a == 0x2F || a == 0x3A
    }

    /// A value may start with anything printable but a blank, quote, `,`, `=`, `[` or `{`.
    static func isStartChar(_ c: Character) -> Bool {
        guard let v = singleScalar(c) else { return false }
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x3C, 0x3E...0x5A, 0x5C...0x7A, 0x7C...0xFFFF: return true
        default: return false
        }
    }

    /// After the first character of a first value: blanks, `=`, `[` and `{` are fine; `,`, `]`, `}` and quotes end it.
    static func isFirstFollowChar(_ c: Character) -> Bool {
        guard let v = singleScalar(c) else { return false }
        if isPythonSpace(Unicode.Scalar(v)!) { return true }
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x5C, 0x5E...0x7C, 0x7E...0xFFFF: return true
        default: return false
        }
    }

    /// After the first character of a later list value: everything but `,`, `=` and quotes.
    static func isSecondFollowChar(_ c: Character) -> Bool {
        guard let v = singleScalar(c) else { return false }
        if isPythonSpace(Unicode.Scalar(v)!) { return true }
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x3C, 0x3E...0xFFFF: return true
        default: return false
        }
    }

    /// The scalar of a one-scalar character; combined characters are judged by their first scalar
    /// and characters beyond the Basic Multilingual Plane are outside every class, as in the AWS CLI.
    private static func singleScalar(_ c: Character) -> UInt32? {
        c.unicodeScalars.first.map(\.value)
    }

    static func isASCIIWhitespace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" || c == "\u{0B}" || c == "\u{0C}"
    }

    /// Python's `str.isspace` (what `\s` and `rstrip()` use).
    static func isPythonSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
