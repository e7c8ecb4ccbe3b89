/// Word wrapping and display width for terminal text.
public enum TextWrapper {
    /// Terminal columns `text` occupies: wide East Asian characters and emoji take two, combining
    /// marks and variation selectors none. ANSI escape sequences are not expected here.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x20D0...0x20FF: return 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return value < 0x20 ? 0 : 1
        }
    }

    /// `text` wrapped to `width` columns at spaces; words longer than a line are split.
    /// Runs of whitespace (including line breaks) count as one space.
    public static func wrap(_ text: String, width: Int, measure: (String) -> Int = displayWidth) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init) {
            var word = word
            var wordWidth = measure(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            while wordWidth > width {
                let (head, tail) = split(word, at: width, measure: measure)
                lines.append(head)
                word = tail
                wordWidth = measure(word)
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `word` that fits in `width` columns (at least one character), and the rest.
    private static func split(_ word: String, at width: Int, measure: (String) -> Int) -> (String, String) {
        var head = ""
        for character in word {
            if !head.isEmpty && measure(head + String(character)) > width { break }
            head.append(character)
        }
        return (head, String(word.dropFirst(head.count)))
    }

    /// `text` followed by spaces up to `width` columns.
    static func pad(_ text: String, to width: Int, measure: (String) -> Int = displayWidth) -> String {
        text + String(repeating: " ", count: max(0, width - measure(text)))
    }
}
