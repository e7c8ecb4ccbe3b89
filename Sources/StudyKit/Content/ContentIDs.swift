/// The spelling rules for ids in content files.
enum ContentIDs {
    /// kebab-case: lower-case letters and digits in words joined by single hyphens.
    static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousWasHyphen = false
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasHyphen = false
            case "-":
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }

    /// A fact id: `F` followed by a number without leading zeros (F1 … F24).
    static func isFactID(_ id: String) -> Bool {
        guard id.hasPrefix("F") else { return false }
        let digits = id.dropFirst()
        guard let first = digits.first, first != "0" else { return false }
        return digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A kebab-case version of a title, for ids made by the importer.
    static func slug(_ title: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                result.append(character)
                pendingHyphen = false
            } else if character != "'" && character != "\u{2019}" {
                pendingHyphen = true
            }
        }
        if let first = result.first, !first.isLetter { result = "s-" + result }
        return result.isEmpty ? "section" : result
    }
}
