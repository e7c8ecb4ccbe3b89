import Foundation

/// Undoes the character damage seen in the study guide's plain text and recognises its markers.
///
/// The seed's emoji and dashes arrived mis-encoded: the light bulb before "First Principle" became
/// "š” ", the warning sign before "Exam Trap" became "ā ļø ", and the em dash became "ā". The
/// same text may also arrive intact (💡, ⚠️, —), or decoded as Windows-1252 ("ðŸ’¡", "âš ï¸",
/// "â€”"); all of these are accepted.
enum SourceTextRepair {
    /// A marker that may start a paragraph.
    enum Marker: Equatable {
        case bulb, warning
    }

    /// Marker spellings, longest first so a longer one wins over its prefix.
    private static let markers: [(String, Marker)] = [
        ("\u{0101} \u{013C}\u{00F8}", .warning),        // "ā ļø": ⚠️ as seen in the seed
        ("\u{00E2}\u{0161}\u{00A0}\u{00EF}\u{00B8}\u{008F}", .warning), // "âš ï¸" (Windows-1252)
        ("\u{00E2}\u{0161}\u{00A0}\u{00EF}\u{00B8}", .warning),
        ("\u{00E2}\u{0161} \u{00EF}\u{00B8}", .warning),     // the same with a plain space
        ("\u{26A0}\u{FE0F}", .warning),                 // ⚠️
        ("\u{26A0}", .warning),                         // ⚠ without the emoji selector
        ("\u{00F0}\u{0178}\u{2019}\u{00A1}", .bulb),    // "ðŸ’¡" (Windows-1252)
        ("\u{0161}\u{201D}", .bulb),                    // "š”": 💡 as seen in the seed
        ("\u{1F4A1}", .bulb),                           // 💡
    ]

    /// Splits a leading marker off `line` (after leading spaces); the rest is trimmed.
    static func leadingMarker(_ line: String) -> (Marker?, String) {
        let trimmed = Substring(line).drop { $0 == " " }
        for (spelling, marker) in markers {
            // Compare unicode scalars: "⚠️" and "⚠" differ only by a selector that Character
            // comparison would fold together with what follows.
            let scalars = Array(spelling.unicodeScalars)
            let head = Array(trimmed.unicodeScalars.prefix(scalars.count))
            if head == scalars {
                let rest = String(String.UnicodeScalarView(trimmed.unicodeScalars.dropFirst(scalars.count)))
                return (marker, rest.trimmingLeadingSpaces())
            }
        }
        return (nil, String(trimmed))
    }

    /// Repairs mis-encoded punctuation: "ā" or "â€”" standing for an em dash becomes "—"; between
    /// two letters "ā" stood for an apostrophe (the same damage hits ’), so it becomes "'".
    static func repairPunctuation(_ text: String) -> String {
        var result = text
        let cp1252: [(String, String)] = [
            ("\u{00E2}\u{20AC}\u{201D}", "\u{2014}"),  // â€” → —
            ("\u{00E2}\u{20AC}\u{201C}", "\u{2013}"),  // â€“ → –
            ("\u{00E2}\u{20AC}\u{2122}", "'"),         // â€™ → '
            ("\u{00E2}\u{20AC}\u{0153}", "\""),        // â€œ → "
            ("\u{00E2}\u{20AC}\u{009D}", "\""),        // â€ + 0x9D → "
        ]
        for (bad, good) in cp1252 { result = result.replacingOccurrences(of: bad, with: good) }
        guard result.contains("\u{0101}") else { return result }
        let characters = Array(result)
        var repaired = ""
        for (index, character) in characters.enumerated() {
            guard character == "\u{0101}" else {
                repaired.append(character)
                continue
            }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            repaired.append(before.isLetter && after.isLetter ? "'" : "\u{2014}")
        }
        return repaired
    }

    /// Characters that suggest damage the repair did not understand, for a warning.
    static func suspiciousCharacters(in text: String) -> [Character] {
        let suspects: Set<Character> = ["\u{0161}", "\u{013C}", "\u{00F8}", "\u{00C3}", "\u{00E2}", "\u{20AC}", "\u{FFFD}"]
        var seen: [Character] = []
        for character in text where suspects.contains(character) && !seen.contains(character) {
            seen.append(character)
        }
        return seen
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
    func trimmingSpaces() -> String {
        var result = Substring(self).drop { $0 == " " || $0 == "\t" }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return String(result)
    }
}
