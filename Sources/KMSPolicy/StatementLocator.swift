/// Finds where each statement object starts and ends in a policy's text, for the StartPosition and
/// EndPosition of simulate-style results and for messages.
///
/// The text has already been read by `JSONParser`, so this scanner only needs to skip well-formed
/// JSON. When the layout is unusual (an escaped member name) it returns nothing rather than guess.
enum StatementLocator {
    static func locate(in text: String) -> [(start: SourcePosition, end: SourcePosition)] {
        let bytes = Array(text.utf8)
        var scanner = Scanner(bytes: bytes)
        guard let spans = scanner.statementSpans() else { return [] }
        // Offsets come in increasing order, so one pass computes every line and column.
        var line = 1
        var column = 1
        var at = 0
        func position(_ offset: Int) -> SourcePosition {
            while at < offset && at < bytes.count {
                if bytes[at] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if bytes[at] & 0xC0 != 0x80 {
                    column += 1
                }
                at += 1
            }
            return SourcePosition(line: line, column: column)
        }
        return spans.map { (position($0.start), position($0.end)) }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        /// Offsets of the first and last byte of each statement object.
        mutating func statementSpans() -> [(start: Int, end: Int)]? {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            i += 1
            var statementValue: Int?
            while true {
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "}") { break }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard let key = readString() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                // Duplicate members keep the last value, as the JSON reader does.
                if key == Array("Statement".utf8) { statementValue = i }
                guard skipValue() else { return nil }
            }
            guard let start = statementValue else { return nil }
            i = start
            if bytes[i] == UInt8(ascii: "{") {
                guard skipValue() else { return nil }
                return [(start, i - 1)]
            }
            guard bytes[i] == UInt8(ascii: "[") else { return nil }
            i += 1
            var spans: [(start: Int, end: Int)] = []
            while true {
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "]") { return spans }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                let s = i
                guard skipValue() else { return nil }
                spans.append((s, i - 1))
            }
        }

        /// Reads a string's raw bytes; `nil` if it holds escapes (not worth decoding here).
        mutating func readString() -> [UInt8]? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let s = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return Array(bytes[s..<i])
        }

        /// Skips one JSON value of any kind, leaving `i` just after it.
        mutating func skipValue() -> Bool {
            guard i < bytes.count else { return false }
            var depth = 0
            repeat {
                guard i < bytes.count else { return false }
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    i += 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                        i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    i += 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    i += 1
                default:
                    if depth == 0 {
                        // A scalar: runs to the next delimiter.
                        while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) {
                            i += 1
                        }
                        return true
                    }
                    i += 1
                }
            } while depth > 0
            return depth == 0
        }
    }
}
