/// The letters options are shown with: A, B, C, … as in the exam.
public enum OptionLetters {
    /// The letter for the option at `index` (0 → "A").
    public static func letter(_ index: Int) -> String {
        guard index >= 0, index < 26 else { return "?" }
        return String(UnicodeScalar(UInt8(65 + index)))
    }

    /// The index of `letter` ("a" or "A" → 0), or `nil` for anything that is not a single letter.
    public static func index(_ letter: Character) -> Int? {
        guard let ascii = letter.uppercased().first?.asciiValue, (65...90).contains(ascii),
              letter.isLetter, letter.isASCII else { return nil }
        return Int(ascii) - 65
    }
}
