import Foundation

/// One classified line of the study guide's plain-text format.
enum SourceLine: Equatable {
    /// "5.2.1. Encryption at Rest: KMS Key Types and Policies"
    case sectionHeading(number: String, title: String)
    /// A paragraph typed by its label: "First Principle: …", "Exam Trap: …", "Reflection Question: …".
    case callout(CalloutKind, label: String, text: String)
    /// "Key Policies: Unlike IAM policies, …" (text may be empty: "KMS Key Types:").
    case headed(title: String, text: String)
    /// "| a | b |"
    case tableRow(cells: [String], isSeparator: Bool)
    case paragraph(String)
    case blank

    /// Labels that type a paragraph as a callout, compared case-insensitively.
    static let calloutLabels: [(String, CalloutKind)] = [
        ("first principle", .firstPrinciple),
        ("exam trap", .examTrap),
        ("reflection question", .reflection),
        ("reflection", .reflection),
    ]

    /// Small words a heading may leave in lower case ("Encryption at Rest").
    static let minorWords: Set<String> = ["a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "by",
                                          "vs", "vs.", "with", "or", "from", "per"]

    /// Classifies one line (already free of its line break).
    static func classify(_ raw: String) -> SourceLine {
        let (marker, rest) = SourceTextRepair.leadingMarker(raw)
        let line = SourceTextRepair.repairPunctuation(rest).trimmingSpaces()
        if line.isEmpty && marker == nil { return .blank }
        if line.hasPrefix("|") { return tableRow(line) }
        if marker == nil, let heading = sectionHeading(line) { return heading }
        if let (label, text) = headed(line) {
            if let kind = calloutLabels.first(where: { $0.0 == label.lowercased() })?.1 {
                return .callout(kind, label: label, text: text)
            }
            if let marker {
                // A marked paragraph with an unfamiliar label keeps its label as the title.
                return .callout(marker == .bulb ? .firstPrinciple : .examTrap, label: label, text: text)
            }
            return .headed(title: label, text: text)
        }
        if let marker {
            return .callout(marker == .bulb ? .firstPrinciple : .examTrap, label: "", text: line)
        }
        return .paragraph(line)
    }

    /// "5.2.1. Title" or "5.2.1 Title": dotted numbers, then the title.
    static func sectionHeading(_ line: String) -> SourceLine? {
        let number = line.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard number.first?.isNumber == true, number.contains("."),
              line.dropFirst(number.count).first == " " else { return nil }
        let title = String(line.dropFirst(number.count)).trimmingSpaces()
        // "1.5 million requests" is prose; a heading's title starts with a capital.
        guard let initial = title.first, initial.isUppercase else { return nil }
        let trimmedNumber = number.hasSuffix(".") ? String(number.dropLast()) : String(number)
        return .sectionHeading(number: trimmedNumber, title: title)
    }

    /// "Label: text" where the label reads like a short title-case heading.
    static func headed(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon]).trimmingSpaces()
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " ", (1...40).contains(label.count) else { return nil }
        let words = label.split(separator: " ")
        guard (1...5).contains(words.count), let first = words.first?.first, first.isUppercase else { return nil }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" || $0 == "&" }) else { return nil }
            guard let initial = word.first, initial.isUppercase || initial.isNumber || minorWords.contains(word.lowercased())
            else { return nil }
        }
        return (label, String(after).trimmingSpaces())
    }

    static func tableRow(_ line: String) -> SourceLine {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        let cells = body.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        let isSeparator = !cells.isEmpty && cells.allSatisfy { cell in
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
        return .tableRow(cells: cells, isSeparator: isSeparator)
    }
}
